"""Poses as named joint angles, and the easing that turns a handful of keyframes into motion.

A pose is a plain mapping of angle name -> degrees, so keyframes stay readable data and any angle a
keyframe leaves out is simply its neutral value. Sampling eases in and out of every keyframe,
which is what makes a held position feel held and a loop (first pose == last pose) seamless.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SIDES = ("r", "l")

# Per side: sagittal hip/knee/ankle/toe flexion, frontal hip abduction and ankle inversion,
# the foot's turn (toes pointing in, > 0, or out), the toes bent straight down (`toe_down`,
# not curled: toes flat on a step while the heel drops below it), the big toe's extra lift over
# the other toes, the arch lift (0..1, "short foot"), the arms,
# and the leg's inverse-kinematics target: with `ik` = 1 the hip and knee reach the ankle to
# (`ik_x`, `ik_y`) metres from the pelvis and the foot is tilted `pitch` degrees from flat
# (negative = heel up), which keeps a planted foot planted while the body moves over it.
LIMB_ANGLES = (
    "hip", "knee", "ankle", "toe", "toe_down", "big_toe", "abd", "inv", "turn", "arch",
    "shoulder", "elbow", "arm_abd", "ik", "ik_x", "ik_y", "pitch",
)
# Trunk forward lean, sideways lean, twist to the right, and head nod relative to the trunk.
BODY_ANGLES = ("trunk", "trunk_side", "twist", "neck")

ANGLE_NAMES: tuple[str, ...] = BODY_ANGLES + tuple(
    f"{side}_{name}" for side in SIDES for name in LIMB_ANGLES
)

Pose = Mapping[str, float]


def pose(base: Pose | None = None, **angles: float) -> dict[str, float]:
    """A complete pose: every angle, from `base` (or neutral) with `angles` overriding it."""
    unknown = set(angles) - set(ANGLE_NAMES)
    if unknown:
        raise KeyError(f"unknown angle(s): {', '.join(sorted(unknown))}")
    full = dict.fromkeys(ANGLE_NAMES, 0.0)
    if base:
        full.update(base)
    full.update({name: float(value) for name, value in angles.items()})
    return full


def ease(t: float) -> float:
    """Cosine ease-in-out: zero speed at both ends, so holds and loop seams show no jolt."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def blend(a: Pose, b: Pose, t: float) -> dict[str, float]:
    """Angles linearly between `a` (t=0) and `b` (t=1); callers pass an eased t."""
    return {name: a.get(name, 0.0) + (b.get(name, 0.0) - a.get(name, 0.0)) * t
            for name in ANGLE_NAMES}


@dataclass(frozen=True)
class Key:
    """One keyframe: at `t` seconds the body is in `pose`, with the point `anchor` pinned at `at`.

    The anchor is a joint name ("r_ball", "pelvis", ...) placed at view coordinates in metres
    (ground at y=0); it keeps a standing foot planted while the rest of the body moves.
    `linear` skips easing on the way *into* this key, for steady motions such as circles.
    """

    t: float
    pose: Mapping[str, float]
    anchor: str = "r_ball"
    at: tuple[float, float] = (0.0, 0.0)
    linear: bool = False


@dataclass(frozen=True)
class Sample:
    """The body at one instant: eased angles and how to place it (see `Key`)."""

    pose: dict[str, float]
    anchors: tuple[tuple[str, tuple[float, float]], ...]
    weight: float = 0.0  # blend between the two anchors when they differ


def sample(keys: Sequence[Key], time: float) -> Sample:
    """The pose at `time` seconds, easing between the keyframes either side of it."""
    if not keys:
        raise ValueError("a clip needs at least one keyframe")
    if time <= keys[0].t:
        first = keys[0]
        return Sample(dict(pose(first.pose)), ((first.anchor, first.at),))
    for a, b in itertools.pairwise(keys):
        if a.t <= time <= b.t:
            span = b.t - a.t
            raw = (time - a.t) / span if span > 0 else 1.0
            t = raw if b.linear else ease(raw)
            angles = blend(pose(a.pose), pose(b.pose), t)
            if a.anchor == b.anchor:
                at = (a.at[0] + (b.at[0] - a.at[0]) * t, a.at[1] + (b.at[1] - a.at[1]) * t)
                return Sample(angles, ((a.anchor, at),))
            return Sample(angles, ((a.anchor, a.at), (b.anchor, b.at)), weight=t)
    last = keys[-1]
    return Sample(dict(pose(last.pose)), ((last.anchor, last.at),))
