"""Frames: non-blank, the highlight colour present, identical on every run."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor, QImage

from ankledesk.clips import canvas
from ankledesk.clips.catalogue import clip_items
from ankledesk.clips.encode import rgba_bytes
from ankledesk.clips.render import Renderer


def _renderer(drill_id: str = "big-toe-raise-hold") -> Renderer:
    (spec, name, caption), = clip_items([drill_id])
    return Renderer(spec, name, caption)


def _count(image: QImage, color: QColor, tolerance: int = 12) -> int:
    data = rgba_bytes(image)
    target = (color.red(), color.green(), color.blue())
    hits = 0
    for i in range(0, len(data), 4 * 3):  # every third pixel is plenty
        if all(abs(data[i + c] - target[c]) <= tolerance for c in range(3)):
            hits += 1
    return hits


def test_frame_is_drawn_with_figure_and_highlight() -> None:
    renderer = _renderer()
    image = renderer.frame(renderer.spec.poster_time)
    assert (image.width(), image.height()) == (canvas.WIDTH, canvas.HEIGHT)
    assert _count(image, canvas.ACCENT) > 200
    assert _count(image, canvas.FIGURE) > 200
    assert _count(image, canvas.BACKGROUND) > 10_000


def test_rendering_is_deterministic() -> None:
    first = [hashlib.sha256(rgba_bytes(img)).hexdigest() for img in _renderer().frames(count=5)]
    again = [hashlib.sha256(rgba_bytes(img)).hexdigest() for img in _renderer().frames(count=5)]
    assert first == again
    assert len(set(first)) > 1  # and it moves
