"""The weekly log: one week on paper, as a runner would hand it to a physio.

Header (ISO week, dates, name), the week's key figures (sessions against the target, active
minutes, streak, pain), the drill × day grid, each session with its time, routine, effort and
notes, the best-hold chart of the last eight weeks and the progression hints. A week with no
sessions says so in words instead of printing an empty table.

`week_story` builds the flowables of one week so the range export can reuse it section by
section; `weekly_log` makes the whole PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from ankledesk.core import progress
from ankledesk.core.model import Drill
from ankledesk.core.progress import WEEKLY_TARGET, Totals, totals
from ankledesk.core.records import SessionRecord, StepRecord
from ankledesk.core.timefmt import seconds_text
from ankledesk.report import pages, styles
from ankledesk.report.blocks import boxed_message, figures, grid_style, header, lines, para
from ankledesk.report.charts import hold_chart, hold_series
from ankledesk.report.grid import LEGEND, cell_lines, drill_rows, week_lines
from ankledesk.report.inputs import Progress, report_progress
from ankledesk.report.period import Period, day_name, period_of, short_date
from ankledesk.report.styles import text

STATUS = {"finished": "✓ finished", "abandoned": "◐ stopped early",
          "in_progress": "… not finished"}


def _target_line(step: StepRecord) -> str:
    """A drill's prescription as the grid's first column shows it: `hold 45 s each side`,
    `6 reps each side`."""
    sided = " each side" if step.get("side") else ""
    if step["mode"] == "reps":
        return f"{step.get('target_reps')} reps{sided}"
    return f"{step['mode']} {seconds_text(float(step.get('target_seconds') or 0))}{sided}"


def summary(period_totals: Totals, streak: Any, width: float) -> Table:
    """The row of key figures under the header."""
    t = period_totals
    if t.met_target:
        target_note = "✓ weekly target met"
    else:
        target_note = f"{t.target - t.finished} more for the target"
    if t.abandoned:
        target_note += f" · {t.abandoned} stopped early"
    weeks = streak.weeks
    pain = "none" if not t.pain_sessions else str(t.pain_sessions)
    return figures([
        (f"{t.finished} of {t.target}", "sessions finished", target_note),
        (f"{t.active_minutes} min", "active time", "work sets only, rests not counted"),
        (f"{weeks} week{'s' if weeks != 1 else ''}", "streak",
         f"weeks in a row with {streak.target}+ sessions"),
        (pain, "sessions with pain", "⚠ see the notes" if t.pain_sessions else "no pain flagged"),
        ("–" if t.mean_rpe is None else f"{t.mean_rpe:g}", "mean effort (RPE)",
         "1 very easy … 10 maximal"),
    ], width)


def drill_grid(sessions: Sequence[SessionRecord], period: Period, width: float) -> Table:
    """Drills × days, with the week's total per drill; the header row repeats on every page."""
    rows = drill_rows(sessions)
    trained = {dt.datetime.fromisoformat(s["started_at"]).date() for s in sessions}
    head = [para("Drill", "head")]
    for day in period.days:
        mark = " ●" if day in trained else ""
        head.append(para(f"{day_name(day)}{mark}<br/>{short_date(day)}", "head_center"))
    head.append(para("Week", "head_center"))
    data: list[list[Any]] = [head]
    for row in rows:
        first = row.steps()[0]
        cells: list[Any] = [para(f"<b>{text(row.name)}</b><br/><font size=7 color='#5b6470'>"
                                 f"{text(_target_line(first))}</font>", "cell")]
        for day in period.days:
            cells.append(lines(cell_lines(row.days.get(day, [])), "cell_center"))
        cells.append(lines(week_lines(row), "cell_center"))
        data.append(cells)
    drill_w = width * 0.205
    week_w = width * 0.095
    day_w = (width - drill_w - week_w) / 7
    table = Table(data, colWidths=[drill_w, *[day_w] * 7, week_w], repeatRows=1)
    table.setStyle(TableStyle([
        *grid_style(),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.3, styles.RULE),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.8, styles.INK),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1.5),
    ]))
    return table


def _clock(value: str | None) -> str:
    return dt.datetime.fromisoformat(value).strftime("%H:%M") if value else "…"


def session_table(sessions: Sequence[SessionRecord], width: float) -> Table:
    """One row per session: day, time, routine and outcome, RPE, pain, notes in full."""
    head = [para(h, "head") for h in ("Day", "Time", "Routine", "RPE", "Pain", "Notes")]
    data: list[list[Any]] = [head]
    for s in sessions:
        start = dt.datetime.fromisoformat(s["started_at"])
        steps = s.get("steps", [])
        done = sum(1 for st in steps if st["outcome"] == "done")
        active = round(progress.active_seconds(s) / 60)
        data.append([
            para(f"{day_name(start.date())} {short_date(start.date())}", "cell"),
            para(f"{_clock(s['started_at'])}–{_clock(s.get('ended_at'))}<br/>"
                 f"<font size=7 color='#5b6470'>{active} min active</font>", "cell"),
            para(f"{text(s.get('routine_name') or s.get('routine_id'))}<br/>"
                 f"<font size=7 color='#5b6470'>{text(STATUS.get(s.get('status'), ''))}"
                 f" · {done} of {len(steps)} sets done</font>", "cell"),
            para("–" if s.get("rpe") is None else str(s["rpe"]), "cell_center"),
            para("<b>yes ⚠</b>" if s.get("pain") else "no", "cell_center"),
            para(text(s.get("notes") or "–"), "cell"),
        ])
    widths = [0.12, 0.12, 0.25, 0.06, 0.07, 0.38]
    table = Table(data, colWidths=[width * w for w in widths], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def charts(history: Sequence[SessionRecord], period: Period,
           width: float) -> list[Flowable]:
    """The best-hold charts, two side by side, or a line saying there is nothing to chart."""
    series = hold_series(history, period)
    if not series:
        return [para("No hold drills in the last eight weeks, so there is no hold chart.",
                     "small")]
    gap = 6 * mm
    chart_w = (width - gap) / 2
    drawings = [hold_chart(s, chart_w, 44 * mm) for s in series]
    rows = [drawings[n:n + 2] + [""] * (2 - len(drawings[n:n + 2]))
            for n in range(0, len(drawings), 2)]
    table = Table(rows, colWidths=[chart_w + gap / 2] * 2)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [table]


def hints(history: Sequence[SessionRecord], period: Period,
          drills: Mapping[str, Drill] | None) -> list[Flowable]:
    """The progression ladder's suggestions, as of the end of the week."""
    upto = progress.sessions_between(history, dt.date.min, period.last)
    found = progress.progression_hints(upto, drills)
    if not found:
        return [para("No step up the ladder is due yet: keep building the holds toward "
                     "their goal.", "body")]
    return [para(f"→ {text(h.message)}", "body") for h in found]


def week_story(history: Sequence[SessionRecord], period: Period, *,
               width: float, name: str | None = None, target: int = WEEKLY_TARGET,
               drills: Mapping[str, Drill] | None = None) -> list[Flowable]:
    """The flowables of one week's log (see the module docstring)."""
    chosen = progress.sessions_between(history, period.first, period.last)
    streak = progress.weekly_streak(history, target, today=period.last)
    story: list[Flowable] = [
        header(f"Training log · {period.title}", f"{period.dates}  ({period.label})", name,
               width),
        Spacer(1, 5 * mm),
        summary(totals(chosen, target), streak, width),
    ]
    if not chosen:
        story += [Spacer(1, 8 * mm), boxed_message(
            "Nothing was logged this week.",
            f"No sessions between {day_name(period.first)} {short_date(period.first)} and "
            f"{day_name(period.last)} {short_date(period.last)} {period.last.year}. The streak "
            "above and the chart "
            "below count the weeks before.", width)]
    else:
        story += [
            para("What was done, day by day", "h2"),
            drill_grid(chosen, period, width),
            Spacer(1, 2 * mm),
            para(text(LEGEND), "small"),
            para("Sessions", "h2"),
            session_table(chosen, width),
        ]
    story += [CondPageBreak(62 * mm), para("Holds and progression: best hold per week, last "
                                           "eight weeks", "h2"),
              *hints(history, period, drills), Spacer(1, 2 * mm),
              *charts(history, period, width)]
    return story


def weekly_log(history: Sequence[SessionRecord], week: dt.date, *,
               paper: str = "a4", name: str | None = None, target: int = WEEKLY_TARGET,
               week_start: int = 0, drills: Mapping[str, Drill] | None = None,
               progress: Progress | None = None) -> bytes:
    """The weekly log PDF for the week holding `week`, as bytes.

    `history`: every session document (older weeks feed the streak and the chart);
    `paper`: a4 or letter; `target`: sessions a week; `week_start`: 0 Monday … 6 Sunday;
    `drills`: the catalogue (Library.drills), for the hints' drill names.
    """
    period = period_of(week, week_start)
    report_progress(progress, 0, 2)
    width = pages.frame_width(paper)
    story = week_story(history, period, width=width, name=name, target=target,
                       drills=drills)
    report_progress(progress, 1, 2)
    who = f" · {name}" if name else ""
    data = pages.render(story, paper=paper, title=f"AnkleDesk training log {period.label}",
                        footer=f"AnkleDesk training log · {period.label}{who}",
                        author=name or "")
    report_progress(progress, 2, 2)
    return data
