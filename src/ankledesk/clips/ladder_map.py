"""The ladder seen from above: which square each foot lands in, as the clip plays.

From the side a ladder's squares and the foot pattern through them cannot be read; a coach
draws the pattern from above. This panel shows the ladder running up the screen (the runner
moves away from you, so their right is your right), every contact leaving a footprint in its
square, right feet lit, the landing one glowing, all of it scrolling down with the runner.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ankledesk.clips import canvas

RUNG = QColor("#f2c14e")
SQUARES_SHOWN = 4.2  # how many squares fit the panel's height


def paint(p: QPainter, box: QRectF, step_time: float, time: float) -> None:
    """Ladder and footprints at `time`: one step per `step_time`, right foot first, one foot
    per square, the runner (at the panel's lower third) reaching square k at k * step_time."""
    square = box.height() / SQUARES_SHOWN
    width = square * 0.95
    progress = time / step_time  # squares travelled
    runner_y = box.top() + square * 0.9  # the latest print: older ones trail below it
    left, right = box.center().x() - width / 2, box.center().x() + width / 2
    p.setPen(QPen(RUNG, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(left, box.top()), QPointF(left, box.bottom()))
    p.drawLine(QPointF(right, box.top()), QPointF(right, box.bottom()))
    first = int(progress) - 3
    for k in range(first, first + 8):
        y = runner_y - (k - progress) * square  # square k's centre
        for edge in (y - square / 2, y + square / 2):
            if box.top() <= edge <= box.bottom():
                p.drawLine(QPointF(left, edge), QPointF(right, edge))
    for k in range(first, int(progress) + 1):
        y = runner_y - (k - progress) * square
        side = 1 if k % 2 == 0 else -1  # right foot on even steps
        age = progress - k
        _print(p, QPointF(box.center().x() + side * width * 0.2, y), square * 0.62,
               lit=side == 1, fresh=age < 0.5, mirror=side == -1)


def _print(p: QPainter, at: QPointF, length: float, lit: bool, fresh: bool,
           mirror: bool) -> None:
    """A small footprint centred on `at`, toes up; big toe on the inside."""
    w = length * 0.38
    path = QPainterPath()
    path.addEllipse(QRectF(at.x() - w / 2, at.y() - length * 0.35, w, length * 0.55))
    path.addEllipse(QRectF(at.x() - w * 0.38, at.y() + length * 0.12, w * 0.76, length * 0.34))
    toe = QPointF(at.x() + (w * 0.28 if mirror else -w * 0.28), at.y() - length * 0.45)
    path.addEllipse(toe, w * 0.2, w * 0.17)
    color = QColor(canvas.ACCENT if lit else canvas.FIGURE_FAR)
    if fresh:
        glow = QColor(canvas.ACCENT if lit else canvas.FIGURE)
        glow.setAlpha(80)
        p.setPen(QPen(glow, 10))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color if fresh else color.darker(140))
    p.drawPath(path)
