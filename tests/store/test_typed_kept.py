"""A refused finish keeps what the user typed: the effort, the pain flag and the notes go into
the journal with the sets, so the next start's resume or keep-as-stopped stores them.

The history folder is a real tmpfs filled to the last byte (tests/store/full_disk.py): the
finish fails with the kernel's own ENOSPC. The next start is a real `ankledesk` process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ankledesk.core.plan import expand
from ankledesk.errors import UserError
from ankledesk.store.documents import WallClock
from ankledesk.store.history import HISTORY_DIR
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.session_store import ActiveSession, SessionStore
from tests.core.factories import simple
from tests.store.driving import record_sets
from tests.store.full_disk import free, full_folder

ROUTINE = simple()
PLAN = expand(ROUTINE)
TYPED = {"rpe": 8, "pain": True, "notes": "left calf tight, stopped the hops",
         "drill_notes": {"toe-hold": "wobbly on the right"}}


def _sets(active: ActiveSession, count: int) -> None:
    record_sets(active, PLAN, count)


def _journal_session(data_dir: Path) -> dict:
    tables = json.loads((data_dir / JOURNAL_FILE).read_text(encoding="utf-8"))
    (session,) = tables["sessions"].values()
    return session


def _typed_of(session: dict) -> dict:
    return {key: session.get(key) for key in TYPED}


def _refused_finish(data_dir: Path) -> str:
    """Record two sets, then finish with TYPED while the history's disk is full; returns the
    id of the session left in the journal."""
    with SessionStore.open(data_dir) as store:
        active = store.begin(ROUTINE, WallClock.now(0.0))
        _sets(active, 2)
        with full_folder(data_dir / HISTORY_DIR) as how, pytest.raises(UserError) as refused:
            active.finish(**TYPED)
        if how == "ENOSPC":
            assert "the disk is full" in str(refused.value)
        assert not active.closed
        return active.id


@pytest.mark.parametrize("next_start", ["resume", "keep as stopped"])
def test_a_refused_finish_leaves_what_was_typed_for_the_next_start(cli, data_dir: Path,
                                                                   next_start: str) -> None:
    session_id = _refused_finish(data_dir)
    kept = _journal_session(data_dir)
    assert kept["id"] == session_id and len(kept["steps"]) == 2
    assert _typed_of(kept) == TYPED
    assert not list((data_dir / HISTORY_DIR).glob("*.json"))  # nothing half-stored

    if next_start == "resume":
        done = cli("simulate", "--resume", "--speed", "5000")
        status, sets = "finished", len(PLAN.work_steps)
    else:
        done = cli("simulate", "runners-chassis-circuit", "--abandon-leftover", "--speed",
                   "5000")
        status, sets = "abandoned", 2
    assert done.returncode == 0, done.stderr
    with SessionStore.open(data_dir, read_only=True) as store:
        stored = next(s for s in store.sessions() if s["id"] == session_id)
    assert (stored["status"], len(stored["steps"])) == (status, sets)
    assert _typed_of(stored) == TYPED
    assert not (data_dir / JOURNAL_FILE).exists()


def test_what_is_typed_is_in_the_journal_the_moment_it_is_entered(cli, data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        active = store.begin(ROUTINE, WallClock.now(0.0))
        _sets(active, 1)
        active.annotate(rpe=6)
        # Another process reads it at once: nothing waits for the finish.
        shown = json.loads(cli("history", "--json", check=True).stdout)
        assert [(s["status"], s["rpe"]) for s in shown] == [("in_progress", 6)]
        active.annotate(**TYPED)
        assert _typed_of(_journal_session(data_dir)) == TYPED
        before = (data_dir / JOURNAL_FILE).stat()
        active.annotate(**TYPED)  # nothing changed: nothing written
        after = (data_dir / JOURNAL_FILE).stat()
        assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
        active.annotate(rpe=6, drill_notes={"toe-hold": "  "})  # a blank note is no note
        assert "drill_notes" not in _journal_session(data_dir)
        assert _journal_session(data_dir)["steps"] == active.steps
        with pytest.raises(ValueError):
            active.annotate(rpe=11)
        assert _journal_session(data_dir)["rpe"] == 6


def test_a_finish_tried_again_once_there_is_space_stores_it(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        active = store.begin(ROUTINE, WallClock.now(0.0))
        _sets(active, 2)
        history = data_dir / HISTORY_DIR
        with full_folder(history):
            with pytest.raises(UserError):
                active.finish(**TYPED)
            assert _typed_of(_journal_session(data_dir)) == TYPED
            free(history)
            stored = active.finish(**TYPED)
    assert _typed_of(stored) == TYPED and stored["status"] == "finished"
    with SessionStore.open(data_dir, read_only=True) as store:
        (again,) = store.sessions()
    assert again == stored
    assert not (data_dir / JOURNAL_FILE).exists()
