"""The phase bar across the top of the workout screen: what is happening, in colour and words.

Left: `WORK · Big-toe calf-raise hold · LEFT`; right: `Round 2 of 4 · Drill 1 of 3`. Text is
sized from the bar's height and the drill name is elided (never the phase word or the round),
so the bar reads at 800×600 as well as on a gym TV.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ankledesk.ui.fonts import text_font
from ankledesk.ui.widgets.phase_colors import PhaseStyle, style_for


class PhaseBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(44)
        self._style: PhaseStyle = style_for("ready")
        self._title = ""
        self._where = ""

    def show_phase(self, phase: str, title: str, where: str, paused: bool = False) -> None:
        """Set what the bar says; repaints only when something changed."""
        style = style_for(phase, paused)
        if (style, title, where) == (self._style, self._title, self._where):
            return
        self._style, self._title, self._where = style, title, where
        self.update()

    @property
    def phase_word(self) -> str:
        return self._style.word

    def text(self) -> str:
        parts = [self._style.word, self._title]
        return " · ".join(p for p in parts if p) + (f"   {self._where}" if self._where else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), self._style.qbackground)
        painter.setPen(self._style.qtext)
        pad = max(8, self.height() // 4)
        area = self.rect().adjusted(pad, 0, -pad, 0)
        bold = text_font(int(self.height() * 0.46), bold=True)
        plain = text_font(int(self.height() * 0.38))
        word = self._style.word
        word_w = QFontMetrics(bold).horizontalAdvance(word)
        where_w = QFontMetrics(plain).horizontalAdvance(self._where) if self._where else 0
        painter.setFont(bold)
        painter.drawText(QRect(area.left(), 0, word_w, self.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, word)
        if self._where:
            painter.setFont(plain)
            painter.drawText(QRect(area.right() - where_w, 0, where_w + 1, self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             self._where)
        gap = pad
        title_left = area.left() + word_w + gap
        title_width = area.right() - where_w - gap - title_left
        if self._title and title_width > 20:
            painter.setFont(plain)
            metrics = QFontMetrics(plain)
            title = metrics.elidedText(f"·  {self._title}", Qt.TextElideMode.ElideRight,
                                       title_width)
            painter.drawText(QRect(title_left, 0, title_width, self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        painter.end()
