"""The workout engine on a fake clock: every step kind, every control, sides, rests, the end."""

from __future__ import annotations

import pytest

from ankledesk.core.engine import Engine
from ankledesk.core.plan import expand
from tests.core.factories import drill, item, routine, simple


def kinds(events):
    return [e.kind for e in events]


def finished(events):
    return [e for e in events if e.kind == "step_finished"]


@pytest.fixture
def engine():
    return Engine(expand(simple(rounds=2)))


def test_start_enters_prepare_and_counts_down_to_the_first_hold(engine):
    events = engine.start(100.0)
    assert kinds(events) == ["step_started"]
    assert engine.view(100.0).phase == "prepare"
    assert engine.view(103.4).remaining == pytest.approx(6.6)
    events = engine.poll(110.0)
    assert [(e.kind, e.count, e.at) for e in events] == [
        ("countdown", 3, 107.0), ("countdown", 2, 108.0), ("countdown", 1, 109.0),
        ("step_finished", None, 110.0), ("step_started", None, 110.0)]
    assert engine.view(110.0).step.side == "left"


def test_hold_runs_halfway_countdown_and_finishes_done_at_its_deadline(engine):
    engine.start(0.0)
    engine.poll(10.0)
    events = engine.poll(55.0)
    assert [(e.kind, e.at) for e in events[:4]] == [
        ("halfway", 32.5), ("countdown", 52.0), ("countdown", 53.0), ("countdown", 54.0)]
    done = finished(events)[0]
    assert (done.outcome, done.actual_seconds, done.at) == ("done", 45.0, 55.0)
    assert "switch_sides" in kinds(events)
    assert engine.view(55.0).phase == "switch"


def test_late_poll_catches_up_every_step_at_its_exact_deadline(engine):
    engine.start(0.0)
    events = engine.poll(10 + 45 + 5 + 45 + 0.5)  # one very late poll
    starts = [(e.step.kind, e.at) for e in events if e.kind == "step_started"]
    assert starts == [("work", 10.0), ("switch", 55.0), ("work", 60.0), ("work", 105.0)]
    assert engine.view(105.5).step.mode == "reps"


def test_reps_step_counts_up_and_waits_for_done(engine):
    engine.start(0.0)
    engine.poll(105.0)
    view = engine.view(400.0)
    assert view.step.counts_up and view.remaining is None and view.elapsed == 295.0
    assert engine.poll(400.0) == []  # no deadline: still waiting
    events = engine.complete(400.0, reps=8)
    step_done = finished(events)[0]
    assert (step_done.outcome, step_done.actual_reps) == ("partial", 8)
    assert engine.view(400.0).step.drill_id == "ankle-rocks"


def test_complete_without_count_means_the_target(engine):
    engine.start(0.0)
    engine.poll(105.0)
    step_done = finished(engine.complete(130.0))[0]
    assert (step_done.outcome, step_done.actual_reps, step_done.actual_seconds) == (
        "done", 10, 25.0)


def test_reps_with_cap_auto_advances_as_done_at_target():
    lunges = drill("banded-lunge", "reps", 12)
    eng = Engine(expand(routine((lunges, item(lunges, cap=40)), rounds=1, prepare=0)))
    eng.start(0.0)
    events = eng.poll(41.0)
    done = finished(events)[0]
    assert (done.outcome, done.actual_reps, done.at) == ("done", 12, 40.0)
    assert kinds(events)[-1] == "workout_done"


def test_next_mid_hold_is_partial_and_immediately_is_skipped(engine):
    engine.start(0.0)
    engine.poll(10.0)
    partial = finished(engine.next(30.0))[0]
    assert (partial.outcome, partial.actual_seconds) == ("partial", 20.0)
    skipped = finished(engine.next(30.2))[0]  # the switch pause
    assert skipped.step.kind == "switch" and skipped.outcome == "skipped"
    assert engine.view(30.2).step.side == "right"


def test_next_on_reps_without_done_is_skipped(engine):
    engine.start(0.0)
    engine.poll(105.0)
    assert finished(engine.next(120.0))[0].outcome == "skipped"


def test_pause_freezes_the_step_and_resume_shifts_every_deadline(engine):
    engine.start(0.0)
    engine.poll(10.0)
    engine.pause(20.0)
    assert engine.view(500.0).remaining == 35.0
    assert engine.poll(500.0) == [] and engine.next_wake(500.0) is None
    assert kinds(engine.resume(500.0)) == ["resumed"]
    events = engine.poll(535.0)
    assert finished(events)[0].at == 535.0 and finished(events)[0].outcome == "done"
    assert engine.view(535.0).workout_elapsed == 55.0  # 480 s of pause excluded


def test_previous_restarts_the_previous_step_without_recording_the_current(engine):
    engine.start(0.0)
    engine.poll(57.0)  # in the switch pause after the left hold
    events = engine.previous(57.0)
    assert kinds(events) == ["step_started"]
    view = engine.view(57.0)
    assert view.step.side == "left" and view.remaining == 45.0
    assert engine.previous(58.0)[0].step.kind == "prepare"
    assert engine.previous(58.5)[0].step.index == 0, "previous never leaves the plan"


def test_adjust_lengthens_and_shortens_the_current_countdown(engine):
    engine.start(0.0)
    engine.poll(10.0)
    engine.adjust(20.0, +10)
    assert engine.view(20.0).remaining == 45.0
    engine.adjust(20.0, -10)
    engine.adjust(20.0, -10)
    assert engine.view(20.0).remaining == 25.0
    events = engine.adjust(20.0, -60)  # past now: the hold ends now, as done
    assert finished(events)[0].at == 20.0 and finished(events)[0].actual_seconds == 10.0


def test_adjust_re_arms_the_countdown_but_never_repeats_halfway(engine):
    engine.start(0.0)
    events = engine.poll(54.5)  # left hold: halfway and 3-2-1 fired
    assert kinds(events).count("countdown") == 6  # 3 in prepare, 3 in the hold
    more = engine.adjust(54.5, +10)
    more += engine.poll(64.9)
    assert [e.count for e in more if e.kind == "countdown"] == [3, 2, 1]
    assert "halfway" not in kinds(more)


def test_adjust_on_an_uncapped_reps_step_changes_nothing(engine):
    engine.start(0.0)
    engine.poll(105.0)
    assert engine.adjust(110.0, 10) == []
    assert engine.view(110.0).remaining is None


def test_round_done_rest_and_workout_done():
    eng = Engine(expand(simple(rounds=2)))
    eng.start(0.0)
    events = []
    now = 0.0
    while eng.state != "finished":
        now += 0.5
        events += eng.poll(now)
        if eng.state == "running" and eng.step.counts_up and eng.view(now).elapsed >= 30:
            events += eng.complete(now)
    rounds = [e.step.round for e in events if e.kind == "round_done"]
    assert rounds == [1, 2]
    rests = [e for e in events if e.kind == "rest"]
    assert len(rests) == 1 and rests[0].step.seconds == 60
    assert kinds(events)[-1] == "workout_done"
    works = [e for e in finished(events) if e.step.is_work]
    assert len(works) == 2 * 4 and all(e.outcome == "done" for e in works)
    view = eng.view(now)
    assert view.phase == "done" and view.workout_remaining == 0 and view.next_step is None
    assert eng.poll(now + 100) == [] and eng.next(now + 100) == []


def test_switch_sides_event_without_a_switch_pause():
    hold = drill("toe-hold", "hold", 20, "each")
    eng = Engine(expand(routine((hold, item(hold)), rounds=1, prepare=0, side_switch=0)))
    eng.start(0.0)
    events = eng.poll(20.0)
    assert kinds(events) == ["halfway", "countdown", "countdown", "countdown", "step_finished",
                             "step_started", "switch_sides"]


def test_view_counts_rounds_and_drills(engine):
    engine.start(0.0)
    engine.poll(200.0)  # in round 1's reps step → complete, then timed, rest, round 2
    engine.complete(200.0)
    engine.poll(230.0 + 60.0 + 1.0)
    view = engine.view(291.0)
    assert (view.round, view.rounds, view.item, view.items) == (2, 2, 1, 3)
    assert view.next_step.kind == "switch"


def test_start_at_a_later_step_for_resuming():
    eng = Engine(expand(simple(rounds=2)))
    events = eng.start(0.0, index=4)
    assert events[0].step.drill_id == "heel-raise"
    with pytest.raises(ValueError):
        Engine(expand(simple())).start(0.0, index=999)


def test_next_wake_is_the_next_cue_or_display_second(engine):
    engine.start(0.0)
    assert engine.next_wake(0.0) == 1.0
    assert engine.next_wake(6.7) == 7.0
    engine.poll(10.0)
    assert engine.next_wake(32.2) == 32.5  # halfway between two display seconds
