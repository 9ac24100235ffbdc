"""Keeps one child at a fixed aspect ratio (16:9 for the clips), as large as fits, on top.

The clip then fills its rectangle instead of sitting between black bars, and the room left under
it goes to the cues rather than to letterboxing.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class AspectBox(QWidget):
    def __init__(self, child: QWidget, ratio: float = 16 / 9,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratio = ratio
        self.child = child
        child.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setAutoFillBackground(True)  # a native window (the clip's), so it paints itself

    def child_rect(self) -> QRect:
        width = min(self.width(), int(self.height() * self.ratio))
        height = int(width / self.ratio)
        return QRect((self.width() - width) // 2, 0, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.child.setGeometry(self.child_rect())
