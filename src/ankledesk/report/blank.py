"""The blank sheet: next week's routine on paper, to pin up at the gym and fill in with a pen.

Landscape, seven day columns, a box per set big enough to write what the set came to by hand
(`1:45` held, `12/12` reps, or a tick): BOX_HEIGHT × BOX_WIDTH, never smaller, wrapping onto
more lines in the day's column when a round count needs it. Drills done on each side get a
line of boxes per side (L, R); each drill shows its target dosage, and a hold drill says to
write the seconds held. Then rows for the time, the effort (RPE) and pain, and ruled lines for
notes filling the rest of the last page. A long routine continues on a second page (the day
header repeated) rather than shrinking the boxes. Nothing on it needs colour to make sense.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ankledesk.core.model import Routine
from ankledesk.core.plan import expand
from ankledesk.core.progress import WEEKLY_TARGET
from ankledesk.core.weeks import Week, WeekStart
from ankledesk.report import fonts, styles
from ankledesk.report.blocks import grid_style, header, para
from ankledesk.report.inputs import Progress, report_progress
from ankledesk.report.pages import render
from ankledesk.report.period import day_name, short_date, week_dates, week_title
from ankledesk.report.styles import text

BOX_HEIGHT = 8.2 * mm
BOX_WIDTH = 11 * mm
"""A set's box: room for a hand-written `1:45` or `12/12` (at least 8 mm high)."""
GAP = 1.3 * mm
LABEL_WIDTH = 3.4 * mm
DAY_PAD = 2.0
DAY_WIDTH = LABEL_WIDTH + 2 * BOX_WIDTH + GAP + 2 * DAY_PAD + 1
"""A day column holds two boxes a line (at least): the drill column gives way for it."""


class SetBoxes(Flowable):
    """Empty boxes, one per set, as many on a line as the column holds (at full size), the rest
    on further lines; `label` (L or R) in front for drills done on each side."""

    def __init__(self, count: int, label: str = "") -> None:
        super().__init__()
        self.count = count
        self.label = label
        self._per_line = count

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        room = avail_width - (LABEL_WIDTH if self.label else 0)
        self._per_line = max(1, min(self.count, int((room + GAP) // (BOX_WIDTH + GAP))))
        lines = -(-self.count // self._per_line)
        self.width = avail_width
        self.height = lines * BOX_HEIGHT + (lines - 1) * GAP
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        lead = LABEL_WIDTH if self.label else 0
        used = lead + self._per_line * BOX_WIDTH + (self._per_line - 1) * GAP
        x0 = (self.width - used) / 2
        c.setStrokeColor(styles.INK)
        c.setLineWidth(0.7)
        for n in range(self.count):
            row, col = divmod(n, self._per_line)
            x = x0 + lead + col * (BOX_WIDTH + GAP)
            y = self.height - BOX_HEIGHT - row * (BOX_HEIGHT + GAP)
            c.rect(x, y, BOX_WIDTH, BOX_HEIGHT, stroke=1, fill=0)
            if self.label and col == 0:
                c.setFont(fonts.BOLD, 7)
                c.setFillColor(styles.MUTED)
                c.drawString(x0, y + BOX_HEIGHT / 2 - 2.5, self.label)


class WriteLine(Flowable):
    """A line to write on, with an optional small caption in front."""

    def __init__(self, caption: str = "", height: float = 7 * mm) -> None:
        super().__init__()
        self.caption = caption
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        c = self.canv
        x = 0.0
        if self.caption:
            c.setFont(fonts.REGULAR, 7)
            c.setFillColor(styles.MUTED)
            c.drawString(0, 1.2 * mm, fonts.printable(self.caption))
            x = c.stringWidth(fonts.printable(self.caption), fonts.REGULAR, 7) + 2 * mm
        c.setStrokeColor(styles.RULE)
        c.setLineWidth(0.5)
        c.line(x, 0.6 * mm, self.width, 0.6 * mm)


class NoteLines(Flowable):
    """"Notes" and ruled lines filling what is left of the page (at most `most`); when fewer
    than `least` fit, nothing: a page of nothing but note lines is paper wasted."""

    PITCH = 7.5 * mm
    TOP = 2 * mm  # space between the grid and "Notes"

    def __init__(self, least: int = 2, most: int = 40) -> None:
        super().__init__()
        self.least, self.most = least, most
        self.count = least

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        fits = min(self.most, int((avail_height - self.TOP) // self.PITCH))
        self.count = fits if fits >= self.least else 0
        self.width = avail_width
        self.height = self.count * self.PITCH + self.TOP if self.count else 0
        return self.width, self.height

    def draw(self) -> None:
        if not self.count:
            return
        c = self.canv
        c.setFont(fonts.BOLD, 9)
        c.setFillColor(styles.ACCENT)
        top = self.height - self.TOP
        c.drawString(0, top - self.PITCH + 1.6 * mm, "Notes")
        indent = c.stringWidth("Notes", fonts.BOLD, 9) + 2 * mm
        c.setStrokeColor(styles.RULE)
        c.setLineWidth(0.5)
        for n in range(self.count):
            y = top - (n + 1) * self.PITCH + 0.6 * mm
            c.line(indent if n == 0 else 0, y, self.width, y)


def _drill_cell(routine: Routine, index: int) -> Any:
    item = routine.items[index]
    drill = routine.drills.get(item.drill_id)
    name = drill.name if drill else item.drill_id
    rest = item.dosage() if item.mode == "reps" else f"{item.mode} · {item.dosage()}"
    if item.cap:
        rest += f" · up to {item.cap} s"
    if item.mode == "hold":
        rest += " · write the seconds held"
    return para(f"<b>{text(name)}</b><br/><font size=7.5 color='#5b6470'>"
                f"{text(rest)}</font>", "cell")


def blank_sheet(routine: Routine, week: dt.date, *, paper: str = "a4",
                name: str | None = None, week_start: WeekStart = "monday",
                target: int = WEEKLY_TARGET,
                progress: Progress | None = None) -> bytes:
    """A printable sheet for `routine` in the week holding `week`, as PDF bytes.

    `routine` comes from the library (`open_library(data_dir).routine(id)`), so each drill
    shows its dosage as the routine prescribes it; `target` is the weekly session target the
    sheet reminds the user of.
    """
    period = Week.of(week, week_start)
    report_progress(progress, 0, 2)
    page = landscape(styles.page_size(paper))
    width = page[0] - 2 * styles.MARGIN
    minutes = f"{max(1, round(expand(routine).total / 60))} min"
    rest = f"{routine.rest_between_rounds} s rest between rounds"
    story: list[Flowable] = [
        header(f"{routine.name} · {week_title(period)}",
               f"{week_dates(period)}  ({period.label})", name, width,
               blank_name=WriteLine("Name")),
        Spacer(1, 3 * mm),
        para(f"<b>{routine.rounds} rounds</b> · {rest} · about {minutes} a session · aim for "
             f"<b>{target} sessions</b> this week. One box per set: <b>✓</b> done, or what it "
             "came to (<b>1:45</b> held, <b>12/12</b> reps) · <b>◐</b> cut short, with how long "
             "or how many · <b>✗</b> skipped.", "body"),
        Spacer(1, 3 * mm),
    ]
    head = [para("Drill · target per set", "head")]
    head += [para(f"{day_name(d)}<br/>{short_date(d)}", "head_center") for d in period.days]
    data: list[list[Any]] = [head]
    for n, item in enumerate(routine.items):
        if item.sides == "each":
            cell: Any = [SetBoxes(routine.rounds, "L"), Spacer(1, GAP),
                         SetBoxes(routine.rounds, "R")]
        else:
            cell = SetBoxes(routine.rounds)
        data.append([_drill_cell(routine, n), *[cell] * 7])
    extras = [("Time", None), ("Effort (RPE 1–10)", None), ("Pain?", "yes  /  no")]
    for label, hint in extras:
        cells = [para(f"<b>{text(label)}</b>", "cell")]
        cells += [para(f"<font color='#5b6470'>{text(hint)}</font>" if hint else "",
                       "cell_center")] * 7
        data.append(cells)
    drill_w = min(width * 0.25, width - 7 * DAY_WIDTH)
    day_w = (width - drill_w) / 7
    table = Table(data, colWidths=[drill_w, *[day_w] * 7], repeatRows=1)
    first_extra = len(routine.items) + 1
    pad = 4
    table.setStyle(TableStyle([
        *grid_style(zebra=False),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.4, styles.RULE),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 1), (-1, -1), DAY_PAD),
        ("RIGHTPADDING", (1, 1), (-1, -1), DAY_PAD),
        ("TOPPADDING", (0, 1), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 1), (-1, -1), pad),
        ("LINEABOVE", (0, first_extra), (-1, first_extra), 1, styles.INK),
        ("NOSPLIT", (0, first_extra - 1), (-1, -1)),  # time, effort, pain stay together
        ("BACKGROUND", (0, first_extra), (0, -1), styles.FAINT),
        ("ROWBACKGROUNDS", (0, 1), (-1, first_extra - 1), ["#ffffff", "#f6f8f9"]),
        ("TOPPADDING", (0, first_extra), (-1, -1), pad + 3),
        ("BOTTOMPADDING", (0, first_extra), (-1, -1), pad + 3),
    ]))
    story += [table, NoteLines()]
    report_progress(progress, 1, 2)
    data_out = render(story, paper=paper, pagesize=page,
                      title=f"AnkleDesk blank sheet {routine.name} {period.label}",
                      footer=f"AnkleDesk · {routine.name} · {period.label}",
                      author=name or "")
    report_progress(progress, 2, 2)
    return data_out
