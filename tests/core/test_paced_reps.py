"""Paced reps: a reps item with `rep_seconds` runs as a countdown the engine counts in reps."""

from __future__ import annotations

from ankledesk import paths
from ankledesk.core.engine import Engine
from ankledesk.core.loader import load_library
from ankledesk.core.model import RoutineItem
from ankledesk.core.plan import expand
from tests.core.factories import drill, routine

SHORT_FOOT = drill("short-foot", "reps", 6, "one")


def paced_plan(reps: int = 6, rep_seconds: int = 10):
    item = RoutineItem("short-foot", "reps", None, reps, "one", rep_seconds=rep_seconds)
    return expand(routine((SHORT_FOOT, item), rounds=1, prepare=0))


def test_a_paced_step_lasts_its_reps_times_their_length_and_counts_down():
    (step,) = paced_plan().steps
    assert (step.seconds, step.estimate, step.paced, step.counts_up) == (60.0, 60.0, True, False)
    assert step.describe() == "Short Foot · 6 × 10 s reps"


def test_the_engine_counts_each_rep_and_finishes_after_the_last():
    engine = Engine(paced_plan())
    engine.start(0.0)
    view = engine.view(25.0)
    assert (view.rep, view.rep_remaining, view.remaining) == (3, 5.0, 35.0)
    events = engine.poll(60.0)
    reps = [(e.at, e.count) for e in events if e.kind == "rep"]
    assert reps == [(10.0 * k, k) for k in range(1, 7)]
    kinds = [e.kind for e in events]
    assert kinds.index("step_finished") > max(i for i, k in enumerate(kinds) if k == "rep")
    assert "halfway" not in kinds
    finished = next(e for e in events if e.kind == "step_finished")
    assert (finished.outcome, finished.actual_reps, finished.actual_seconds) == ("done", 6, 60.0)
    assert engine.state == "finished"


def test_cut_short_a_paced_set_records_the_reps_it_counted():
    engine = Engine(paced_plan())
    engine.start(0.0)
    events = engine.next(35.0)
    finished = next(e for e in events if e.kind == "step_finished")
    assert (finished.outcome, finished.actual_reps) == ("partial", 3)


def test_a_longer_set_keeps_counting_only_the_reps_asked_for():
    engine = Engine(paced_plan(reps=2, rep_seconds=4))
    engine.start(0.0)
    engine.adjust(1.0, +10)
    assert engine.view(7.0).rep == 2
    assert (engine.view(10.0).rep, engine.view(10.0).rep_remaining) == (2, 8.0)  # the extra
    events = engine.poll(18.0)
    assert [e.count for e in events if e.kind == "rep"] == [1, 2]
    assert next(e for e in events if e.kind == "step_finished").actual_reps == 2


def test_a_shortened_set_records_the_reps_it_really_counted():
    engine = Engine(paced_plan())
    engine.start(0.0)
    engine.adjust(1.0, -10)
    events = engine.poll(50.0)
    finished = next(e for e in events if e.kind == "step_finished")
    assert (finished.outcome, finished.actual_reps, finished.at) == ("partial", 5, 50.0)
    assert [e.count for e in events if e.kind == "rep"] == [1, 2, 3, 4, 5]


def test_reps_without_a_rep_length_still_count_up_and_wait_for_done():
    plan = expand(routine((SHORT_FOOT, RoutineItem("short-foot", "reps", None, 6, "one")),
                          rounds=1, prepare=0))
    engine = Engine(plan)
    engine.start(0.0)
    assert engine.poll(600.0) == [] and engine.view(600.0).rep is None


def test_the_builtins_dose_short_foot_and_the_slow_calf_raise_by_the_rep():
    lib = load_library(paths.builtin_routines_dir())
    paced = {(r.id, i.drill_id): i.rep_seconds for r in lib.routines.values() for i in r.items
             if i.rep_seconds is not None}
    assert paced == {("ankle-mobility-and-foot-strength", "short-foot"): 10,
                     ("ankle-strength-and-range", "eccentric-calf-raise"): 4}
