"""Turns a clip spec into frames: background, floor, props, figure, drill name and cue caption.

Frames are sampled at i/fps for i < round(duration*fps): the frame after the last is frame 0,
so a clip whose first and last keyframes are the same pose loops without a visible jump.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen

from ankledesk.clips import canvas, props
from ankledesk.clips.canvas import HEIGHT, WIDTH, Camera
from ankledesk.clips.figure_painter import FigurePainter, expand_parts
from ankledesk.clips.ground import figure_at
from ankledesk.clips.placement import Figure
from ankledesk.clips.spec import ClipSpec

FPS = 25
CAPTION_HEIGHT = 50
TITLE_HEIGHT = 48
TRAIL_SAMPLES = 72
INSET_BOX = (418, 60, 206, 170)  # x, y, w, h: top right, clear of title and caption


def frame_count(spec: ClipSpec, fps: int = FPS) -> int:
    return max(1, round(spec.duration * fps))


class Renderer:
    """Draws frames of one drill's clip; holds what is the same for every frame."""

    def __init__(self, spec: ClipSpec, name: str, caption: str, mirrored: bool = False) -> None:
        canvas.app()
        self.spec = spec
        self.name = name
        self.caption = caption
        # The left-side version: figure, props and inset mirrored, the text left readable.
        self.mirrored = mirrored
        self.highlight = expand_parts(spec.highlight)
        self.title_font = canvas.font(21, bold=True)
        self.caption_font = canvas.font(18)
        self.trail = self._trail() if spec.trail else None

    def _trail(self) -> list[tuple[float, float]]:
        """The trail joint's whole loop, in view metres, so any camera (the inset) can draw it."""
        points = []
        for i in range(TRAIL_SAMPLES + 1):
            t = self.spec.duration * i / TRAIL_SAMPLES
            fig = figure_at(self.spec, t)
            points.append(fig.joints[self.spec.trail or ""])
        return points

    def _draw_trail(self, p: QPainter, cam: Camera) -> None:
        """The path dashed, with arrowheads showing which way round it goes."""
        assert self.trail is not None
        pts = [cam.px(pt) for pt in self.trail]
        path = QPainterPath(pts[0])
        for pt in pts[1:]:
            path.lineTo(pt)
        p.setPen(QPen(canvas.TRAIL, 3.5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        head = max(8.0, min(16.0, path.length() / 14))
        p.setPen(QPen(canvas.ACCENT, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for at in (0.3, 0.8):
            i = int(at * TRAIL_SAMPLES)
            a, b = pts[i], pts[min(i + 2, len(pts) - 1)]
            angle = math.atan2(b.y() - a.y(), b.x() - a.x())
            for side in (-1, 1):
                p.drawLine(b, QPointF(b.x() - head * math.cos(angle + side * 0.55),
                                      b.y() - head * math.sin(angle + side * 0.55)))

    def frame(self, time: float) -> QImage:
        """The picture at `time` seconds into the loop."""
        spec = self.spec
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
        image.fill(canvas.BACKGROUND)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        phase = (time / spec.duration) % 1.0
        figure = figure_at(spec, time)
        p.save()
        if self.mirrored:
            p.translate(WIDTH, 0)
            p.scale(-1, 1)
        self._scene(p, spec.camera, figure, phase, trail=True)
        if spec.inset is not None:
            self._inset(p, figure, phase)
        p.restore()
        self._text(p)
        p.end()
        return image

    def _scene(self, p: QPainter, cam: Camera, figure: Figure, phase: float,
               trail: bool) -> None:
        if self.spec.floor:
            ground = cam.px((0.0, 0.0)).y()
            p.fillRect(QRectF(0, ground, WIDTH, HEIGHT - ground), canvas.FLOOR)
            p.setPen(QPen(canvas.FLOOR_LINE, 2))
            p.drawLine(QPointF(0, ground), QPointF(WIDTH, ground))
        for prop in self.spec.props:
            if not prop.front:
                props.paint(prop, p, cam, figure, phase)
        FigurePainter(p, cam, self.highlight, self.spec.eyes_closed).draw(figure)
        if trail and self.trail is not None:
            self._draw_trail(p, cam)
        for prop in self.spec.props:
            if prop.front:
                props.paint(prop, p, cam, figure, phase)

    def _inset(self, p: QPainter, figure: Figure, phase: float) -> None:
        """A magnified window on the working foot, so toe and ankle detail read at 640x360."""
        spec = self.spec
        box = QRectF(*INSET_BOX)
        if spec.inset_left:
            box.moveLeft(WIDTH - box.right())
        cx, cy = spec.inset or (0.0, 0.0)
        cam = Camera(x=cx - (box.center().x() - WIDTH / 2) / spec.inset_scale,
                     ground=box.center().y() + cy * spec.inset_scale, scale=spec.inset_scale)
        frame = QPainterPath()
        frame.addRoundedRect(box, 14, 14)
        p.save()
        p.setClipPath(frame)
        p.fillRect(box, canvas.BACKGROUND)
        self._scene(p, cam, figure, phase, trail=spec.inset_trail)
        p.restore()
        p.setPen(QPen(canvas.FLOOR_LINE.lighter(160), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(frame)

    def _text(self, p: QPainter) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, TITLE_HEIGHT), canvas.CAPTION_BAR)
        p.setPen(canvas.TEXT)
        p.setFont(self.title_font)
        p.fillRect(QRectF(18, 14, 5, 26), canvas.ACCENT)
        p.drawText(QRectF(32, 10, WIDTH - 44, 34),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.name)
        bar = QRectF(0, HEIGHT - CAPTION_HEIGHT, WIDTH, CAPTION_HEIGHT)
        p.fillRect(bar, canvas.CAPTION_BAR)
        p.setFont(self.caption_font)
        p.drawText(bar.adjusted(12, 0, -12, 0), Qt.AlignmentFlag.AlignCenter, self.caption)

    def frames(self, fps: int = FPS, count: int | None = None) -> Iterator[QImage]:
        """Every frame of one loop (or the first `count`, for quick checks)."""
        total = frame_count(self.spec, fps)
        for i in range(total if count is None else min(count, total)):
            yield self.frame(i / fps)
