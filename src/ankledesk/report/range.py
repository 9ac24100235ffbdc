"""The range export: many weeks in one PDF — a cover with the whole range at a glance, then
each week's log as its own section, starting on a new page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ankledesk.core import progress
from ankledesk.core.model import Drill
from ankledesk.core.progress import WEEKLY_TARGET, Totals, totals
from ankledesk.core.records import SessionRecord
from ankledesk.report import pages
from ankledesk.report.blocks import figures, grid_style, header, para
from ankledesk.report.inputs import Progress, report_progress
from ankledesk.report.period import Period, date_span, periods
from ankledesk.report.weekly import week_story


def _range_title(weeks: list[Period]) -> tuple[str, str]:
    first, last = weeks[0], weeks[-1]
    if first == last:
        return first.title, first.label
    return (f"Weeks {first.iso[1]}–{last.iso[1]}, {last.iso[0]}" if first.iso[0] == last.iso[0]
            else f"{first.title} – {last.title}", f"{first.label} to {last.label}")


def cover(history: Sequence[SessionRecord], weeks: list[Period], *, width: float,
          name: str | None, target: int) -> list[Flowable]:
    """The cover: key figures for the whole range and one line per week."""
    per_week: list[tuple[Period, Totals]] = [
        (p, totals(progress.sessions_between(history, p.first, p.last), target))
        for p in weeks]
    everything = totals(progress.sessions_between(history, weeks[0].first, weeks[-1].last), target)
    streak = progress.weekly_streak(history, target, today=weeks[-1].last)
    met = sum(1 for _, t in per_week if t.met_target)
    title, labels = _range_title(weeks)
    hours, minutes = divmod(everything.active_minutes, 60)
    story: list[Flowable] = [
        header(f"Training log · {title}",
               f"{date_span(weeks[0].first, weeks[-1].last)}  ({labels})", name, width),
        Spacer(1, 5 * mm),
        figures([
            (f"{met} of {len(weeks)}", "weeks at the target", f"{target}+ sessions a week"),
            (str(everything.finished), "sessions finished",
             f"{everything.abandoned} stopped early" if everything.abandoned else "none cut short"),
            (f"{hours} h {minutes:02d}", "active time", "work sets only"),
            (f"{streak.weeks} wk", "streak at the end", "weeks in a row at the target"),
            (str(everything.pain_sessions) if everything.pain_sessions else "none",
             "sessions with pain", "see each week's notes"),
        ], width),
        para("Week by week", "h2"),
    ]
    head = [para(h, "head") for h in ("Week", "Dates", "Finished", "Active", "Pain",
                                      "Mean RPE", "Target")]
    rows: list[list[Any]] = [head]
    for period, t in per_week:
        rows.append([
            para(f"<b>{period.label}</b>", "cell"), para(period.dates, "cell"),
            para(f"{t.finished} of {t.target}", "cell_center"),
            para(f"{t.active_minutes} min", "cell_center"),
            para(str(t.pain_sessions) if t.pain_sessions else "–", "cell_center"),
            para("–" if t.mean_rpe is None else f"{t.mean_rpe:g}", "cell_center"),
            para("✓ met" if t.met_target else "✗ missed", "cell_center"),
        ])
    widths = [0.14, 0.32, 0.12, 0.11, 0.08, 0.11, 0.12]
    table = Table(rows, colWidths=[width * w for w in widths], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    story.append(table)
    return story


def range_log(history: Sequence[SessionRecord], first: dt.date, last: dt.date, *,
              paper: str = "a4", name: str | None = None, target: int = WEEKLY_TARGET,
              week_start: int = 0, drills: Mapping[str, Drill] | None = None,
              progress: Progress | None = None) -> bytes:
    """The PDF for every week from the one holding `first` to the one holding `last`: a cover,
    then one weekly log per week (arguments as for `weekly_log`)."""
    weeks = periods(first, last, week_start)
    total = len(weeks) + 2
    width = pages.frame_width(paper)
    report_progress(progress, 0, total)
    story = cover(history, weeks, width=width, name=name, target=target)
    report_progress(progress, 1, total)
    for n, period in enumerate(weeks, start=2):
        story.append(PageBreak())
        story += week_story(history, period, width=width, name=name, target=target,
                            drills=drills)
        report_progress(progress, n, total)
    _, labels = _range_title(weeks)
    who = f" · {name}" if name else ""
    data = pages.render(story, paper=paper, title=f"AnkleDesk training log {labels}",
                        footer=f"AnkleDesk training log · {labels}{who}", author=name or "")
    report_progress(progress, total, total)
    return data

