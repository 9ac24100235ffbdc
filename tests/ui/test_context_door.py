"""AppContext is the window's one door to changing the history: each write it makes announces
itself, and what was read before it is read again afterwards.

Before, four places had to remember `sessions_changed()` after writing and the summary wrote
measurements to the store with no word at all, so Today and History showed the old figures.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from ankledesk.core.plan import expand
from ankledesk.library import open_library
from ankledesk.store.documents import WallClock
from ankledesk.store.session_store import ActiveSession, SessionStore
from ankledesk.ui.context import AppContext
from tests.store.driving import record_sets

UI = Path(__file__).resolve().parents[2] / "src" / "ankledesk" / "ui"
WRITES = {"abandon_leftover", "edit_session", "add_measurements"}
CLOSES = {"finish", "abandon"}  # a session's, when given an effort (the cue player has one too)
PRIMER = "pre-run-ankle-primer"


@pytest.fixture
def context(data_dir: Path) -> Iterator[AppContext]:
    store = SessionStore.open(data_dir)
    yield AppContext(data_dir, store)
    store.close()


def recorded(context: AppContext, sets: int = 2) -> ActiveSession:
    """A workout of the primer with `sets` sets recorded, driven as the window drives it
    (reps sets done after 20 s), not closed yet."""
    routine = open_library(context.data_dir).routine(PRIMER)
    active = context.store.begin(routine, WallClock.now(0.0))
    record_sets(active, expand(routine), sets)
    return active


def test_a_finish_is_said_and_read_again(context, qtbot):
    assert context.sessions() == []
    with qtbot.waitSignal(context.history_changed, timeout=5000):
        document = context.finish(recorded(context), at=None, rpe=6, pain=False,
                                  notes="easy", drill_notes={})
    assert [s["id"] for s in context.sessions()] == [document["id"]]
    assert context.sessions()[0]["rpe"] == 6


def test_an_abandon_is_said_and_read_again(context, qtbot):
    context.sessions()
    with qtbot.waitSignal(context.history_changed, timeout=5000):
        context.abandon(recorded(context, sets=1), at=None, rpe=None, pain=True, notes="",
                        drill_notes={})
    assert [s["status"] for s in context.sessions()] == ["abandoned"]


def test_an_edit_is_said_and_read_again(context, qtbot):
    document = context.finish(recorded(context), at=None, rpe=None, pain=False, notes="",
                              drill_notes={})
    assert context.sessions()[0]["notes"] == ""
    with qtbot.waitSignal(context.history_changed, timeout=5000):
        context.edit_session(document["id"], rpe=8, pain=True, notes="left knee pinch",
                             drill_notes={"ankle-circles": "stiff"})
    [edited] = context.sessions()
    assert (edited["rpe"], edited["pain"], edited["notes"]) == (8, True, "left knee pinch")


def test_measurements_are_said_once_and_read_again(context, qtbot):
    assert context.measurements() == []
    with qtbot.waitSignals([context.history_changed], timeout=5000):
        saved = context.add_measurements({"knee-to-wall": (9.5, 11.0),
                                          "big-toe-hold": (80.0, 90.0)})
    assert [d["kind"] for d in saved] == ["knee-to-wall", "big-toe-hold"]
    assert [d["kind"] for d in context.measurements()] == ["knee-to-wall", "big-toe-hold"]


def test_a_leftover_kept_as_stopped_early_is_said(data_dir, qtbot):
    store = SessionStore.open(data_dir)
    recorded(AppContext(data_dir, store))  # the journal, as a crash leaves it
    store.close()
    store = SessionStore.open(data_dir)
    context = AppContext(data_dir, store)
    assert store.leftover is not None and context.sessions() == []
    with qtbot.waitSignal(context.history_changed, timeout=5000):
        context.abandon_leftover()
    assert [s["status"] for s in context.sessions()] == ["abandoned"]
    store.close()


def test_no_screen_writes_the_history_but_through_the_context():
    """Every call of a writing method in ui/ is on a context (a session closed with its effort,
    an edit, a measurement, a leftover kept); nothing in ui/ but the context imports the
    store's writers or says the history changed."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "context.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and (node.func.attr in WRITES or (node.func.attr in CLOSES
                         and any(k.arg == "rpe" for k in node.keywords)))
                    and not ast.unparse(node.func.value).endswith("context")):
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {ast.unparse(node)}")
            if isinstance(node, ast.ImportFrom) and node.module in (
                    "ankledesk.store.edits", "ankledesk.store.measurements"):
                found.append(f"{path.relative_to(UI)}:{node.lineno}: imports {node.module}")
            if isinstance(node, ast.Attribute) and node.attr.endswith("sessions_changed"):
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {node.attr}")
    assert found == []

