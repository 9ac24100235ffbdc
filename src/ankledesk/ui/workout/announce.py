"""What the workout sounds like: which tone and which spoken sentence each moment gets.

Plain functions of the engine's events and the plan (no Qt), so the wording and the choice of
tone are tested without audio. Several events can share one instant (a set ends, its round
ends and a rest starts): that instant gets one tone, the most important, and one sentence.
The words are what a coach would call out across the gym: what is next and for how long.
"""

from __future__ import annotations

from collections.abc import Sequence

from ankledesk.core.engine import Event
from ankledesk.core.plan import Plan, Step

# Most important first: one tone per instant.
TONE_PRIORITY = ("workout_done", "round_done", "switch_sides", "rest", "work", "halfway",
                 "countdown", "rep")
TONE_OF = {"workout_done": "workout_done", "round_done": "round_done", "switch_sides": "switch",
           "rest": "rest", "work": "work", "halfway": "halfway", "countdown": "countdown",
           "rep": "rep"}


def _number(n: float) -> str:
    return f"{n:g}"


def duration_words(seconds: float) -> str:
    """`45 seconds`, `60 seconds`, `90 seconds`, `2 minutes` (as a coach counts rests)."""
    if seconds >= 120 and seconds % 60 == 0:
        minutes = int(seconds // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{_number(seconds)} second{'s' if seconds != 1 else ''}"


def amount_words(step: Step) -> str:
    """What a work step asks for: `12 each side`, `45 seconds`, `8 reps`."""
    each = step.side is not None
    if step.mode == "reps":
        reps = step.target_reps or 0
        return f"{reps} each side" if each else f"{reps} rep{'s' if reps != 1 else ''}"
    amount = duration_words(step.seconds or 0)
    return f"{amount} each side" if each else amount


def drill_words(step: Step) -> str:
    return f"{step.name}, {amount_words(step)}"


def _next_work(plan: Plan, after: Step) -> Step | None:
    return next((s for s in plan.steps[after.index + 1:] if s.is_work), None)


def _round_words(plan: Plan, step: Step) -> str:
    return f"Round {step.round} of {plan.routine.rounds}. "


def _starts_round(plan: Plan, step: Step) -> bool:
    first = next(s for s in plan.steps if s.round == step.round and s.is_work)
    return first.index == step.index


def sentence_for(events: Sequence[Event], plan: Plan, sets_done: int | None = None) -> str | None:
    """The one announcement for events that happened together, or None."""
    kinds = {e.kind for e in events}
    started = next((e.step for e in events if e.kind == "step_started"), None)
    if "workout_done" in kinds:
        if sets_done is None:  # the count lives in the session being recorded
            return "Workout done."
        return f"Workout done. {sets_done} set{'s' if sets_done != 1 else ''}."
    if "switch_sides" in kinds:
        return "Switch sides."
    if started is not None and started.kind in ("rest", "prepare"):
        nxt = _next_work(plan, started)
        if started.kind == "prepare":
            lead = _round_words(plan, nxt) if nxt and plan.routine.rounds > 1 else "Get ready. "
        else:
            lead = f"Rest, {duration_words(started.seconds or 0)}. "
            if nxt is not None and nxt.round != started.round:
                lead += _round_words(plan, nxt)
        return lead + (f"Next: {drill_words(nxt)}." if nxt is not None else "")
    if started is not None and started.is_work:
        previous = plan.steps[started.index - 1] if started.index > 0 else None
        # Announced already by the prepare or rest just before, or by "switch sides".
        if previous is not None and previous.kind in ("prepare", "rest", "switch"):
            return None
        if previous is not None and previous.is_work and previous.item == started.item:
            return None
        lead = _round_words(plan, started) if (
            plan.routine.rounds > 1 and _starts_round(plan, started)) else ""
        return f"{lead}{drill_words(started)}."
    if "halfway" in kinds:
        return "Halfway."
    return None


def tone_for(events: Sequence[Event]) -> str | None:
    """The one tone for events that happened together (a cue name of tones.TONES), or None."""
    kinds: set[str] = {e.kind for e in events}
    for e in events:
        if e.kind == "step_started" and e.step.is_work:
            kinds.add("work")
    for kind in TONE_PRIORITY:
        if kind in kinds:
            return TONE_OF[kind]
    return None


def by_instant(events: Sequence[Event]) -> list[list[Event]]:
    """Events grouped by the instant they were due (a late poll can deliver several)."""
    groups: list[list[Event]] = []
    for event in events:
        if groups and abs(groups[-1][0].at - event.at) < 1e-6:
            groups[-1].append(event)
        else:
            groups.append([event])
    return groups
