"""Turns a clip spec into frames: background, floor, props, figure, drill name and cue caption.

The frame is laid out in the 640x360 design space and painted at `canvas.PIXEL_SCALE` times it
(1280x720). A title bar names the drill, a caption bar gives its first cue in letters whose
capitals are over 4 % of the frame's height (readable from 3 m on a 14" laptop at full screen);
between them the scene is clipped, so a wall or a raised arm never shows through the text. A
clip with a close-up gives it a tall panel on one side and frames the figure in the rest.

Frames are sampled at i/fps for i < round(duration*fps): the frame after the last is frame 0,
so a clip whose first and last keyframes are the same pose loops without a visible jump.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen

from ankledesk.clips import canvas, footprint, ladder_map, props, top_view
from ankledesk.clips.canvas import HEIGHT, PIXEL_HEIGHT, PIXEL_SCALE, PIXEL_WIDTH, WIDTH, Camera
from ankledesk.clips.figure_painter import FigurePainter, expand_parts
from ankledesk.clips.framing import fit
from ankledesk.clips.ground import figure_at
from ankledesk.clips.placement import Figure
from ankledesk.clips.pose import sample
from ankledesk.clips.spec import ClipSpec

FPS = 25
TITLE_HEIGHT = 34
CAPTION_HEIGHT = 42
TITLE_SIZE = 19  # design px (bold)
CAPTION_SIZE = 22  # design px: capitals 16 design px, 32 px of 720 (4.4 %)
TRAIL_SAMPLES = 72
SCENE = QRectF(0, TITLE_HEIGHT, WIDTH, HEIGHT - TITLE_HEIGHT - CAPTION_HEIGHT)
INSET_WIDTH = 262.0  # the close-up panel: 41 % of the width, the scene's full height
INSET_GAP = 8.0
# Props that follow the body are drawn in a close-up seen from another side; the rest are laid
# out in the clip's own view and would land in the wrong place there.
BODY_PROPS = frozenset({"ball", "dumbbell"})


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
        self.title_font = canvas.font(TITLE_SIZE, bold=True)
        self.caption_font = canvas.font(CAPTION_SIZE)
        self.trail = self._trail() if spec.trail else None
        self.panel = inset_box(spec) if has_panel(spec) else None
        self.camera = spec.camera or fit(spec, figure_box(spec))

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
        image = QImage(PIXEL_WIDTH, PIXEL_HEIGHT, QImage.Format.Format_RGB888)
        image.fill(canvas.BACKGROUND)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.scale(PIXEL_SCALE, PIXEL_SCALE)
        phase = (time / spec.duration) % 1.0
        figure = figure_at(spec, time)
        p.save()
        p.setClipRect(SCENE)
        if self.mirrored:
            p.translate(WIDTH, 0)
            p.scale(-1, 1)
        self._scene(p, self.camera, figure, phase, trail=True)
        if self.panel is not None and (spec.above or (spec.pressure or spec.ladder_step)
                                       is not None):
            self._map(p, time)
        elif self.panel is not None:
            self._inset(p, time, figure, phase)
        p.restore()
        self._text(p)
        p.end()
        return image

    def _scene(self, p: QPainter, cam: Camera, figure: Figure, phase: float,
               trail: bool, close_up: bool = False, mirror_at: float | None = None) -> None:
        """Floor, props, figure. `mirror_at` (a world x) mirrors the props that stand in the
        world about it: a close-up from the figure's other side (see `_inset`)."""
        if self.spec.floor:
            ground = cam.px((0.0, 0.0)).y()
            p.fillRect(QRectF(0, ground, WIDTH, HEIGHT - ground), canvas.FLOOR)
            p.setPen(QPen(canvas.FLOOR_LINE, 2))
            p.drawLine(QPointF(0, ground), QPointF(WIDTH, ground))
        own_view = not close_up or figure.view == self.spec.view or mirror_at is not None
        shown = [prop for prop in self.spec.props if own_view or prop.kind in BODY_PROPS]

        def paint(prop: props.Prop) -> None:
            if mirror_at is None or prop.kind in BODY_PROPS:
                props.paint(prop, p, cam, figure, phase)
                return
            axis = cam.px((mirror_at, 0.0)).x()
            p.save()
            p.translate(axis, 0)
            p.scale(-1, 1)
            p.translate(-axis, 0)
            props.paint(prop, p, cam, figure, phase)
            p.restore()

        for prop in shown:
            if not prop.front:
                paint(prop)
        FigurePainter(p, cam, self.highlight, self.spec.eyes_closed).draw(figure)
        if trail and self.trail is not None and own_view and mirror_at is None:
            self._draw_trail(p, cam)
        for prop in shown:
            if prop.front:
                paint(prop)

    def _inset(self, p: QPainter, time: float, figure: Figure, phase: float) -> None:
        """A magnified window on the working foot, so toe and ankle detail read at a glance."""
        spec = self.spec
        box = self.panel
        assert box is not None
        mirror_at = None
        if spec.inset_view is not None and spec.inset_view != spec.view:
            main = figure
            figure = figure_at(spec, time, view=spec.inset_view)
            if spec.view == "side" and spec.inset_view == "medial":
                # The same profile from the other side: the picture mirrors about the anchor,
                # which both views share, so the props standing in the world mirror with it.
                mirror_at = (main.joints["pelvis"][0] + figure.joints["pelvis"][0]) / 2
        cx, cy = spec.inset or (0.0, 0.0)
        if spec.inset_on is not None:
            cx += figure.joints[spec.inset_on][0]
        cam = Camera(x=cx - (box.center().x() - WIDTH / 2) / spec.inset_scale,
                     ground=box.center().y() + cy * spec.inset_scale, scale=spec.inset_scale)
        frame = QPainterPath()
        frame.addRoundedRect(box, 14, 14)
        p.save()
        p.setClipPath(frame, Qt.ClipOperation.IntersectClip)
        p.fillRect(box, canvas.BACKGROUND)
        self._scene(p, cam, figure, phase, trail=spec.inset_trail, close_up=True,
                    mirror_at=mirror_at)
        p.restore()
        p.setPen(QPen(canvas.FLOOR_LINE.lighter(160), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(frame)

    def _map(self, p: QPainter, time: float) -> None:
        """The close-up panel seen from above: the sole with where the weight is, a ladder
        with the footprints through it, or the body."""
        spec = self.spec
        assert self.panel is not None
        frame = QPainterPath()
        frame.addRoundedRect(self.panel, 14, 14)
        p.fillPath(frame, canvas.BACKGROUND)
        p.save()
        p.setClipPath(frame, Qt.ClipOperation.IntersectClip)
        inside = self.panel.adjusted(10, 10, -10, -10)
        if spec.pressure is not None:
            footprint.paint(p, inside, spec.pressure, time % spec.duration, spec.duration)
        elif spec.ladder_step is not None:
            ladder_map.paint(p, inside, spec.ladder_step, time % spec.duration)
        else:
            top_view.paint(p, inside, sample(spec.keys, time % spec.duration).pose,
                           self.highlight)
        p.restore()
        p.setPen(QPen(canvas.FLOOR_LINE.lighter(160), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(frame)

    def _text(self, p: QPainter) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, TITLE_HEIGHT), canvas.CAPTION_BAR)
        p.setPen(canvas.TEXT)
        p.setFont(self.title_font)
        p.fillRect(QRectF(14, 8, 5, TITLE_HEIGHT - 16), canvas.ACCENT)
        p.drawText(QRectF(28, 0, WIDTH - 40, TITLE_HEIGHT),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.name)
        bar = QRectF(0, HEIGHT - CAPTION_HEIGHT, WIDTH, CAPTION_HEIGHT)
        p.fillRect(bar, canvas.CAPTION_BAR)
        p.setFont(self.caption_font)
        p.drawText(bar.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignCenter, self.caption)

    def frames(self, fps: int = FPS, count: int | None = None) -> Iterator[QImage]:
        """Every frame of one loop (or the first `count`, for quick checks)."""
        total = frame_count(self.spec, fps)
        for i in range(total if count is None else min(count, total)):
            yield self.frame(i / fps)


def has_panel(spec: ClipSpec) -> bool:
    """Whether the clip has a close-up panel: a magnified view, a footprint, a ladder or the
    body from above."""
    return spec.above or any(x is not None for x in (spec.inset, spec.pressure,
                                                     spec.ladder_step))


def inset_box(spec: ClipSpec) -> QRectF:
    """The close-up panel: the scene's full height on the right (left with `inset_left`)."""
    box = QRectF(WIDTH - INSET_WIDTH - INSET_GAP, SCENE.top() + INSET_GAP, INSET_WIDTH,
                 SCENE.height() - 2 * INSET_GAP)
    if spec.inset_left:
        box.moveLeft(INSET_GAP)
    return box


def figure_box(spec: ClipSpec) -> QRectF:
    """Where the figure is framed: the scene, less the close-up panel if there is one."""
    if not has_panel(spec):
        return QRectF(SCENE)
    room = QRectF(SCENE)
    room.setWidth(WIDTH - INSET_WIDTH - INSET_GAP)
    if spec.inset_left:
        room.moveLeft(INSET_WIDTH + INSET_GAP)
    return room
