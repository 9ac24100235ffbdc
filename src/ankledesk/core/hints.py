"""Coaching hints with something to do about them: the progression ladder and side imbalances.

`coaching_hints` turns what `progress.progression_hints` and `measures.imbalances` find into
one line of text each and the routine a Start button runs: the rung's own routine for the
ladder ("Big-toe calf-raise hold reached 2:00 twice — try Weighted big-toe hold"), the routine
that trains the weaker side for an imbalance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ankledesk.core.measures import Measurement, imbalances
from ankledesk.core.model import Drill, Routine
from ankledesk.core.progress import best_hold_per_session, progression_hints
from ankledesk.core.records import SessionView
from ankledesk.core.timefmt import duration_text

TIMES = {1: "once", 2: "twice"}


@dataclass(frozen=True)
class Hint:
    """A line of advice from the history (a hold reached twice, a side lagging), with the
    routine that acts on it, if there is one."""

    kind: str  # "progression" or "imbalance"
    text: str
    routine_id: str | None
    routine_name: str | None


def routine_for_drill(routines: Mapping[str, Routine], drill_id: str) -> Routine | None:
    """The routine that trains `drill_id` most directly: the one with the fewest items holding
    it (a single-drill rung before a circuit), built-in before the user's, then by id."""
    holding = [r for r in routines.values() if any(i.drill_id == drill_id for i in r.items)]
    if not holding:
        return None
    return min(holding, key=lambda r: (len(r.items), r.source != "built-in", r.id))


def coaching_hints(sessions: Iterable[SessionView], measurements: Iterable[Measurement],
                   routines: Mapping[str, Routine],
                   drills: Mapping[str, Drill] | None = None) -> list[Hint]:
    """Ladder hints first (oldest rung first), then imbalances."""
    ordered = list(sessions)
    hints = []
    for found in progression_hints(ordered, drills):
        reached = sum(1 for p in best_hold_per_session(ordered, found.drill_id)
                      if p.best_seconds >= found.goal_seconds)
        times = TIMES.get(reached, f"{reached} times")
        routine = routine_for_drill(routines, found.next_drill_id)
        hints.append(Hint(
            "progression",
            f"{found.drill_name} reached {duration_text(found.goal_seconds)} {times} — try "
            f"{found.next_name}",
            routine.id if routine else None, routine.name if routine else None))
    for gap in imbalances(measurements):
        routine = routines.get(gap.kind.trains)
        hints.append(Hint("imbalance", gap.message, routine.id if routine else None,
                          routine.name if routine else None))
    return hints
