"""What the video area shows when there is no clip to play: the drill's name and cues.

It is read from two or three metres away between sets, so the text is large, high-contrast
and word-wrapped; a missing video never leaves the user without instructions.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class CueCard(QFrame):
    """A drill's name and its cues as large text on a dark card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cueCard")
        self.setStyleSheet(
            "#cueCard { background: #15181c; }"
            "#cueCard QLabel { color: #f2f2f2; }"
        )
        self.title = QLabel(self)
        self.title.setObjectName("cueTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cues = QLabel(self)
        self.cues.setObjectName("cueList")
        self.cues.setWordWrap(True)
        self.cues.setTextFormat(Qt.TextFormat.RichText)
        self.cues.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.title, self.cues):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        layout.addWidget(self.cues)
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Text in proportion to the card, in pixels: point sizes shrink on low-DPI screens
        (and Xvfb), and the card must read from across the room at any window size."""
        height = max(1, event.size().height())
        title = QFont(self.title.font())
        title.setPixelSize(max(18, height // 9))
        title.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title)
        cues = QFont(self.cues.font())
        cues.setPixelSize(max(14, height // 15))
        self.cues.setFont(cues)
        super().resizeEvent(event)

    def show_cues(self, name: str, cues: tuple[str, ...] | list[str]) -> None:
        """Fill the card; user text is escaped because the cue label renders rich text."""
        self.title.setText(name)
        self.cues.setText("<br>".join(f"• {escape(cue)}" for cue in cues))

    def text(self) -> str:
        """Everything the card says, as plain text (for tests and accessibility)."""
        return "\n".join([self.title.text(), self.cues.text()])
