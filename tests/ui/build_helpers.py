"""Helpers for the Build screen tests: the real window on a data folder, modal dialogs
answered as a user would, drops delivered the way Qt delivers them, a workout run to its end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from ankledesk.ui.workout.clock import ManualClock
from tests.ui.windows import leave_workout, show_main_window


@contextmanager
def open_window(qtbot, data_dir: Path, clock: ManualClock | None = None) -> Iterator:
    """The real main window on `data_dir`, shown at 1280×720, on the Build page."""
    win = show_main_window(qtbot, data_dir, clock or ManualClock(1000.0))
    qtbot.addWidget(win)
    win.show_page(2)
    try:
        yield win
    finally:
        leave_workout(win)
        win.build.undo.setClean()
        win.build.shutdown()
        win.routines.shutdown()
        win.context.store.close()


def type_answer(text: str) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), dialog
        dialog.setTextValue(text)
        dialog.accept()

    return handle


def press_button(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), dialog
        dialog.button(button).click()

    return handle


def drop(target: QWidget, mime: QMimeData, at: QPoint,
         action: Qt.DropAction = Qt.DropAction.MoveAction) -> None:
    """Deliver drag-enter, drag-move and drop to `target` as Qt does at the end of a drag."""
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(at, actions, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    event = QDropEvent(QPointF(at), actions, mime, buttons, mods)
    event.setDropAction(action)
    QApplication.sendEvent(target, event)


def file_mime(*files: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    return mime


def run_workout(flow, press_done: Callable[[], None]) -> None:
    """Move the clock from wake-up to wake-up as the timer would, pressing Done on every reps
    set that waits for it, until the summary shows."""
    for _ in range(5000):
        if flow.summary is not None:
            return
        view = flow.driver.view()
        if view.step is not None and view.step.is_work and view.step.counts_up:
            flow.clock.t += 20.0
            flow.driver.poll()
            press_done()
            continue
        wake = flow.driver.engine.next_wake(flow.clock.now())
        assert wake is not None, "the workout stopped moving"
        flow.clock.t = wake
        flow.driver.poll()
    raise AssertionError("the workout never ended")
