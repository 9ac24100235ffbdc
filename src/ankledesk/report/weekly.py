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
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ankledesk.core import progress
from ankledesk.core.model import Drill
from ankledesk.core.progress import WEEKLY_TARGET, Totals, totals
from ankledesk.core.records import SessionRecord, SessionView, StepRecord, in_full
from ankledesk.core.timefmt import seconds_text
from ankledesk.core.weeks import Week, WeekStart
from ankledesk.report import pages, styles
from ankledesk.report.blocks import boxed_message, figures, grid_style, header, para
from ankledesk.report.cells import day_cell, summary_cell
from ankledesk.report.charts import hold_chart, hold_series
from ankledesk.report.grid import LEGEND, TRAINED, drill_rows, week_lines
from ankledesk.report.inputs import Progress, report_progress
from ankledesk.report.measures import measurement_block
from ankledesk.report.period import day_name, short_date, week_dates, week_title
from ankledesk.report.styles import text

CELL_PAD = 1.5
STATUS = {"finished": "✓ finished", "abandoned": "◐ stopped early",
          "in_progress": "… not finished"}


def _target_line(step: StepRecord) -> str:
    """A drill's prescription as the grid's first column shows it: `hold 45 s each side`,
    `6 reps each side`."""
    sided = " each side" if step.get("side") else ""
    if step["mode"] == "reps":
        return f"{step.get('target_reps')} reps{sided}"
    return f"{step['mode']} {seconds_text(float(step.get('target_seconds') or 0))}{sided}"


def finished_figure(finished: int, target: int) -> str:
    """The big number: `1 of 2` while short of the target, `2 ✓` and `3 ✓` once it is met
    (the note beside it says "target 2 met, 1 extra": never "3 of 2")."""
    return f"{finished} ✓" if finished >= target else f"{finished} of {target}"


def summary(period_totals: Totals, streak: progress.Streak, width: float,
            is_open: bool) -> Table:
    """The row of key figures under the header. `is_open`: the week is not over yet, so a
    shortfall reads "to go", not "missed"."""
    t = period_totals
    target_note = progress.target_verdict(t.finished, t.target, is_open)
    if t.abandoned:
        target_note += f" · {t.abandoned} stopped early"
    weeks = streak.weeks
    pain = "none" if not t.pain_sessions else str(t.pain_sessions)
    return figures([
        (finished_figure(t.finished, t.target), "sessions finished", target_note),
        (f"{t.active_minutes} min", "active time", "work sets only, rests not counted"),
        (f"{weeks} week{'s' if weeks != 1 else ''}",
         f"streak (weeks in a row with {streak.target}+)", streak.status),
        (pain, "sessions with pain", "⚠ named below" if t.pain_sessions else "no pain flagged"),
        ("–" if t.mean_rpe is None else f"{t.mean_rpe:g}", "mean effort (RPE)",
         "1 very easy … 10 maximal"),
    ], width)


def _drill_names(session: SessionRecord) -> list[str]:
    names: list[str] = []
    for step in session.get("steps", []):
        name = step.get("name") or step["drill_id"]
        if step["outcome"] != "skipped" and name not in names:
            names.append(name)
    return names


def _shortened(note: str, most: int) -> str:
    """`note` on one line, cut at a word and ended with `…` past `most` characters (the
    session table below has it in full)."""
    flat = " ".join(note.split())
    return flat if len(flat) <= most else flat[:most].rsplit(" ", 1)[0] + "…"


def pain_lines(sessions: Sequence[SessionRecord]) -> list[Flowable]:
    """Beside the figures, each session with pain: its day, routine, drills and note, so the
    page that counts the pain also says where it was."""
    out: list[Flowable] = []
    for s in sessions:
        if not s.get("pain"):
            continue
        if not out:
            out.append(Spacer(1, 2 * mm))
        start = dt.datetime.fromisoformat(s["started_at"])
        drills = ", ".join(_drill_names(s)) or "no sets done"
        note = f" — note: “{_shortened(s['notes'], 160)}”" if s.get("notes") else ""
        out.append(para(f"<b>⚠ Pain on {day_name(start.date())} {short_date(start.date())}"
                        f"</b> {start:%H:%M} · {text(s.get('routine_name') or s['routine_id'])}"
                        f" · drills: {text(drills)}{text(note)}", "body"))
    return out


def drill_grid(sessions: Sequence[SessionRecord], period: Week, width: float) -> Table:
    """Drills × days, with the week's total per drill; the header row repeats on every page."""
    rows = drill_rows(sessions)
    trained = {dt.datetime.fromisoformat(s["started_at"]).date() for s in sessions}
    head = [para("Drill", "head")]
    for day in period.days:
        mark = f" {TRAINED}" if day in trained else ""
        head.append(para(f"{day_name(day)}{mark}<br/>{short_date(day)}", "head_center"))
    head.append(para("Week", "head_center"))
    data: list[list[Any]] = [head]
    drill_w = width * 0.205
    week_w = width * 0.095
    day_w = (width - drill_w - week_w) / 7
    for row in rows:
        first = row.steps()[0]
        cells: list[Any] = [para(f"<b>{text(row.name)}</b><br/><font size=7 color='#5b6470'>"
                                 f"{text(_target_line(first))}</font>", "cell")]
        for day in period.days:
            cells.append(day_cell(row.days.get(day, []), day_w - 2 * CELL_PAD))
        cells.append(summary_cell(week_lines(row), week_w - 2 * CELL_PAD))
        data.append(cells)
    table = Table(data, colWidths=[drill_w, *[day_w] * 7, week_w], repeatRows=1)
    table.setStyle(TableStyle([
        *grid_style(),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.3, styles.RULE),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.8, styles.INK),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (1, 0), (-1, -1), CELL_PAD),
    ]))
    return table


def _clock(value: str | None) -> str:
    return dt.datetime.fromisoformat(value).strftime("%H:%M") if value else "…"


NOTE_PRINT_LIMIT = 8000
"""Characters of a note printed in a session's row: a page or two of the notes column, so any
note a person writes after a workout prints whole; beyond it every split re-wraps the rest of
the note (a 400 KB note took 31 s), so the rest is left to the CSV, which has it all."""
NOTE_CONTINUED = " … (continued in the CSV: ankledesk export csv)"


def printed_note(notes: str) -> str:
    """A note as the PDF prints it: whole when short, else cut at a word with a marker."""
    if len(notes) <= NOTE_PRINT_LIMIT:
        return notes
    cut = notes[:NOTE_PRINT_LIMIT]
    space = cut.rfind(" ", NOTE_PRINT_LIMIT - 200)  # a word boundary near the end, if any
    return (cut[:space] if space > 0 else cut).rstrip() + NOTE_CONTINUED


NOTE_CHUNK = 60 * mm
"""A note taller than this continues in rows of its own, so a long note splits between rows
(a table split ReportLab gets right) instead of inside one (where it repeats the header row
in mid-page)."""
SESSION_WIDTHS = (0.12, 0.12, 0.25, 0.06, 0.07, 0.38)
KEEP_WHOLE = 3
"""A session with pain keeps up to this many note rows on one page with its pain cell."""


def _note_chunks(note: Paragraph, width: float) -> list[Flowable]:
    """`note` cut into pieces no taller than NOTE_CHUNK at `width`."""
    pieces: list[Flowable] = []
    rest: Flowable = note
    while rest.wrap(width, 1e6)[1] > NOTE_CHUNK:
        parts = rest.split(width, NOTE_CHUNK)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        rest = parts[1]
    return [*pieces, rest]


def session_table(sessions: Sequence[SessionRecord], width: float) -> Table:
    """One row per session: day, time, routine and outcome, RPE, pain, notes in full up to
    NOTE_PRINT_LIMIT characters (a long note continuing on rows of its own); a session with
    pain is never split from its pain cell while it fits a page."""
    head = [para(h, "head") for h in ("Day", "Time", "Routine", "RPE", "Pain", "Notes")]
    data: list[list[Any]] = [head]
    commands = [c for c in grid_style(zebra=False) if c[0] != "LINEBELOW"]
    note_w = width * SESSION_WIDTHS[-1] - 8
    for n, s in enumerate(sessions):
        start = dt.datetime.fromisoformat(s["started_at"])
        steps = s.get("steps", [])
        done = sum(1 for st in steps if st["outcome"] == "done")
        active = round(progress.active_seconds(s) / 60)
        notes = _note_chunks(para(text(printed_note(s.get("notes") or "–")), "cell"), note_w)
        first = len(data)
        data.append([
            para(f"{day_name(start.date())} {short_date(start.date())}", "cell"),
            para(f"{_clock(s['started_at'])}–{_clock(s.get('ended_at'))}<br/>"
                 f"<font size=7 color='#5b6470'>{active} min active</font>", "cell"),
            para(f"{text(s.get('routine_name') or s.get('routine_id'))}<br/>"
                 f"<font size=7 color='#5b6470'>{text(STATUS.get(s.get('status'), ''))}"
                 f" · {done} of {len(steps)} sets done</font>", "cell"),
            para("–" if s.get("rpe") is None else str(s["rpe"]), "cell_center"),
            para("<b>yes ⚠</b>" if s.get("pain") else "no", "cell_center"),
            notes[0],
        ])
        for piece in notes[1:]:
            data.append([para(f"<font size=7 color='#5b6470'>{day_name(start.date())} "
                              "continued</font>", "cell"), "", "", "", "", piece])
        last = len(data) - 1
        if n % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), styles.ZEBRA))
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, styles.RULE))
        if s.get("pain") and last - first < KEEP_WHOLE:
            commands.append(("NOSPLIT", (0, first), (-1, last)))
    commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.4, styles.RULE))
    table = Table(data, colWidths=[width * w for w in SESSION_WIDTHS], repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def charts(history: Sequence[SessionView], period: Week,
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


def hints(history: Sequence[SessionView], period: Week,
          drills: Mapping[str, Drill] | None, quiet: bool = False) -> list[Flowable]:
    """The progression ladder's suggestions, as of the end of the week (`quiet`: nothing
    rather than a line saying none is due)."""
    upto = progress.sessions_between(history, dt.date.min, period.last)
    found = progress.progression_hints(upto, drills)
    if not found and quiet:
        return []
    if not found:
        return [para("No step up the ladder is due yet: keep building the holds toward "
                     "their goal.", "body")]
    return [para(f"→ {text(h.message)}", "body") for h in found]


def hold_line(sessions: Sequence[SessionRecord]) -> list[Flowable]:
    """The week's best hold per hold drill, in one line (a range's week sections, where the
    cover carries the chart)."""
    best: dict[str, tuple[str, float]] = {}
    for s in sessions:
        for step in s.get("steps", []):
            if step["mode"] == "hold" and step["outcome"] != "skipped":
                name = step.get("name") or step["drill_id"]
                seconds = float(step.get("actual_seconds") or 0.0)
                if seconds > best.get(step["drill_id"], ("", -1.0))[1]:
                    best[step["drill_id"]] = (name, seconds)
    if not best:
        return []
    held = " · ".join(f"{text(name)} <b>{seconds_text(sec)}</b>" for name, sec in best.values())
    return [para(f"Best hold this week: {held}", "body")]


def week_story(history: Sequence[SessionView], period: Week, *,
               width: float, name: str | None = None, target: int = WEEKLY_TARGET,
               drills: Mapping[str, Drill] | None = None, today: dt.date | None = None,
               chart: bool = True,
               measurements: Sequence[Mapping[str, Any]] = ()) -> list[Flowable]:
    """The flowables of one week's log (see the module docstring); `today` decides which
    weeks are over (default: the real today); `chart=False` (a range's week sections) puts a
    line of the week's best holds in place of the eight-week chart; `measurements` are listed
    under the sessions."""
    today = today or dt.date.today()
    chosen = in_full(progress.sessions_between(history, period.first, period.last))
    streak = progress.weekly_streak(history, target, today=today,
                                   through=progress.IsoWeek(*period.iso))
    story: list[Flowable] = [
        header(f"Training log · {week_title(period)}",
               f"{week_dates(period)}  ({period.label})", name, width),
        Spacer(1, 5 * mm),
        summary(totals(chosen, target), streak, width, is_open=period.last >= today),
        *pain_lines(chosen),
    ]
    if period.first > today:
        story += [Spacer(1, 4 * mm), boxed_message(
            "This week is still to come.",
            f"{day_name(period.first)} {short_date(period.first)} has not come yet, so "
            "nothing here counts as missed.", width)]
    elif not chosen:
        story += [Spacer(1, 4 * mm), boxed_message(
            "Nothing was logged this week.",
            f"No sessions between {day_name(period.first)} {short_date(period.first)} and "
            f"{day_name(period.last)} {short_date(period.last)} {period.last.year}. The streak "
            "above and the chart below count the weeks before." if chart else
            f"No sessions between {day_name(period.first)} {short_date(period.first)} and "
            f"{day_name(period.last)} {short_date(period.last)} {period.last.year}.", width)]
    else:
        story += [
            para("What was done, day by day", "h2"),
            drill_grid(chosen, period, width),
            Spacer(1, 2 * mm),
            para(text(LEGEND), "small"),
            para("Sessions", "h2"),
            session_table(chosen, width),
        ]
    story += measurement_block(measurements, period, width)
    if not chart:
        found = hints(history, period, drills, quiet=True)
        return [*story, Spacer(1, 2 * mm), *hold_line(chosen), *found]
    story.append(KeepTogether([  # moves to the next page only when it does not fit
        para("Holds and progression: best hold per week, last eight weeks", "h2"),
        *hints(history, period, drills), Spacer(1, 2 * mm), *charts(history, period, width)]))
    return story


def weekly_log(history: Sequence[SessionView], week: dt.date, *,
               paper: str = "a4", name: str | None = None, target: int = WEEKLY_TARGET,
               week_start: WeekStart = "monday", drills: Mapping[str, Drill] | None = None,
               measurements: Sequence[Mapping[str, Any]] = (),
               progress: Progress | None = None, today: dt.date | None = None) -> bytes:
    """The weekly log PDF for the week holding `week`, as bytes.

    `history`: every session document (older weeks feed the streak and the chart);
    `paper`: a4 or letter; `target`: sessions a week; `week_start`: monday or sunday;
    `drills`: the catalogue (Library.drills), for the hints' drill names; `today`: the date
    that decides which weeks are over (default: the real today); `measurements`: measurement
    documents (ankledesk.core.measures), listed under the sessions.
    """
    period = Week.of(week, week_start)
    report_progress(progress, 0, 2)
    width = pages.frame_width(paper)
    story = week_story(history, period, width=width, name=name, target=target,
                       drills=drills, today=today, measurements=measurements)
    report_progress(progress, 1, 2)
    who = f" · {name}" if name else ""
    data = pages.render(story, paper=paper, title=f"AnkleDesk training log {period.label}",
                        footer=f"AnkleDesk training log · {period.label}{who}",
                        author=name or "")
    report_progress(progress, 2, 2)
    return data
