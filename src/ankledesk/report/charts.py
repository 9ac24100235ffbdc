"""The progress chart: each hold drill's best hold per week over the last weeks, against the
drill's target (dashed) and, where DRILLS.md sets one, its progression goal (dotted).

Drawn with reportlab.graphics shapes rather than a stock chart class, so the bars carry their
values, empty weeks say so, and every line is labelled in words — nothing depends on colour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String

from ankledesk.core import progress
from ankledesk.core.records import SessionRecord
from ankledesk.core.timefmt import seconds_text
from ankledesk.report import fonts, styles
from ankledesk.report.period import Period, period_of

CHART_WEEKS = 8


@dataclass(frozen=True)
class HoldSeries:
    """One hold drill's best hold per period (None: not held that week)."""

    drill_id: str
    name: str
    target_seconds: float | None
    goal_seconds: float | None
    weeks: list[tuple[Period, float | None]]


def hold_series(history: Sequence[SessionRecord], last: Period,
                weeks: int = CHART_WEEKS) -> list[HoldSeries]:
    """Per hold drill held in the `weeks` periods ending with `last`, its best hold each week
    (`progress.best_hold_per_session`, the best of those per week)."""
    first = Period(last.first - dt.timedelta(days=7 * (weeks - 1)))
    window = progress.sessions_between(history, first.first, last.last)
    drills: dict[str, tuple[str, float | None]] = {}
    for session in window:
        for step in session.get("steps", []):
            if step["mode"] == "hold":
                drills[step["drill_id"]] = (step.get("name") or step["drill_id"],
                                            step.get("target_seconds"))
    week_start = first.first.weekday()
    out = []
    for drill_id, (name, target) in drills.items():
        best: dict[Period, float] = {}
        for point in progress.best_hold_per_session(window, drill_id):
            period = period_of(point.day, week_start)
            best[period] = max(best.get(period, 0.0), point.best_seconds)
        periods = [first]
        while len(periods) < weeks:
            periods.append(periods[-1].next())
        out.append(HoldSeries(drill_id, name, target, progress.PROGRESSION_GOALS.get(drill_id),
                              [(p, best.get(p)) for p in periods]))
    return out


def _step(top: float) -> float:
    for step in (5, 10, 15, 30, 60, 120, 300, 600):
        if top / step <= 5:
            return step
    return 1200


def hold_chart(series: HoldSeries, width: float, height: float) -> Drawing:
    """One drill's chart: bars per week with their values, the target and goal lines."""
    family = fonts.register()
    drawing = Drawing(width, height)
    left, bottom, top_pad, right_pad = 30.0, 22.0, 20.0, 8.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    values = [v for _, v in series.weeks if v is not None]
    top = max([*values, series.target_seconds or 0, series.goal_seconds or 0, 10.0]) * 1.12
    step = _step(top)

    def y_of(seconds: float) -> float:
        return bottom + plot_h * seconds / top

    drawing.add(String(0, height - 11, fonts.printable(series.name), fontName=fonts.BOLD,
                       fontSize=8.5, fillColor=styles.INK))
    tick = 0.0
    while tick <= top:
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=styles.FAINT, strokeWidth=0.5))
        drawing.add(String(left - 3, y - 2.5, seconds_text(tick), fontName=family,
                           fontSize=6, fillColor=styles.MUTED, textAnchor="end"))
        tick += step
    slot = plot_w / len(series.weeks)
    bar_w = slot * 0.56
    for n, (period, value) in enumerate(series.weeks):
        x = left + slot * n + (slot - bar_w) / 2
        is_last = n == len(series.weeks) - 1
        drawing.add(String(x + bar_w / 2, bottom - 9, f"W{period.iso[1]:02d}",
                           fontName=fonts.BOLD if is_last else family, fontSize=6.5,
                           fillColor=styles.INK if is_last else styles.MUTED,
                           textAnchor="middle"))
        if value is None:
            drawing.add(String(x + bar_w / 2, bottom + 3, "–", fontName=family, fontSize=7,
                               fillColor=styles.MUTED, textAnchor="middle"))
            continue
        drawing.add(Rect(x, bottom, bar_w, y_of(value) - bottom,
                         fillColor=styles.ACCENT if is_last else styles.ACCENT_LIGHT,
                         strokeColor=styles.ACCENT, strokeWidth=0.6))
        drawing.add(String(x + bar_w / 2, y_of(value) + 2.5, seconds_text(value),
                           fontName=family, fontSize=6.5, fillColor=styles.INK,
                           textAnchor="middle"))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=styles.INK,
                     strokeWidth=0.7))
    legend_x = width - right_pad
    for seconds, label, dash, colour in (
            (series.target_seconds, "target", (3, 2), styles.INK),
            (series.goal_seconds, "goal", (1, 1.5), styles.WARN)):
        if not seconds:
            continue
        y = y_of(seconds)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=colour, strokeWidth=0.9,
                         strokeDashArray=list(dash)))
        text = f"{label} {seconds_text(seconds)}"
        drawing.add(String(legend_x, height - 11, text, fontName=family, fontSize=6.5,
                           fillColor=colour, textAnchor="end"))
        legend_x -= 3.7 * len(text) + 4
        drawing.add(Line(legend_x - 14, height - 9, legend_x, height - 9, strokeColor=colour,
                         strokeWidth=0.9, strokeDashArray=list(dash)))
        legend_x -= 22
    drawing.add(String(left, height - 19, "best hold per week", fontName=family,
                       fontSize=6, fillColor=styles.MUTED))
    return drawing
