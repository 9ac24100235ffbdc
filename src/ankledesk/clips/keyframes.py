"""Keyframes for every drill's demo clip: the poses, timing, view, highlight and equipment.

This is data, meant to be read and tuned by eye: each entry lists a few poses (joint angles in
degrees, see `ankledesk.clips.skeleton` for the conventions) at times in seconds, starting and
ending on the same pose so the clip loops. Unnamed angles keep the base pose's value. The right
leg is the working one: the app mirrors the clip for the left side.
"""

from __future__ import annotations

import math

from ankledesk.clips.canvas import Camera
from ankledesk.clips.pose import Key, pose
from ankledesk.clips.props import Prop
from ankledesk.clips.skeleton import FOOT_POINTS
from ankledesk.clips.spec import ClipSpec

STAND = pose(r_shoulder=4, l_shoulder=4, r_elbow=10, l_elbow=10)
# Standing on the right leg, the left foot lifted just behind.
ONE_LEG = pose(STAND, l_hip=15, l_knee=60, l_ankle=-20)
SIDE = Camera(x=0.0, ground=292, scale=132)
FOOT_CLOSE = Camera(x=0.0, ground=255, scale=780)
LOWER_LEG = Camera(x=0.0, ground=275, scale=420)
PELVIS_HEIGHT = 0.93  # standing tall, feet flat


def keys(*frames: tuple, anchor: str = "r_ball", at: tuple[float, float] = (0.0, 0.0),
         ) -> tuple[Key, ...]:
    """`(t, pose)` or `(t, pose, anchor, at)` tuples -> keyframes sharing a default anchor."""
    out = []
    for frame in frames:
        t, p, *rest = frame
        a = rest[0] if rest else anchor
        xy = rest[1] if len(rest) > 1 else at
        out.append(Key(float(t), p, a, xy))
    return tuple(out)


def ankle_at(x: float, pitch: float = 0.0, y: float = 0.0, point: str = "ball",
             ) -> tuple[float, float]:
    """Where the ankle goes so the foot's `point` (ball or heel) touches (x, y) tilted `pitch`."""
    px, py = FOOT_POINTS[point]
    r = math.radians(pitch)
    return (x - (px * math.cos(r) - py * math.sin(r)), y - (px * math.sin(r) + py * math.cos(r)))


def body(t: float, pelvis: tuple[float, float], base: dict = STAND,
         r: tuple | None = None, l: tuple | None = None, **angles: float) -> tuple:  # noqa: E741
    """A keyframe placed by its pelvis, with feet reaching floor spots through leg IK.

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
    return (t, pose(base, **targets, **angles), "pelvis", pelvis)


def hold(start: dict, top: dict, rise: float = 1.2, stay: float = 3.0,
         **kw) -> tuple[Key, ...]:
    """Move into a position, hold it (with a tiny settle), and return: a hold drill's loop."""
    settle = pose(top, trunk=top["trunk"] + 1.0)
    return keys((0, start), (rise, top), (rise + stay / 2, settle), (rise + stay, top),
                (2 * rise + stay, start), **kw)


def repeat(*poses: dict, step: float = 1.0, **kw) -> tuple[Key, ...]:
    """Poses one `step` apart, back to the first: a rhythmic reps loop."""
    return keys(*((i * step, p) for i, p in enumerate([*poses, poses[0]])), **kw)


def loop(*frames: tuple) -> tuple[Key, ...]:
    """`body(...)` keyframes, closed by repeating the first at the given end time."""
    return keys(*frames)


ARMS_ON_WALL = dict(r_shoulder=75, l_shoulder=75, r_elbow=35, l_elbow=35)

SPECS: tuple[ClipSpec, ...] = (
    ClipSpec(
        "big-toe-raise-hold",
        keys(
            body(0.0, (0.0, PELVIS_HEIGHT), ONE_LEG, r=(0.12, 0), r_toe=0, r_shoulder=20),
            body(1.2, (0.03, PELVIS_HEIGHT + 0.11), ONE_LEG, r=(0.12, -38), r_toe=38,
                 r_shoulder=20),
            body(2.7, (0.035, PELVIS_HEIGHT + 0.115), ONE_LEG, r=(0.12, -40), r_toe=40,
                 r_shoulder=20),
            body(4.2, (0.03, PELVIS_HEIGHT + 0.11), ONE_LEG, r=(0.12, -38), r_toe=38,
                 r_shoulder=20),
            body(5.4, (0.0, PELVIS_HEIGHT), ONE_LEG, r=(0.12, 0), r_toe=0, r_shoulder=20),
        ),
        highlight=("r_foot", "r_big_toe", "r_shank"),
        props=(Prop("ball", under="r_heel", dx=0.012),),
        camera=Camera(x=0.3, ground=292, scale=132),
        inset=(0.02, 0.1), inset_scale=560,
    ),
    ClipSpec(
        "wall-dorsiflexion-hold",
        keys(
            body(0.0, (-0.22, 0.92), r=(0.0, 0), l=(-0.45, -25), trunk=4, **ARMS_ON_WALL),
            body(1.3, (-0.1, 0.86), r=(0.0, 0), l=(-0.45, -35), trunk=6, **ARMS_ON_WALL),
            body(2.6, (-0.095, 0.858), r=(0.0, 0), l=(-0.45, -35), trunk=7, **ARMS_ON_WALL),
            body(3.9, (-0.1, 0.86), r=(0.0, 0), l=(-0.45, -35), trunk=6, **ARMS_ON_WALL),
            body(5.2, (-0.22, 0.92), r=(0.0, 0), l=(-0.45, -25), trunk=4, **ARMS_ON_WALL),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("wall", x=0.17),),
        camera=Camera(x=-0.1, ground=292, scale=132),
        inset=(0.0, 0.2), inset_scale=330, inset_left=True,
    ),
    ClipSpec(
        "single-leg-rdl",
        keys(
            body(0.0, (-0.05, PELVIS_HEIGHT - 0.02), ONE_LEG, r=(0.0, 0), l_hip=0, l_knee=25,
                 l_ankle=0),
            body(2.0, (-0.2, PELVIS_HEIGHT - 0.07), STAND, r=(0.0, 0), trunk=80, l_hip=5,
                 l_knee=5, l_ankle=-10, r_shoulder=82, l_shoulder=82, r_elbow=0, l_elbow=0),
            body(4.0, (-0.05, PELVIS_HEIGHT - 0.02), ONE_LEG, r=(0.0, 0), l_hip=0, l_knee=25,
                 l_ankle=0),
        ),
        highlight=("trunk", "r_thigh"),
        props=(Prop("dumbbell", hand="r_hand", front=True),),
        camera=Camera(x=-0.2, ground=292, scale=132),
    ),
)

CLIPS: dict[str, ClipSpec] = {spec.drill_id: spec for spec in SPECS}
