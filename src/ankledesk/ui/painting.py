"""Fill, outline and words for the widgets that paint themselves on the first screen.

Why not plain `setPen`, `setBrush` and `fillRect`: each of those has an overload that takes one
of Qt's namespace enums (`Qt.PenStyle`, `Qt.GlobalColor`, …), and PySide6 builds the `Qt`
namespace, all ~90 of its Python enums at once, the first time it weighs such an overload.
That costs about 14 ms (make bench's start-up trick rows, 2026-12-08), the largest single cost
of opening the window after PySide6 itself,
and the sidebar, the Start button and the check boxes need nothing else from that namespace.
The calls here have no such overloads: a shape is filled with a palette's brush and outlined
with an explicit pen, and words are drawn in the pen a widget's painter starts with, its
palette's foreground colour (so a widget sets the colour of its words in its palette). The
words are placed from the font's metrics, as the alignment flags would be another Qt enum.
tests/ui/test_start_order.py checks that the namespace is still unbuilt once the window has
painted.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

_ROLE = QPalette.ColorRole.WindowText  # the one role these palettes carry a colour in


def _palette(color: QColor) -> QPalette:
    palette = QPalette()
    palette.setColor(_ROLE, color)
    return palette


def rounded(box: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(box, radius, radius)
    return path


def rectangle(box: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(box)
    return path


def fill(painter: QPainter, shape: QPainterPath, color: QColor) -> None:
    painter.fillPath(shape, _palette(color).brush(_ROLE))


def outline(painter: QPainter, shape: QPainterPath, color: QColor, width: float) -> None:
    pen = QPen()
    pen.setColor(color)
    pen.setWidthF(width)
    painter.strokePath(shape, pen)


def _baseline(painter: QPainter, box: QRectF) -> float:
    """Where the words' baseline goes to centre them top to bottom in `box` (the font's height
    centred, as Qt's AlignVCenter does)."""
    metrics = QFontMetricsF(painter.font())
    return box.top() + (box.height() - metrics.height()) / 2 + metrics.ascent()


def text_left(painter: QPainter, box: QRectF, text: str) -> None:
    """`text` from the left edge of `box`, centred top to bottom."""
    painter.drawText(QPointF(box.left(), _baseline(painter, box)), text)


def text_centred(painter: QPainter, box: QRectF, text: str) -> None:
    """`text` in the middle of `box` both ways."""
    width = QFontMetricsF(painter.font()).horizontalAdvance(text)
    painter.drawText(QPointF(box.center().x() - width / 2, _baseline(painter, box)), text)
