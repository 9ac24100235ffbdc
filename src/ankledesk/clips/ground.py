"""Ground contact: where the floor and props are under the figure, and keeping it out of them.

Keyframes place a body by an anchor (a planted ball, the pelvis), which says nothing about the
rest of it: pinned hips with a swinging leg, or a foot rolled onto its edge, put points through
the floor. After placing, the figure is moved vertically against the surface under it, as the
spec's `contact` asks: "clear" lifts it just out of whatever it would sink into, "rest" sets its
lowest point on the surface every frame, so the hips ride on the stance leg (a gait on the spot),
"keyed" trusts the anchors. Everything is in view metres, the floor at y=0.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from ankledesk.clips.figure_painter import WIDTHS
from ankledesk.clips.placement import Figure, FlatFoot, place
from ankledesk.clips.pose import sample
from ankledesk.clips.props import surface_top
from ankledesk.clips.skeleton import HEAD_R, TOE_WIDTH, Point
from ankledesk.clips.spec import ClipSpec

NO_GROUND = -math.inf
# How far the drawing reaches beyond a point: limbs and toes are thick round-capped lines, so a
# knee or a toe tip *at* the floor would show half its thickness through it. Foot outline
# points are polygon corners (radius 0). The trunk is a thick bar in profile, thin from the front.
JOINT_RADIUS = {
    "knee": max(WIDTHS["thigh"][0], WIDTHS["shank"][0]) / 2, "ankle": WIDTHS["shank"][0] / 2,
    "elbow": WIDTHS["upper_arm"][0] / 2, "hand": WIDTHS["forearm"][0] / 2, "head": HEAD_R,
}
TRUNK_RADIUS = {"side": WIDTHS["trunk"][0] / 2, "quarter": WIDTHS["trunk"][0] / 2, "front": 0.025,
                "inner": WIDTHS["trunk"][0] / 2, "oblique": WIDTHS["trunk"][0] / 2,
                "medial": WIDTHS["trunk"][0] / 2}
TRUNK_JOINTS = ("pelvis", "hip", "shoulder")


def surface_height(spec: ClipSpec, x: float, phase: float) -> float:
    """Height of what is under view x: the top of the highest prop there (step, mat, pad,
    incline...) or the floor; -inf where there is nothing (no floor and no prop)."""
    height = 0.0 if spec.floor else NO_GROUND
    for prop in spec.props:
        top = surface_top(prop, x, phase)
        if top is not None:
            height = max(height, top)
    return height


Contact = tuple[str, Point, float]  # name, view point, drawn radius around it


def foot_points(fig: Figure, side: str) -> Iterator[Contact]:
    """Every drawn point of one foot: outline, sole and instep corners, toe joints and tips."""
    foot = fig.feet[side]
    for name, pt in foot.outline.items():
        yield f"{side}_foot.{name}", pt, 0.0
    for i, pt in enumerate(foot.edges):
        yield f"{side}_foot.edge{i}", pt, 0.0
    for i, toe in enumerate(foot.toes):
        radius = TOE_WIDTH / 2 * (1.0 if i == 0 else 0.85)  # as FigurePainter.toes draws them
        for part, pt in zip(("base", "knuckle", "tip"), toe, strict=True):
            yield f"{side}_toe{i}.{part}", pt, radius


def body_points(fig: Figure) -> Iterator[Contact]:
    """Every joint and every foot point of a placed figure, named, with its drawn radius."""
    for name, pt in fig.joints.items():
        kind = name.rsplit("_", 1)[-1]
        radius = TRUNK_RADIUS[fig.view] if kind in TRUNK_JOINTS else JOINT_RADIUS.get(kind, 0.0)
        yield name, pt, radius
    for side in fig.feet:
        yield from foot_points(fig, side)


def gap(spec: ClipSpec, point: Contact, phase: float) -> float:
    """How far the drawn underside of a point is above the surface under it (< 0: sunk in)."""
    _, (x, y), radius = point
    return y - radius - surface_height(spec, x, phase)


def clearance(spec: ClipSpec, fig: Figure, phase: float,
              points: Iterator[Contact] | None = None) -> tuple[float, str]:
    """How far the lowest point is above the surface under it (negative: sunk in), and which."""
    best = (math.inf, "")
    for point in body_points(fig) if points is None else points:
        g = gap(spec, point, phase)
        if g < best[0]:
            best = (g, point[0])
    return best


def shifted(fig: Figure, dy: float) -> Figure:
    """The same figure moved up by `dy` metres."""
    def up(pt: Point) -> Point:
        return (pt[0], pt[1] + dy)

    feet = {side: FlatFoot({k: up(v) for k, v in foot.outline.items()},
                           tuple(up(v) for v in foot.edges),
                           tuple((up(base), up(knuckle), up(tip))
                                 for base, knuckle, tip in foot.toes),
                           foot.toe_depth,
                           foot.outline_depth)
            for side, foot in fig.feet.items()}
    return replace(fig, joints={k: up(v) for k, v in fig.joints.items()}, feet=feet)


def figure_at(spec: ClipSpec, time: float, contact: str | None = None,
              view: str | None = None) -> Figure:
    """The placed figure at `time` seconds, moved against the ground as `contact` (default:
    the spec's) says; seen from `view` (default: the spec's), at the height the spec's own view
    gives it, so a close-up from another side shows the same foot on the same floor."""
    frame = sample(spec.keys, time)
    fig = place(frame, spec.view)
    mode = contact or spec.contact
    dy = 0.0
    if mode != "keyed":
        lowest, _ = clearance(spec, fig, phase(spec, time))
        if math.isfinite(lowest) and (mode == "rest" or lowest < 0):
            dy = -lowest
    if view is not None and view != spec.view:
        fig = place(frame, view)
    if spec.near is not None:
        fig = replace(fig, near_side=spec.near)
    return shifted(fig, dy) if dy else fig


def phase(spec: ClipSpec, time: float) -> float:
    """Where `time` is in the loop, 0..1."""
    return (time / spec.duration) % 1.0
