"""Plan expansion: order of steps, sides, rests, and the estimate."""

import itertools

from ankledesk.core.model import SECONDS_PER_REP
from ankledesk.core.plan import expand
from tests.core.factories import drill, item, routine, simple


def kinds(plan):
    return [(s.kind, s.drill_id, s.side, s.round) for s in plan.steps]


def test_each_side_item_runs_left_switch_right_and_rest_only_between_rounds():
    plan = expand(simple(rounds=2))
    assert kinds(plan) == [
        ("prepare", None, None, 1),
        ("work", "toe-hold", "left", 1), ("switch", "toe-hold", "right", 1),
        ("work", "toe-hold", "right", 1), ("work", "heel-raise", None, 1),
        ("work", "ankle-rocks", None, 1),
        ("rest", None, None, 1),
        ("work", "toe-hold", "left", 2), ("switch", "toe-hold", "right", 2),
        ("work", "toe-hold", "right", 2), ("work", "heel-raise", None, 2),
        ("work", "ankle-rocks", None, 2),
    ]
    assert plan.steps[-1].kind == "work", "no rest after the last round"
    assert [s.index for s in plan.steps] == list(range(len(plan.steps)))


def test_rest_between_drills_and_no_prepare_or_switch_when_zero():
    plan = expand(simple(rounds=1, rest_drills=15, prepare=0, side_switch=0))
    assert [(s.kind, s.seconds) for s in plan.steps] == [
        ("work", 45), ("work", 45), ("rest", 15), ("work", None), ("rest", 15), ("work", 30)]
    assert plan.steps[2].rest_kind == "drills"


def test_estimates_start_times_and_total():
    plan = expand(simple(rounds=2))
    reps = 10 * SECONDS_PER_REP
    per_round = 45 + 5 + 45 + reps + 30
    assert plan.total == 10 + 2 * per_round + 60
    for a, b in itertools.pairwise(plan.steps):
        assert b.start == a.start + a.estimate


def test_reps_step_counts_up_unless_capped():
    lunges = drill("banded-lunge", "reps", 12)
    capped = expand(routine((lunges, item(lunges, cap=20)), rounds=1, prepare=0))
    open_ = expand(routine((lunges, item(lunges)), rounds=1, prepare=0))
    assert open_.steps[0].seconds is None and open_.steps[0].counts_up
    assert capped.steps[0].seconds == 20 and capped.steps[0].estimate == 20


def test_last_work_step_of_each_round_is_marked():
    plan = expand(simple(rounds=3))
    marked = [s.round for s in plan.steps if s.last_in_round]
    assert marked == [1, 2, 3]
    assert all(s.drill_id == "ankle-rocks" for s in plan.steps if s.last_in_round)


def test_describe_reads_like_the_screen():
    plan = expand(simple(rounds=2))
    labels = [s.describe() for s in plan.steps[:4]]
    assert labels == ["Get ready (10 s)", "Toe Hold · LEFT · 45 s", "Switch sides (5 s)",
                      "Toe Hold · RIGHT · 45 s"]
    assert plan.steps[6].describe() == "Rest 60 s before round 2"
