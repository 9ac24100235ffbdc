"""Leaving mid-workout asks once; saying yes keeps every set done as a session stopped early."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ankledesk.store.session_store import SessionStore
from tests.ui.conftest import run_to
from tests.ui.dialogs import answer_next_dialog


def press(button: QMessageBox.StandardButton):
    def act(box: QMessageBox) -> None:
        box.button(button).click()

    return act


def test_closing_mid_workout_asks_and_no_carries_on(qtbot, window, clock):
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: flow.driver.view().phase == "work")
    seen: list[str] = []
    answer_next_dialog(press(QMessageBox.StandardButton.No), seen)
    assert not window.close()
    assert "Stop “Quick test circuit” now?" in seen[0]
    assert window.isVisible() and flow.driver.running


def test_quitting_mid_workout_keeps_the_sets_as_stopped_early(qtbot, window, clock, data_dir):
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: flow.driver.view().phase == "switch")
    seen: list[str] = []
    answer_next_dialog(press(QMessageBox.StandardButton.Yes), seen)
    qtbot.keyClick(flow.workout_screen, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert "The 1 set you finished is saved as a session stopped early." in seen[0]
    window.context.store.close()
    with SessionStore.open(data_dir, read_only=True) as store:
        (session,) = store.sessions()
    assert session["status"] == "abandoned"
    assert [s["side"] for s in session["steps"]] == ["left"]
