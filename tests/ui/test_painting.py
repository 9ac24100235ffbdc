"""ui/painting.py draws what the Qt calls it stands in for would: words where the alignment
flags put them, fills and outlines in the colour asked for."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ankledesk.ui.fonts import text_font
from ankledesk.ui.painting import fill, outline, rectangle, rounded, text_centred, text_left

SIZE = (480, 90)
BOX = QRectF(20, 10, 440, 70)


def _picture(paint: Callable[[QPainter], None], size: int = 24) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(text_font(size, bold=True))
    painter.setPen(QColor("black"))
    paint(painter)
    painter.end()
    return image


def _ink(image: QImage) -> tuple[int, int, int, int]:
    """The bounding box (left, top, right, bottom) of every pixel that is not white."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y) != QColor("white"):
                xs.append(x)
                ys.append(y)
    assert xs, "nothing was drawn"
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("size", [14, 24, 32])  # words that fit the box, as in the widgets
@pytest.mark.parametrize(("ours", "flags"), [
    (text_centred, Qt.AlignmentFlag.AlignCenter),
    (text_left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
])
def test_words_land_where_the_alignment_flags_put_them(qapp, ours, flags, size):
    text = "Start ▶ Routines"
    by_hand = _ink(_picture(lambda p: ours(p, BOX, text), size))
    by_qt = _ink(_picture(lambda p: p.drawText(BOX, flags, text), size))
    assert all(abs(a - b) <= 1 for a, b in zip(by_hand, by_qt, strict=True)), (by_hand, by_qt)


def test_fill_and_outline_paint_in_the_colour_asked_for(qapp):
    green, orange = QColor("#137333"), QColor("#f9ab00")

    def paint(painter: QPainter) -> None:
        fill(painter, rounded(QRectF(10, 10, 100, 60), 8), green)
        outline(painter, rectangle(QRectF(150.5, 10.5, 100, 60)), orange, 3)

    image = _picture(paint)
    assert image.pixelColor(60, 40) == green            # inside the filled shape
    assert image.pixelColor(10, 10) == QColor("white")  # its rounded corner stays clear
    assert image.pixelColor(150, 40) == orange          # on the outline
    assert image.pixelColor(200, 40) == QColor("white")  # an outline leaves the inside alone
