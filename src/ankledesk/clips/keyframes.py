"""Keyframes for every drill's demo clip: the poses, timing, view, highlight and equipment.

This is data, meant to be read and tuned by eye: each entry lists a few poses at times in
seconds, starting and ending on the same pose so the clip loops. `body(t, pelvis, r=..., l=...)`
places the pelvis and plants the feet by IK (`r=(ball_x, pitch)`: the right ball at x, the foot
tilted `pitch` degrees, negative = heel up); plain angles (see `ankledesk.clips.skeleton` for
the conventions) fill in the rest. The right leg is the working one and faces the camera: the
app mirrors the clip for the left side. Distances are metres, the floor is y=0.
"""

from __future__ import annotations

import math
from typing import Any

from ankledesk.clips.canvas import Camera
from ankledesk.clips.ground import JOINT_RADIUS
from ankledesk.clips.moves import hop, pelvis_for_shin, quick_feet, rigid_plank, skip_keys
from ankledesk.clips.pose import Key, Pose, pose
from ankledesk.clips.posing import (
    ONE_LEG,
    STAND,
    Frame,
    Spot,
    ankle_at,
    body,
    gait,
    keys,
)
from ankledesk.clips.posing import (
    PELVIS_HEIGHT as P,
)
from ankledesk.clips.props import MAT_THICKNESS, Prop
from ankledesk.clips.skeleton import FOOT_POINTS, SHANK, THIGH
from ankledesk.clips.spec import ClipSpec

MAT = MAT_THICKNESS  # top of a mat: where a foot, knee or hand on it rests
KNEE_RADIUS, HAND_RADIUS = JOINT_RADIUS["knee"], JOINT_RADIUS["hand"]


def knee_down(back: float) -> float:
    """Pelvis height over a surface for a knee resting on it, the thigh `back` degrees behind
    vertical (the knee's centre is half the drawn thigh's width above the surface)."""
    return KNEE_RADIUS + THIGH * math.cos(math.radians(back))

ARMS_OUT: dict[str, Any] = dict(r_arm_abd=35, l_arm_abd=35, r_elbow=10, l_elbow=10)
SOFT_ONE_LEG = pose(ONE_LEG, l_hip=35, l_knee=75, l_abd=6, **ARMS_OUT)
# Sitting square on a chair: thighs level, shins upright, hands resting on the thighs.
SEATED = pose(STAND, r_hip=90, l_hip=90, r_knee=90, l_knee=90, r_shoulder=40, l_shoulder=40,
              r_elbow=50, l_elbow=50)


def _big_toe_hold(base: Pose, **angles: float) -> tuple[Key, ...]:
    """Single-leg rise onto the base of the big toe, a long hold at the top, and down."""
    base = pose(base, l_knee=72)  # the lifted toes clear the floor while the heel is down
    low: dict[str, Any] = {"r": (0.12, 0), "r_toe": 0, **angles}
    top: dict[str, Any] = {"r": (0.12, -40), "r_toe": 40, **angles}
    return keys(  # still from 1.2 s to 4.2 s: a hold is held (`BIG_TOE_HOLD`)
        body(0.0, over((0.12, 0)), base, **low),
        body(BIG_TOE_HOLD[0], over((0.12, -40), 0.012), base, **top),
        body(BIG_TOE_HOLD[1], over((0.12, -40), 0.012), base, **top),
        body(5.4, over((0.12, 0)), base, **low),
    )


BIG_TOE_HOLD = (1.2, 4.2)


def over(foot: Spot, forward: float = 0.0) -> tuple[float, float]:
    """The pelvis right above a planted foot's ankle (shifted `forward`), leg just short of
    straight: standing tall on that foot."""
    x, y = ankle_at(*foot)
    return (x + forward, y + math.sqrt((THIGH + SHANK - 0.002) ** 2 - forward**2))


def _split(t: float, x: float, y: float, back: float = -0.5, back_pitch: float = -35,
           front: float = 0.0, **angles: float) -> Frame:
    """Split stance, right foot forward flat at `front`, left foot back on its ball, its toes
    bent flat on the floor."""
    toes: dict[str, Any] = {"l_toe": -back_pitch, **angles}
    return body(t, (x, y), r=(front, 0), l=(back, back_pitch), **toes)


def _half_kneel(t: float, forward: float, linear: bool) -> Frame:
    """Half-kneeling on a mat, `forward` (0..1) of the way into the lunge: the front foot flat,
    the back knee resting on the mat, the back shin along it and that foot laces-down."""
    hip, trunk = -6 - 22 * forward, 4 * forward
    pelvis = (-0.36 + 0.16 * forward, MAT + knee_down(trunk - hip))
    return (*body(t, pelvis, r=(0.2, 0, MAT), l_hip=hip, l_knee=83 - 25 * forward, l_ankle=-80,
                  trunk=trunk, r_shoulder=40, l_shoulder=40, r_elbow=60, l_elbow=60), linear)


# Standing on the left leg, knee soft; arms forward a little so they show from the side.
TAP_STANCE = pose(STAND, l_hip=18, l_knee=36, l_ankle=18, r_shoulder=25, l_shoulder=25,
                  r_elbow=45, l_elbow=45, r_arm_abd=15, l_arm_abd=15)
TAP_PELVIS = (THIGH + SHANK) * math.cos(math.radians(18)) - FOOT_POINTS["ball"][1]


def _stride(t: float, lead: str, size: float, trunk: float, x: float) -> Frame:
    """A running stride on the spot: the `lead` knee driven up in front, the other leg
    pushing off behind, arms swinging against the legs; `size` 1 is a full stride, smaller
    ones slow the run down to a stop."""
    back = "l" if lead == "r" else "r"
    return (t, pose(STAND, trunk=trunk, **{
        f"{lead}_hip": 60 * size, f"{lead}_knee": 85 * size, f"{back}_hip": -10 * size,
        f"{back}_knee": 15 * size, f"{back}_ankle": -10 * size,
        f"{lead}_shoulder": -30 * size, f"{back}_shoulder": 45 * size,
        "r_elbow": 40 + 30 * size, "l_elbow": 40 + 30 * size}),
        "pelvis", (x, 0.9 + 0.02 * (1 - size)))


def _tap(t: float, where: str) -> Frame:
    """Timed taps: the right foot lifted beside the standing ankle, or tapping the floor with
    its ball forward, out to the side or back (IK in the leg's plane, swung out for the side)."""
    if where == "lift":
        return (t, pose(TAP_STANCE, r_hip=40, r_knee=70, r_ankle=-10), "l_ball", (0.0, 0.0))
    x, pitch, abd = {"forward": (0.42, -12, 0), "side": (0.12, -8, 30),
                     "back": (-0.3, -48, 0)}[where]
    ax, ay = ankle_at(x, pitch)
    c = math.cos(math.radians(abd))
    return (t, pose(TAP_STANCE, r_ik=1, r_ik_x=ax, r_ik_y=(ay - TAP_PELVIS) / c, r_pitch=pitch,
                    r_abd=abd, r_inv=abd, r_turn=-abd * 0.6, r_toe=-pitch), "l_ball", (0.0, 0.0))


HOP_ARMS: dict[str, Any] = dict(r_shoulder=25, l_shoulder=25, r_elbow=70, l_elbow=70, r_arm_abd=18,
                l_arm_abd=18)
HOP_ARMS_UP: dict[str, Any] = dict(r_shoulder=5, l_shoulder=5, r_elbow=40, l_elbow=40, r_arm_abd=28,
                   l_arm_abd=28)
REACH_ARMS: dict[str, Any] = dict(r_shoulder=12, l_shoulder=12, r_elbow=12, l_elbow=12)
BENT_START = pelvis_for_shin(ankle_at(-0.36, 0), 18, -20)  # back knee soft, hips forward
BENT_END = pelvis_for_shin(ankle_at(-0.36, 0), 38, -5)  # shin ~38 degrees forward, heel down


def _plank(t: float, pitch: float) -> Frame:
    """A rigid straight-arm plank on the mat, feet on their balls at `pitch` (see
    `moves.rigid_plank`): -60 up on the toes, near 0 heels down."""
    pelvis, _, limbs = rigid_plank(-0.8, pitch, (0.42, MAT + HAND_RADIUS), MAT)
    return (t, pose(STAND, neck=-10, **limbs), "pelvis", pelvis)


# Standing, the left foot a long step back: out of a close-up of the right foot.
TOE_STANCE = pose(STAND, l_ik=1, l_ik_x=-0.29, l_ik_y=-0.805, l_pitch=-25, l_toe=25)
# Both legs from the knees down: a close-up on the feet that keeps the shins' lean.
SHINS_DOWN = tuple(f"{side}_{part}" for side in "rl"
                   for part in ("knee", "ankle", "foot", "toe", "heel", "ball"))
# The parts a foot close-up frames: the right foot, its toes and ankle.
FOOT_CLOSE_UP = ("r_foot", "r_toe", "r_ankle")
EYES_CLOSED_LEG = pose(STAND, l_hip=38, l_knee=55, l_ankle=-5, r_knee=6, r_hip=3,
                       r_shoulder=15, l_shoulder=15, r_elbow=20, l_elbow=20)
# Incline drags: a long drive off the back foot (ankle and toes extended hard), knee up.
DRAG = [(25, 5, 10, 0), (0, 10, 2, 0), (-24, 8, -38, 38), (40, 75, -5, 0)]
OPENER_ROLL = pose(STAND, r_abd=14, l_abd=6, l_inv=6, r_inv=32, r_turn=8, trunk_side=-7,
                   r_knee=15, r_hip=10, l_knee=10, l_hip=8)
WALK = [(25, 3, 8, 0), (2, 8, 4, 0), (-18, 12, -22, 30), (28, 60, -5, 0)]

SPECS: tuple[ClipSpec, ...] = (
    # --- Big-toe strength ------------------------------------------------------------------
    ClipSpec(
        "big-toe-raise-hold",
        _big_toe_hold(ONE_LEG, r_shoulder=20),
        highlight=("r_big_toe", "r_shank"),
        props=(Prop("ball", under="r_heel", dx=0.03),),
        hold=BIG_TOE_HOLD,
        inset=(0.0, 0.15), inset_scale=460, inset_view="medial", inset_on="r_ball",
        near="r",
    ),
    ClipSpec(
        "big-toe-raise-hold-weighted",
        _big_toe_hold(ONE_LEG, r_shoulder=14, r_elbow=25, l_shoulder=0, l_elbow=5),
        highlight=("r_big_toe", "r_shank"),
        props=(Prop("dumbbell", hand="r_hand", front=True),),
        hold=BIG_TOE_HOLD,
        inset=(0.0, 0.15), inset_scale=460, inset_view="medial", inset_on="r_ball",
        near="r",
    ),
    ClipSpec(
        "big-toe-step-edge-hold",
        keys(
            (0.0, pose(ONE_LEG, r_ankle=-22, r_toe=22, r_shoulder=25)),
            (1.2, pose(ONE_LEG, r_ankle=-42, r_toe=42, r_shoulder=25)),
            (4.2, pose(ONE_LEG, r_ankle=-42, r_toe=42, r_shoulder=25)),
            (5.4, pose(ONE_LEG, r_ankle=-22, r_toe=22, r_shoulder=25)),
            anchor="r_toe", at=(0.05, 0.193),
        ),
        highlight=("r_big_toe", "r_shank"),
        props=(Prop("block", x0=0.0, x1=0.7, h=0.18),),
        hold=(1.2, 4.2),
        inset=(0.0, 0.32), inset_scale=460, inset_view="medial", inset_on="r_ball",
        near="r",
    ),
    # --- Runner's chassis and foot mechanics -------------------------------------------------
    ClipSpec(
        "clock-balance",
        # On the right foot, the weight travels round the edge of the footprint: to the big
        # toe, across to the little toes, down the outer edge, to the heel and back to the
        # middle. The body sways only a little with it; the footprint shows where the load is.
        keys(*(
            (t, pose(SOFT_ONE_LEG, trunk_side=side, r_inv=inv, trunk=lean), "r_ball", (-0.1, 0.0))
            for t, side, inv, lean in (
                (0.0, 0, 0, 0), (0.8, 3, -5, 3), (1.6, 3, -5, 3), (2.4, -3, 5, 3),
                (3.2, -3, 5, 3), (4.0, -4, 7, 0), (4.8, -4, 7, 0), (5.6, 0, 0, -3),
                (6.4, 0, 0, -3), (7.2, 0, 0, 0))
        )),
        view="front",
        highlight=("r_foot",),
        pressure=((0.0, "centre"), (0.8, "big_toe"), (1.6, "big_toe"), (2.4, "little_toes"),
                  (3.2, "little_toes"), (4.0, "outer_edge"), (4.8, "outer_edge"),
                  (5.6, "heel"), (6.4, "heel"), (7.2, "centre")),
        poster=1.2,
    ),
    ClipSpec(
        "3d-hamstrings",
        keys(
            body(0.0, (-0.3, 0.84), r=(0.05, 20, 0, "heel"), l=(-0.35, 0), trunk=10),
            # Inverted, the heel rests on its outer corner: the heel point rides a little higher.
            body(1.6, (-0.38, 0.79), r=(0.05, 22, 0.006, "heel"), l=(-0.35, 0), trunk=55,
                 r_inv=25, r_shoulder=60, l_shoulder=60, r_elbow=0, l_elbow=0),
            body(3.4, (-0.385, 0.785), r=(0.05, 22, 0.006, "heel"), l=(-0.35, 0), trunk=58,
                 r_inv=28, r_shoulder=62, l_shoulder=62, r_elbow=0, l_elbow=0),
            body(5.0, (-0.3, 0.84), r=(0.05, 20, 0, "heel"), l=(-0.35, 0), trunk=10),
        ),
        highlight=("r_thigh", "r_foot"),
        # From the front, close on the right foot: heel down, toes up, rolled onto its outer
        # edge as the hips go back.
        inset=(0.0, 0.12), inset_scale=700, inset_view="front", inset_on="r_heel",
    ),
    ClipSpec(
        "3d-ankle-hip-opener",
        keys(
            # Soles flat to start: inverting by the abduction undoes the tilt it gives the foot.
            (0.0, pose(STAND, r_abd=8, l_abd=8, r_inv=8, l_inv=8)),
            # Roll the right forefoot out onto its edge, weight onto the little toe...
            (1.2, pose(OPENER_ROLL)),
            # ...and push off through it: the heel rises, the knee drives on.
            (2.1, pose(OPENER_ROLL, r_ankle=-20, r_toe=20, r_knee=50, r_hip=34)),
            (2.9, pose(OPENER_ROLL)),
            (4.0, pose(STAND, r_abd=8, l_abd=8, r_inv=8, l_inv=8)),
            anchor="l_ball", at=(0.2, 0.0),
        ),
        view="front",
        highlight=("r_foot", "r_little_toe"),
        pressure=((0.0, "centre"), (1.2, "outer_edge"), (2.1, "little_toe_base"),
                  (2.9, "outer_edge"), (4.0, "centre")),
        frame_on=SHINS_DOWN,  # close on both feet, so the roll and the push-off read
    ),
    ClipSpec(
        "single-leg-rdl",
        keys(
            body(0.0, (-0.05, P - 0.02), ONE_LEG, r=(0.0, 0), l_hip=0, l_knee=55, l_ankle=10),
            body(2.0, (-0.2, P - 0.035), STAND, r=(0.0, 0), trunk=80, l_hip=5, l_knee=5,
                 l_ankle=-10, r_shoulder=82, l_shoulder=82, r_elbow=0, l_elbow=0),
            body(4.0, (-0.05, P - 0.02), ONE_LEG, r=(0.0, 0), l_hip=0, l_knee=55, l_ankle=10),
        ),
        highlight=("trunk", "r_thigh"),
        props=(Prop("dumbbell", hand="r_hand", front=True),),
    ),
    ClipSpec(
        "leg-extension",
        keys(
            body(0.0, (0.0, 0.55), r=(0.585, 0), l=(0.585, 0), trunk=-5,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
            # The foot lifts straight off the floor first, then the knee extends.
            body(0.6, (0.0, 0.55), r=(0.6, 0, 0.1), l=(0.585, 0), trunk=-5,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
            body(1.6, (0.0, 0.55), l=(0.585, 0), trunk=-5, r_hip=88, r_knee=5, r_ankle=10,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
            body(2.4, (0.0, 0.55), l=(0.585, 0), trunk=-5, r_hip=88, r_knee=3, r_ankle=12,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
            body(3.4, (0.0, 0.55), r=(0.6, 0, 0.1), l=(0.585, 0), trunk=-5,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
            body(4.0, (0.0, 0.55), r=(0.585, 0), l=(0.585, 0), trunk=-5,
                 r_shoulder=-15, l_shoulder=-15, r_elbow=20, l_elbow=20),
        ),
        highlight=("r_thigh",),
        props=(Prop("chair", x0=-0.2, x1=0.3, h=0.5),
               Prop("band", anchor=(0.27, 0.08), to="r_ankle")),
    ),
    ClipSpec(
        "banded-lunge",
        keys(
            _split(0.0, -0.12, 0.815, back=-0.6, back_pitch=-40, front=0.3),
            _split(1.6, -0.14, 0.52, back=-0.6, back_pitch=-55, front=0.3, trunk=4),
            _split(2.2, -0.14, 0.52, back=-0.6, back_pitch=-55, front=0.3, trunk=4),
            _split(4.0, -0.12, 0.815, back=-0.6, back_pitch=-40, front=0.3),
        ),
        highlight=("r_thigh", "r_shank"),
        props=(Prop("post", x=-1.2, h=1.1), Prop("band", anchor=(-1.2, 0.85), to="pelvis")),
        # From the front, close on the working leg: the knee stays over the middle of the foot.
        inset=(0.0, 0.3), inset_scale=300, inset_view="front", inset_on="r_knee",
    ),
    ClipSpec(
        "step-up-balance",
        keys(
            body(0.0, (-0.18, 0.84), r=(0.3, 0, 0.3), l=(-0.1, 0), trunk=10,
                 r_shoulder=-15, l_shoulder=25),
            # The back foot rises behind the step before the knee drives up past its edge.
            body(0.6, (-0.04, 0.995), r=(0.3, 0, 0.3), l=(-0.05, -30, 0.33), trunk=6,
                 r_shoulder=5, l_shoulder=5, r_elbow=35),
            body(1.5, over((0.3, 0, 0.3), 0.01), r=(0.3, 0, 0.3), l_hip=80, l_knee=95, l_ankle=10,
                 r_shoulder=30, l_shoulder=-20, r_elbow=70),
            body(3.0, over((0.3, 0, 0.3), 0.015), r=(0.3, 0, 0.3), l_hip=82, l_knee=95, l_ankle=10,
                 r_shoulder=30, l_shoulder=-20, r_elbow=70, trunk=1),
            body(3.9, (-0.04, 0.995), r=(0.3, 0, 0.3), l=(-0.05, -30, 0.33), trunk=6,
                 r_shoulder=5, l_shoulder=5, r_elbow=35),
            body(4.5, (-0.18, 0.84), r=(0.3, 0, 0.3), l=(-0.1, 0), trunk=10,
                 r_shoulder=-15, l_shoulder=25),
        ),
        highlight=("r_foot", "r_shank", "r_thigh"),
        props=(Prop("block", x0=0.05, x1=0.7, h=0.3),),
    ),
    ClipSpec(
        "swimming-back-extension",
        keys(*(
            (i * 0.5, pose(STAND, trunk=76, neck=-10,
                           r_hip=-14 - (14 if i % 2 else 0), l_hip=-14 - (0 if i % 2 else 14),
                           r_shoulder=168 + (14 if i % 2 else -10),
                           l_shoulder=168 + (-10 if i % 2 else 14),
                           r_ankle=-45, l_ankle=-45, r_elbow=0, l_elbow=0),
             "pelvis", (0.0, 0.13))
            for i in range(9)
        )),
        highlight=("trunk",),
        props=(Prop("mat", x0=-1.2, x1=1.3),),
    ),
    ClipSpec(
        "lunge-torso-twist",
        keys(
            _split(0.0, -0.12, 0.815, back=-0.6, back_pitch=-40, front=0.3,
                   r_shoulder=70, l_shoulder=70, r_elbow=100, l_elbow=100),
            _split(1.4, -0.14, 0.54, back=-0.6, back_pitch=-55, front=0.3,
                   r_shoulder=70, l_shoulder=70, r_elbow=100, l_elbow=100),
            _split(2.6, -0.14, 0.54, back=-0.6, back_pitch=-55, front=0.3, twist=70,
                   r_shoulder=70, l_shoulder=70, r_elbow=100, l_elbow=100),
            _split(3.6, -0.14, 0.54, back=-0.6, back_pitch=-55, front=0.3,
                   r_shoulder=70, l_shoulder=70, r_elbow=100, l_elbow=100),
            _split(5.0, -0.12, 0.815, back=-0.6, back_pitch=-40, front=0.3,
                   r_shoulder=70, l_shoulder=70, r_elbow=100, l_elbow=100),
        ),
        above=True,  # from above, the chest turns toward the front leg over still hips
        highlight=("trunk",),
        poster=2.6,
    ),
    ClipSpec(
        "ankle-circles",
        # Seated, seen three-quarters from the front-right so the circle shows both ways: the
        # right leg held out, the foot pointing up, out, down and in; the toes' path drawn.
        keys(*(
            (i * 0.5, pose(SEATED, trunk=-8, r_hip=74, r_knee=16, l_hip=82,
                           r_ankle=-10 + 24 * math.cos(a), r_turn=-24 * math.sin(a),
                           r_inv=-14 * math.sin(a), r_shoulder=-20, l_shoulder=-20,
                           r_elbow=10, l_elbow=10),
             "pelvis", (0.0, 0.49), i > 0)
            for i, a in enumerate(2 * math.pi * (k % 12) / 12 for k in range(13))
        )),
        view="quarter",
        highlight=("r_foot",),
        trail="r_toe",
        props=(Prop("chair", x0=-0.3, x1=0.15, h=0.45),),
        inset=(0.65, 0.31), inset_scale=520, inset_trail=True, inset_left=True,
    ),
    ClipSpec(
        "ankle-rocks",
        keys(
            body(0.0, over((0.0, 0)), r=(0.0, 0), l=(0.0, 0)),
            body(1.0, over((0.0, -28), 0.04), r=(0.0, -28), l=(0.0, -28), r_toe=28, l_toe=28),
            body(2.0, over((0.0, 0)), r=(0.0, 0), l=(0.0, 0)),
            body(3.0, over((-0.195, 22, 0, "heel"), -0.05), r=(-0.195, 22, 0, "heel"),
                 l=(-0.195, 22, 0, "heel"),
                 trunk=8, r_shoulder=35, l_shoulder=35),
            body(4.0, over((0.0, 0)), r=(0.0, 0), l=(0.0, 0)),
        ),
        highlight=("foot", "shank"),
        poster=1.0,
        inset=(-0.05, 0.12), inset_scale=520,
    ),
    ClipSpec(
        "ankle-squat",
        keys(
            body(0.0, (-0.15, P - 0.01), r=(0.0, 0), l=(0.0, 0)),
            body(2.0, (-0.3, 0.5), r=(0.0, 0), l=(0.0, 0), trunk=38,
                 r_shoulder=85, l_shoulder=85, r_elbow=0, l_elbow=0),
            body(3.0, (-0.3, 0.49), r=(0.0, 0), l=(0.0, 0), trunk=39,
                 r_shoulder=85, l_shoulder=85, r_elbow=0, l_elbow=0),
            body(5.0, (-0.15, P - 0.01), r=(0.0, 0), l=(0.0, 0)),
        ),
        highlight=("r_shank", "r_foot"),
    ),
    ClipSpec(
        "step-down",
        keys(
            # The free foot is held forward, clear of the step's edge, and lowered straight down.
            body(0.0, over((-0.05, 0, 0.2)), r=(-0.05, 0, 0.2), l=(0.15, 5, 0.33, "heel")),
            body(2.6, (-0.1, 0.87), r=(-0.05, 0, 0.2), l=(0.2, 10, 0, "heel"), trunk=14,
                 r_shoulder=30, l_shoulder=10),
            body(3.2, (-0.1, 0.865), r=(-0.05, 0, 0.2), l=(0.2, 8, 0, "heel"), trunk=15,
                 r_shoulder=30, l_shoulder=10),
            body(5.0, over((-0.05, 0, 0.2)), r=(-0.05, 0, 0.2), l=(0.15, 5, 0.33, "heel")),
        ),
        highlight=("r_thigh", "r_shank"),
        props=(Prop("block", x0=-0.7, x1=0.06, h=0.2),),
    ),
    ClipSpec(
        "wall-dorsiflexion-hold",
        keys(
            body(0.0, (-0.2, 0.88), r=(0.0, 0), l=(-0.5, -25), hands=(0.11, 1.2),
                 trunk=4, l_toe=25),
            body(1.3, (-0.09, 0.84), r=(0.0, 0), l=(-0.5, -40), hands=(0.11, 1.2),
                 trunk=6, l_toe=40),
            body(3.9, (-0.09, 0.84), r=(0.0, 0), l=(-0.5, -40), hands=(0.11, 1.2),
                 trunk=6, l_toe=40),
            body(5.2, (-0.2, 0.88), r=(0.0, 0), l=(-0.5, -25), hands=(0.11, 1.2),
                 trunk=4, l_toe=25),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("wall", x=0.12),),
        hold=(1.3, 3.9),
        inset=(-0.05, 0.22), inset_scale=460, inset_left=True,
    ),
    ClipSpec(
        "timed-taps",
        # Standing on the far (left) leg, knee soft and still, the near right foot taps
        # forward, back, then forward and back again, lifting beside the ankle in between.
        keys(*(_tap(i * 0.55, where) for i, where in enumerate(
            ("lift", "forward", "lift", "back", "lift", "forward", "lift", "back", "lift")))),
        highlight=("r_foot", "r_shank"),
        props=(Prop("label", text="tap forward", at=(0.95, 0.55),
                    during=((0.05, 0.2), (0.55, 0.7))),
               Prop("label", text="tap back", at=(-0.95, 0.55),
                    during=((0.3, 0.45), (0.8, 0.95)))),
        poster=0.55,
    ),
    ClipSpec(
        "heel-wedge-raise",
        keys(
            (0.0, pose(STAND, r_ankle=-14, l_ankle=-14, r_toe=14, l_toe=14)),
            (1.5, pose(STAND, r_ankle=-27, l_ankle=-27, r_toe=27, l_toe=27)),
            (2.5, pose(STAND, r_ankle=-28, l_ankle=-28, r_toe=28, l_toe=28)),
            (4.0, pose(STAND, r_ankle=-14, l_ankle=-14, r_toe=14, l_toe=14)),
            at=(0.0, 0.0),
        ),
        highlight=("shank", "foot"),
        props=(Prop("wedge", x0=-0.25, x1=0.0, h=0.06),),
        inset=(-0.05, 0.12), inset_scale=520,
    ),
    ClipSpec(
        "heel-toe-march",
        gait(WALK, step=0.8, repeats=2, heights=[0.9, 0.92], arm_swing=0.9),
        highlight=("foot",),
        props=(Prop("floor_marks", spacing=0.7, travel=1.4),),
        contact="rest",  # walking: a foot is always down, the hips ride on the stance leg
        # Close on the right foot, following it: heel strike, roll through, push off the toes.
        inset=(0.0, 0.16), inset_scale=420, inset_on="r_ankle",
    ),
    ClipSpec(
        "toe-curls",
        # The right foot from its inside, close, on a towel: the toes curl hard, gripping the
        # towel and drawing its far end in toward the foot, then relax.
        keys(
            (0.0, pose(TOE_STANCE, r_toe=0)),
            (1.4, pose(TOE_STANCE, r_toe=-55)),
            (2.4, pose(TOE_STANCE, r_toe=-58)),
            (3.6, pose(TOE_STANCE, r_toe=0)),
            anchor="r_heel", at=(0.0, 0.0),
        ),
        view="medial",
        near="r",
        highlight=("r_toes",),
        props=(Prop("towel", x0=-0.1, x1=-0.37, pull=-0.07, fold_from=9.0),),
        frame_on=FOOT_CLOSE_UP,
    ),
    ClipSpec(
        "banded-inversion-eversion",
        # Seated, seen from the front, close on the lower legs: the right forefoot is looped to
        # a table leg on its outside, the sole turns in (against the band), back, then out.
        keys(*(
            (t, pose(SEATED, r_hip=93, r_ankle=-3, r_inv=inv, l_abd=16, l_inv=16,
                     l_hip=86, l_ankle=4), "pelvis", (0.0, 0.5))
            for t, inv in ((0.0, 0), (1.0, 30), (1.6, 32), (2.6, 0), (3.6, -22), (4.2, -24),
                           (5.0, 0))
        )),
        view="front",
        highlight=("r_foot",),
        contact="rest",  # the heel stays on the floor while the sole turns
        props=(Prop("table", x=-0.5, h=0.75),
               Prop("band", anchor=(-0.5, 0.06), to="r_ball", front=True),
               Prop("label", text="IN", at=(0.06, 0.2), during=(0.04, 0.48), front=True),
               Prop("label", text="OUT", at=(-0.27, 0.2), during=(0.56, 0.96), front=True)),
        poster=1.3,
        camera=Camera(x=-0.08, ground=290, scale=430),
    ),
    ClipSpec(
        "line-drills",
        # One foot in each square of a ladder, four quick, light contacts a second on the balls
        # of the feet, hips level; seen from the side over the ladder, and from above in the
        # panel, where every contact leaves its footprint in its square.
        keys(*quick_feet(steps=16, step_time=0.25)),
        highlight=("foot",),
        props=(Prop("ladder", spacing=0.45, travel=16 * 0.45, first=0.03),),
        ladder_step=0.25,
        poster=0.05,
    ),
    ClipSpec(
        "mini-hops",
        # Small hops on the spot: land on the balls of the feet with the knees and hips giving
        # a little, push off through the ankles, a short flight with both feet off the floor.
        keys(*(
            frame
            for k in range(8)
            for frame in (
                hop(k * 0.45, 0.0, 0.9, -20, trunk=6, **HOP_ARMS),
                hop(k * 0.45 + 0.15, 0.0, 0.97, -40, trunk=4, **HOP_ARMS),
                hop(k * 0.45 + 0.27, 0.0, 1.01, -28, lift=0.06, trunk=4, **HOP_ARMS),
                hop(k * 0.45 + 0.37, 0.0, 0.96, -30, trunk=5, **HOP_ARMS),
            )
        ), hop(3.6, 0.0, 0.9, -20, trunk=6, **HOP_ARMS)),
        highlight=("foot", "shank"),
        poster=0.27,
        # From the front, close: the knees stay over the feet on every landing.
        inset=(0.0, 0.5), inset_scale=230, inset_view="front",
    ),
    ClipSpec(
        "lateral-hops",
        # Seen from the front: from a soft landing left of the tape line, push off the balls,
        # fly over it with both feet off the floor, touch down on the balls right of it and
        # sink into the hips and knees (knees over the toes); then back the other way.
        keys(*(
            frame
            for k, side in enumerate((-1, 1, -1, 1))
            for frame in (
                hop(k * 0.8, side * 0.17, 0.84, -14, trunk=14, **HOP_ARMS),
                hop(k * 0.8 + 0.22, side * 0.1, 0.98, -38, trunk=8, **HOP_ARMS_UP),
                hop(k * 0.8 + 0.4, 0.0, 1.07, -20, lift=0.1, trunk=6, **HOP_ARMS_UP),
                hop(k * 0.8 + 0.56, -side * 0.15, 0.95, -28, trunk=8, **HOP_ARMS),
            )
        ), hop(3.2, -0.17, 0.84, -14, trunk=14, **HOP_ARMS)),
        view="front",
        highlight=("foot", "shank"),
        props=(Prop("floor_line", x=0.0),),
        poster=1.2,
        # From the side, close: the knees and hips bend on every landing, the heels stay up.
        inset=(0.0, 0.58), inset_scale=200, inset_view="side",
    ),
    ClipSpec(
        "forward-skips",
        # Step-hop, step-hop: each foot in turn takes a step and a small hop while the other
        # knee drives up; both feet leave the floor in every hop and land softly on the ball.
        keys(*skip_keys(period=1.2, repeats=3)),
        highlight=("foot",),
        props=(Prop("floor_marks", spacing=0.6, travel=4.8),),
        poster=0.3,
    ),
    ClipSpec(
        "single-leg-eyes-closed",
        keys(
            # The free foot lifted clear in front of the standing shin, never touching it; only
            # the faint sway of a steady stance.
            (0.0, pose(EYES_CLOSED_LEG, r_ankle=0.4)),
            (2.25, pose(EYES_CLOSED_LEG, r_ankle=-0.4)),
            (4.5, pose(EYES_CLOSED_LEG, r_ankle=0.4)),
            at=(0.0, 0.0),
        ),
        highlight=("r_foot", "r_shank"),
        eyes_closed=True,
        hold=(0.0, 4.5),
    ),
    ClipSpec(
        "plank-to-heel",
        # A straight-arm plank on the balls of the feet; the whole body, rigid and straight from
        # heel to head (no bend at the hips or knees), rocks back over the toes until the heels
        # press toward the mat, holds, and comes forward again.
        keys(
            _plank(0.0, -62),
            _plank(1.6, -12),
            _plank(2.6, -11),
            _plank(4.0, -62),
        ),
        highlight=("r_foot", "r_shank"),
        props=(Prop("mat", x0=-1.2, x1=0.8),),
        inset=(-0.8, 0.1), inset_scale=520,
    ),
    ClipSpec(
        "resisted-dorsiflexion",
        keys(
            _split(0.0, -0.3, 0.86, back=-0.6, back_pitch=-40),
            _split(1.6, -0.08, 0.78, back=-0.6, back_pitch=-55, trunk=8),
            _split(2.4, -0.075, 0.775, back=-0.6, back_pitch=-55, trunk=8),
            _split(4.0, -0.3, 0.86, back=-0.6, back_pitch=-40),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("post", x=0.75, h=0.6), Prop("band", anchor=(0.75, 0.1), to="r_ankle")),
        inset=(-0.05, 0.2), inset_scale=460, inset_left=True,
    ),
    ClipSpec(
        "eccentric-calf-raise",
        keys(
            # At the bottom the heel hangs below the step and the toes lie flat on it.
            (0.0, pose(ONE_LEG, r_ankle=15, r_toe_down=15, r_shoulder=20)),
            (1.0, pose(ONE_LEG, r_ankle=-40, r_toe=40, r_shoulder=20)),
            (1.4, pose(ONE_LEG, r_ankle=-40, r_toe=40, r_shoulder=20)),
            (4.4, pose(ONE_LEG, r_ankle=15, r_toe_down=15, r_shoulder=20)),
            (5.0, pose(ONE_LEG, r_ankle=15, r_toe_down=15, r_shoulder=20)),
            at=(0.0, 0.18),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("block", x0=-0.03, x1=0.7, h=0.18),),
        poster=2.9,
        inset=(-0.03, 0.26), inset_scale=520,
    ),
    ClipSpec(
        "single-leg-reach-balance",
        # On a soft right knee, the left leg rises straight out in front and is held there,
        # still, trunk tall; then it is set down again.
        keys(
            body(0.0, (-0.02, P - 0.015), r=(0.0, 0), l=(0.02, 0), **REACH_ARMS),
            body(1.2, (-0.06, P - 0.03), r=(0.0, 0), trunk=-3, l_hip=55, l_knee=0, l_ankle=8,
                 **REACH_ARMS),
            body(4.6, (-0.06, P - 0.03), r=(0.0, 0), trunk=-3, l_hip=55, l_knee=0, l_ankle=8,
                 **REACH_ARMS),
            body(5.8, (-0.02, P - 0.015), r=(0.0, 0), l=(0.02, 0), **REACH_ARMS),
        ),
        highlight=("r_foot", "r_shank"),
        hold=(1.2, 4.6),
        poster=3.0,
    ),
    ClipSpec(
        "toe-press",
        keys(
            body(0.0, (-0.15, P - 0.01), r=(0.0, 0), l=(0.0, 0)),
            body(1.4, (-0.12, P - 0.06), r=(0.0, 0), l=(0.0, 0), r_toe=-14, l_toe=-14),
            body(2.6, (-0.12, P - 0.06), r=(0.0, 0), l=(0.0, 0), r_toe=-15, l_toe=-15),
            body(4.0, (-0.15, P - 0.01), r=(0.0, 0), l=(0.0, 0)),
        ),
        highlight=("toes",),
        props=(Prop("arrow", a=(0.03, 0.2), b=(0.03, 0.06), front=True),),
        inset=(0.0, 0.1), inset_scale=600,
    ),
    ClipSpec(
        "incline-drag",
        gait(DRAG, step=0.6, repeats=2, heights=[0.9], arm_swing=1.3, trunk=18),
        highlight=("foot", "shank"),
        props=(Prop("slope", deg=12, x=0.0, spacing=0.55, travel=2.2),),
        floor=False,
        contact="rest",  # walking: a foot is always on the incline, the hips ride on it
    ),
    ClipSpec(
        "dorsiflexion-slide",
        keys(
            _split(0.0, -0.3, 0.86, back=-0.6, back_pitch=-40),
            _split(1.6, -0.08, 0.78, back=-0.6, back_pitch=-55, trunk=8),
            _split(3.2, -0.3, 0.86, back=-0.6, back_pitch=-40),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("arrow", a=(0.1, 0.62), b=(0.3, 0.62)),),
        inset=(-0.05, 0.2), inset_scale=460,
    ),
    ClipSpec(
        "hurdle-step-down",
        # The right knee drives up, the foot clears the bar with room to spare, comes down
        # beyond it flat on the midfoot, and the knee bends softly over the toes as the weight
        # moves onto it; then the same way back.
        keys(
            body(0.0, over((-0.32, 0)), r=(-0.32, 0), l=(-0.32, 0)),
            body(0.8, over((-0.32, 0), 0.03), l=(-0.32, 0), r=(-0.14, 12, 0.36, "heel"),
                 trunk=4, r_shoulder=-15, l_shoulder=20),
            body(1.4, over((-0.32, 0), 0.05), l=(-0.32, 0), r=(0.16, 8, 0.44), trunk=6,
                 r_shoulder=-20, l_shoulder=25),
            body(1.65, over((-0.32, 0), 0.07), l=(-0.32, 0), r=(0.38, 4, 0.38), trunk=7,
                 r_shoulder=-20, l_shoulder=25),
            body(1.9, (-0.2, 0.9), l=(-0.32, -8), r=(0.44, 2, 0.14), trunk=8,
                 r_shoulder=-20, l_shoulder=25, l_toe=8),
            body(2.3, (0.0, 0.83), l=(-0.32, -30), r=(0.42, 0), trunk=10, l_toe=30,
                 r_shoulder=-25, l_shoulder=30),
            body(3.0, (0.07, 0.79), l=(-0.32, -42), r=(0.42, 0), trunk=12, l_toe=42,
                 r_shoulder=-25, l_shoulder=30),
            body(3.6, (0.0, 0.83), l=(-0.32, -30), r=(0.42, 0), trunk=10, l_toe=30,
                 r_shoulder=-25, l_shoulder=30),
            body(4.0, (-0.2, 0.9), l=(-0.32, -8), r=(0.44, 2, 0.14), trunk=8,
                 r_shoulder=-20, l_shoulder=25, l_toe=8),
            body(4.25, over((-0.32, 0), 0.07), l=(-0.32, 0), r=(0.38, 4, 0.38), trunk=7,
                 r_shoulder=-20, l_shoulder=25),
            body(4.5, over((-0.32, 0), 0.05), l=(-0.32, 0), r=(0.16, 8, 0.44), trunk=6,
                 r_shoulder=-20, l_shoulder=25),
            body(5.1, over((-0.32, 0), 0.03), l=(-0.32, 0), r=(-0.14, 12, 0.36, "heel"),
                 trunk=4, r_shoulder=-15, l_shoulder=20),
            body(5.9, over((-0.32, 0)), r=(-0.32, 0), l=(-0.32, 0)),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("hurdle", x=0.06, h=0.25),),
        poster=3.0,
    ),
    ClipSpec(
        "wall-lean",
        keys(
            (0.0, pose(STAND, r_shoulder=80, l_shoulder=80, r_elbow=5, l_elbow=5)),
            (1.5, pose(STAND, trunk=18, r_ankle=18, l_ankle=18, r_shoulder=88,
                       l_shoulder=88, r_elbow=5, l_elbow=5)),
            (3.5, pose(STAND, trunk=18, r_ankle=18, l_ankle=18, r_shoulder=88,
                       l_shoulder=88, r_elbow=5, l_elbow=5)),
            (5.0, pose(STAND, r_shoulder=80, l_shoulder=80, r_elbow=5, l_elbow=5)),
            at=(0.0, 0.0),
        ),
        highlight=("r_foot", "r_shank"),
        props=(Prop("wall", x=0.78), Prop("guide", a="r_ankle", b="head", front=True)),
        hold=(1.5, 3.5),
    ),
    ClipSpec(
        "lean-and-fall",
        keys(
            (0.0, pose(STAND), "pelvis", (-0.145, P)),
            (1.6, pose(STAND, trunk=18, r_ankle=18, l_ankle=18), "pelvis", (0.12, 0.88)),
            _stride(2.0, "r", 1.0, trunk=18, x=0.15),
            _stride(2.4, "l", 1.0, trunk=16, x=0.15),
            _stride(2.8, "r", 0.92, trunk=13, x=0.12),
            # The run slows over a few shorter steps to a stop, tall again: no snap back.
            _stride(3.2, "l", 0.68, trunk=8, x=0.05),
            _stride(3.6, "r", 0.38, trunk=4, x=-0.05),
            (4.1, pose(STAND), "pelvis", (-0.145, P)),
            (5.0, pose(STAND), "pelvis", (-0.145, P)),
        ),
        highlight=("r_foot", "r_shank"),
        # The floor runs back under the feet only while they run, easing in and out.
        props=(Prop("guide", a="r_ankle", b="head", front=True),
               Prop("floor_marks", spacing=0.6, travel=3.0, during=(0.36, 0.8))),
        poster=1.6,
    ),
    ClipSpec(
        "half-kneeling-dorsiflexion",
        keys(
            # Rocking forward and back over the front foot: one smooth cycle sampled every 0.25 s
            # so the pelvis follows the back knee's arc and that knee stays on the mat.
            *(_half_kneel(i * 0.25, 0.5 - 0.5 * math.cos(2 * math.pi * i / 12), i > 0)
              for i in range(13)),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("mat", x0=-0.9, x1=0.5),),
        inset=(0.08, 0.22), inset_scale=460,
    ),
    ClipSpec(
        "slow-heel-raise",
        keys(
            (0.0, pose(STAND, r_ankle=0, l_ankle=0)),
            (2.5, pose(STAND, r_ankle=-42, l_ankle=-42, r_toe=42, l_toe=42)),
            (3.5, pose(STAND, r_ankle=-43, l_ankle=-43, r_toe=43, l_toe=43)),
            (6.0, pose(STAND, r_ankle=0, l_ankle=0)),
            at=(0.0, 0.0),
        ),
        highlight=("shank", "foot"),
        poster=3.0,
        inset=(-0.05, 0.12), inset_scale=520,
    ),
    ClipSpec(
        "banded-ankle-mobilization",
        keys(
            _split(0.0, -0.3, 0.86, back=-0.6, back_pitch=-40),
            _split(1.6, -0.08, 0.78, back=-0.6, back_pitch=-55, trunk=8),
            _split(2.4, -0.075, 0.775, back=-0.6, back_pitch=-55, trunk=8),
            _split(4.0, -0.3, 0.86, back=-0.6, back_pitch=-40),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("post", x=-0.9, h=0.6),
               Prop("band", anchor=(-0.9, 0.1), to="r_ankle", front=True)),
        inset=(-0.05, 0.2), inset_scale=460,
    ),
    ClipSpec(
        "calf-stretch-straight",
        keys(
            body(0.0, (0.0, 0.74), r=(-0.35, 0), l=(0.25, 0), hands=(0.45, 1.2), trunk=10),
            body(1.8, (0.1, 0.69), r=(-0.35, 0), l=(0.25, 0), hands=(0.45, 1.2), trunk=16),
            body(2.6, (0.105, 0.688), r=(-0.35, 0), l=(0.25, 0), hands=(0.45, 1.2), trunk=16),
            body(4.4, (0.0, 0.74), r=(-0.35, 0), l=(0.25, 0), hands=(0.45, 1.2), trunk=10),
        ),
        highlight=("r_shank",),
        props=(Prop("wall", x=0.47),),
    ),
    ClipSpec(
        "calf-stretch-bent",
        # Hands on the wall, right foot back and flat: the back knee bends and travels forward
        # until the shin leans ~35 degrees, the heel stays down; then the knee straightens.
        keys(
            body(0.0, BENT_START, r=(-0.36, 0), l=(0.1, 0), hands=(0.2, 1.12), trunk=12),
            body(1.8, BENT_END, r=(-0.36, 0), l=(0.1, 0), hands=(0.2, 1.12), trunk=12),
            body(2.6, BENT_END, r=(-0.36, 0), l=(0.1, 0), hands=(0.2, 1.12), trunk=12),
            body(4.4, BENT_START, r=(-0.36, 0), l=(0.1, 0), hands=(0.2, 1.12), trunk=12),
        ),
        highlight=("r_shank", "r_foot"),
        props=(Prop("wall", x=0.22),),
        inset=(-0.42, 0.2), inset_scale=460,
    ),
    ClipSpec(
        "toe-yoga",
        # Close on the right foot from the front and inside (big toe nearest), the left foot
        # set back out of the way: the big toe lifts while the other four stay down, then the
        # four lift while the big toe stays down.
        keys(
            (0.0, pose(TOE_STANCE)),
            (1.0, pose(TOE_STANCE, r_big_toe=40, r_toe=-4)),
            (2.2, pose(TOE_STANCE, r_big_toe=42, r_toe=-4)),
            (3.2, pose(TOE_STANCE)),
            (4.2, pose(TOE_STANCE, r_toe=50, r_big_toe=-52)),
            (5.4, pose(TOE_STANCE, r_toe=52, r_big_toe=-54)),
            (6.4, pose(TOE_STANCE)),
            anchor="r_heel", at=(-0.1, 0.0),
        ),
        view="inner",
        highlight=("r_big_toe",),
        poster=1.6,
        frame_on=FOOT_CLOSE_UP,
    ),
    ClipSpec(
        "short-foot",
        # The right foot from its inside, close: without curling the toes, the base of the big
        # toe draws back toward the heel and the arch rises; held, then released.
        keys(
            (0.0, pose(TOE_STANCE, r_arch=0.0)),
            (1.2, pose(TOE_STANCE, r_arch=1.0)),
            (2.8, pose(TOE_STANCE, r_arch=1.0)),
            (4.0, pose(TOE_STANCE, r_arch=0.0)),
            anchor="r_heel", at=(0.0, 0.0),
        ),
        view="medial",
        near="r",
        highlight=("r_foot",),
        props=(Prop("arrow", a=(-0.2, 0.085), b=(-0.08, 0.085), front=True),),
        frame_on=FOOT_CLOSE_UP,
        hold=(1.2, 2.8),
    ),
    ClipSpec(
        "single-leg-balance-unstable",
        keys(
            # The pad squashes and the foot rocks on it; the body above stays quiet.
            (0.0, pose(SOFT_ONE_LEG, trunk_side=0, r_inv=0)),
            (1.1, pose(SOFT_ONE_LEG, trunk_side=-1.2, r_inv=-5)),
            (2.2, pose(SOFT_ONE_LEG, trunk_side=1, r_inv=4)),
            (3.3, pose(SOFT_ONE_LEG, trunk_side=-0.8, r_inv=-4)),
            (4.4, pose(SOFT_ONE_LEG, trunk_side=0, r_inv=0)),
            at=(-0.1, 0.09),
        ),
        view="front",
        highlight=("r_foot", "r_shank"),
        props=(Prop("pad", x0=-0.32, x1=0.12, h=0.1, squash=0.02, n=4),),
        contact="rest",  # standing on the pad as it squashes and springs back
        # Close on the foot: the pad gives under it and the ankle keeps making small
        # corrections, rolling the sole in and out.
        inset=(0.0, 0.16), inset_scale=620, inset_on="r_ankle",
        hold=(0.0, 4.4),
    ),
)

CLIPS: dict[str, ClipSpec] = {spec.drill_id: spec for spec in SPECS}
