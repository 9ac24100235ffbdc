"""Shared look: headings and cards that follow the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ankledesk.ui.fonts import text_font

ACCENT = "#137333"  # the WORK green: the colour of "go"


def heading(text: str, size: int = 28, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(text_font(size, bold=True))
    label.setWordWrap(True)
    return label


def body(text: str = "", size: int = 16, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(text_font(size))
    label.setWordWrap(True)
    return label


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel a shade off the window colour, in either theme."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    palette = frame.palette()
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
    frame.setPalette(palette)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(8)
    return frame, layout


def start_button(text: str = "Start ▶", parent: QWidget | None = None,
                 size: int = 24) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName("startButton")
    button.setFont(text_font(size, bold=True))
    button.setMinimumHeight(int(size * 2.6))
    button.setStyleSheet(f"QPushButton#startButton {{ background: {ACCENT}; color: white;"
                         " border-radius: 8px; padding: 6px 24px; }"
                         "QPushButton#startButton:focus { border: 3px solid #f9ab00; }")
    return button
