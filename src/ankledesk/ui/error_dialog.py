"""The dialog an unexpected error shows: what happened in a sentence, where the details are,
and a button that copies them for a bug report. It is not modal: a workout goes on behind it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("AnkleDesk: something went wrong")
        self.details = details
        where = (f"The details are in {log_path}." if log_path
                 else "The details could not be written to the log.")
        message = QLabel(f"<b>{_escape(summary)}</b><br><br>Your workout and every set you "
                         f"finished are safe; you can carry on.<br>{_escape(where)}")
        message.setObjectName("errorMessage")
        message.setWordWrap(True)
        copy = QPushButton("Copy details")
        copy.setObjectName("copyDetails")
        copy.clicked.connect(self.copy_details)
        close = QPushButton("Close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(buttons)
        self.setModal(False)
        self.resize(520, 200)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
