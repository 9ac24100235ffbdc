"""Which routine to do next, from the programs' frequencies and what was done lately.

The facts (docs/design.md, "The drill facts the defaults rest on"): ankle-focused work twice a
week and two workouts a week (articles 001, 002), rotating the emphasis between dorsiflexion,
plantarflexion and lateral work (002); a brief warm-up every day (002); the big-toe hold several
times a day in its first week, then before every practice (000). So: the main suggestion rotates
through the workouts, least recently done first (a new user starts at stage 1 of the mobility
progression); the daily ones are offered beside it when they have not been done today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ankledesk.core.model import Routine
from ankledesk.core.records import SessionView

# The workouts, in the order a new user meets them: the stage 1–2 foundations first (002),
# then the circuits and the later stages.
ROTATION = (
    "ankle-mobility-foundations",
    "runners-chassis-circuit",
    "ankle-strength-and-range",
    "ankle-mobility-and-foot-strength",
    "dynamic-ankle-and-balance",
    "foot-mechanics-warm-up",
    "lean-from-the-ankles",
)
# Short routines meant for every day.
DAILY = ("pre-run-ankle-primer", "big-toe-strength")


@dataclass(frozen=True)
class Suggestion:
    """A routine to do next, with the reason given for it on Today."""

    routine_id: str
    name: str
    reason: str


def _last_done(sessions: Iterable[SessionView]) -> dict[str, dt.date]:
    last: dict[str, dt.date] = {}
    for session in sessions:
        if session.get("status") not in ("finished", "abandoned"):
            continue
        day = dt.datetime.fromisoformat(session["started_at"]).date()
        rid = session["routine_id"]
        if rid not in last or day > last[rid]:
            last[rid] = day
    return last


def _ago(day: dt.date, today: dt.date) -> str:
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def suggest(routines: Mapping[str, Routine], sessions: Iterable[SessionView],
            today: dt.date) -> Suggestion | None:
    """The workout to do next: never done before (in the rotation's order), else the one done
    longest ago. Custom routines join the rotation after the built-in ones."""
    last = _last_done(sessions)
    candidates = [r for r in ROTATION if r in routines]
    candidates += sorted(r for r, routine in routines.items()
                         if routine.source != "built-in" and r not in candidates)
    if not candidates:
        return None
    fresh = [r for r in candidates if r not in last]
    if fresh:
        chosen = fresh[0]
        reason = ("A good place to start: gentle range of motion and control."
                  if not last else "You have not tried this one yet.")
    else:
        chosen = min(candidates, key=lambda r: (last[r], candidates.index(r)))
        reason = f"Last done {_ago(last[chosen], today)}: rotate what your ankles work on."
    return Suggestion(chosen, routines[chosen].name, reason)


def daily_due(routines: Mapping[str, Routine], sessions: Iterable[SessionView],
              today: dt.date) -> list[Suggestion]:
    """The daily routines not yet done today."""
    last = _last_done(sessions)
    due = []
    for rid in DAILY:
        if rid in routines and last.get(rid) != today:
            due.append(Suggestion(rid, routines[rid].name, "a few minutes, every day"))
    return due
