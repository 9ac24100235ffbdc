"""Helpers that make keyframes short to write: base poses, cameras, IK-placed bodies, loops.

Keyframes (`ankledesk.clips.keyframes`) stay data; what turns "right ball here, heel up 30°,
hands on the wall" into joint angles lives here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ankledesk.clips.pose import Key, Pose, pose
from ankledesk.clips.skeleton import FOOT_POINTS, FOREARM, TRUNK, UPPER_ARM, reach

STAND = pose(r_shoulder=4, l_shoulder=4, r_elbow=10, l_elbow=10)
# Standing on the right leg, the left foot lifted just behind.
ONE_LEG = pose(STAND, l_hip=15, l_knee=60, l_ankle=-20)
PELVIS_HEIGHT = 0.93  # standing tall, feet flat


Frame = tuple[Any, ...]
"""A keyframe as written in keyframes.py: `(t, pose)`, `(t, pose, anchor, at)` or
`(t, pose, anchor, at, linear)`."""
Spot = tuple[Any, ...]
"""Where a foot goes: `ankle_at`'s arguments, e.g. `(x, pitch)` or `(x, pitch, y, "heel")`."""


def keys(*frames: Frame, anchor: str = "r_ball", at: tuple[float, float] = (0.0, 0.0),
         ) -> tuple[Key, ...]:
    """`(t, pose)`, `(t, pose, anchor, at)` or `(t, pose, anchor, at, linear)` tuples ->
    keyframes sharing a default anchor."""
    out = []
    for frame in frames:
        t, p, *rest = frame
        a = rest[0] if rest else anchor
        xy = rest[1] if len(rest) > 1 else at
        linear = bool(rest[2]) if len(rest) > 2 else False
        out.append(Key(float(t), p, a, xy, linear))
    return tuple(out)


def ankle_at(x: float, pitch: float = 0.0, y: float = 0.0, point: str = "ball",
             ) -> tuple[float, float]:
    """Where the ankle goes so the foot's `point` (ball or heel) touches (x, y) tilted `pitch`."""
    px, py = FOOT_POINTS[point]
    r = math.radians(pitch)
    return (x - (px * math.cos(r) - py * math.sin(r)), y - (px * math.sin(r) + py * math.cos(r)))


def hands_to(pelvis: tuple[float, float], trunk: float, hand: tuple[float, float],
             ) -> dict[str, float]:
    """Shoulder and elbow angles (both arms) that put the hands at `hand`, elbows down."""
    r = math.radians(trunk)
    reach_len = TRUNK - 0.04
    sx, sy = pelvis[0] + reach_len * math.sin(r), pelvis[1] + reach_len * math.cos(r)
    theta, bend = reach(-(hand[0] - sx), hand[1] - sy, UPPER_ARM, FOREARM)
    shoulder = -theta + trunk
    return {"r_shoulder": shoulder, "l_shoulder": shoulder, "r_elbow": bend, "l_elbow": bend}


def body(t: float, pelvis: tuple[float, float], base: Pose = STAND,
         r: Spot | None = None, l: Spot | None = None,  # noqa: E741
         hands: tuple[float, float] | None = None, **angles: float) -> Frame:
    """A keyframe placed by its pelvis, with feet (and hands) reaching their spots through IK.

    `r`/`l` are `ankle_at` arguments, e.g. `r=(0.0, -30)`: right ball at x=0, heel raised 30°.
    """
    targets: dict[str, float] = {}
    for side, foot in (("r", r), ("l", l)):
        if foot is None:
            continue
        ax, ay = ankle_at(*foot)
        targets.update({f"{side}_ik": 1.0, f"{side}_ik_x": ax - pelvis[0],
                        f"{side}_ik_y": ay - pelvis[1], f"{side}_pitch": foot[1]
                        if len(foot) > 1 else 0.0})
    if hands is not None:
        trunk = angles.get("trunk", base.get("trunk", 0.0))
        targets.update(hands_to(pelvis, trunk, hands))
    return (t, pose(base, **{**targets, **angles}), "pelvis", pelvis)


def leg(side: str, hip: float, knee: float, ankle: float = 0.0, toe: float = 0.0,
        ) -> dict[str, float]:
    """One leg's sagittal angles as pose entries, for gait phases."""
    return {f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle,
            f"{side}_toe": toe}


def gait(phases: Sequence[tuple[float, float, float, float]], step: float, repeats: int,
         heights: list[float], base: Pose = STAND, x: float = 0.0,
         arm_swing: float = 0.8, **angles: float) -> tuple[Key, ...]:
    """A cyclic gait on the spot: the right leg goes through `phases` while the left leg is
    half a cycle behind; arms swing against the legs; the pelvis is keyed at (x, height).

    Keyed heights alone put a foot through the floor mid-stride; the clip's `contact` decides:
    "rest" (walking) sets the lowest foot on the ground every frame, whatever the height,
    "clear" (runs, skips) keeps higher keyed heights as flight but never lets a foot sink."""
    n = len(phases)
    frames = []
    for i in range(n * repeats + 1):
        r_phase, l_phase = phases[i % n], phases[(i + n // 2) % n]
        arms = {"r_shoulder": arm_swing * l_phase[0], "l_shoulder": arm_swing * r_phase[0],
                "r_elbow": 30 + 0.3 * l_phase[0], "l_elbow": 30 + 0.3 * r_phase[0]}
        p = pose(base, **leg("r", *r_phase), **leg("l", *l_phase), **arms, **angles)
        frames.append((i * step, p, "pelvis", (x, heights[i % len(heights)])))
    return keys(*frames)


