"""Equipment drawn simply: floor, step, box, wall, ball, band, dumbbell, hurdle, mat, chair...
(and a few hints that are not equipment: arrows, guide lines, direction labels).

Props are data in a clip (`Prop("step", x0=-0.3, x1=0.3, h=0.2)`), in metres with the floor at
y=0. Some follow the body (a band to the ankle, a dumbbell in the hand, a ball under the heel),
so every painter gets the placed figure and the loop phase (0..1).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from ankledesk.clips import canvas
from ankledesk.clips.canvas import Camera
from ankledesk.clips.placement import Figure


@dataclass(frozen=True, init=False)
class Prop:
    """One piece of equipment: a kind from `PAINTERS` and its parameters."""

    kind: str
    params: dict[str, Any]
    front: bool  # drawn over the figure instead of behind it

    def __init__(self, kind: str, front: bool = False, **params: Any) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "front", front)


Painter = Callable[[QPainter, Camera, Figure, dict[str, Any], float], None]


def _solid(p: QPainter, fill: QColor, edge: QColor | None = None, width: float = 2.0) -> None:
    p.setBrush(fill)
    p.setPen(QPen(edge, width) if edge is not None else Qt.PenStyle.NoPen)


def _rect(cam: Camera, x0: float, y0: float, x1: float, y1: float) -> QRectF:
    return QRectF(cam.px((x0, y1)), cam.px((x1, y0))).normalized()


def block(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A step, box, plate or platform: a rounded block from x0 to x1, `h` high."""
    _solid(p, QColor(a.get("color", canvas.PROP)), canvas.PROP_EDGE)
    p.drawRoundedRect(_rect(cam, a["x0"], a.get("y", 0.0), a["x1"], a.get("y", 0.0) + a["h"]),
                      4, 4)


def wall(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A wall whose face is at x (facing left), filling the frame above the floor."""
    _solid(p, QColor("#34404f"), canvas.PROP_EDGE)
    p.drawRect(_rect(cam, a["x"], 0.0, a["x"] + 2.0, 3.0))


def post(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A sturdy upright (a rack post) on a base plate, `h` high at x: what a band is tied to."""
    x, h = a["x"], a["h"]
    _solid(p, QColor("#46566b"), canvas.PROP_EDGE)
    p.drawRect(_rect(cam, x - 0.035, 0.0, x + 0.035, h))
    p.drawRoundedRect(_rect(cam, x - 0.16, 0.0, x + 0.16, 0.025), 2, 2)


def ball(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A tennis ball on the floor under a body point (e.g. under the raised heel)."""
    r = a.get("r", 0.033)
    x = fig.joints[a["under"]][0] + a.get("dx", 0.0)
    center = cam.px((x, r))
    _solid(p, canvas.BALL)
    p.drawEllipse(center, r * cam.scale, r * cam.scale)
    p.setPen(QPen(QColor("#f7ffd0"), max(1.0, r * cam.scale * 0.12)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    rr = r * cam.scale
    p.drawArc(QRectF(center.x() - rr * 1.4, center.y() - rr * 0.6, rr * 1.6, rr * 1.6),
              -40 * 16, 80 * 16)


def band(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A resistance band from a fixed anchor point to a body point."""
    start = cam.px(a["anchor"])
    end = cam.px(fig.joints[a["to"]])
    p.setPen(QPen(canvas.BAND, cam.size(0.02, 4), Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    p.drawLine(start, end)
    p.setBrush(Qt.BrushStyle.NoBrush)  # the band's loop round the post or table leg
    p.drawEllipse(start, cam.size(0.05, 5), cam.size(0.03, 3))


def dumbbell(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A dumbbell held in a hand, seen end-on from the side: a big plate with the fist on
    its handle, so the load plainly hangs from the hand."""
    hand = cam.px(fig.joints[a.get("hand", "r_hand")])
    r = cam.size(0.085, 8)
    _solid(p, QColor("#4a5566"), QColor("#9aa7b8"), 2.5)
    p.drawEllipse(hand, r, r)
    _solid(p, QColor("#2b3340"))
    p.drawEllipse(hand, r * 0.62, r * 0.62)
    _solid(p, canvas.FIGURE, canvas.FIGURE_FAR, 1.5)  # the fist round the handle
    p.drawEllipse(hand, r * 0.42, r * 0.42)


def hurdle(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A low hurdle, drawn a little from above so it reads as one: the far upright and foot
    dimmer and set back, the near one bright, the bar joining their tops."""
    x, h = a["x"], a["h"]
    back = (0.09, 0.06)  # where the far side of the hurdle appears: behind and a bit higher
    near, far = QColor("#f2c14e"), QColor("#a7852f")
    width = cam.size(0.025, 4)
    for color, (dx, dy) in ((far, back), (near, (0.0, 0.0))):
        p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(cam.px((x + dx, dy)), cam.px((x + dx, h + dy)))
        p.drawLine(cam.px((x + dx - 0.1, dy)), cam.px((x + dx + 0.1, dy)))
    p.setPen(QPen(near, cam.size(0.035, 5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(cam.px((x, h)), cam.px((x + back[0], h + back[1])))


MAT_THICKNESS = 0.025


def mat(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    _solid(p, QColor("#3b6e8f"))
    p.drawRoundedRect(_rect(cam, a["x0"], 0.0, a["x1"], MAT_THICKNESS), 3, 3)


def chair(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A chair: seat at height h from x0 to x1, backrest at x0 (side) or seat and legs (front)."""
    x0, x1, h = a["x0"], a["x1"], a["h"]
    _solid(p, canvas.PROP, canvas.PROP_EDGE)
    p.drawRoundedRect(_rect(cam, x0, h - 0.05, x1, h), 3, 3)
    leg = cam.size(0.03, 3)
    p.setPen(QPen(canvas.PROP_EDGE, leg))
    p.drawLine(cam.px((x0 + 0.03, 0)), cam.px((x0 + 0.03, h - 0.05)))
    p.drawLine(cam.px((x1 - 0.03, 0)), cam.px((x1 - 0.03, h - 0.05)))
    if a.get("back", True):
        p.drawLine(cam.px((x0 + 0.02, h)), cam.px((x0 - 0.03, h + 0.45)))


def wedge(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A slant board: `h` high at x0, sloping down to the floor at x1."""
    _solid(p, canvas.PROP, canvas.PROP_EDGE)
    p.drawPolygon(QPolygonF([cam.px((a["x0"], 0)), cam.px((a["x0"], a["h"])),
                             cam.px((a["x1"], 0))]))


def pad(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A foam balance pad that squashes a little under load."""
    _solid(p, QColor("#5aa9a0"), QColor("#7fcac1"))
    p.drawRoundedRect(_rect(cam, a["x0"], 0.0, a["x1"], _pad_height(a, phase)), 6, 6)


def _pad_height(a: dict[str, Any], phase: float) -> float:
    return float(a["h"] - a.get("squash", 0.0) * (
        0.5 - 0.5 * math.cos(2 * math.pi * phase * a.get("n", 1))))


def ladder(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """An agility ladder flat on the floor, seen from the side and a little above: its far
    rail just behind the feet, its near rail in front, rungs slanting between them, sliding
    back as the runner moves on. A square is centred on `first` at phase 0."""
    spacing = a.get("spacing", 0.45)
    shift = (phase * a.get("travel", 0.0)) % spacing
    first = a.get("first", 0.0) - spacing / 2
    ground = cam.px((0.0, 0.0)).y()
    far, near = ground - cam.size(0.05), ground + cam.size(0.1)
    slant = cam.size(0.06)
    p.setPen(QPen(QColor("#f2c14e"), cam.size(0.018, 3), Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(0, far), QPointF(canvas.WIDTH, far))
    p.drawLine(QPointF(0, near), QPointF(canvas.WIDTH, near))
    for i in range(-12, 13):
        x = cam.px((first + i * spacing - shift, 0.0)).x()
        p.drawLine(QPointF(x + slant, far), QPointF(x - slant, near))


def mark(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A tape line on the floor at x, seen end-on (front view) or along (side view)."""
    p.setPen(QPen(QColor("#f2c14e"), cam.size(0.03, 4), Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    half = a.get("half", 0.03)
    p.drawLine(cam.px((a["x"] - half, -0.03)), cam.px((a["x"] + half, 0.0)))


def floor_line(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A tape line on the floor running away from the camera at view x (a front view's line to
    hop over): it widens toward the viewer, so it reads as lying on the floor."""
    top, bottom = cam.px((a["x"], 0.0)), cam.px((a["x"], -a.get("depth", 0.3)))
    half = cam.size(a.get("half", 0.02), 2)
    _solid(p, QColor("#f2c14e"))
    p.drawPolygon(QPolygonF([QPointF(top.x() - half, top.y()), QPointF(top.x() + half, top.y()),
                             QPointF(bottom.x() + half * 2.2, bottom.y() + 40),
                             QPointF(bottom.x() - half * 2.2, bottom.y() + 40)]))


def towel(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A towel on the floor that bunches into folds as the toes pull it in."""
    pull = 0.5 - 0.5 * math.cos(2 * math.pi * phase)
    x0, x1 = a["x0"], a["x1"] - a.get("pull", 0.05) * pull
    folds = 5
    pts = [cam.px((x0, 0.0))]
    for i in range(folds * 4 + 1):
        x = x0 + (x1 - x0) * i / (folds * 4)
        bump = abs(math.sin(math.pi * i / 4)) * 0.02 * pull if x > a.get("fold_from", x0) \
            else 0.0
        pts.append(cam.px((x, 0.008 + bump)))
    pts.append(cam.px((x1, 0.0)))
    _solid(p, QColor("#5b8def"), QColor("#86a9f5"), 1.5)
    p.drawPolygon(QPolygonF(pts))


def guide(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A dashed accent line between two body points (e.g. ankle to head: one straight line)."""
    color = QColor(canvas.ACCENT)
    color.setAlpha(190)
    p.setPen(QPen(color, 3, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(cam.px(fig.joints[a["a"]]), cam.px(fig.joints[a["b"]]))


def table(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A table leg and top, the anchor for a band."""
    x = a["x"]
    _solid(p, canvas.PROP, canvas.PROP_EDGE)
    p.drawRect(_rect(cam, x - 0.03, 0.0, x + 0.03, a.get("h", 0.75)))
    p.drawRect(_rect(cam, x - 0.5, a.get("h", 0.75), x + 0.2, a.get("h", 0.75) + 0.05))


def clock(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A clock face on the floor around the standing foot, a dot sweeping round it."""
    cx = fig.joints[a.get("around", "r_ankle")][0]
    rx, ry = a.get("r", 0.32), a.get("r", 0.32) * 0.28
    center = cam.px((cx, 0.0))
    p.setPen(QPen(canvas.FLOOR_LINE.lighter(150), 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(center, rx * cam.scale, ry * cam.scale)
    for hour in range(12):
        t = 2 * math.pi * hour / 12
        inner = QPointF(center.x() + math.sin(t) * rx * cam.scale * 0.85,
                        center.y() - math.cos(t) * ry * cam.scale * 0.85)
        outer = QPointF(center.x() + math.sin(t) * rx * cam.scale,
                        center.y() - math.cos(t) * ry * cam.scale)
        p.drawLine(inner, outer)
    t = 2 * math.pi * phase
    dot = QPointF(center.x() + math.sin(t) * rx * cam.scale, center.y() - math.cos(t) * ry
                  * cam.scale)
    _solid(p, canvas.ACCENT)
    p.drawEllipse(dot, 6, 6)


def slope(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """An incline rising to the right at `deg` degrees through (x, 0), with moving ground marks."""
    k = math.tan(math.radians(a["deg"]))
    x = a.get("x", 0.0)
    pts = [(x - 4, -4 * k), (x + 4, 4 * k), (x + 4, -3), (x - 4, -3)]
    _solid(p, canvas.FLOOR.lighter(115), canvas.FLOOR_LINE)
    p.drawPolygon(QPolygonF([cam.px(pt) for pt in pts]))
    p.setPen(QPen(canvas.FLOOR_LINE.lighter(130), 3, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    spacing = a.get("spacing", 0.5)
    shift = (phase * a.get("travel", 1.0)) % spacing
    i = -10
    while i < 10:
        mx = x + i * spacing - shift
        p.drawLine(cam.px((mx, mx * k - 0.04)), cam.px((mx + 0.12, (mx + 0.12) * k - 0.04)))
        i += 1


def floor_marks(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """Dashes on the floor that slide backwards: running or marching on the spot reads as travel.
    With `during` (start, end phase) they move only then, easing in and out: a run that starts
    and stops."""
    spacing = a.get("spacing", 0.6)
    start, end = a.get("during", (0.0, 1.0))
    moved = min(1.0, max(0.0, (phase - start) / (end - start)))
    if "during" in a:
        moved = 0.5 - 0.5 * math.cos(math.pi * moved)
    shift = (moved * a.get("travel", 1.2)) % spacing
    p.setPen(QPen(canvas.FLOOR_LINE.lighter(140), 3, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    for i in range(-8, 9):
        x = i * spacing - shift
        p.drawLine(cam.px((x, -0.05)), cam.px((x + 0.15, -0.05)))


def partner_hands(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any],
                  phase: float) -> None:
    """Arrows pressing down on the shoulders: load added from above."""
    top = fig.joints["neck"]
    for dx in (-0.12, 0.12):
        start = cam.px((top[0] + dx, top[1] + 0.32))
        end = cam.px((top[0] + dx, top[1] + 0.08))
        p.setPen(QPen(canvas.ACCENT, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(start, end)
        p.drawLine(end, QPointF(end.x() - 7, end.y() - 9))
        p.drawLine(end, QPointF(end.x() + 7, end.y() - 9))


def arrow(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A curved hint arrow from `a` to `b` (view metres) showing the direction to move."""
    start, end = cam.px(a["a"]), cam.px(a["b"])
    color = QColor(canvas.ACCENT)
    color.setAlpha(200)
    p.setPen(QPen(color, 3, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(start, end)
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    p.setPen(QPen(color, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for side in (-1, 1):
        p.drawLine(end, QPointF(end.x() - 11 * math.cos(angle + side * 0.5),
                                end.y() - 11 * math.sin(angle + side * 0.5)))


def label(p: QPainter, cam: Camera, fig: Figure, a: dict[str, Any], phase: float) -> None:
    """A short word centred on `at` (view metres), lit while the loop phase is inside `during`,
    one (start, end) window or several (e.g. "IN" during the first half), dimmed otherwise
    (or hidden with `dim=False`): names the direction of the movement being shown."""
    during = a.get("during", (0.0, 1.0))
    windows = (during,) if isinstance(during[0], (int, float)) else during
    lit = any(start <= phase < end for start, end in windows)
    if not lit and not a.get("dim", True):
        return  # labels sharing one spot show only while lit
    color = QColor(canvas.ACCENT if lit else canvas.FLOOR_LINE.lighter(130))
    p.setFont(canvas.font(a.get("size", 22), bold=True))
    p.setPen(color)
    # Words stay readable in the mirrored left-side clip: place them through the painter's
    # transform, then draw them unmirrored.
    at = p.transform().map(cam.px(a["at"]))
    p.save()
    p.resetTransform()
    p.scale(canvas.PIXEL_SCALE, canvas.PIXEL_SCALE)
    center = QPointF(at.x() / canvas.PIXEL_SCALE, at.y() / canvas.PIXEL_SCALE)
    p.drawText(QRectF(center.x() - 90, center.y() - 20, 180, 40), Qt.AlignmentFlag.AlignCenter,
               a["text"])
    p.restore()


PAINTERS: dict[str, Painter] = {
    "block": block, "wall": wall, "post": post, "ball": ball, "band": band, "dumbbell": dumbbell,
    "hurdle": hurdle, "mat": mat, "chair": chair, "wedge": wedge, "pad": pad, "ladder": ladder,
    "table": table, "clock": clock, "mark": mark, "towel": towel, "guide": guide,
    "slope": slope, "floor_marks": floor_marks, "floor_line": floor_line,
    "partner_hands": partner_hands, "arrow": arrow, "label": label,
}


def paint(prop: Prop, painter: QPainter, camera: Camera, figure: Figure, phase: float) -> None:
    PAINTERS[prop.kind](painter, camera, figure, prop.params, phase)


# --- What the body can stand, kneel or lie on --------------------------------------------------
# A surface gives the height of its top at view x (metres) in the loop phase, or None where it
# is not under x. Chairs and walls are not surfaces: legs go under a seat, and a wall is beside.
Surface = Callable[[dict[str, Any], float, float], float | None]


def _block_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    return a.get("y", 0.0) + a["h"] if a["x0"] <= x <= a["x1"] else None


def _mat_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    return MAT_THICKNESS if a["x0"] <= x <= a["x1"] else None


def _pad_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    return _pad_height(a, phase) if a["x0"] <= x <= a["x1"] else None


def _wedge_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    lo, hi = sorted((a["x0"], a["x1"]))
    if not lo <= x <= hi:
        return None
    return float(a["h"] * (a["x1"] - x) / (a["x1"] - a["x0"]))


def _slope_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    return float((x - a.get("x", 0.0)) * math.tan(math.radians(a["deg"])))


def _hurdle_top(a: dict[str, Any], x: float, phase: float) -> float | None:
    # The bar and its far end: a foot passing over must stay above it.
    return a["h"] + 0.06 if a["x"] - 0.03 <= x <= a["x"] + 0.12 else None


SURFACES: dict[str, Surface] = {
    "hurdle": _hurdle_top,
    "block": _block_top, "mat": _mat_top, "pad": _pad_top, "wedge": _wedge_top,
    "slope": _slope_top,
}


def surface_top(prop: Prop, x: float, phase: float) -> float | None:
    """Height of `prop`'s top at view x, or None if it is not something to stand on there."""
    surface = SURFACES.get(prop.kind)
    return surface(prop.params, x, phase) if surface else None


# --- What the camera must keep in the picture ---------------------------------------------------
# Corners (view metres) of the part of a prop a newcomer needs to see: a step's top and edge, a
# hurdle, a chair, a band's anchor, a wall's face. Props that follow the body (ball, dumbbell),
# run across the frame (ladder, mat, floor marks, slope) or are hints add nothing.
def _corners(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y1)]


EXTENTS: dict[str, Callable[[dict[str, Any]], list[tuple[float, float]]]] = {
    "block": lambda a: _corners(a["x0"], a.get("y", 0.0), a["x1"], a.get("y", 0.0) + a["h"]),
    "wedge": lambda a: _corners(a["x0"], 0.0, a["x1"], a["h"]),
    "pad": lambda a: _corners(a["x0"], 0.0, a["x1"], a["h"]),
    "hurdle": lambda a: _corners(a["x"] - 0.12, 0.0, a["x"] + 0.22, a["h"] + 0.1),
    "chair": lambda a: _corners(a["x0"] - 0.06, 0.0, a["x1"],
                                a["h"] + (0.45 if a.get("back", True) else 0.0)),
    "table": lambda a: _corners(a["x"] - 0.5, 0.0, a["x"] + 0.2, a.get("h", 0.75) + 0.05),
    "wall": lambda a: _corners(a["x"], 0.0, a["x"] + 0.06, 0.0),
    "post": lambda a: _corners(a["x"] - 0.16, 0.0, a["x"] + 0.16, a["h"]),
    "band": lambda a: _corners(a["anchor"][0] - 0.04, a["anchor"][1] - 0.04,
                               a["anchor"][0] + 0.04, a["anchor"][1] + 0.04),
    "ladder": lambda a: _corners(a.get("first", 0.0), -0.16, a.get("first", 0.0), 0.0),
    "floor_line": lambda a: _corners(a["x"] - 0.2, -a.get("depth", 0.3) / 2, a["x"] + 0.2, 0.0),
    "label": lambda a: _corners(a["at"][0] - 0.3, a["at"][1] - 0.08,
                                a["at"][0] + 0.3, a["at"][1] + 0.08),
}


def extent(prop: Prop) -> list[tuple[float, float]]:
    """The points of `prop` the camera keeps in view (none for props that need no framing)."""
    corners = EXTENTS.get(prop.kind)
    return corners(prop.params) if corners else []


# --- What holds a band -------------------------------------------------------------------------
def _near(x: float, target: float, slack: float = 0.05) -> bool:
    return abs(x - target) <= slack


SUPPORTS: dict[str, Callable[[dict[str, Any], float, float], bool]] = {
    "post": lambda a, x, y: _near(x, a["x"]) and 0.0 <= y <= a["h"],
    "table": lambda a, x, y: _near(x, a["x"]) and 0.0 <= y <= a.get("h", 0.75),
    "chair": lambda a, x, y: (_near(x, a["x0"] + 0.03) or _near(x, a["x1"] - 0.03))
    and 0.0 <= y <= a["h"],
    "wall": lambda a, x, y: _near(x, a["x"]) and y >= 0.0,
}


def holds(prop: Prop, point: tuple[float, float]) -> bool:
    """Whether `prop` is something a band anchored at `point` is tied to (a post, a table or
    chair leg, a wall): an anchor nothing holds floats in mid-air."""
    support = SUPPORTS.get(prop.kind)
    return support is not None and support(prop.params, *point)
