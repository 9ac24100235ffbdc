"""A solved body flattened into one view and moved so its anchor point sits where the keyframe says.

Anchoring is what keeps a standing foot planted while knees bend or heels rise: the pose's angles
say the shape, the anchor says where that shape stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from ankledesk.clips.pose import Sample
from ankledesk.clips.skeleton import Body, Point, Vec, depth, project, solve


@dataclass(frozen=True)
class FlatFoot:
    outline: dict[str, Point]
    edges: tuple[Point, ...]
    toes: tuple[tuple[Point, Point, Point], ...]  # base, knuckle, tip; big toe first
    # How near the camera each toe's tip is (larger = nearer): toes are painted far to near,
    # so a right foot seen from its outside shows its little toe in front, as a real one does.
    toe_depth: tuple[float, ...] = ()
    outline_depth: dict[str, float] | None = None  # the same for the outline points


@dataclass(frozen=True)
class Figure:
    """A body ready to draw: 2D points in metres (ground at y=0) and which side is nearer."""

    view: str
    joints: dict[str, Point]
    feet: dict[str, FlatFoot]
    near_side: str


def _flatten(body: Body, view: str, dx: float, dy: float) -> Figure:
    def fl(v: Vec) -> Point:
        x, y = project(v, view)
        return (x + dx, y + dy)

    joints = {name: fl(v) for name, v in body.joints.items()}
    feet = {
        side: FlatFoot({k: fl(v) for k, v in foot.outline.items()},
                       tuple(fl(v) for v in foot.edges),
                       tuple((fl(base), fl(knuckle), fl(tip)) for base, knuckle, tip in foot.toes),
                       tuple(depth(toe[2], view) for toe in foot.toes),
                       {k: depth(v, view) for k, v in foot.outline.items()})
        for side, foot in body.feet.items()
    }
    near = "r" if depth(body.joints["r_hip"], view) >= depth(body.joints["l_hip"], view) else "l"
    if view == "front":
        near = "r" if depth(body.joints["r_knee"], view) >= depth(body.joints["l_knee"], view) \
            else "l"
    elif view in ("inner", "oblique", "medial"):  # close to the feet: the nearer foot is near
        near = "r" if depth(body.joints["r_ankle"], view) >= depth(body.joints["l_ankle"], view) \
            else "l"
    return Figure(view, joints, feet, near)


def _offset(body: Body, view: str, anchor: str, at: Point) -> Point:
    x, y = project(body.joints[anchor], view)
    return (at[0] - x, at[1] - y)


def place(frame: Sample, view: str) -> Figure:
    """Solve the sample's pose and translate it onto its anchor(s) in `view`."""
    body = solve(frame.pose)
    offsets = [_offset(body, view, name, at) for name, at in frame.anchors]
    if len(offsets) == 1:
        dx, dy = offsets[0]
    else:
        (ax, ay), (bx, by) = offsets
        dx, dy = ax + (bx - ax) * frame.weight, ay + (by - ay) * frame.weight
    return _flatten(body, view, dx, dy)
