"""A check box with a big box that reads in either theme: the pain tick and the self-check.

Qt's Fusion box is 13 px with a border a shade off the window colour, which all but vanishes
on a dark palette; growing it took a style sheet, whose engine costs a few milliseconds to set
up on the way to the first paint. This one paints its own box: a border in the text colour,
the WORK green with a white tick when checked, and the orange focus ring of the Start button.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QWidget

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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = (QPalette.ColorGroup.Active if self.isEnabled()
                 else QPalette.ColorGroup.Disabled)
        ink = palette.color(group, QPalette.ColorRole.WindowText)
        top = (self.height() - self.box) / 2
        square = QRectF(2, top, self.box, self.box)
        checked = self.isChecked()
        painter.setPen(QPen(QColor(ACCENT) if checked else ink, 2))
        painter.setBrush(QColor(ACCENT) if checked and self.isEnabled()
                         else palette.color(group, QPalette.ColorRole.Base))
        painter.drawRoundedRect(square.adjusted(1, 1, -1, -1), 3, 3)
        if checked:
            tick = QPainterPath(QPointF(square.left() + 0.22 * self.box, top + 0.52 * self.box))
            tick.lineTo(square.left() + 0.42 * self.box, top + 0.72 * self.box)
            tick.lineTo(square.left() + 0.78 * self.box, top + 0.30 * self.box)
            painter.setPen(QPen(QColor("white"), max(2.0, self.box / 9),
                                Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        if self.hasFocus():
            painter.setPen(QPen(QColor(FOCUS_RING), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(square.adjusted(-1, -1, 1, 1), 4, 4)
        painter.setPen(ink)
        painter.setFont(self.font())
        text = QRectF(square.right() + GAP, 0, self.width() - square.right() - GAP,
                      self.height())
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.text())
