"""Answering the app's modal dialogs as a user would: find the one on screen, press a button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def answer_next_dialog(act: Callable[[QMessageBox], None], seen: list[str] | None = None,
                       tries: int = 400) -> None:
    """When the next modal box shows, record its text in `seen` and let `act` answer it."""

    def poll(left: int = tries) -> None:
        box: QWidget | None = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            if seen is not None:
                seen.append(box.text())
            act(box)
            return
        if left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def click(name: str) -> Callable[[QMessageBox], None]:
    """Press the box's button named `name` (objectName), or its default button when ''."""

    def act(box: QMessageBox) -> None:
        for button in box.buttons():
            if button.objectName() == name or (not name and button is box.defaultButton()):
                button.click()
                return
        box.accept()

    return act
