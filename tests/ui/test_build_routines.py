"""Build's routine handling: a copy of a built-in saved as your own, Save as, Rename, the keys of
the circuit list and the tab order; a custom routine prints on a blank sheet like a built-in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ankledesk.report.blank import blank_sheet
from tests.report.pdfcheck import ink_spread, page_texts, render_pages
from tests.ui.build_helpers import open_window, type_answer
from tests.ui.dialogs import answer_next_dialog

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def test_a_copy_of_a_builtin_saved_as_then_renamed_and_printed(qtbot, data_dir, tmp_path):
    with open_window(qtbot, data_dir) as window:
        build = window.build
        build.choose_source("ankle-mobility-and-foot-strength")
        assert not build.buttons["edit"].isEnabled()  # built-ins are copied, never edited
        qtbot.mouseClick(build.buttons["copy"], Qt.MouseButton.LeftButton)
        assert build.editing is None
        assert build.state.name == "Ankle mobility and foot strength (my copy)"
        steps_before = build.steps.count()
        build.settings.numbers["rounds"].setValue(2)
        assert 0 < build.steps.count() < steps_before  # the step list follows at once
        assert build.estimate.text().startswith("About ")
        build.items.setFocus()
        asked = answer_next_dialog(type_answer("Foot strength for Sam"))
        qtbot.keyClick(build.items, Qt.Key.Key_S, CTRL | SHIFT)
        assert asked == ["Name of the new routine:"]
        saved = data_dir / "routines" / "foot-strength-for-sam.toml"
        assert saved.exists() and build.editing.id == "foot-strength-for-sam"
        answer_next_dialog(type_answer("Sam's feet"))
        assert build.files.rename()
        assert sorted(p.name for p in saved.parent.iterdir()) == ["foot-strength-for-sam.toml"]
        routine = window.context.library.routine("foot-strength-for-sam")
        assert routine.name == "Sam's feet" and routine.rounds == 2
        listed = [window.routines.list.item(r).text() for r in range(window.routines.list.count())]
        assert any(text.startswith("Sam's feet\n") for text in listed)

    pdf = blank_sheet(routine, dt.date(2026, 11, 23))
    text = "\n".join(page_texts(pdf))  # an 8-drill routine takes two pages
    assert "Sam's feet" in text and "Short foot" in text and "6 × 10 s reps each side" in text
    assert all(ink_spread(page) > 5 for page in render_pages(pdf, tmp_path))


def test_the_circuit_list_and_the_tab_order_work_from_the_keyboard(qtbot, data_dir):
    with open_window(qtbot, data_dir) as window:
        build = window.build
        for drill in ("big-toe-raise-hold", "short-foot", "ankle-circles"):
            build.add_drill(drill)
        items = build.items
        items.setFocus()
        items.setCurrentIndex(build.model.index(0))
        qtbot.keyClick(items, Qt.Key.Key_D, CTRL)
        assert [i.drill for i in build.state.items] == [
            "big-toe-raise-hold", "big-toe-raise-hold", "short-foot", "ankle-circles"]
        assert items.currentIndex().row() == 1
        qtbot.keyClick(items, Qt.Key.Key_Down, ALT)
        qtbot.keyClick(items, Qt.Key.Key_Down, ALT)
        assert [i.drill for i in build.state.items][-1] == "big-toe-raise-hold"
        qtbot.keyClick(items, Qt.Key.Key_Delete)
        assert len(build.state.items) == 3
        # Tab from the search field walks the filters, then the drill list.
        build.library_panel.search.setFocus()
        chain = []
        for _ in range(4):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            chain.append(QApplication.focusWidget().objectName())
        assert chain == ["categoryFilter", "equipmentFilter", "modeFilter", "drillLibrary"]
        # …and from the circuit list into the item's fields.
        items.setFocus()
        qtbot.keyClick(items, Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == "modeCombo"


def test_the_clip_follows_the_mouse_over_the_library(qtbot, data_dir):
    with open_window(qtbot, data_dir) as window:
        panel = window.build.library_panel
        qtbot.waitUntil(lambda: panel.video is not None)
        library = panel.list
        for row in (3, 5):
            drill = window.context.library.drills[
                library.item(row).data(Qt.ItemDataRole.UserRole)]
            rect = library.visualItemRect(library.item(row))
            qtbot.mouseMove(library.viewport(), rect.center())
            qtbot.waitUntil(lambda d=drill: d.clip in panel.video.current_mrl(), timeout=5000)
            assert panel.cues.text().startswith(f"• {drill.cues[0]}")
