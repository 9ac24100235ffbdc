"""A ring that empties as the step runs: how much is left, at a glance, without reading."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Steps of the ring drawn: it repaints when the visible arc changes, not on every timer tick.
_RESOLUTION = 360


class ProgressRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressRing")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)
        self._steps = 0
        self._color = QColor("#137333")

    def set_progress(self, fraction: float, color: QColor) -> None:
        """`fraction` of the step done (0–1): the ring shows what is left."""
        steps = round(max(0.0, min(1.0, fraction)) * _RESOLUTION)
        if steps == self._steps and color == self._color:
            return
        self._steps, self._color = steps, color
        self.update()

    @property
    def fraction(self) -> float:
        return self._steps / _RESOLUTION

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        thickness = max(6.0, side * 0.12)
        box = QRectF((self.width() - side) / 2 + thickness / 2,
                     (self.height() - side) / 2 + thickness / 2,
                     side - thickness, side - thickness)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        track.setAlphaF(0.15)
        painter.setPen(QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(box)
        left = _RESOLUTION - self._steps
        if left > 0:
            painter.setPen(QPen(self._color, thickness, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock; start at 12, run clockwise.
            painter.drawArc(box, 90 * 16, -int(left / _RESOLUTION * 360 * 16))
        painter.end()
