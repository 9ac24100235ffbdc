"""Recording workouts: the engine's events into the journal, then into history; resume and
abandon; and Hypothesis round-trips of session documents through both files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from ankledesk.core.engine import Engine
from ankledesk.core.plan import expand
from ankledesk.errors import UserError
from ankledesk.store.documents import WallClock, check_session, parse_time
from ankledesk.store.files import empty_tables
from ankledesk.store.history import History, year_file, year_of
from ankledesk.store.journal import JOURNAL_FILE, RESUME_KEY, Journal, without_journal_fields
from ankledesk.store.session_store import ActiveSession, SessionStore
from tests.core.factories import simple
from tests.store import strategies
from tests.store.helpers import measurements_path, year_path
from tests.store.hostile import good_sessions, history_text

ROUTINE = simple()
PLAN = expand(ROUTINE)
WORK = [s.index for s in PLAN.work_steps]


def _run(engine: Engine, active: ActiveSession, now: float, *, until_sets: int | None = None
         ) -> float:
    """Drive the engine like the UI would (reps sets done after 20 s); returns the clock."""
    recorded = 0
    while engine.state == "running":
        step = engine.step
        if step.is_work and step.counts_up:
            now += 20.0
            events = engine.complete(now)
        else:
            now = engine.next_wake(now)
            events = engine.poll(now)
        for event in events:
            if active.record(event) is not None:
                recorded += 1
        if until_sets is not None and recorded >= until_sets:
            break
    return now


def _start(store: SessionStore) -> tuple[Engine, ActiveSession, list]:
    active = store.begin(ROUTINE, WallClock.now(0.0))
    engine = Engine(PLAN)
    return engine, active, engine.start(0.0)


def test_a_whole_workout_goes_into_history_and_the_journal_goes(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        assert (data_dir / JOURNAL_FILE).exists()
        now = _run(engine, active, 0.0)
        doc = active.finish(at=now, rpe=6, pain=True, notes="left calf tight")
    assert not (data_dir / JOURNAL_FILE).exists()
    with SessionStore.open(data_dir) as store:
        [stored] = store.sessions()
    assert stored == doc
    check_session(stored)
    assert stored["status"] == "finished" and stored["rpe"] == 6 and stored["pain"] is True
    assert [s["index"] for s in stored["steps"]] == WORK
    first = stored["steps"][0]
    assert (first["drill_id"], first["side"], first["mode"], first["target_seconds"],
            first["actual_seconds"], first["outcome"]) == (
        "toe-hold", "left", "hold", 45.0, 45.0, "done")
    reps = next(s for s in stored["steps"] if s["mode"] == "reps")
    assert (reps["target_reps"], reps["actual_reps"], reps["target_seconds"]) == (10, 10, None)
    ends = [parse_time(s["ended_at"]) for s in stored["steps"]]
    assert ends == sorted(ends)
    assert parse_time(stored["started_at"]) <= ends[0] <= parse_time(stored["ended_at"])
    assert (parse_time(stored["ended_at"]) - parse_time(stored["started_at"])
            ).total_seconds() == pytest.approx(now, abs=1)


def test_a_step_run_again_after_previous_replaces_its_record(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        now = _run(engine, active, 0.0, until_sets=1)
        first = active.steps[0]
        assert engine.step.kind == "switch"  # between the left and the right hold
        engine.previous(now + 1.0)           # back to the left hold, run it again
        now = _run(engine, active, now + 1.0, until_sets=1)
        journal = Journal.open(data_dir, writable=False).session()
    [again] = [s for s in journal["steps"] if s["index"] == first["index"]]
    assert len(journal["steps"]) == 1
    assert parse_time(again["ended_at"]) > parse_time(first["ended_at"])
    assert journal[RESUME_KEY] == first["index"] + 1


def test_a_cut_short_session_resumes_after_its_last_finished_set(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        _run(engine, active, 0.0, until_sets=3)
        done = list(active.steps)
        session_id = active.id
    # … the app dies here; the next start finds the journal.
    with SessionStore.open(data_dir) as store:
        assert store.leftover["id"] == session_id
        assert store.leftover["steps"] == done
        with pytest.raises(UserError, match="cut-short"):
            store.begin(ROUTINE, WallClock.now(0.0))
        active = store.resume(WallClock.now(100.0))
        assert active.resume_index == done[-1]["index"] + 1
        engine = Engine(PLAN)
        engine.start(100.0, index=active.resume_index)
        now = _run(engine, active, 100.0)
        doc = active.finish(at=now)
    assert doc["id"] == session_id
    assert [s["index"] for s in doc["steps"]] == WORK
    assert doc["steps"][:3] == done


def test_a_cut_short_session_can_be_kept_as_abandoned(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        _run(engine, active, 0.0, until_sets=2)
        last_end = active.steps[-1]["ended_at"]
    with SessionStore.open(data_dir) as store:
        kept = store.abandon_leftover()
        assert store.leftover is None
        with pytest.raises(UserError):
            store.resume(WallClock.now(0.0))
    assert kept["status"] == "abandoned" and kept["ended_at"] == last_end
    assert RESUME_KEY not in kept
    assert not (data_dir / JOURNAL_FILE).exists()
    with SessionStore.open(data_dir) as store:
        assert store.sessions() == [kept]


def test_abandoning_the_running_session_keeps_what_was_done(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        _run(engine, active, 0.0, until_sets=1)
        doc = active.abandon(notes="gym closing")
        with pytest.raises(RuntimeError):
            active.record(engine.next(999.0)[0])
    assert doc["status"] == "abandoned" and len(doc["steps"]) == 1


def test_a_journal_already_moved_into_history_is_dropped(data_dir: Path) -> None:
    """A crash between the history write and the journal removal."""
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        now = _run(engine, active, 0.0)
        shutil.copy(data_dir / JOURNAL_FILE, data_dir / "journal.copy")
        active.finish(at=now)
    (data_dir / "journal.copy").rename(data_dir / JOURNAL_FILE)
    with SessionStore.open(data_dir) as store:
        assert store.leftover is None
        assert len(store.sessions()) == 1
    assert not (data_dir / JOURNAL_FILE).exists()


def test_an_empty_journal_is_removed(data_dir: Path) -> None:
    (data_dir / JOURNAL_FILE).write_text(json.dumps(empty_tables("journal")))
    with SessionStore.open(data_dir) as store:
        assert store.leftover is None and store.notices == []
    assert not (data_dir / JOURNAL_FILE).exists()


def test_only_create_makes_a_journal(data_dir: Path) -> None:
    assert Journal.open(data_dir, writable=True) is None
    assert not (data_dir / JOURNAL_FILE).exists()
    journal = Journal.create(data_dir)
    assert (data_dir / JOURNAL_FILE).is_file() and journal.session() is None
    assert not journal.read_only and journal.notices == []
    reopened = Journal.open(data_dir, writable=False)
    assert reopened is not None and reopened.session() is None


def test_a_viewer_lists_the_cut_short_session_as_in_progress(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        engine, active, _ = _start(store)
        _run(engine, active, 0.0, until_sets=2)
        viewer = SessionStore.open(data_dir, read_only=True)  # works while the lock is held
        [doc] = viewer.sessions()
        assert doc["status"] == "in_progress" and len(doc["steps"]) == 2
        assert RESUME_KEY not in doc
        with pytest.raises(RuntimeError):
            viewer.begin(ROUTINE, WallClock.now(0.0))


def test_rpe_must_be_1_to_10(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        _, active, _ = _start(store)
        for bad in (0, 11, 7.5, True):
            with pytest.raises(ValueError):
                active.finish(rpe=bad)
        assert active.finish(rpe=10)["rpe"] == 10


# -- round-trips -------------------------------------------------------------------------

ROUND_TRIP = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(strategies.sessions(status="finished") | strategies.sessions(status="abandoned"))
def test_any_session_document_round_trips_through_history(doc: dict) -> None:
    check_session(doc)
    with tempfile.TemporaryDirectory() as folder:
        History(Path(folder), writable=True).add(doc)
        with SessionStore.open(Path(folder)) as store:
            assert store.sessions() == [doc]
            assert store.notices == []
        path = year_file(Path(folder), year_of(doc))
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert list(raw["sessions"].values()) == [doc]


@ROUND_TRIP
@given(strategies.sessions(status="in_progress"))
def test_any_session_in_progress_round_trips_through_the_journal(doc: dict) -> None:
    header = {**doc, "steps": []}
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal.create(Path(folder))
        journal.start(header)
        for step in reversed(doc["steps"]):  # any finishing order ends in plan order
            journal.record(step, step["index"] + 1)
        with SessionStore.open(Path(folder)) as store:
            assert store.notices == []
            assert without_journal_fields(store.leftover) == doc
            expected = doc["steps"][0]["index"] + 1 if doc["steps"] else 0
            assert store.leftover[RESUME_KEY] == expected


def test_notices_only_grow_at_the_end_whoever_found_them(data_dir: Path) -> None:
    """The app says the notices after those it has said (by count): one the store found
    (measurements) and a later one from a year opened afterwards stay in the order found."""
    old = [{**doc, "id": f"old-{n}"} for n, doc in
           enumerate(good_sessions(2, start=dt.date(2019, 3, 4)))]
    year_path(data_dir, 2019).write_text(
        history_text(old, {1: json.dumps({**old[1], "rpe": 11})}), encoding="utf-8")
    measurements = measurements_path(data_dir)
    measurements.parent.mkdir(parents=True, exist_ok=True)
    measurements.write_bytes(b"\x00 not json")
    with SessionStore.open(data_dir) as store:
        store.measurements_file()
        said = store.notices
        assert len(said) == 1 and "measurements" in said[0]
        store.sessions(include_in_progress=False)  # 2019 opened now
        later = store.notices
        assert later[:1] == said and len(later) == 2
        assert str(year_path(data_dir, 2019)) in later[1]
