"""Forward kinematics: a pose (joint angles) -> where every joint and foot point is.

The body is solved in 3D, metres, axes (forward, left, up), pelvis at the origin, then projected
orthographically for a side view (camera on the figure's right, figure facing screen-right), a
front view (figure facing the camera) or a three-quarter view (camera in front and to the right,
`QUARTER_YAW` degrees round from the side view), where sideways foot motion still shows. One
model for every view keeps a drill's keyframes the same whichever way it is filmed. Segment
lengths are an average adult's, ~1.75 m tall.

Angle conventions (degrees): `trunk` leans the upper body forward; `hip`, `shoulder` flex the
limb forward from the trunk line; `knee` bends, `elbow` bends; `ankle` > 0 is dorsiflexion (toes
up, 0 = foot square to the shin); `toe` > 0 lifts the toes; `abd`/`arm_abd` swing a limb out to
the side; `inv` > 0 turns the sole inward; `turn` > 0 points the toes inward (adduction).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ankledesk.clips.pose import SIDES, Pose

Vec = tuple[float, float, float]  # (forward, left, up)
Point = tuple[float, float]

THIGH, SHANK, TRUNK, NECK, HEAD_R = 0.44, 0.42, 0.50, 0.07, 0.105
UPPER_ARM, FOREARM = 0.29, 0.28
HIP_HALF, SHOULDER_HALF = 0.085, 0.17
QUARTER_YAW = 40.0  # degrees the three-quarter camera is turned from the side view

# Foot outline in the foot's own frame, metres from the ankle joint: (along, up).
# "heel" and "ball" are the bottom contact points that anchors plant on the floor.
FOOT_SIDE_OUTLINE = ("ankle_back", "heel_back", "heel", "arch", "ball", "ball_top", "instep",
                     "ankle_front")
FOOT_POINTS: dict[str, Point] = {
    "ankle_back": (-0.045, 0.035), "heel_back": (-0.07, -0.025), "heel": (-0.05, -0.07),
    "arch": (0.05, -0.062), "ball": (0.145, -0.07), "ball_top": (0.15, -0.035),
    "instep": (0.06, -0.0), "ankle_front": (0.03, 0.035),
}
FOOT_HALF_WIDTH = {"heel": 0.03, "ball": 0.045, "instep": 0.036, "ankle": 0.034}
# The five toes: sideways offset on the ball line (negative = towards the big-toe side), length.
TOES = ((-0.028, 0.062), (-0.008, 0.046), (0.008, 0.04), (0.022, 0.034), (0.035, 0.028))
TOE_BASE_ALONG = 0.14
TOE_WIDTH = 0.026


def _sagittal(theta: float) -> Point:
    """Unit (forward, up) vector at `theta` degrees from straight down, positive forward."""
    r = math.radians(theta)
    return (math.sin(r), -math.cos(r))


def _add(*vs: Vec) -> Vec:
    return (sum(v[0] for v in vs), sum(v[1] for v in vs), sum(v[2] for v in vs))


def _mul(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def _plane(sign: int, abd: float) -> tuple[Callable[[Point], Vec], Vec]:
    """Map (forward, up) in a limb's sagittal plane to 3D after swinging it out by `abd`."""
    s, c = math.sin(math.radians(abd)), math.cos(math.radians(abd))

    def to3d(p: Point) -> Vec:
        return (p[0], sign * -p[1] * s, p[1] * c)

    normal = (0.0, sign * c, s)
    return to3d, normal


def _twist(v: Vec, degrees: float) -> Vec:
    """Turn a vector about the vertical axis; positive turns to the right (left side forward)."""
    s, c = math.sin(math.radians(degrees)), math.cos(math.radians(degrees))
    return (v[0] * c + v[1] * s, v[1] * c - v[0] * s, v[2])


@dataclass(frozen=True)
class Foot:
    """A solved foot: its outline points and toes (base, tip) in 3D, big toe first."""

    outline: dict[str, Vec]
    # Corners (big-toe side first) of the heel, the ball, the instep and the ankle: the sole is
    # the first four, all eight give the silhouette of a foot seen from the front.
    edges: tuple[Vec, ...]
    toes: tuple[tuple[Vec, Vec, Vec], ...]  # base, knuckle, tip


@dataclass(frozen=True)
class Body:
    """Every named point of a solved pose in 3D, pelvis at the origin."""

    joints: dict[str, Vec]
    feet: dict[str, Foot]


def _foot(side: str, p: Pose, ankle: Vec, to3d: Callable[[Point], Vec], normal: Vec,
          shank_theta: float) -> Foot:
    phi = shank_theta + 90 + p[f"{side}_ankle"]
    along = to3d(_sagittal(phi))
    up = to3d(_sagittal(phi + 90))
    out = normal  # the limb plane's normal points away from the body's midline
    c = math.radians(p.get(f"{side}_turn", 0.0))  # about the shank: toes in (+) or out
    along, out = (_add(_mul(along, math.cos(c)), _mul(out, -math.sin(c))),
                  _add(_mul(out, math.cos(c)), _mul(along, math.sin(c))))
    b = math.radians(p[f"{side}_inv"])
    up, out = (_add(_mul(up, math.cos(b)), _mul(out, math.sin(b))),
               _add(_mul(out, math.cos(b)), _mul(up, -math.sin(b))))
    arch = p[f"{side}_arch"]

    def at(x: float, y: float, z: float = 0.0) -> Vec:
        return _add(ankle, _mul(along, x), _mul(up, y), _mul(out, z))

    local = dict(FOOT_POINTS)
    local["arch"] = (local["arch"][0], local["arch"][1] + 0.03 * arch)
    local["ball"] = (local["ball"][0] - 0.012 * arch, local["ball"][1])
    local["ball_top"] = (local["ball_top"][0] - 0.012 * arch, local["ball_top"][1])
    local["instep"] = (local["instep"][0], local["instep"][1] + 0.01 * arch)
    outline = {name: at(*xy) for name, xy in local.items()}
    hx, hy = local["heel"]
    bx, by = local["ball"]
    ix, iy = local["instep"]
    fx, fy = local["ankle_front"]
    edges = tuple(at(x, y, z * w) for x, y, w in ((hx, hy, FOOT_HALF_WIDTH["heel"]),
                                                  (bx, by, FOOT_HALF_WIDTH["ball"]),
                                                  (ix, iy, FOOT_HALF_WIDTH["instep"]),
                                                  (fx, fy, FOOT_HALF_WIDTH["ankle"]))
                  for z in (-1, 1))
    toes = []
    for i, (z, length) in enumerate(TOES):
        lift = p[f"{side}_toe"] + (p[f"{side}_big_toe"] if i == 0 else 0.0)
        # A negative lift curls the toe: the knuckle rises and the tip grips downward, back to
        # the height of the toe's base, so a curled toe grips the floor instead of going into it.
        near, far = (lift, lift) if lift >= 0 else (-lift, lift)
        if p.get(f"{side}_toe_down", 0.0):  # straight down from the ball, not curled
            near = far = lift - p[f"{side}_toe_down"]

        def direction(deg: float) -> Vec:
            r = math.radians(deg)
            return _add(_mul(along, math.cos(r)), _mul(up, math.sin(r)))

        base = at(TOE_BASE_ALONG - 0.012 * arch - 0.02 * i / 4, by + TOE_WIDTH / 2, z)
        knuckle = _add(base, _mul(direction(near), length * 0.5))
        toes.append((base, knuckle, _add(knuckle, _mul(direction(far), length * 0.5))))
    return Foot(outline, edges, tuple(toes))


def solve(p: Pose) -> Body:
    """Joint positions for pose `p` (missing angles count as 0)."""
    get = p.get
    lean, side_lean, twist = get("trunk", 0.0), get("trunk_side", 0.0), get("twist", 0.0)
    rl, rs = math.radians(lean), math.radians(side_lean)
    up_v: Vec = (math.sin(rl), math.cos(rl) * math.sin(rs), math.cos(rl) * math.cos(rs))
    fwd_v: Vec = (math.cos(rl), 0.0, -math.sin(rl))
    lat_v: Vec = (0.0, math.cos(rs), -math.sin(rs))
    shoulder_axis = _add(_mul(lat_v, math.cos(math.radians(twist))),
                         _mul(fwd_v, math.sin(math.radians(twist))))
    pelvis: Vec = (0.0, 0.0, 0.0)
    neck = _mul(up_v, TRUNK)
    head_lean = math.radians(lean + get("neck", 0.0))
    head_up: Vec = (math.sin(head_lean), up_v[1], math.cos(head_lean))
    head = _add(neck, _mul(head_up, NECK + HEAD_R))
    face = _twist((math.cos(head_lean), 0.0, -math.sin(head_lean)), twist * 0.5)
    joints: dict[str, Vec] = {"pelvis": pelvis, "neck": neck, "head": head,
                              "face": _add(head, _mul(face, HEAD_R))}
    feet: dict[str, Foot] = {}
    for side in SIDES:
        sign = -1 if side == "r" else 1

        def angle(name: str, side: str = side) -> float:
            return float(get(f"{side}_{name}", 0.0))

        hip = (0.0, sign * HIP_HALF, 0.0)
        to3d, normal = _plane(sign, angle("abd"))
        hip_flex, knee_flex, ankle_flex = leg_angles(p, side)
        thigh_theta = -lean + hip_flex
        shank_theta = thigh_theta - knee_flex
        knee = _add(hip, _mul(to3d(_sagittal(thigh_theta)), THIGH))
        ankle = _add(knee, _mul(to3d(_sagittal(shank_theta)), SHANK))
        foot_angles = {k: float(get(k, 0.0)) for k in _foot_angles(side)}
        foot_angles[f"{side}_ankle"] = ankle_flex
        foot = _foot(side, foot_angles, ankle, to3d, normal, shank_theta)
        feet[side] = foot
        shoulder = _add(neck, _mul(up_v, -0.04), _mul(shoulder_axis, sign * SHOULDER_HALF))
        arm3d, _ = _plane(sign, angle("arm_abd"))
        arm_theta = -lean + angle("shoulder")
        elbow = _add(shoulder, _twist(_mul(arm3d(_sagittal(arm_theta)), UPPER_ARM), twist))
        hand = _add(elbow, _twist(_mul(arm3d(_sagittal(arm_theta + angle("elbow"))), FOREARM),
                                  twist))
        joints.update({
            f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle,
            f"{side}_heel": foot.outline["heel"], f"{side}_ball": foot.outline["ball"],
            f"{side}_toe": foot.toes[0][2], f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow, f"{side}_hand": hand,
        })
    return Body(joints, feet)


def reach(x: float, y: float, upper: float = THIGH, lower: float = SHANK,
          ) -> tuple[float, float]:
    """Two-bone IK: first segment's direction and the middle joint's bend (degrees) putting the
    end at (x, y), bending forward like a knee; out-of-reach targets get a straight limb."""
    d = min(max(math.hypot(x, y), abs(upper - lower) + 1e-6), upper + lower - 1e-9)
    toward = math.degrees(math.atan2(x, -y))
    at_root = math.degrees(math.acos((upper**2 + d**2 - lower**2) / (2 * upper * d)))
    at_mid = math.degrees(math.acos((upper**2 + lower**2 - d**2) / (2 * upper * lower)))
    return toward + at_root, 180.0 - at_mid


def leg_angles(p: Pose, side: str) -> tuple[float, float, float]:
    """Hip flexion, knee flexion and ankle angle of a leg, from its angles or its IK target."""
    get = p.get
    hip, knee, ankle = (float(get(f"{side}_{n}", 0.0)) for n in ("hip", "knee", "ankle"))
    weight = float(get(f"{side}_ik", 0.0))
    if weight <= 0:
        return hip, knee, ankle
    thigh_theta, ik_knee = reach(float(get(f"{side}_ik_x", 0.0)), float(get(f"{side}_ik_y", 0.0)))
    ik_hip = thigh_theta + float(get("trunk", 0.0))
    ik_ankle = float(get(f"{side}_pitch", 0.0)) - (thigh_theta - ik_knee)
    return (hip + (ik_hip - hip) * weight, knee + (ik_knee - knee) * weight,
            ankle + (ik_ankle - ankle) * weight)


def _foot_angles(side: str) -> tuple[str, ...]:
    return tuple(f"{side}_{n}" for n in ("ankle", "toe", "toe_down", "big_toe", "inv", "turn",
                                          "arch"))


# How far round from the side view (camera on the figure's right) each camera stands, degrees:
# "quarter" is in front and to the right, "front" faces the figure, "inner" is in front and to
# the left, looking at the right foot's inner edge (arch and big toe nearest the camera);
# "oblique" is nearer the front than "quarter": side-to-side work with the knees' bend visible;
# "medial" is the side view from the figure's left: the right foot's arch and big toe.
VIEW_YAW = {"side": 0.0, "quarter": QUARTER_YAW, "oblique": 62.0, "front": 90.0, "inner": 112.0,
            "medial": 180.0}


def project(v: Vec, view: str) -> Point:
    """The 2D view position of a 3D point: side view (forward, up), front view (left, up) or
    a view in between or beyond (see `VIEW_YAW`)."""
    if view == "side":
        return (v[0], v[2])
    if view == "front":
        return (v[1], v[2])
    r = math.radians(VIEW_YAW[view])
    return (v[0] * math.cos(r) + v[1] * math.sin(r), v[2])


def depth(v: Vec, view: str) -> float:
    """How near the camera a point is (larger = nearer), for drawing order."""
    if view == "side":
        return -v[1]
    if view == "front":
        return v[0]
    r = math.radians(VIEW_YAW[view])
    return v[0] * math.sin(r) - v[1] * math.cos(r)
