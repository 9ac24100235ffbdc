"""The contact sheet: every drill's clip at its characteristic moment, named, in one grid.

It is what a reviewer (or the README) looks at to check every clip shows its drill, without
playing 45 videos.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from ankledesk.clips import canvas
from ankledesk.clips.canvas import HEIGHT, WIDTH
from ankledesk.clips.render import Renderer
from ankledesk.clips.spec import ClipSpec

COLUMNS = 5
THUMB_W = 288
THUMB_H = THUMB_W * HEIGHT // WIDTH
LABEL_H = 24
GAP = 10


def contact_sheet(items: Sequence[tuple[ClipSpec, str, str]]) -> QImage:
    """A grid of (spec, drill name, caption) posters, each labelled with the drill's id."""
    rows = (len(items) + COLUMNS - 1) // COLUMNS
    width = GAP + COLUMNS * (THUMB_W + GAP)
    height = GAP + rows * (THUMB_H + LABEL_H + GAP)
    sheet = QImage(width, height, QImage.Format.Format_RGB888)
    sheet.fill(canvas.FLOOR)
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setFont(canvas.font(13))
    p.setPen(canvas.TEXT)
    for i, (spec, name, caption) in enumerate(items):
        x = GAP + (i % COLUMNS) * (THUMB_W + GAP)
        y = GAP + (i // COLUMNS) * (THUMB_H + LABEL_H + GAP)
        poster = Renderer(spec, name, caption).frame(spec.poster_time)
        p.drawImage(QRectF(x, y, THUMB_W, THUMB_H), poster)
        p.drawText(QRectF(x, y + THUMB_H, THUMB_W, LABEL_H),
                   Qt.AlignmentFlag.AlignCenter, spec.drill_id)
    p.end()
    return sheet


def save_sheet(items: Sequence[tuple[ClipSpec, str, str]], path: Path) -> int:
    """Write the sheet as a PNG; returns its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = contact_sheet(items)
    # The format follows the .png suffix: PySide6 6.11 rejects the str its stubs do not allow.
    if not image.save(str(path), quality=9):
        raise OSError(f"could not write {path}")
    return path.stat().st_size
