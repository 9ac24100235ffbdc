"""Properties of the plan and the engine over any valid routine and any sequence of controls."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ankledesk.core.engine import Engine
from ankledesk.core.model import Routine
from ankledesk.core.plan import expand
from tests.core.factories import drill, item, routine

modes = st.sampled_from(["hold", "timed", "reps"])


@st.composite
def routines(draw) -> Routine:
    pairs = []
    for n in range(draw(st.integers(1, 5))):
        mode = draw(modes)
        amount = draw(st.integers(1, 500) if mode == "reps" else st.integers(1, 600))
        d = drill(f"drill-{n}", mode, amount, draw(st.sampled_from(["one", "each"])))
        cap = draw(st.one_of(st.none(), st.integers(1, 300))) if mode == "reps" else None
        pairs.append((d, item(d, cap=cap)))
    return routine(
        *pairs, rounds=draw(st.integers(1, 6)), rest_rounds=draw(st.integers(0, 300)),
        rest_drills=draw(st.integers(0, 60)), prepare=draw(st.integers(0, 30)),
        side_switch=draw(st.integers(0, 15)),
    )


controls = st.lists(
    st.tuples(
        st.sampled_from(["poll", "pause", "resume", "next", "previous", "plus", "minus",
                         "complete", "complete_reps", "pause_resume"]),
        st.floats(0, 120, allow_nan=False),
        st.integers(0, 30),
    ),
    max_size=60,
)


@given(routines())
def test_plan_total_is_the_sum_of_its_steps(r):
    plan = expand(r)
    assert plan.total == pytest.approx(sum(s.estimate for s in plan.steps))
    assert all(s.estimate >= 0 for s in plan.steps)
    assert [s.index for s in plan.steps] == list(range(len(plan.steps)))
    works = [s for s in plan.steps if s.is_work]
    per_round = sum(2 if i.sides == "each" else 1 for i in r.items)
    assert len(works) == per_round * r.rounds
    assert sum(1 for s in plan.steps if s.rest_kind == "rounds") == (
        r.rounds - 1 if r.rest_between_rounds else 0)


def act(eng: Engine, action: str, now: float, amount: int) -> list:
    if action == "complete_reps":
        return eng.complete(now, amount)
    if action in ("plus", "minus"):
        return eng.adjust(now, 10 if action == "plus" else -10)
    if action == "pause_resume":
        return []
    return getattr(eng, action)(now)


def check_invariants(eng: Engine, now: float, events) -> None:
    assert 0 <= eng.index < len(eng.plan.steps), "next/previous never leave the plan"
    view = eng.view(now)
    assert view.remaining is None or view.remaining >= 0
    assert view.elapsed >= 0 and 0 <= view.progress <= 1
    assert view.workout_remaining >= 0
    stamps = [e.at for e in events]
    assert stamps == sorted(stamps) and all(t <= now + 1e-9 for t in stamps)
    for e in events:
        if e.kind == "step_finished":
            assert e.actual_seconds >= -1e-9 and e.outcome in ("done", "partial", "skipped")


@settings(max_examples=150, deadline=None)
@given(routines(), controls)
def test_any_sequence_of_controls_keeps_the_invariants(r, sequence):
    eng = Engine(expand(r))
    now = 1000.0
    check_invariants(eng, now, eng.start(now))
    for action, dt, amount in sequence:
        now += dt
        events = eng.poll(now)
        if action == "pause_resume" and eng.state == "running":
            # A pause of any length moves only the end time, by exactly its length.
            before = eng.view(now)
            before_end = now + before.workout_remaining  # when it would end, as estimated
            events += eng.pause(now)
            now += dt * 7 + amount
            events += eng.resume(now)
            after = eng.view(now)
            assert now + after.workout_remaining == pytest.approx(before_end + dt * 7 + amount)
            assert (after.index, after.remaining, after.elapsed) == (
                before.index, before.remaining, pytest.approx(before.elapsed))
        else:
            events += act(eng, action, now, amount)
        check_invariants(eng, now, events)


@settings(max_examples=100, deadline=None)
@given(routines(), st.lists(st.floats(0.01, 40, allow_nan=False), min_size=1, max_size=400))
def test_irregular_polling_never_drifts(r, gaps):
    """However irregular the polls, every countdown step starts exactly on its schedule."""
    plan = expand(r)
    eng = Engine(plan)
    now = 0.0
    events = eng.start(now)
    for gap in gaps:
        now += gap
        events += eng.poll(now)
        if eng.state == "running" and eng.step.counts_up:
            events += eng.complete(now)  # reps steps end when the user says so
        if eng.state == "finished":
            break
    expected = 0.0
    for e in (e for e in events if e.kind == "step_finished"):
        if e.step.seconds is not None and not e.step.counts_up:
            assert e.at == expected + e.step.seconds  # exact: deadlines, never ticks
        expected = e.at
