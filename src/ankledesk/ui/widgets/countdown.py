"""The countdown (or a reps set's count-up): the biggest thing on the workout screen.

The digits are sized to fill the widget (height and width both bounded, measured with the real
font), so in full screen they stand at a quarter of the window's height and never clip in a
narrow window. It paints only when the text it shows changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ankledesk.ui.fonts import digits_font

_REFERENCE_PX = 100


class Countdown(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 60)
        self._text = ""
        self._color: QColor | None = None
        self._fit = "0:00"
        self.paints = 0  # how often it really painted (tests check it repaints only on change)

    def set_text(self, text: str, color: QColor | None = None) -> None:
        if text == self._text and color == self._color:
            return
        self._text, self._color = text, color
        self.update()

    def set_fit(self, template: str) -> None:
        """The widest text this step can show (`0:00`, `00:00`): the digits are sized to it, so
        they keep one size for the whole step instead of jumping at 10:00 → 9:59."""
        if template != self._fit:
            self._fit = template
            self.update()

    def text(self) -> str:
        return self._text

    def digit_pixel_size(self) -> int:
        """The digits' font size in pixels (the em), fitted to the widget."""
        metrics = QFontMetricsF(digits_font(_REFERENCE_PX))
        width_per_px = metrics.horizontalAdvance(self._fit) / _REFERENCE_PX
        height_per_px = metrics.capHeight() / _REFERENCE_PX
        by_width = (self.width() * 0.94) / width_per_px
        by_height = (self.height() * 0.80) / height_per_px
        return max(8, int(min(by_width, by_height)))

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(digits_font(self.digit_pixel_size()))
        painter.setPen(self._color or self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
