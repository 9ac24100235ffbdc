"""Ground contact: no part of the figure goes through the floor or a prop it stands on, and a
foot the keyframes plant stays on the surface (the contact solve must not lift it off).

Kinematics only, no painting: every clip is sampled densely across its loop.
"""

from __future__ import annotations

import itertools

import pytest

from ankledesk.clips.ground import (
    body_points,
    clearance,
    figure_at,
    foot_points,
    gap,
    phase,
    surface_height,
)
from ankledesk.clips.keyframes import CLIPS
from ankledesk.clips.pose import Key, pose
from ankledesk.clips.posing import STAND
from ankledesk.clips.props import Prop
from ankledesk.clips.spec import ClipSpec

SAMPLES = 60
TOLERANCE = 0.005  # metres: under a pixel at the usual 130 px/m
PLANT_MATCH = 0.002  # a contact point this close at two keys has not moved between them
PLANT_HEIGHT = 0.025  # ...and one this near the surface at both keys is meant to stand on it
STEPS_PER_SPAN = 12


def times(spec: ClipSpec) -> list[float]:
    """Evenly across the loop, plus every keyframe."""
    even = [spec.duration * i / SAMPLES for i in range(SAMPLES + 1)]
    return sorted(set(even) | {key.t for key in spec.keys})


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_nothing_sinks_below_the_surface_it_stands_on(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    sunk = []
    for t in times(spec):
        lowest, name = clearance(spec, figure_at(spec, t), phase(spec, t))
        if lowest < -TOLERANCE:
            sunk.append((round(t, 2), name, round(lowest * 100, 1)))
    assert not sunk, f"{drill_id}: (time s, point, cm above the surface): {sunk[:6]}"


def contacts(spec: ClipSpec, t: float, side: str) -> dict[str, tuple[tuple[float, float], float]]:
    """Where the heel, ball and big-toe tip stand on their anchors alone, and their gaps."""
    fig = figure_at(spec, t, contact="keyed")
    wanted = (f"{side}_foot.heel", f"{side}_foot.ball", f"{side}_toe0.tip")
    return {point[0]: (point[1], gap(spec, point, phase(spec, t)))
            for point in foot_points(fig, side) if point[0] in wanted}


def planted_spans(spec: ClipSpec) -> list[tuple[Key, Key, str]]:
    """(key, next key, side) where the keyframes keep a foot planted: one of its contact points
    is at the same place on both keys, on (or within `PLANT_HEIGHT` of) the surface."""
    spans = []
    for a, b in itertools.pairwise(spec.keys):
        for side in ("r", "l"):
            at_a, at_b = contacts(spec, a.t, side), contacts(spec, b.t, side)
            for name, (pa, ga) in at_a.items():
                pb, gb = at_b[name]
                still = abs(pa[0] - pb[0]) < PLANT_MATCH and abs(pa[1] - pb[1]) < PLANT_MATCH
                if still and max(ga, gb) < PLANT_HEIGHT:
                    spans.append((a, b, side))
                    break
    return spans


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_planted_feet_stay_on_the_surface(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    floating = []
    for a, b, side in planted_spans(spec):
        for i in range(STEPS_PER_SPAN + 1):
            t = a.t + (b.t - a.t) * i / STEPS_PER_SPAN
            fig = figure_at(spec, t)
            lowest, name = clearance(spec, fig, phase(spec, t), foot_points(fig, side))
            if lowest > TOLERANCE:
                floating.append((round(t, 2), name, round(lowest * 100, 1)))
    assert not floating, f"{drill_id}: planted foot off the surface (s, point, cm): " \
        f"{floating[:6]}"


def test_some_feet_are_planted() -> None:
    """The planted-foot check has something to check: standing drills plant a foot."""
    for drill_id in ("slow-heel-raise", "step-down", "single-leg-reach-balance", "ankle-squat"):
        assert planted_spans(CLIPS[drill_id]), drill_id


@pytest.mark.parametrize("drill_id", sorted(d for d, s in CLIPS.items() if s.contact == "rest"))
def test_resting_figures_always_touch(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    for t in times(spec):
        lowest, _ = clearance(spec, figure_at(spec, t), phase(spec, t))
        assert abs(lowest) < 1e-9, (drill_id, t)


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_contact_keeps_the_loop_seamless(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    first, last = figure_at(spec, 0.0), figure_at(spec, spec.duration)
    for (name, a, _), (_, b, _) in zip(body_points(first), body_points(last), strict=True):
        assert a == pytest.approx(b, abs=1e-9), (drill_id, name)


def test_surfaces_follow_the_props() -> None:
    spec = ClipSpec("x", (Key(0, pose(STAND)), Key(1, pose(STAND))), props=(
        Prop("block", x0=0.0, x1=0.5, h=0.2), Prop("mat", x0=-1.0, x1=-0.5),
        Prop("wedge", x0=1.0, x1=1.5, h=0.1)))
    assert surface_height(spec, 0.25, 0) == pytest.approx(0.2)
    assert surface_height(spec, -0.75, 0) == pytest.approx(0.025)
    assert surface_height(spec, 1.25, 0) == pytest.approx(0.05)
    assert surface_height(spec, 0.75, 0) == 0.0
    incline = ClipSpec("y", spec.keys, props=(Prop("slope", deg=45, x=0.0),), floor=False)
    assert surface_height(incline, 0.3, 0) == pytest.approx(0.3)
    assert surface_height(incline, -0.3, 0) == pytest.approx(-0.3)


def test_clear_contact_lifts_a_sunk_figure_and_keyed_does_not() -> None:
    keys = (Key(0, pose(STAND), "pelvis", (0.0, 0.8)), Key(1, pose(STAND), "pelvis", (0.0, 0.8)))
    sunk = ClipSpec("x", keys, contact="keyed")
    assert clearance(sunk, figure_at(sunk, 0.5), 0.5)[0] < -0.05
    lifted = ClipSpec("x", keys)
    assert clearance(lifted, figure_at(lifted, 0.5), 0.5)[0] == pytest.approx(0.0, abs=1e-9)
