"""The summary figures of any run of days: sessions against the target, active minutes, pain.

`ankledesk.core.progress.week_summary` answers this for an ISO week only, and a user may start
the week on a Sunday, so the weekly log needs it for any seven days (and the range cover for
many weeks at once). It adds nothing of its own: active time and what counts toward the
target come from the store's query functions. A candidate to fold into store as a
`summary_between(first, last)` that week_summary delegates to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ankledesk.core import progress as queries
from ankledesk.report.inputs import Session


@dataclass(frozen=True)
class Totals:
    sessions: int
    finished: int
    abandoned: int
    active_seconds: float
    pain_sessions: int
    mean_rpe: float | None
    target: int

    @property
    def active_minutes(self) -> int:
        return round(self.active_seconds / 60)

    @property
    def met_target(self) -> bool:
        return self.finished >= self.target


def totals(sessions: Sequence[Session], target: int) -> Totals:
    """Figures for `sessions` (already limited to the days wanted)."""
    rpes = [s["rpe"] for s in sessions if s.get("rpe") is not None]
    return Totals(
        sessions=len(sessions),
        finished=sum(1 for s in sessions if queries.counts_toward_target(s)),
        abandoned=sum(1 for s in sessions if s.get("status") == "abandoned"),
        active_seconds=sum(queries.active_seconds(s) for s in sessions),
        pain_sessions=sum(1 for s in sessions if s.get("pain")),
        mean_rpe=round(sum(rpes) / len(rpes), 1) if rpes else None,
        target=target,
    )
