"""Build, as a coach uses it: a 5-drill circuit made with keyboard and mouse, saved, run to the
end in the workout screen and found in the history. Real window, real files, real store; only
the workout clock is moved by the test."""

from __future__ import annotations

import tomllib
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.store.session_store import SessionStore
from tests.conftest import run_cli
from tests.ui.build_helpers import drop, open_window, run_workout

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def search_and_pick(qtbot, build, words: str) -> None:
    """Type into the search field; the first match becomes the current drill."""
    search = build.library_panel.search
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(search, words)
    assert build.library_panel.list.count() >= 1


def circuit_drills(build) -> list[str]:
    return [item.drill for item in build.state.items]


def set_spin(qtbot, box, value: int) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(box, str(value))


def test_a_five_drill_circuit_built_by_keys_and_mouse_saves_runs_and_lands_in_history(
        qtbot, data_dir):
    with open_window(qtbot, data_dir) as window:
        build = window.build
        assert window.current_page() is build
        name = build.settings.name
        name.setFocus()
        qtbot.keyClicks(name, "Hill prep")
        assert build.state.name == "Hill prep"

        # 1. search + Enter
        search_and_pick(qtbot, build, "big-toe calf-raise hold")
        library = build.library_panel.list
        library.setFocus()
        library.setCurrentRow(0)
        qtbot.keyClick(library, Qt.Key.Key_Return)
        # 2. search by a cue word + double-click
        search_and_pick(qtbot, build, "toes long")
        names = [library.item(r).text().split("\n")[0] for r in range(library.count())]
        row = names.index("Short foot")
        rect = library.visualItemRect(library.item(row))
        # a double-click is a click and then a second, quick one (QTest sends only the second)
        qtbot.mouseClick(library.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(library.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        # 3. the category filter + Enter
        build.library_panel.search.clear()
        category = build.library_panel.category
        category.setCurrentIndex(category.findData("balance"))
        search_and_pick(qtbot, build, "eyes closed")
        library.setFocus()
        qtbot.keyClick(library, Qt.Key.Key_Return)
        category.setCurrentIndex(0)
        # 4. dragged from the library onto the end of the circuit
        search_and_pick(qtbot, build, "slow lowering")
        mime = library.mimeData([library.item(0)])
        viewport = build.items.viewport()
        drop(viewport, mime, QPoint(20, viewport.height() - 5), Qt.DropAction.CopyAction)
        # 5. single-leg RDL by Enter
        search_and_pick(qtbot, build, "romanian")
        library.setFocus()
        qtbot.keyClick(library, Qt.Key.Key_Return)
        assert circuit_drills(build) == [
            "big-toe-raise-hold", "short-foot", "single-leg-eyes-closed", "eccentric-calf-raise",
            "single-leg-rdl"]

        # Reorder by drag: the RDL (row 5) to the top.
        mime = build.model.mimeData([build.model.index(4)])
        top = build.items.visualRect(build.model.index(0))
        drop(viewport, mime, top.topLeft() + QPoint(10, 2))
        assert circuit_drills(build)[0] == "single-leg-rdl"

        # Values by keyboard: the big-toe hold at 40 s, short foot paced at 10 s a rep.
        items = build.items
        items.setCurrentIndex(build.model.index(1))
        set_spin(qtbot, build.editor.amount, 40)
        items.setCurrentIndex(build.model.index(2))
        set_spin(qtbot, build.editor.rep_seconds, 10)
        set_spin(qtbot, build.settings.numbers["rounds"], 2)
        set_spin(qtbot, build.settings.numbers["rest_between_rounds"], 30)
        assert build.state.items[1].amount == 40 and build.state.items[2].rep_seconds == 10
        # Undo the rest change, redo it, undo it again: 60 s stays.
        qtbot.keyClick(build.settings.numbers["rest_between_rounds"], Qt.Key.Key_Z, CTRL)
        assert build.state.rest_between_rounds == 60
        assert build.settings.numbers["rest_between_rounds"].value() == 60
        qtbot.keyClick(build.items, Qt.Key.Key_Z, CTRL | SHIFT)
        assert build.state.rest_between_rounds == 30
        qtbot.keyClick(build.items, Qt.Key.Key_Z, CTRL)
        assert build.state.rest_between_rounds == 60
        # Delete removes, Ctrl+Z brings it back where it was.
        items.setFocus()
        items.setCurrentIndex(build.model.index(3))
        qtbot.keyClick(items, Qt.Key.Key_Delete)
        assert len(build.state.items) == 4
        qtbot.keyClick(items, Qt.Key.Key_Z, CTRL)
        assert circuit_drills(build)[3] == "single-leg-eyes-closed"
        built = build.verdict.routine
        assert build.verdict.ok and build.dirty

        # Ctrl+S: the file reloads equal to what was built.
        qtbot.keyClick(items, Qt.Key.Key_S, CTRL)
        target = data_dir / "routines" / "hill-prep.toml"
        assert target.exists() and not build.dirty
        text = target.read_text("utf-8")
        assert tomllib.loads(text)["id"] == "hill-prep"
        checked = run_cli("routines", "check", str(target), data_dir=data_dir)
        assert checked.returncode == 0 and checked.stdout.startswith(f"{target}: ok (Hill prep")
        again = load_library(paths.builtin_routines_dir(), data_dir / "routines")
        assert again.problems == []
        assert replace(again.routine("hill-prep"), source="") == replace(built, source="")
        # Routines and Today know it at once.
        routine_ids = [window.routines.list.item(r).data(Qt.ItemDataRole.UserRole)
                       for r in range(window.routines.list.count())]
        assert "hill-prep" in routine_ids

        # Start ▶ runs it in the workout screen to the end; the session lands in history.
        qtbot.mouseClick(build.buttons["start"], Qt.MouseButton.LeftButton)
        flow = window.flow
        assert flow is not None and flow.routine.id == "hill-prep"
        seen_paced: list[str] = []

        def done() -> None:
            qtbot.keyClick(QApplication.focusWidget() or flow.workout_screen, Qt.Key.Key_Return)

        def watch() -> None:
            view = flow.driver.view()
            if view.rep == 3:
                seen_paced.append(flow.workout_screen.reps_target.text())

        flow.driver.changed.connect(watch)
        run_workout(flow, done)
        assert seen_paced and seen_paced[0].startswith("rep 3 of 6")
        flow.summary.save()
        assert window.flow is None
        sessions = window.context.store.sessions(include_in_progress=False)
        assert [(s["routine_id"], s["status"]) for s in sessions] == [("hill-prep", "finished")]
        paced = [s for s in sessions[0]["steps"] if s["drill_id"] == "short-foot"]
        assert paced and all(s["actual_reps"] == 6 for s in paced)

    with SessionStore.open(data_dir, read_only=True) as store:
        assert len(store.sessions(include_in_progress=False)) == 1
