"""Framing: the camera that makes a clip's figure, and the equipment it uses, fill the picture.

Hand-set cameras left the figure at ~60 % of the frame height, its feet 20 px long, and some
heads under the title bar. Instead the whole loop is sampled, every drawn point of the body
(with its thickness) and the props' key corners are boxed, and the camera is the largest scale
that fits that box into the part of the frame the clip gives the scene, standing on a strip of
visible floor. A camera depends only on the keyframes, so every frame of a loop shares it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ankledesk.clips.canvas import WIDTH, Camera
from ankledesk.clips.ground import body_points, figure_at
from ankledesk.clips.props import extent
from ankledesk.clips.spec import ClipSpec

SAMPLES = 32
MARGIN = 8.0  # design px kept clear around the figure
FLOOR_STRIP = 16.0  # design px of floor shown under the feet, so the floor reads as one
CLOSE_UP_HEADROOM = 0.06  # metres of shin shown above a framed foot


def bounds(spec: ClipSpec) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in view metres around everything the clip must show, over its loop."""
    xs: list[float] = []
    ys: list[float] = [0.0] if spec.floor else []
    for i in range(SAMPLES):
        fig = figure_at(spec, spec.duration * i / SAMPLES)
        for name, (x, y), radius in body_points(fig):
            if spec.frame_on and not name.startswith(spec.frame_on):
                continue
            xs += [x - radius, x + radius]
            ys += [y - radius, y + radius]
    if spec.frame_on:  # a close-up: room above the foot for the lower shin
        ys.append(max(ys) + CLOSE_UP_HEADROOM)
    for prop in spec.props:
        for x, y in extent(prop):
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def fit(spec: ClipSpec, box: QRectF) -> Camera:
    """The camera putting `spec`'s bounds as large as they go into `box` (design px)."""
    x0, y0, x1, y1 = bounds(spec)
    width = box.width() - 2 * MARGIN
    height = box.height() - MARGIN - FLOOR_STRIP
    scale = min(width / max(x1 - x0, 1e-3), height / max(y1 - y0, 1e-3))
    centre = box.center().x()
    ground = box.bottom() - FLOOR_STRIP + y0 * scale
    return Camera(x=(x0 + x1) / 2 - (centre - WIDTH / 2) / scale, ground=ground, scale=scale)
