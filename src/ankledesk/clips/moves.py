"""Keyframe builders for movements that need a little geometry: hops with real flight, a rigid
plank rocking over the toes, a shin held at a given angle.

Each returns plain `(t, pose, anchor, at)` tuples for `posing.keys`, so the drills in
`ankledesk.clips.keyframes` stay data. Heights are solved here, not guessed: a landing puts
the balls exactly on the floor, a flight frame lifts both feet a stated height off it.
"""

from __future__ import annotations

import itertools
import math

from ankledesk.clips.pose import pose
from ankledesk.clips.posing import STAND, Frame, ankle_at
from ankledesk.clips.skeleton import FOREARM, SHANK, THIGH, TRUNK, UPPER_ARM, reach

LEG = THIGH + SHANK


def legs_to(height: float, ball: float, pitch: float, lift: float = 0.0,
            sides: str = "rl", forward: float = 0.0) -> dict[str, float]:
    """IK entries putting each listed foot's ball `lift` m above the floor, `ball` m in front of
    the pelvis, tilted `pitch` (negative: heel up), with the pelvis `height` m up."""
    ax, ay = ankle_at(ball, pitch, lift)
    out: dict[str, float] = {}
    for side in sides:
        out.update({f"{side}_ik": 1.0, f"{side}_ik_x": ax - forward,
                    f"{side}_ik_y": ay - height, f"{side}_pitch": pitch,
                    f"{side}_toe": max(0.0, -pitch) if lift == 0 else 0.0})
    return out


def hop(t: float, x: float, height: float, pitch: float, lift: float = 0.0,
        trunk: float = 0.0, ball: float = 0.05, **angles: float) -> Frame:
    """A two-footed hop frame, pelvis at view (x, height): on the balls (`lift` = 0) or with
    both feet `lift` m off the floor."""
    p = pose(STAND, trunk=trunk, **legs_to(height, ball, pitch, lift), **angles)
    return (t, p, "pelvis", (x, height))


def rigid_plank(ball_x: float, pitch: float, hand: tuple[float, float], floor: float,
                ) -> tuple[tuple[float, float], float, dict[str, float]]:
    """A straight body from the balls (at `ball_x`, tilted `pitch`) to straight arms on `hand`:
    the pelvis, the body's lean from vertical (degrees) and the limb angles. Rocking back lowers
    the heels (pitch toward 0) and the body keeps one line; the lean that lets the arms reach
    the hands is found by bisection."""
    ax, ay = ankle_at(ball_x, pitch, floor)
    arm = UPPER_ARM + FOREARM - 0.0008
    shoulder_len = TRUNK - 0.04

    def shoulder(lean: float) -> tuple[float, float]:
        r = math.radians(lean)
        return (ax + (LEG - 0.001 + shoulder_len) * math.sin(r),
                ay + (LEG - 0.001 + shoulder_len) * math.cos(r))

    lo, hi = 45.0, 89.0  # shoulder far above the hands .. level with them
    for _ in range(50):
        mid = (lo + hi) / 2
        sx, sy = shoulder(mid)
        if math.hypot(hand[0] - sx, hand[1] - sy) > arm:
            lo = mid  # the hands are out of reach: lower the body toward them
        else:
            hi = mid
    lean = (lo + hi) / 2
    r = math.radians(lean)
    pelvis = (ax + (LEG - 0.001) * math.sin(r), ay + (LEG - 0.001) * math.cos(r))
    sx, sy = shoulder(lean)
    theta, bend = reach(-(hand[0] - sx), hand[1] - sy, UPPER_ARM, FOREARM)
    limbs = {"trunk": lean, "r_shoulder": -theta + lean, "l_shoulder": -theta + lean,
             "r_elbow": bend, "l_elbow": bend}
    for side in "rl":
        limbs.update({f"{side}_ik": 1.0, f"{side}_ik_x": ax - pelvis[0],
                      f"{side}_ik_y": ay - pelvis[1], f"{side}_pitch": pitch,
                      f"{side}_toe": -pitch})
    return pelvis, lean, limbs


def pelvis_for_shin(ankle: tuple[float, float], shin: float, thigh: float,
                    ) -> tuple[float, float]:
    """Where the pelvis goes so a planted leg's shin leans `shin` degrees forward of vertical
    and its thigh `thigh` degrees (positive: knee ahead of the hip)."""
    s, t = math.radians(shin), math.radians(thigh)
    knee = (ankle[0] + SHANK * math.sin(s), ankle[1] + SHANK * math.cos(s))
    return (knee[0] - THIGH * math.sin(t), knee[1] + THIGH * math.cos(t))


def _along(nodes: tuple[tuple[float, float, float, float], ...], u: float,
           ) -> tuple[float, float, float]:
    """Piecewise-linear (ball x, ball height, pitch) of a foot at cycle fraction `u`."""
    for (ua, *a), (ub, *b) in itertools.pairwise(nodes):
        if ua <= u <= ub:
            k = (u - ua) / (ub - ua)
            return tuple(x + (y - x) * k for x, y in zip(a, b, strict=True))  # type: ignore
    return nodes[-1][1:]


# One foot's quick-feet cycle through a ladder, as (cycle fraction, ball x from the pelvis,
# ball height, pitch): a light touchdown on the ball ahead of the hips, a short contact while
# the floor runs back under it, a tight heel-up back swing, the knee driving through.
QUICK_FOOT = ((0.0, 0.1, 0.0, -8.0), (0.12, 0.0, 0.0, -14.0), (0.24, -0.116, 0.0, -40.0),
              (0.5, -0.17, 0.2, -55.0), (0.75, 0.13, 0.13, -5.0), (1.0, 0.1, 0.0, -8.0))


def quick_feet(steps: int, step_time: float, keys_per_step: int = 4, trunk: float = 8.0,
               ) -> list[Frame]:
    """One-foot-per-square running on the spot: the right foot lands at t=0, the left one
    `step_time` later, and so on for `steps` steps (even, so the loop closes). The pelvis
    dips on each contact and rises in the short flight between them; arms swing against
    the legs. Keys are linear (no easing), as a steady rhythm is."""
    frames: list[Frame] = []
    total = steps * keys_per_step
    for i in range(total + 1):
        t = i * step_time / keys_per_step
        u = (t / (2 * step_time)) % 1.0
        feet = {side: _along(QUICK_FOOT, (u + shift) % 1.0)
                for side, shift in (("r", 0.0), ("l", 0.5))}
        in_contact = min(lift for _, lift, _ in feet.values()) == 0.0
        height = 0.86 if in_contact else 0.89
        swing = math.sin(2 * math.pi * u)
        legs: dict[str, float] = {}
        for side, (x, lift, pitch) in feet.items():
            legs.update(legs_to(height, x, pitch, lift, sides=side))
        p = pose(STAND, trunk=trunk, r_shoulder=-40 * swing, l_shoulder=40 * swing,
                 r_elbow=85, l_elbow=85, **legs)
        frames.append((t, p, "pelvis", (0.0, height), i > 0))
    return frames


DRIVE = {"hip": 75.0, "knee": 95.0, "ankle": 5.0}  # a skip's free knee, driven up in front


def skip_keys(period: float, repeats: int, trunk: float = 5.0) -> list[Frame]:
    """Forward skips on the spot (the floor runs back under the feet): step onto the right
    foot, hop on it while the left knee drives up, land, step onto the left foot, hop... Each
    hop has a flight with both feet off the floor; arms swing against the driving knee."""
    half = period / 2
    # (fraction of a half cycle, stance foot: (ball x, lift, pitch), pelvis height, drive 0..1)
    beats = ((0.0, (0.1, 0.0, -10.0), 0.88, 0.2), (0.25, (-0.1, 0.0, -35.0), 0.93, 0.7),
             (0.5, (-0.14, 0.07, -30.0), 1.0, 1.0), (0.75, (0.05, 0.0, -12.0), 0.9, 0.8))
    frames: list[Frame] = []
    for rep in range(repeats * 2):
        stance, free = ("r", "l") if rep % 2 == 0 else ("l", "r")
        for frac, (x, lift, pitch), height, drive in beats:
            t = rep * half + frac * half
            angles = legs_to(height, x, pitch, lift, sides=stance)
            angles.update({f"{free}_hip": DRIVE["hip"] * drive - 15 * (1 - drive),
                           f"{free}_knee": DRIVE["knee"] * drive + 40 * (1 - drive),
                           f"{free}_ankle": DRIVE["ankle"] * drive - 30 * (1 - drive)})
            arm = 45 * drive
            angles.update({f"{stance}_shoulder": arm, f"{free}_shoulder": -arm * 0.6,
                           "r_elbow": 80, "l_elbow": 80})
            frames.append((t, pose(STAND, trunk=trunk, **angles), "pelvis", (0.0, height)))
    frames.append((repeats * period, frames[0][1], "pelvis", frames[0][3]))
    return frames
