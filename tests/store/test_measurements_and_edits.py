"""Measurements in the history folder's measurements.json and edits of a stored session: real
files, durable writes, nothing of the sessions lost, readable after a restart; and the
measurements of a history.json from before the split into years moved with its sessions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ankledesk.core.measures import MeasurementError
from ankledesk.errors import UserError
from ankledesk.store.edits import edit_session
from ankledesk.store.files import empty_tables
from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.measurements import MEASUREMENTS_TABLE, MeasurementLog
from ankledesk.store.session_store import SessionStore
from tests.report.factories import session
from tests.store.helpers import history_bytes, measurements_path, year_path

TZ = dt.timezone(dt.timedelta(hours=1))


def _store_with_session(data_dir: Path) -> tuple[SessionStore, dict]:
    store = SessionStore.open(data_dir)
    doc = session(dt.datetime(2026, 11, 17, 7, tzinfo=TZ), rounds=1, rpe=6, notes="ok")
    doc["drill_notes"] = {"banded-lunge": "knee caved"}
    store.history.add(doc)
    return store, doc


def test_measurements_survive_a_restart_beside_the_sessions(data_dir: Path):
    store, doc = _store_with_session(data_dir)
    log = MeasurementLog(store)
    first = log.add("knee-to-wall", left=9.5, right=11.0,
                    taken_at=dt.datetime(2026, 11, 18, 7, tzinfo=TZ), session_id=doc["id"])
    log.add("balance-eyes-closed", left=14, taken_at=dt.datetime(2026, 11, 10, 7, tzinfo=TZ))
    store.close()

    raw = json.loads(measurements_path(data_dir).read_text(encoding="utf-8"))
    assert len(raw[MEASUREMENTS_TABLE]) == 2
    assert len(json.loads(year_path(data_dir).read_text(encoding="utf-8"))["sessions"]) == 1
    reopened = SessionStore.open(data_dir, read_only=True)
    docs = MeasurementLog(reopened).all()
    assert [(d["kind"], d["left"], d["right"]) for d in docs] == [
        ("balance-eyes-closed", 14.0, None), ("knee-to-wall", 9.5, 11.0)]
    assert docs[1] == first and docs[1]["session_id"] == doc["id"]
    assert reopened.sessions() == [doc]


def test_a_bad_value_is_refused_and_nothing_is_written(data_dir: Path):
    store, _ = _store_with_session(data_dir)
    before = history_bytes(data_dir)
    with pytest.raises(MeasurementError, match="left: Knee-to-wall distance is 0–30 cm, got 45"):
        MeasurementLog(store).add("knee-to-wall", left=45, right=10)
    with pytest.raises(MeasurementError, match="needs the left side, the right side or both"):
        MeasurementLog(store).add("big-toe-hold")
    assert history_bytes(data_dir) == before
    store.close()


def test_a_hand_edited_bad_record_is_skipped_on_reading_and_kept_in_the_file(data_dir: Path):
    store, _ = _store_with_session(data_dir)
    MeasurementLog(store).add("knee-to-wall", left=9, right=10)
    store.close()
    path = measurements_path(data_dir)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw[MEASUREMENTS_TABLE]["2"] = {"kind": "knee-to-wall", "left": "nine"}
    path.write_text(json.dumps(raw), encoding="utf-8")

    store = SessionStore.open(data_dir)
    log = MeasurementLog(store)
    assert len(log.all()) == 1
    [skipped] = log.skipped
    assert skipped.endswith("measurements record 2: a measurement lacks id, taken_at, right, "
                            "session_id")
    log.add("big-toe-hold", left=95)  # a later write keeps the record it could not read
    store.close()
    kept = json.loads(path.read_text(encoding="utf-8"))[MEASUREMENTS_TABLE]
    assert kept["2"] == {"kind": "knee-to-wall", "left": "nine"} and len(kept) == 3


def test_a_read_only_store_records_no_measurement(data_dir: Path):
    store, _ = _store_with_session(data_dir)
    store.close()
    viewer = SessionStore.open(data_dir, read_only=True)
    with pytest.raises(RuntimeError, match="read-only"):
        MeasurementLog(viewer).add("knee-to-wall", left=9)


def test_an_edit_changes_rpe_pain_and_notes_only_and_survives_a_restart(data_dir: Path):
    store, doc = _store_with_session(data_dir)
    edited = edit_session(store, doc["id"], rpe=9, pain=True, notes="Achilles sore <b>&</b>",
                          drill_notes={"banded-lunge": "", "single-leg-rdl": "wobbly"})
    store.close()
    reopened = SessionStore.open(data_dir, read_only=True)
    [stored] = reopened.sessions()
    assert stored == edited
    assert (stored["rpe"], stored["pain"], stored["notes"]) == (9, True, "Achilles sore <b>&</b>")
    assert stored["drill_notes"] == {"single-leg-rdl": "wobbly"}
    assert stored["steps"] == doc["steps"] and stored["started_at"] == doc["started_at"]


def test_a_bad_edit_changes_nothing(data_dir: Path):
    store, doc = _store_with_session(data_dir)
    before = history_bytes(data_dir)
    with pytest.raises(ValueError, match="RPE is a whole number from 1 to 10"):
        edit_session(store, doc["id"], rpe=11, pain=False, notes="")
    with pytest.raises(UserError, match="no session nope in"):
        edit_session(store, "nope", rpe=5, pain=False, notes="")
    assert history_bytes(data_dir) == before
    store.close()


def test_the_measurements_of_a_history_json_move_with_its_sessions(data_dir: Path):
    doc = session(dt.datetime(2025, 3, 4, 7, tzinfo=TZ), rounds=1)
    measured = {"id": "m1", "kind": "knee-to-wall", "taken_at": "2025-03-04T07:30:00+01:00",
                "left": 9.0, "right": 10.0, "session_id": doc["id"]}
    tables = empty_tables("history")
    tables["sessions"] = {"1": doc}
    tables[MEASUREMENTS_TABLE] = {"1": measured}
    (data_dir / HISTORY_FILE).write_text(json.dumps(tables), encoding="utf-8")
    viewer = SessionStore.open(data_dir, read_only=True)  # before the split: read from there
    assert MeasurementLog(viewer).all() == [measured] and viewer.sessions() == [doc]
    with SessionStore.open(data_dir) as store:  # the first writer splits it
        assert MeasurementLog(store).all() == [measured]
    assert not (data_dir / HISTORY_FILE).exists()
    moved = json.loads(measurements_path(data_dir).read_text(encoding="utf-8"))
    assert list(moved[MEASUREMENTS_TABLE].values()) == [measured]
    assert SessionStore.open(data_dir, read_only=True).sessions() == [doc]
