"""Draws a placed figure: rounded limbs, a jointed foot (heel, ball, toes), the working part lit.

Highlighted parts are drawn in the accent colour over a soft glow so the eye finds the muscle or
joint a drill works even at thumbnail size. Far-side limbs are a darker shade so a side view
still reads as two legs.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ankledesk.clips import canvas
from ankledesk.clips.canvas import Camera
from ankledesk.clips.placement import Figure
from ankledesk.clips.skeleton import FOOT_SIDE_OUTLINE, HEAD_R, TOE_WIDTH, Point

# Views that see the body in profile: the foot is drawn from its side outline (heel, arch,
# ball), which shows an arch lifting; other views draw its silhouette and sole.
PROFILE_VIEWS = ("side", "medial")
LIMB_PARTS = ("thigh", "shank", "foot", "toes", "big_toe", "little_toe", "upper_arm",
              "forearm")
# Segment widths in metres (drawn with round caps) and a minimum in pixels for small scales.
WIDTHS = {"thigh": (0.12, 9), "shank": (0.085, 7), "upper_arm": (0.075, 6),
          "forearm": (0.06, 5), "trunk": (0.23, 14)}


def expand_parts(names: tuple[str, ...]) -> frozenset[str]:
    """`("foot", "r_shank")` -> both feet and the right shank: a bare limb name means both sides."""
    parts: set[str] = set()
    for name in names:
        if name in LIMB_PARTS:
            parts.update({f"r_{name}", f"l_{name}"})
        else:
            parts.add(name)
    if parts & {"r_toes", "l_toes"}:
        parts.update({p.replace("toes", "big_toe") for p in parts if p.endswith("toes")})
    return frozenset(parts)


def _toe_part(side: str, index: int, highlight: frozenset[str]) -> str:
    """The part a toe belongs to: the big toe, the little toe when it is lit alone, or the toes."""
    if index == 0:
        return f"{side}_big_toe"
    if index == 4 and f"{side}_little_toe" in highlight:
        return f"{side}_little_toe"
    return f"{side}_toes"


def _glow(painter: QPainter, path: QPainterPath, width: float, fill: bool = False) -> None:
    # Filled shapes get a tighter halo so a highlighted foot keeps its outline.
    for extra, alpha in ((10, 45), (5, 80)) if fill else ((18, 40), (10, 70), (5, 110)):
        color = QColor(canvas.ACCENT)
        color.setAlpha(alpha)
        pen = QPen(color, width + extra, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(color if fill else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


class FigurePainter:
    """Paints one `Figure` with a camera, lighting the parts in `highlight`."""

    def __init__(self, painter: QPainter, camera: Camera, highlight: frozenset[str],
                 eyes_closed: bool = False) -> None:
        self.p = painter
        self.cam = camera
        self.highlight = highlight
        self.eyes_closed = eyes_closed

    def color(self, part: str, far: bool) -> QColor:
        if part in self.highlight:
            return canvas.ACCENT_FAR if far else canvas.ACCENT
        return canvas.FIGURE_FAR if far else canvas.FIGURE

    def segment(self, a: Point, b: Point, part: str, kind: str, far: bool) -> None:
        metres, minimum = WIDTHS[kind]
        width = self.cam.size(metres, minimum)
        path = QPainterPath(self.cam.px(a))
        path.lineTo(self.cam.px(b))
        if part in self.highlight and not far:
            _glow(self.p, path, width)
        self.p.setPen(QPen(self.color(part, far), width, Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        self.p.drawPath(path)

    def polygon(self, points: list[Point], part: str, far: bool, outline: float = 2.0) -> None:
        poly = QPolygonF([self.cam.px(pt) for pt in points])
        path = QPainterPath()
        path.addPolygon(poly)
        path.closeSubpath()
        if part in self.highlight and not far:
            _glow(self.p, path, outline, fill=True)
        color = self.color(part, far)
        # A thin dark rim keeps a lit foot's shape; thick rims (the trunk bar) stay one colour.
        edge = canvas.ACCENT_EDGE if part in self.highlight and not far and outline < 6 \
            else color
        self.p.setPen(QPen(edge, outline, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                           Qt.PenJoinStyle.RoundJoin))
        self.p.setBrush(color)
        self.p.drawPath(path)

    def toes(self, fig: Figure, side: str, far: bool) -> None:
        width = self.cam.size(TOE_WIDTH, 4)
        toes = fig.feet[side].toes
        order = toe_order(fig, side)
        for i in order:
            base, knuckle, tip = toes[i]
            part = _toe_part(side, i, self.highlight)
            scale = 1.0 if i == 0 else 0.85
            path = QPainterPath(self.cam.px(base))
            path.lineTo(self.cam.px(knuckle))
            path.lineTo(self.cam.px(tip))
            lit = part in self.highlight and not far
            if lit:
                _glow(self.p, path, width * scale)
            color = self.color(part, far)
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            # A dark rim keeps each toe apart from the one behind it, lit or not.
            rim = canvas.ACCENT_EDGE if lit else canvas.BACKGROUND
            self.p.setPen(QPen(rim, width * scale + 2.5, Qt.PenStyle.SolidLine,
                               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            self.p.drawPath(path)
            self.p.setPen(QPen(color, width * scale, Qt.PenStyle.SolidLine,
                               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            self.p.drawPath(path)
            if fig.view not in PROFILE_VIEWS:  # a toe seen end-on is a round tip, not a line
                self.p.setPen(QPen(canvas.ACCENT_EDGE if lit else canvas.FIGURE_FAR, 1.5))
                self.p.setBrush(color)
                self.p.drawEllipse(self.cam.px(tip), width * scale / 2, width * scale / 2)

    def foot(self, fig: Figure, side: str, far: bool) -> None:
        foot = fig.feet[side]
        part = f"{side}_foot"
        if fig.view not in PROFILE_VIEWS:
            # Seen from the front (or three-quarters) the foot is its silhouette, with the sole
            # drawn dark so turning it in or out reads as the sole tilting.
            pts = [*foot.edges, *foot.outline.values()]
            self.polygon(_hull(pts), part, far, outline=self.cam.size(0.012, 1.5))
            self.sole(foot.edges[:4], lit=part in self.highlight and not far)
            if fig.view == "quarter":  # head-on or close up the ridge is a stray line
                self.instep(foot.outline, lit=part in self.highlight and not far)
            self.toes(fig, side, far)
            return
        self.toes(fig, side, far)
        self.polygon([foot.outline[name] for name in FOOT_SIDE_OUTLINE], part, far,
                     outline=self.cam.size(0.012, 1.5))

    def instep(self, outline: dict[str, Point], lit: bool) -> None:
        """The ridge of the instep, ankle to ball, and the ankle bone: seen three-quarters a
        foot's silhouette alone is a slab; these make it read as a foot."""
        color = QColor(canvas.ACCENT_EDGE if lit else canvas.FIGURE_FAR)
        self.p.setPen(QPen(color, self.cam.size(0.008, 1.5), Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(self.cam.px(outline["ankle_front"]))
        for name in ("instep", "ball_top"):
            path.lineTo(self.cam.px(outline[name]))
        self.p.drawPath(path)
        back, front = outline["ankle_back"], outline["ankle_front"]
        bone = self.cam.px(((back[0] + front[0]) / 2, (back[1] + front[1]) / 2))
        radius = self.cam.size(0.014, 2)
        self.p.drawEllipse(bone, radius, radius)

    def sole(self, corners: tuple[Point, ...], lit: bool) -> None:
        heel_in, heel_out, ball_in, ball_out = corners
        color = QColor(canvas.SOLE if lit else canvas.SOLE_PLAIN)
        self.p.setPen(QPen(color, self.cam.size(0.014, 2.5), Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        self.p.setBrush(color)
        self.p.drawPolygon(QPolygonF([self.cam.px(pt) for pt in
                                      (heel_in, ball_in, ball_out, heel_out)]))

    def leg(self, fig: Figure, side: str, far: bool) -> None:
        j = fig.joints
        self.segment(j[f"{side}_hip"], j[f"{side}_knee"], f"{side}_thigh", "thigh", far)
        self.segment(j[f"{side}_knee"], j[f"{side}_ankle"], f"{side}_shank", "shank", far)
        self.foot(fig, side, far)

    def arm(self, fig: Figure, side: str, far: bool) -> None:
        j = fig.joints
        self.segment(j[f"{side}_shoulder"], j[f"{side}_elbow"], f"{side}_upper_arm",
                     "upper_arm", far)
        self.segment(j[f"{side}_elbow"], j[f"{side}_hand"], f"{side}_forearm", "forearm", far)

    def trunk(self, fig: Figure) -> None:
        j = fig.joints
        if fig.view == "front":
            width = self.cam.size(0.05, 4)
            pts = [j["r_shoulder"], j["l_shoulder"], j["l_hip"], j["r_hip"]]
            self.polygon(pts, "trunk", far=False, outline=width)
        else:
            # Shoulders and hips overlap in profile, so this is a thick rounded bar that
            # widens into a wedge when the chest turns (a twist).
            metres, minimum = WIDTHS["trunk"]
            pts = [j["r_shoulder"], j["l_shoulder"], j["l_hip"], j["r_hip"]]
            self.polygon(pts, "trunk", far=False, outline=self.cam.size(metres, minimum))
        self.segment(j["neck"], j["head"], "neck", "forearm", far=False)
        self.head(fig)

    def head(self, fig: Figure) -> None:
        j = fig.joints
        center = self.cam.px(j["head"])
        r = self.cam.size(HEAD_R, 7)
        path = QPainterPath()
        path.addEllipse(center, r, r)
        if "head" in self.highlight:
            _glow(self.p, path, 2, fill=True)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(self.color("head", far=False))
        self.p.drawPath(path)
        self.eyes(fig, center, r)

    def eyes(self, fig: Figure, center: QPointF, r: float) -> None:
        face = self.cam.px(fig.joints["face"])
        dx, dy = face.x() - center.x(), face.y() - center.y()
        spots = [QPointF(center.x() - r * 0.36, center.y() - r * 0.1),
                 QPointF(center.x() + r * 0.36, center.y() - r * 0.1)] if fig.view == "front" \
            else [QPointF(center.x() + dx * 0.6 + dy * 0.15, center.y() + dy * 0.6 - dx * 0.15)]
        dark = QColor(canvas.BACKGROUND)
        for spot in spots:
            if self.eyes_closed:
                self.p.setPen(QPen(dark, max(2.0, r * 0.16), Qt.PenStyle.SolidLine,
                                   Qt.PenCapStyle.RoundCap))
                self.p.setBrush(Qt.BrushStyle.NoBrush)
                self.p.drawArc(QRectF(spot.x() - r * 0.3, spot.y() - r * 0.25, r * 0.6, r * 0.4),
                               200 * 16, 140 * 16)
            else:
                self.p.setPen(Qt.PenStyle.NoPen)
                self.p.setBrush(dark)
                self.p.drawEllipse(spot, r * 0.13, r * 0.13)

    def draw(self, fig: Figure) -> None:
        near = fig.near_side
        far = "l" if near == "r" else "r"
        if fig.view == "front":
            for side in (far, near):
                self.leg(fig, side, far=False)
            self.trunk(fig)
            for side in (far, near):
                self.arm(fig, side, far=False)
            return
        self.arm(fig, far, far=True)
        self.leg(fig, far, far=True)
        self.trunk(fig)
        self.leg(fig, near, far=False)
        self.arm(fig, near, far=False)


def toe_order(fig: Figure, side: str) -> list[int]:
    """Toe indices (0 = big toe) in painting order, far to near: which toe ends up in front is
    what tells a right foot from a left one in a close-up."""
    depths = fig.feet[side].toe_depth or tuple(range(len(fig.feet[side].toes)))
    return sorted(range(len(depths)), key=lambda i: depths[i])


def _hull(points: list[Point]) -> list[Point]:
    """Convex hull (monotone chain): the silhouette of a foot seen end-on."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for pt in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], pt) <= 0:
            lower.pop()
        lower.append(pt)
    upper: list[Point] = []
    for pt in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], pt) <= 0:
            upper.pop()
        upper.append(pt)
    return lower[:-1] + upper[:-1]
