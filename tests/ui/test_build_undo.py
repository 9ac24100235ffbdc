"""Any sequence of edits, undos and redos on the real Build screen (its QUndoStack, its model,
its fields) ends at a valid draft that saves and reloads as built, or at a blocked save that
writes nothing, and never raises."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ankledesk import paths
from ankledesk.core.draft import DraftState
from ankledesk.core.loader import load_library
from ankledesk.store.session_store import SessionStore
from ankledesk.ui.build import BuildScreen
from ankledesk.ui.context import AppContext

DRILL_IDS = ["big-toe-raise-hold", "short-foot", "single-leg-rdl", "ankle-circles",
             "eccentric-calf-raise"]

actions = st.lists(st.tuples(
    st.sampled_from(("name", "number", "add", "remove", "duplicate", "move", "mode", "amount",
                     "sides", "cap", "pace", "undo", "redo")),
    st.integers(0, 6), st.integers(-3, 5000), st.sampled_from(DRILL_IDS),
    st.sampled_from(("", "Hill prep", "  ", "Été 🦶"))), min_size=1, max_size=30)

NUMBERS = ("rounds", "rest_between_rounds", "rest_between_drills", "prepare", "side_switch")


def act(build: BuildScreen, action) -> None:
    kind, row, number, drill_id, text = action
    n = len(build.state.items)
    if n:
        build.items.setCurrentIndex(build.model.index(row % n))
    if kind == "name":
        build.settings.name.setText(text)
        build.settings.changed.emit("name", text)
    elif kind == "number":
        build.settings.numbers[NUMBERS[row % 5]].setValue(max(0, number))
    elif kind == "add":
        build.add_drill(drill_id)
    elif kind == "undo":
        build.undo.undo()
    elif kind == "redo":
        build.undo.redo()
    elif not n:
        return
    elif kind == "remove":
        build.remove_item(row % n)
    elif kind == "duplicate":
        build.duplicate_item(row % n)
    elif kind == "move":
        build.move_item(row % n, number % n)
    elif kind == "mode":
        build.editor.mode.setCurrentIndex(number % 3)
    elif kind == "sides":
        build.editor.sides.setCurrentIndex(number % 2)
    else:
        box = {"amount": build.editor.amount, "cap": build.editor.cap,
               "pace": build.editor.rep_seconds}[kind]
        box.setValue(max(0, number))


# No shrinking phase: every example builds a real screen, so shrinking takes minutes; a
# failure prints its steps as drawn.
@settings(max_examples=40, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions)
def test_any_edits_and_undos_end_valid_and_saved_or_blocked(qtbot, tmp_path_factory, steps):
    data_dir = tmp_path_factory.mktemp("undo")
    store = SessionStore.open(data_dir)
    try:
        build = BuildScreen(AppContext(data_dir, store))
        qtbot.addWidget(build)
        for step in steps:
            act(build, step)
            assert build.model.rowCount() == len(build.state.items)
        # undo everything: back to the blank draft; redo as many: back to where it was
        reached, done = build.state, build.undo.index()
        while build.undo.canUndo():
            build.undo.undo()
        assert build.state == DraftState()
        for _ in range(done):
            build.undo.redo()
        assert build.state == reached
        folder = data_dir / "routines"
        if build.verdict.ok:
            assert build.files.save()
            lib = load_library(paths.builtin_routines_dir(), folder)
            saved = lib.routine(build.editing.id)
            assert replace(saved, source="") == replace(build.verdict.routine, source="")
        else:
            assert not build.files.save()
            assert not folder.exists() or not any(folder.iterdir())
        build.undo.setClean()
    finally:
        store.close()
