"""The range export: many weeks in one PDF — a cover with the whole range at a glance (key
figures, a line per week, each hold drill's chart over every week of the range), then each
week's log as a section: its figures, grid, sessions and best holds, without repeating the
chart. A section starts on a new page only when the page it would start on is nearly full, so
short weeks share a page instead of leaving two thirds of one empty.

A week that has not happened yet (the range runs into the future) is marked "to come", never
"missed", and counts neither for nor against the target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from ankledesk.core import progress
from ankledesk.core.model import Drill
from ankledesk.core.progress import WEEKLY_TARGET, Totals, sessions_between, totals
from ankledesk.core.records import SessionView, in_full
from ankledesk.core.weeks import Week, WeekStart, weeks_from
from ankledesk.report import pages
from ankledesk.report.blocks import figures, grid_style, header, para
from ankledesk.report.charts import hold_chart, hold_series
from ankledesk.report.inputs import Progress, report_progress
from ankledesk.report.period import date_span, week_dates, week_title
from ankledesk.report.weekly import finished_figure, week_story


def _range_title(weeks: list[Week]) -> tuple[str, str]:
    first, last = weeks[0], weeks[-1]
    if first == last:
        return week_title(first), first.label
    return (f"Weeks {first.iso[1]}–{last.iso[1]}, {last.iso[0]}" if first.iso[0] == last.iso[0]
            else f"{week_title(first)} – {week_title(last)}", f"{first.label} to {last.label}")


SECTION_ROOM = 90 * mm
"""Room a week's section needs to start on the current page (header, figures, grid head)."""
SHORT_SECTION_ROOM = 62 * mm
"""The same for a week with nothing logged or still to come: header, figures and a line."""


def _week_state(period: Week, t: Totals, today: dt.date) -> str:
    """The cover's target column: met, missed, still open, or to come."""
    if period.first > today:
        return "to come"
    if t.met_target:
        extra = t.finished - t.target
        return "✓ met" + (f", +{extra}" if extra else "")
    return "… open" if period.last >= today else "✗ missed"


def range_charts(history: Sequence[SessionView], weeks: list[Week], width: float,
                 today: dt.date) -> list[Flowable]:
    """Each hold drill's best hold over every week of the range that has begun, one
    full-width chart each."""
    begun = [p for p in weeks if p.first <= today] or weeks
    series = hold_series(history, begun[-1], weeks=len(begun))
    if not series:
        return [para("No hold drills in these weeks, so there is no hold chart.", "small")]
    return [para("Holds: best hold per week over the range", "h2"),
            *[hold_chart(s, width, 46 * mm) for s in series]]


def cover(history: Sequence[SessionView], weeks: list[Week], *, width: float,
          name: str | None, target: int, today: dt.date | None = None) -> list[Flowable]:
    """The cover: key figures for the whole range, one line per week, and the hold charts."""
    today = today or dt.date.today()
    per_week: list[tuple[Week, Totals]] = [
        (p, totals(in_full(progress.sessions_between(history, p.first, p.last)), target))
        for p in weeks]
    everything = totals(in_full(progress.sessions_between(history, weeks[0].first,
                                                          weeks[-1].last)), target)
    streak = progress.weekly_streak(history, target, today=today,
                                   through=progress.IsoWeek(*weeks[-1].iso))
    judged = [(p, t) for p, t in per_week if p.last < today or t.met_target]
    met = sum(1 for _, t in judged if t.met_target)
    pending = len(weeks) - len(judged)
    title, labels = _range_title(weeks)
    hours, minutes = divmod(everything.active_minutes, 60)
    story: list[Flowable] = [
        header(f"Training log · {title}",
               f"{date_span(weeks[0].first, weeks[-1].last)}  ({labels})", name, width),
        Spacer(1, 5 * mm),
        figures([
            (f"{met} of {len(judged)}", "weeks at the target",
             f"{target}+ sessions a week" + (f" · {pending} open or to come" if pending
                                             else "")),
            (str(everything.finished), "sessions finished",
             f"{everything.abandoned} stopped early" if everything.abandoned else "none cut short"),
            (f"{hours} h {minutes:02d}", "active time", "work sets only"),
            (f"{streak.weeks} wk", "streak at the end",
             streak.status if weeks[-1].first <= today else "as of today"),
            (str(everything.pain_sessions) if everything.pain_sessions else "none",
             "sessions with pain", "named in each week" if everything.pain_sessions
             else "no pain flagged"),
        ], width),
        para("Week by week", "h2"),
    ]
    head = [para(h, "head") for h in ("Week", "Dates", "Finished", "Active", "Pain",
                                      "Mean RPE", "Target")]
    rows: list[list[Any]] = [head]
    for period, t in per_week:
        future = period.first > today
        rows.append([
            para(f"<b>{period.label}</b>", "cell"), para(week_dates(period), "cell"),
            para("–" if future else finished_figure(t.finished, t.target), "cell_center"),
            para("–" if future else f"{t.active_minutes} min", "cell_center"),
            para(str(t.pain_sessions) if t.pain_sessions else "–", "cell_center"),
            para("–" if t.mean_rpe is None else f"{t.mean_rpe:g}", "cell_center"),
            para(_week_state(period, t, today), "cell_center"),
        ])
    widths = [0.14, 0.32, 0.12, 0.11, 0.08, 0.11, 0.12]
    table = Table(rows, colWidths=[width * w for w in widths], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    story.append(table)
    story += range_charts(history, weeks, width, today)
    return story


def range_log(history: Sequence[SessionView], first: dt.date, last: dt.date, *,
              paper: str = "a4", name: str | None = None, target: int = WEEKLY_TARGET,
              week_start: WeekStart = "monday", drills: Mapping[str, Drill] | None = None,
              measurements: Sequence[Mapping[str, Any]] = (),
              progress: Progress | None = None, today: dt.date | None = None) -> bytes:
    """The PDF for every week from the one holding `first` to the one holding `last`: a cover,
    then one section per week (arguments as for `weekly_log`)."""
    weeks = weeks_from(first, last, week_start)
    today = today or dt.date.today()
    total = len(weeks) + 2
    width = pages.frame_width(paper)
    report_progress(progress, 0, total)
    story = cover(history, weeks, width=width, name=name, target=target, today=today)
    report_progress(progress, 1, total)
    for n, period in enumerate(weeks, start=2):
        empty = period.first > today or not sessions_between(history, period.first,
                                                             period.last)
        room = SHORT_SECTION_ROOM if empty else SECTION_ROOM
        story += [CondPageBreak(room) if n > 2 else PageBreak(), Spacer(1, 4 * mm)]
        story += week_story(history, period, width=width, name=name, target=target,
                            drills=drills, today=today, chart=False,
                            measurements=measurements)
        report_progress(progress, n, total)
    _, labels = _range_title(weeks)
    who = f" · {name}" if name else ""
    data = pages.render(story, paper=paper, title=f"AnkleDesk training log {labels}",
                        footer=f"AnkleDesk training log · {labels}{who}", author=name or "")
    report_progress(progress, total, total)
    return data
