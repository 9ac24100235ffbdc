"""The history as the History screen draws it: days of the calendar, per-drill series by week.

Weeks are core.weeks' (starting on the user's chosen day). A week in which a drill was not done
has no value (None), never a zero: a chart shows it as a gap, because a week off is not a week
of zero-second holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ankledesk.core.progress import active_seconds, session_day
from ankledesk.core.records import SessionRecord
from ankledesk.core.weeks import Week


@dataclass(frozen=True)
class DayMark:
    """One calendar day: how many sessions, their active seconds, and whether any hurt."""

    day: dt.date
    sessions: int
    active_seconds: float
    pain: bool

    @property
    def active_minutes(self) -> float:
        return self.active_seconds / 60


def day_marks(sessions: Iterable[SessionRecord]) -> dict[dt.date, DayMark]:
    """Every day with at least one session (any status), by date."""
    found: dict[dt.date, DayMark] = {}
    for s in sessions:
        day = session_day(s)
        old = found.get(day, DayMark(day, 0, 0.0, False))
        found[day] = DayMark(day, old.sessions + 1, old.active_seconds + active_seconds(s),
                             old.pain or bool(s.get("pain")))
    return found


@dataclass(frozen=True)
class WeekPoint:
    """One drill in one week: best hold (hold drills) and reps done (reps drills), or None
    when the drill was not done that week."""

    first_day: dt.date
    best_hold: float | None
    reps: int | None
    sets: int


def drill_series(sessions: Iterable[SessionRecord], drill_id: str,
                 weeks: list[Week]) -> list[WeekPoint]:
    """One point per week in `weeks` (consecutive, as core.weeks.weeks_from gives them)."""
    if not weeks:
        return []
    index = {w: n for n, w in enumerate(weeks)}
    best: list[float | None] = [None] * len(weeks)
    reps: list[int | None] = [None] * len(weeks)
    sets = [0] * len(weeks)
    for s in sessions:
        n = index.get(weeks[0].holding(session_day(s)))
        if n is None:
            continue
        for step in s.get("steps", []):
            if step["drill_id"] != drill_id or step["outcome"] == "skipped":
                continue
            sets[n] += 1
            if step["mode"] == "hold":
                seconds = float(step.get("actual_seconds") or 0.0)
                best[n] = seconds if best[n] is None else max(best[n] or 0.0, seconds)
            elif step["mode"] == "reps":
                reps[n] = (reps[n] or 0) + int(step.get("actual_reps") or 0)
    return [WeekPoint(w.first, best[n], reps[n], sets[n]) for n, w in enumerate(weeks)]


@dataclass(frozen=True)
class DrillSeen:
    """A drill that appears in the history, for the chart's drill picker."""

    id: str
    name: str
    mode: str
    sets: int


def drills_done(sessions: Iterable[SessionRecord]) -> list[DrillSeen]:
    """Drills done (or partly done) at least once, holds first, then by how often."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[str, str]] = {}
    for s in sessions:
        for step in s.get("steps", []):
            if step["outcome"] == "skipped" or step["mode"] == "timed":
                continue
            drill = step["drill_id"]
            counts[drill] = counts.get(drill, 0) + 1
            if drill not in first:
                first[drill] = (step.get("name") or drill, step["mode"])
    seen = [DrillSeen(d, first[d][0], first[d][1], n) for d, n in counts.items()]
    return sorted(seen, key=lambda d: (d.mode != "hold", -d.sets, d.name))
