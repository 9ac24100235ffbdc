"""Answering the app's modal dialogs as a user would: find the one on screen, press a button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget


def said_by(dialog: QWidget) -> str:
    """What a dialog asks: a message box's text, an input dialog's label, else its title."""
    if isinstance(dialog, QMessageBox):
        return dialog.text()
    if isinstance(dialog, QInputDialog):
        return dialog.labelText()
    return dialog.windowTitle()


def answer_next_dialog(act: Callable[[Any], None], seen: list[str] | None = None,
                       tries: int = 400) -> list[str]:
    """When the next modal dialog shows, record what it says in `seen` and let `act` answer
    it. Returns `seen` (filled in once answered), so a test can check the question too."""
    seen = [] if seen is None else seen

    def poll(left: int = tries) -> None:
        dialog: QWidget | None = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            seen.append(said_by(dialog))
            act(dialog)
            return
        if left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def click(name: str) -> Callable[[QMessageBox], None]:
    """Press the box's button named `name` (objectName), or its default button when ''."""

    def act(box: QMessageBox) -> None:
        for button in box.buttons():
            if button.objectName() == name or (not name and button is box.defaultButton()):
                button.click()
                return
        box.accept()

    return act
