"""Progress: the questions asked of the history, as plain functions over session documents.

Domain rules (weekly target, streak, the progression ladder) with no I/O, so the store, the
reports, the CLI and the GUI all read the same numbers without depending on each other.

They take a list of session documents (`core.records.SessionRecord`, as
`SessionStore.sessions()` returns them, or a test's hand-made list) and return small
dataclasses. A session belongs to the day (and ISO week, Monday first) on which it started, in the
UTC offset it was recorded in: a Tuesday-evening workout stays on Tuesday wherever the laptop
travels afterwards.

Definitions used throughout:
- active time: the sum of the work steps' actual seconds (rests and switches not counted);
- a session counts toward the weekly target when it is finished (not abandoned, not cut short);
- best hold: the longest actual time of a hold-mode step that was done or partial.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

from ankledesk.core.model import Drill
from ankledesk.core.records import SessionRecord, SessionView, in_full
from ankledesk.core.timefmt import duration_text

View = TypeVar("View", bound=SessionView)  # a whole document or an outline, kept as given

# docs/design.md, the drill facts: ankle work twice a week (002), two workouts a week (001)
# → 2 sessions. The one default: every function, report and command that takes a target falls
# back to this.
WEEKLY_TARGET = 2

# docs/design.md, the big-toe ladder (000): the bodyweight hold builds toward 2 min; at 2 min add
# load; then the step-edge variant. The weighted hold is taken to the same 2 min before that
# last step (the article gives no other figure). The next drill comes from drills.toml.
PROGRESSION_GOALS: dict[str, float] = {
    "big-toe-raise-hold": 120.0,
    "big-toe-raise-hold-weighted": 120.0,
}
_DEFAULT_NEXT = {
    "big-toe-raise-hold": "big-toe-raise-hold-weighted",
    "big-toe-raise-hold-weighted": "big-toe-step-edge-hold",
}

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")


# -- weeks and days ----------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week (Monday to Sunday), written `2026-W47`."""

    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """`2026-W47` (or `2026W47`); ValueError with a readable message otherwise."""
        match = _WEEK.match(text.strip().upper())
        if not match:
            raise ValueError(f'"{text}" is not an ISO week such as 2026-W47')
        year, week = int(match[1]), int(match[2])
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{year} has no week {week}") from None
        return cls(year, week)

    @classmethod
    def of(cls, day: dt.date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def previous(self) -> IsoWeek:
        return IsoWeek.of(self.monday - dt.timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def started(session: SessionView) -> dt.datetime:
    """When the session started (aware, in the offset it was recorded in)."""
    return dt.datetime.fromisoformat(session["started_at"])


def session_day(session: SessionView) -> dt.date:
    return started(session).date()


def oldest_first(sessions: Iterable[View]) -> list[View]:
    return sorted(sessions, key=started)


def sessions_between(sessions: Iterable[View], first: dt.date, last: dt.date) -> list[View]:
    """Sessions that started on a day from `first` to `last`, both included, oldest first."""
    return [s for s in oldest_first(sessions) if first <= session_day(s) <= last]


def sessions_in_week(sessions: Iterable[View], week: IsoWeek) -> list[View]:
    return sessions_between(sessions, week.monday, week.sunday)


def counts_toward_target(session: SessionView) -> bool:
    return session.get("status") == "finished"


def active_seconds(session: SessionRecord) -> float:
    return float(sum(step.get("actual_seconds") or 0.0 for step in session.get("steps", [])))


# -- figures of any run of days --------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """The summary figures of any run of days: sessions against the target, active time, pain.

    `week_summary` gives them for an ISO week; the weekly log needs them for any seven days (a
    user may start the week on a Sunday) and the range cover for many weeks at once.
    """

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


def totals(sessions: Sequence[SessionRecord], target: int = WEEKLY_TARGET) -> Totals:
    """Figures for `sessions` (already limited to the days wanted)."""
    rpes = [rpe for s in sessions if (rpe := s.get("rpe")) is not None]
    return Totals(
        sessions=len(sessions),
        finished=sum(1 for s in sessions if counts_toward_target(s)),
        abandoned=sum(1 for s in sessions if s.get("status") == "abandoned"),
        active_seconds=sum(active_seconds(s) for s in sessions),
        pain_sessions=sum(1 for s in sessions if s.get("pain")),
        mean_rpe=round(sum(rpes) / len(rpes), 1) if rpes else None,
        target=target,
    )


# -- the week summary --------------------------------------------------------------------


@dataclass
class DrillWeek:
    """One drill's sets in a week, for the weekly log's table."""

    drill_id: str
    name: str
    mode: str
    sets_done: int = 0
    sets_partial: int = 0
    sets_skipped: int = 0
    best_hold_seconds: float | None = None
    total_reps: int = 0
    active_seconds: float = 0.0

    @property
    def sets(self) -> int:
        return self.sets_done + self.sets_partial + self.sets_skipped


@dataclass
class WeekSummary:
    """A week's sessions, active time and per-drill rows (in the order first done)."""

    week: str
    first_day: dt.date
    last_day: dt.date
    sessions: int
    finished: int
    abandoned: int
    in_progress: int
    active_seconds: float
    pain_sessions: int
    mean_rpe: float | None
    target: int
    drills: list[DrillWeek] = field(default_factory=list)

    @property
    def active_minutes(self) -> float:
        return self.active_seconds / 60

    @property
    def met_target(self) -> bool:
        return self.finished >= self.target


def _best(current: float | None, value: float) -> float:
    return value if current is None else max(current, value)


def week_summary(sessions: Iterable[SessionView], week: IsoWeek | str,
                 target: int = WEEKLY_TARGET) -> WeekSummary:
    """Everything the weekly log shows about `week` (an IsoWeek or `2026-W47`), whose
    sessions must be whole documents (the other weeks' may be outlines)."""
    week = IsoWeek.parse(week) if isinstance(week, str) else week
    chosen = in_full(sessions_in_week(sessions, week))
    figures = totals(chosen, target)
    return WeekSummary(
        week=str(week), first_day=week.monday, last_day=week.sunday,
        sessions=figures.sessions, finished=figures.finished, abandoned=figures.abandoned,
        in_progress=sum(1 for s in chosen if s.get("status") == "in_progress"),
        active_seconds=figures.active_seconds, pain_sessions=figures.pain_sessions,
        mean_rpe=figures.mean_rpe, target=target, drills=drill_weeks(chosen),
    )


def drill_weeks(chosen: Iterable[SessionRecord]) -> list[DrillWeek]:
    """Per drill, the sets of `chosen` sessions (a week's, any span), in the order first done."""
    rows: dict[str, DrillWeek] = {}
    for session in chosen:
        for step in session.get("steps", []):
            drill = step["drill_id"]
            row = rows.get(drill)
            if row is None:
                row = rows[drill] = DrillWeek(drill, step.get("name") or drill, step["mode"])
            outcome = step["outcome"]
            if outcome == "done":
                row.sets_done += 1
            elif outcome == "partial":
                row.sets_partial += 1
            else:
                row.sets_skipped += 1
            seconds = float(step.get("actual_seconds") or 0.0)
            row.active_seconds += seconds
            row.total_reps += int(step.get("actual_reps") or 0)
            if step["mode"] == "hold" and outcome != "skipped":
                row.best_hold_seconds = _best(row.best_hold_seconds, seconds)
    return list(rows.values())


# -- the streak --------------------------------------------------------------------------


@dataclass
class Streak:
    """Consecutive weeks that met the target, counted back from `this_week`.

    A week that is over counts when it met the target and breaks the streak when it did not.
    `this_week` (the week asked about) may not be over yet (`open`): then it adds to the streak
    once it meets the target, and until then it neither adds nor breaks (`counted` says which),
    so `weeks` counts back from the week before.
    """

    weeks: int
    target: int
    this_week: str
    this_week_sessions: int
    open: bool = False

    @property
    def this_week_met(self) -> bool:
        return self.this_week_sessions >= self.target

    @property
    def counted(self) -> bool:
        """Whether `this_week` is one of the `weeks` (it met the target)."""
        return self.this_week_met

    @property
    def status(self) -> str:
        """How `this_week` stands in the streak: `this week included`, `this week still open
        (1 of 2 so far)`, `broken: this week missed the target (1 of 2)`."""
        if self.counted:
            return "this week included"
        so_far = f"{self.this_week_sessions} of {self.target}"
        if self.open:
            return f"this week still open ({so_far} so far)"
        return f"broken: this week missed the target ({so_far})"

    @property
    def wording(self) -> str:
        """The streak in words, the same on paper and in `history summary`:
        `4 weeks, this week included`."""
        return f"{self.weeks} week{'s' if self.weeks != 1 else ''}, {self.status}"


def finished_per_week(sessions: Iterable[SessionView]) -> dict[IsoWeek, int]:
    """Finished sessions per ISO week (only weeks that have any)."""
    per_week: dict[IsoWeek, int] = {}
    for session in sessions:
        if counts_toward_target(session):
            week = IsoWeek.of(session_day(session))
            per_week[week] = per_week.get(week, 0) + 1
    return per_week


def week_is_over(week: IsoWeek, today: dt.date) -> bool:
    """Whether every day of `week` is in the past."""
    return week.sunday < today


def weekly_streak(sessions: Iterable[SessionView], target: int = WEEKLY_TARGET,
                  today: dt.date | None = None, through: IsoWeek | None = None) -> Streak:
    """The streak as it stands at the end of `through` (default: the week holding `today`),
    judged on `today` (default: the real today): a past week that missed the target breaks
    it even if `through` is that week."""
    if target < 1:
        raise ValueError("the weekly target is at least 1 session")
    today = today or dt.date.today()
    per_week = finished_per_week(sessions)
    current = through or IsoWeek.of(today)
    weeks, week = 0, current
    while True:  # ends at the first past week short of the target (there is always one)
        if per_week.get(week, 0) >= target:
            weeks += 1
        elif week_is_over(week, today):
            break
        week = week.previous()
    return Streak(weeks=weeks, target=target, this_week=str(current),
                  this_week_sessions=per_week.get(current, 0),
                  open=not week_is_over(current, today))


def target_verdict(finished: int, target: int, is_open: bool = False) -> str:
    """Finished sessions against the target, in words that never read as a fraction above
    one: `target 2 met`, `target 2 met, 1 extra`, and short of it `1 more to go for 2` (a week
    still open) or `missed: 1 of 2`."""
    if finished >= target:
        extra = finished - target
        return f"target {target} met" + (f", {extra} extra" if extra else "")
    if is_open:
        return f"{target - finished} more to go for {target}"
    return f"missed: {finished} of {target}"


# -- holds and the progression ladder ----------------------------------------------------


@dataclass(frozen=True)
class HoldPoint:
    """The best hold of one drill in one session: one point of a progress chart."""

    session_id: str
    started_at: dt.datetime
    day: dt.date
    best_seconds: float


def best_hold_per_session(sessions: Iterable[SessionView], drill_id: str) -> list[HoldPoint]:
    """Per session that held `drill_id` (done or partial), its longest hold; oldest first."""
    points = []
    for session in oldest_first(sessions):
        holds = [float(s["actual_seconds"]) for s in session.get("steps", [])
                 if s["drill_id"] == drill_id and s["mode"] == "hold"
                 and s["outcome"] != "skipped"]
        if holds:
            points.append(HoldPoint(session["id"], started(session), session_day(session),
                                    max(holds)))
    return points


@dataclass(frozen=True)
class ProgressionHint:
    """A suggestion to move up the ladder: `drill_id` reached its goal, try `next_drill_id`."""

    drill_id: str
    drill_name: str
    next_drill_id: str
    next_name: str
    best_seconds: float
    goal_seconds: float
    reached_on: dt.date

    @property
    def message(self) -> str:
        return (f"{self.drill_name}: you held {duration_text(self.best_seconds)} (goal "
                f"{duration_text(self.goal_seconds)}). Time to try {self.next_name}.")


def progression_hints(sessions: Iterable[SessionView], drills: Mapping[str, Drill] | None = None,
                      goals: Mapping[str, float] = PROGRESSION_GOALS) -> list[ProgressionHint]:
    """The ladder steps the history says are due: a drill held for its goal, whose next drill
    has not been done (done or partial) since. `drills` (the catalogue) supplies each drill's
    next step and names; without it the big-toe ladder of docs/design.md is used."""
    ordered = oldest_first(sessions)
    hints = []
    for drill_id, goal in goals.items():
        drill = (drills or {}).get(drill_id)
        following = (drill.progression[0] if drill and drill.progression
                     else _DEFAULT_NEXT.get(drill_id))
        if not following:
            continue
        reached = next((p for p in best_hold_per_session(ordered, drill_id)
                        if p.best_seconds >= goal), None)
        if reached is None:
            continue
        moved_on = any(
            started(s) >= reached.started_at and any(
                st["drill_id"] == following and st["outcome"] != "skipped"
                for st in s.get("steps", []))
            for s in ordered)
        if moved_on:
            continue
        best = max(p.best_seconds for p in best_hold_per_session(ordered, drill_id))
        next_drill = (drills or {}).get(following)
        hints.append(ProgressionHint(
            drill_id=drill_id, drill_name=drill.name if drill else _name_in(ordered, drill_id),
            next_drill_id=following, next_name=next_drill.name if next_drill else following,
            best_seconds=best, goal_seconds=goal, reached_on=reached.day))
    return hints


def _name_in(sessions: list[SessionView], drill_id: str) -> str:
    for session in sessions:
        for step in session.get("steps", []):
            if step["drill_id"] == drill_id and step.get("name"):
                return step["name"]
    return drill_id


# -- output --------------------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """Dataclasses, dates and datetimes as plain JSON values (ISO strings); properties such as
    `active_minutes` and `met_target` are included."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name), property):
                data[name] = to_json(getattr(value, name))
        return data
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value
