"""Frames: non-blank, the highlight colour present, identical on every run."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from ankledesk.clips import canvas
from ankledesk.clips.catalogue import clip_items
from ankledesk.clips.encode import rgba_bytes
from ankledesk.clips.render import CAPTION_HEIGHT, TITLE_HEIGHT, Renderer


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
    assert (image.width(), image.height()) == (canvas.PIXEL_WIDTH, canvas.PIXEL_HEIGHT)
    assert (canvas.PIXEL_WIDTH, canvas.PIXEL_HEIGHT) == (1280, 720)
    assert _count(image, canvas.ACCENT) > 200
    assert _count(image, canvas.FIGURE) > 200
    assert _count(image, canvas.BACKGROUND) > 10_000


def test_rendering_is_deterministic() -> None:
    first = [hashlib.sha256(rgba_bytes(img)).hexdigest() for img in _renderer().frames(count=5)]
    again = [hashlib.sha256(rgba_bytes(img)).hexdigest() for img in _renderer().frames(count=5)]
    assert first == again
    assert len(set(first)) > 1  # and it moves


def _lit_pixels(image: QImage, box: tuple[int, int, int, int]) -> int:
    x0, y0, x1, y1 = box
    return sum(1 for x in range(x0, x1, 2) for y in range(y0, y1, 2)
               if QColor(image.pixel(x, y)).red() > 230 and QColor(image.pixel(x, y)).blue() < 90)


def test_direction_label_lights_only_inside_its_window() -> None:
    from PySide6.QtGui import QPainter

    from ankledesk.clips import props
    from ankledesk.clips.canvas import Camera
    from ankledesk.clips.placement import place
    from ankledesk.clips.pose import Key, sample
    from ankledesk.clips.posing import STAND

    canvas.app()
    figure = place(sample((Key(0, STAND), Key(1, STAND)), 0), "side")
    label = props.Prop("label", text="IN", at=(0.0, 1.0), during=((0.1, 0.2), (0.6, 0.7)))
    box = tuple(v * canvas.PIXEL_SCALE for v in (280, 100, 360, 200))
    lit = []
    for phase in (0.15, 0.4, 0.65):
        image = QImage(canvas.PIXEL_WIDTH, canvas.PIXEL_HEIGHT, QImage.Format.Format_RGB888)
        image.fill(canvas.BACKGROUND)
        painter = QPainter(image)
        painter.scale(canvas.PIXEL_SCALE, canvas.PIXEL_SCALE)
        props.paint(label, painter, Camera(x=0.0, ground=292, scale=140), figure, phase)
        painter.end()
        lit.append(_lit_pixels(image, box))
    assert lit[0] > 20 and lit[2] > 20 and lit[1] == 0


def test_left_side_version_mirrors_the_scene_but_not_the_text() -> None:
    """VLC's hflip would print the name and cue backwards; the left clip keeps them readable."""
    (spec, name, caption), = clip_items(["single-leg-rdl"])
    time = spec.poster_time
    plain = Renderer(spec, name, caption).frame(time)
    left = Renderer(spec, name, caption, mirrored=True).frame(time)
    flipped = plain.flipped(Qt.Orientation.Horizontal)
    k = canvas.PIXEL_SCALE
    title, caption_top = TITLE_HEIGHT * k, (canvas.HEIGHT - CAPTION_HEIGHT) * k
    bottom = canvas.PIXEL_HEIGHT

    def rows(image: QImage, top: int, bottom: int) -> bytes:
        return rgba_bytes(image.copy(0, top, canvas.PIXEL_WIDTH, bottom - top))

    assert rows(left, 0, title) == rows(plain, 0, title)  # the drill name reads as it did
    assert rows(left, caption_top, bottom) == rows(plain, caption_top, bottom)
    scene_left = rows(left, title, caption_top)
    scene_flipped = rows(flipped, title, caption_top)
    differing = sum(1 for a, b in zip(scene_left, scene_flipped, strict=True) if abs(a - b) > 40)
    assert differing < len(scene_left) // 200  # the same picture, mirrored (antialiasing aside)
    assert rows(left, title, caption_top) != rows(plain, title, caption_top)


def test_caption_is_readable_from_across_the_room_and_fits() -> None:
    """Capitals at least 4 % of the frame's height (~8 mm full screen on a 14" laptop, readable
    from 3 m), and every drill's first cue fits on one line."""
    from PySide6.QtGui import QFontMetricsF

    from ankledesk.clips.catalogue import drills
    from ankledesk.clips.render import CAPTION_SIZE

    metrics = QFontMetricsF(canvas.font(CAPTION_SIZE))
    assert metrics.capHeight() * canvas.PIXEL_SCALE >= 0.04 * canvas.PIXEL_HEIGHT
    for drill in drills().values():
        assert metrics.horizontalAdvance(drill.cues[0]) <= canvas.WIDTH - 24, drill.id
