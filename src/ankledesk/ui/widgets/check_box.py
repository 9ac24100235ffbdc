"""A check box with a big box that reads in either theme: the pain tick and the self-check.

Qt's Fusion box is 13 px with a border a shade off the window colour, which all but vanishes
on a dark palette; growing it took a style sheet, whose engine costs a few milliseconds to set
up on the way to the first paint. This one paints its own box: a border in the text colour,
the WORK green with a white tick when checked, and the orange focus ring of the Start button.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QWidget

from ankledesk.ui.painting import fill, outline, rounded, text_left
from ankledesk.ui.style import ACCENT, FOCUS_RING

GAP = 10  # between the box and the text


class CheckBox(QCheckBox):
    def __init__(self, text: str, box: int = 20, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.box = box

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(self.box + GAP + metrics.horizontalAdvance(self.text()) + 4,
                     max(self.box + 4, metrics.height() + 4))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the words toggle it too, as a click on a label would

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen: the palette's WindowText, the words' colour
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = (QPalette.ColorGroup.Active if self.isEnabled()
                 else QPalette.ColorGroup.Disabled)
        ink = palette.color(group, QPalette.ColorRole.WindowText)
        top = (self.height() - self.box) / 2
        square = QRectF(2, top, self.box, self.box)
        checked = self.isChecked()
        inside = square.adjusted(1, 1, -1, -1)
        fill(painter, rounded(inside, 3), QColor(ACCENT) if checked and self.isEnabled()
             else palette.color(group, QPalette.ColorRole.Base))
        outline(painter, rounded(inside, 3), QColor(ACCENT) if checked else ink, 2)
        if checked:
            self._paint_tick(painter, square)
        if self.hasFocus():
            outline(painter, rounded(square.adjusted(-1, -1, 1, 1), 4), QColor(FOCUS_RING), 2)
        painter.setFont(self.font())
        text = QRectF(square.right() + GAP, 0, self.width() - square.right() - GAP,
                      self.height())
        text_left(painter, text, self.text())

    def _paint_tick(self, painter: QPainter, square: QRectF) -> None:
        # Only a ticked box needs Qt's namespace, for the tick's round ends (ui/painting.py
        # says why the first paint goes without it).
        from PySide6.QtCore import Qt

        left, top, size = square.left(), square.top(), self.box
        tick = QPainterPath(QPointF(left + 0.22 * size, top + 0.52 * size))
        tick.lineTo(left + 0.42 * size, top + 0.72 * size)
        tick.lineTo(left + 0.78 * size, top + 0.30 * size)
        painter.strokePath(tick, QPen(QColor("white"), max(2.0, size / 9), Qt.PenStyle.SolidLine,
                                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
