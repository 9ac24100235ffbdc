"""Broken, foreign and newer files: never overwritten, kept aside or opened read-only.

A file broken as a whole is kept aside here; one broken session among good ones is
tests/store/test_quarantine.py's subject."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from ankledesk.errors import UserError
from ankledesk.store.documents import SCHEMA_VERSION, WallClock
from ankledesk.store.files import empty_tables
from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.session_store import SessionStore
from tests.core.factories import simple
from tests.store.helpers import dead_pid, year_path
from tests.store.strategies import session_at

GOOD = session_at("2026-11-16T07:00:00+01:00")


def _history_with(*docs: dict) -> bytes:
    tables = empty_tables("history")
    tables["sessions"] = {str(n): d for n, d in enumerate(docs, 1)}
    return json.dumps(tables).encode()


_VALID = _history_with(GOOD)
_WRONG_META = dict(empty_tables("history"), meta={"1": {"schema_version": "two",
                                                        "kind": "history"}})

BROKEN: dict[str, bytes] = {
    "empty": b"",
    "truncated": _VALID[: len(_VALID) // 2],
    "not JSON": b"history of my workouts\n",
    "not UTF-8": b'{"meta": "\xff\xfe"}',
    "a JSON list": b"[1, 2, 3]",
    "no meta table": json.dumps({"sessions": {}}).encode(),
    "meta without a version": json.dumps(_WRONG_META).encode(),
    "a journal, not a history": json.dumps(empty_tables("journal")).encode(),
    "a table that is a list": json.dumps({**empty_tables("history"), "sessions": []}).encode(),
}


def _aside(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}.corrupt-*.json"))


# A history cut mid-session is no longer unreadable as a whole: its intact sessions are
# salvaged (tests/store/test_salvage.py).
@pytest.mark.parametrize("variant", sorted(set(BROKEN) - {"truncated"}))
def test_an_unreadable_history_is_moved_aside_and_a_new_one_started(data_dir: Path,
                                                                    variant: str) -> None:
    original = BROKEN[variant]
    (data_dir / HISTORY_FILE).write_bytes(original)
    with SessionStore.open(data_dir) as store:
        [aside] = _aside(data_dir, "history")
        assert aside.read_bytes() == original  # not a byte lost
        [notice] = store.notices
        assert str(data_dir / HISTORY_FILE) in notice and str(aside) in notice
        assert store.sessions() == []
        active = store.begin(simple(), WallClock.now(0.0))
        active.finish()
    with SessionStore.open(data_dir) as store:
        assert store.notices == []
        assert len(store.sessions()) == 1


@pytest.mark.parametrize("variant", ["empty", "truncated", "not JSON", "a JSON list"])
def test_an_unreadable_journal_is_kept_aside_too(data_dir: Path, variant: str) -> None:
    original = BROKEN[variant]
    (data_dir / JOURNAL_FILE).write_bytes(original)
    with SessionStore.open(data_dir) as store:
        [aside] = _aside(data_dir, "journal")
        assert aside.read_bytes() == original
        assert any(str(aside) in n for n in store.notices)
        assert store.leftover is None
        store.begin(simple(), WallClock.now(0.0)).finish()


def test_a_journal_with_two_sessions_is_the_wrong_shape(data_dir: Path) -> None:
    tables = empty_tables("journal")
    two = [session_at("2026-11-16T07:00:00+01:00", status="in_progress"),
           session_at("2026-11-17T07:00:00+01:00", status="in_progress")]
    tables["sessions"] = {"1": two[0], "2": two[1]}
    (data_dir / JOURNAL_FILE).write_text(json.dumps(tables))
    with SessionStore.open(data_dir) as store:
        assert len(_aside(data_dir, "journal")) == 1
        assert store.leftover is None


def test_a_viewer_reports_a_broken_file_but_leaves_it_alone(data_dir: Path) -> None:
    (data_dir / HISTORY_FILE).write_bytes(BROKEN["not JSON"])
    store = SessionStore.open(data_dir, read_only=True)
    [notice] = store.notices
    assert "cannot be read" in notice and "left as it is" in notice
    assert store.sessions() == []
    assert (data_dir / HISTORY_FILE).read_bytes() == BROKEN["not JSON"]
    assert _aside(data_dir, "history") == []


def _newer() -> bytes:
    tables = json.loads(_VALID)
    tables["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    tables["sessions"]["1"]["new_field_of_the_future"] = {"x": 1}
    return json.dumps(tables).encode()


def test_a_newer_history_is_opened_read_only_and_never_written(data_dir: Path) -> None:
    newer = _newer()
    (data_dir / HISTORY_FILE).write_bytes(newer)
    with SessionStore.open(data_dir) as store:
        [notice] = store.notices
        assert "newer AnkleDesk" in notice and "read-only" in notice
        assert store.read_only
        assert [s["id"] for s in store.sessions()] == [GOOD["id"]]
        with pytest.raises(UserError, match="read-only"):
            store.begin(simple(), WallClock.now(0.0))
    assert (data_dir / HISTORY_FILE).read_bytes() == newer
    assert not (data_dir / JOURNAL_FILE).exists()
    assert _aside(data_dir, "history") == []


def test_a_newer_journal_is_left_untouched(data_dir: Path) -> None:
    tables = empty_tables("journal")
    tables["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    tables["sessions"] = {"1": {"anything": "the future holds"}}
    raw = json.dumps(tables).encode()
    (data_dir / JOURNAL_FILE).write_bytes(raw)
    with SessionStore.open(data_dir) as store:
        assert store.read_only
        with pytest.raises(UserError, match="read-only"):
            store.begin(simple(), WallClock.now(0.0))
    assert (data_dir / JOURNAL_FILE).read_bytes() == raw


def test_temp_files_left_by_a_crash_mid_write_are_cleared(data_dir: Path) -> None:
    path = year_path(data_dir)
    path.write_bytes(_VALID)
    # What a writer killed mid-write leaves (its pid in the name), and an older AnkleDesk's
    # (no pid) from over an hour ago.
    junk = path.with_name(f".{path.name}.{dead_pid()}.abc123xy.tmp")
    junk.write_bytes(_VALID[:10])
    older = path.with_name(f".{path.name}.abc123xy.tmp")
    older.write_bytes(_VALID[:10])
    os.utime(older, (time.time() - 7200, time.time() - 7200))
    with SessionStore.open(data_dir) as store:
        assert len(store.sessions()) == 1
        assert store.notices == []
    assert not junk.exists() and not older.exists()
