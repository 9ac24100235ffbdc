"""Poses, easing and forward kinematics: the figure keeps its shape whatever the angles."""

from __future__ import annotations

import math

import pytest

from ankledesk.clips.keyframes import CLIPS, STAND
from ankledesk.clips.placement import place
from ankledesk.clips.pose import Key, blend, ease, pose, sample
from ankledesk.clips.skeleton import SHANK, THIGH, solve


def dist(a, b) -> float:
    return math.dist(a, b)


POSES = [
    STAND,
    pose(STAND, r_ankle=-40, r_toe=40, r_knee=30, r_hip=20),
    pose(STAND, trunk=80, r_hip=75, l_hip=10, r_inv=25, r_abd=20, r_arch=1.0),
    pose(STAND, r_ik=1, r_ik_x=0.2, r_ik_y=-0.7, r_pitch=-30, r_big_toe=30),
]


def test_foot_has_heel_ball_and_toes_with_constant_lengths() -> None:
    lengths = set()
    for p in POSES:
        body = solve(p)
        foot = body.feet["r"]
        assert {"heel", "ball", "arch", "instep"} <= set(foot.outline)
        assert len(foot.toes) == 5
        heel = dist(foot.outline["heel"], foot.outline["ankle_back"])
        base, knuckle, tip = foot.toes[0]
        big_toe = dist(base, knuckle) + dist(knuckle, tip)
        heel_ball = dist(foot.outline["heel"], foot.outline["ball"]) if not p["r_arch"] else 0
        lengths.add((round(heel, 9), round(big_toe, 9)))
        if heel_ball:
            assert heel_ball == pytest.approx(0.195, abs=1e-9)
        joints = body.joints
        assert dist(joints["r_hip"], joints["r_knee"]) == pytest.approx(THIGH)
        assert dist(joints["r_knee"], joints["r_ankle"]) == pytest.approx(SHANK)
    assert len(lengths) == 1


def test_ankle_angle_moves_the_toes_not_the_heel_height_sign() -> None:
    flat = solve(STAND).feet["r"].outline
    pointed = solve(pose(STAND, r_ankle=-40)).feet["r"].outline
    # plantarflexion: the ball drops below the heel
    assert pointed["ball"][2] - pointed["heel"][2] < flat["ball"][2] - flat["heel"][2] - 0.05


def test_leg_ik_reaches_its_target() -> None:
    body = solve(pose(STAND, trunk=10, r_ik=1, r_ik_x=0.15, r_ik_y=-0.75))
    ankle = body.joints["r_ankle"]
    hip = body.joints["r_hip"]
    assert (ankle[0] - hip[0], ankle[2] - hip[2]) == pytest.approx((0.15, -0.75), abs=1e-9)


def test_easing_is_smooth_at_both_ends() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.01) < 0.01 and ease(0.99) > 0.99
    a, b = pose(r_knee=0), pose(r_knee=90)
    assert blend(a, b, ease(0.25))["r_knee"] < 90 * 0.25


def test_sampling_interpolates_between_keys_and_keeps_the_anchor_planted() -> None:
    keys = (Key(0, pose(STAND)), Key(2, pose(STAND, r_ankle=-35, r_toe=35)),
            Key(4, pose(STAND)))
    mid = sample(keys, 1.0)
    assert -35 < mid.pose["r_ankle"] < 0
    for t in (0.0, 0.7, 1.3, 2.0, 3.1):
        fig = place(sample(keys, t), "side")
        assert fig.joints["r_ball"] == pytest.approx((0.0, 0.0), abs=1e-9)


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_every_clip_loops_on_its_first_pose(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    first, last = spec.keys[0], spec.keys[-1]
    assert pose(first.pose) == pose(last.pose)
    assert (first.anchor, first.at) == (last.anchor, last.at)
    assert 3.0 <= spec.duration <= 8.0
    assert [k.t for k in spec.keys] == sorted(k.t for k in spec.keys)


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_planted_feet_are_within_reach(drill_id: str) -> None:
    """An IK target beyond the leg's length would leave the foot floating above the floor."""
    for key in CLIPS[drill_id].keys:
        for side in ("r", "l"):
            if key.pose.get(f"{side}_ik", 0.0):
                target = (key.pose[f"{side}_ik_x"], key.pose[f"{side}_ik_y"])
                assert math.hypot(*target) <= THIGH + SHANK + 0.005, (drill_id, key.t, side)


def test_turn_points_the_toes_in_without_changing_the_foot() -> None:
    flat = solve(STAND).feet["r"]
    turned = solve(pose(STAND, r_turn=25)).feet["r"]
    # The right foot's big-toe side is +left: turning in moves the toe tip toward the midline.
    assert turned.toes[0][2][1] > flat.toes[0][2][1] + 0.03
    assert dist(turned.outline["heel"], turned.outline["ball"]) == pytest.approx(
        dist(flat.outline["heel"], flat.outline["ball"]))


def test_quarter_view_shows_sideways_motion_and_keeps_the_near_leg() -> None:
    def ankle_x(p, view: str) -> float:
        return place(sample((Key(0, p, "pelvis"), Key(1, p, "pelvis")), 0), view).joints[
            "r_ankle"][0]

    out = pose(STAND, r_abd=25)
    assert abs(ankle_x(out, "side") - ankle_x(STAND, "side")) < 1e-9  # side view: unseen
    assert abs(ankle_x(out, "quarter") - ankle_x(STAND, "quarter")) > 0.1  # 3/4 view: seen
    assert place(sample((Key(0, out), Key(1, out)), 0), "quarter").near_side == "r"


def test_foot_silhouette_points_are_sole_first() -> None:
    foot = solve(STAND).feet["r"]
    assert len(foot.edges) == 8
    assert all(edge[2] == pytest.approx(foot.outline["heel"][2]) for edge in foot.edges[:4])
    assert all(edge[2] > foot.outline["heel"][2] + 0.05 for edge in foot.edges[4:])
