"""The progress chart: each hold drill's best hold per week, against the target that applied
that week (dashed) and, where the drill facts set one (docs/design.md), its progression goal
(dotted).

Drawn with reportlab.graphics shapes rather than a stock chart class, so the bars carry their
values, empty weeks say so, and every line is labelled in words — nothing depends on colour.
The title has a line of its own (cut with `…` when it is longer than the chart is wide), the
caption and the legend share the next, and a bar's value moves off a target or goal line it
would sit on: into the bar, or just above the line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from ankledesk.core import progress
from ankledesk.core.records import SessionView
from ankledesk.core.timefmt import seconds_text
from ankledesk.core.weeks import Week
from ankledesk.report import fonts, styles

CHART_WEEKS = 8
VALUE_SIZE = 6.5
TITLE_SIZE = 8.5
SMALL_SIZE = 6.0


@dataclass(frozen=True)
class HoldSeries:
    """One hold drill's best hold per period (None: not held that week), and its target per
    period: the one its sets that week were run against, carried forward over weeks it was not
    held (None before it was first held)."""

    drill_id: str
    name: str
    goal_seconds: float | None
    weeks: list[tuple[Week, float | None]]
    targets: list[float | None]

    @property
    def target_seconds(self) -> float | None:
        """The latest target."""
        return next((t for t in reversed(self.targets) if t), None)


def _weeks(last: Week, weeks: int) -> list[Week]:
    out = [last.back(weeks - 1)]
    while len(out) < weeks:
        out.append(out[-1].next())
    return out


def hold_series(history: Sequence[SessionView], last: Week,
                weeks: int = CHART_WEEKS) -> list[HoldSeries]:
    """Per hold drill held in the `weeks` periods ending with `last`, its best hold each week
    (the store's best hold per session, the best of those per week) and that week's target."""
    periods = _weeks(last, weeks)
    window = progress.sessions_between(history, periods[0].first, last.last)
    names: dict[str, str] = {}
    targets: dict[str, dict[Week, float]] = {}
    for session in window:
        period = last.holding(progress.session_day(session))
        for step in session.get("steps", []):
            if step["mode"] == "hold":
                drill = step["drill_id"]
                names[drill] = step.get("name") or drill
                target = float(step.get("target_seconds") or 0.0)
                week_targets = targets.setdefault(drill, {})
                week_targets[period] = max(week_targets.get(period, 0.0), target)
    out = []
    for drill_id, name in names.items():
        best: dict[Week, float] = {}
        for point in progress.best_hold_per_session(window, drill_id):
            period = last.holding(point.day)
            best[period] = max(best.get(period, 0.0), point.best_seconds)
        carried: list[float | None] = []
        for period in periods:
            known = targets[drill_id].get(period) or None
            carried.append(known if known else (carried[-1] if carried else None))
        out.append(HoldSeries(drill_id, name, progress.PROGRESSION_GOALS.get(drill_id),
                              [(p, best.get(p)) for p in periods], carried))
    return out


def _step(top: float) -> float:
    for step in (5, 10, 15, 30, 60, 120, 300, 600):
        if top / step <= 5:
            return step
    return 1200


def _text(drawing: Drawing, x: float, y: float, text: str, size: float,
          colour: colors.Color, anchor: str = "start", base: str = fonts.REGULAR) -> float:
    """`text` at (x, y), each run in the face that has its glyphs; the width used."""
    def put(at: float, face: str, chunk: str) -> None:
        drawing.add(String(at, y, chunk, fontName=face, fontSize=size, fillColor=colour))
    return fonts.draw(put, text, size, x, anchor, base)


@dataclass(frozen=True)
class _Rule:
    """A horizontal target or goal line over the plot, from x0 to x1."""

    y: float
    x0: float
    x1: float


def _label_y(bar_top: float, bottom: float, plot_top: float, x0: float, x1: float,
             rules: list[_Rule]) -> tuple[float, bool]:
    """Where a bar's value goes: just above the bar unless a rule crosses that spot, then
    inside the bar's top if it is tall enough, else just above the rule; (baseline, inside)."""
    crossing = [r.y for r in rules if r.x0 < x1 and r.x1 > x0]

    def clear(y: float) -> bool:
        return all(not (y - 1.5 <= line <= y + 6.0) for line in crossing) and y + 6 <= plot_top

    if clear(bar_top + 2.5):
        return bar_top + 2.5, False
    inside = bar_top - 7.5
    if inside >= bottom + 1.5 and clear(inside):
        return inside, True
    for line in sorted(crossing):
        if line + 2.0 > bar_top and clear(line + 2.0):
            return line + 2.0, False
    return bar_top + 2.5, False


def hold_chart(series: HoldSeries, width: float, height: float) -> Drawing:
    """One drill's chart: bars per week with their values, the target and goal lines."""
    family = fonts.register()
    drawing = Drawing(width, height)
    left, bottom, top_pad, right_pad = 30.0, 22.0, 27.0, 8.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    plot_top = bottom + plot_h
    values = [v for _, v in series.weeks if v is not None]
    top = max([*values, *(t or 0 for t in series.targets), series.goal_seconds or 0,
               10.0]) * 1.12
    step = _step(top)

    def y_of(seconds: float) -> float:
        return bottom + plot_h * seconds / top

    _text(drawing, 0, height - 9, fonts.fit(series.name, TITLE_SIZE, width, fonts.BOLD),
          TITLE_SIZE, styles.INK, base=fonts.BOLD)
    tick = 0.0
    while tick <= top:
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=styles.FAINT, strokeWidth=0.5))
        drawing.add(String(left - 3, y - 2.5, seconds_text(tick), fontName=family,
                           fontSize=SMALL_SIZE, fillColor=styles.MUTED, textAnchor="end"))
        tick += step
    count = len(series.weeks)
    slot = plot_w / count
    bar_w = slot * 0.56

    rules = _target_rules(series, left, slot, y_of)
    goal = series.goal_seconds
    if goal:
        rules.append(_Rule(y_of(goal), left, left + plot_w))
    labelled = _labelled_bars(series, slot)
    week_every = max(1, math.ceil((fonts.width("W00", VALUE_SIZE) + 2) / slot))
    for n, (period, value) in enumerate(series.weeks):
        x = left + slot * n + (slot - bar_w) / 2
        is_last = n == count - 1
        if is_last or (count - 1 - n) % week_every == 0:
            drawing.add(String(x + bar_w / 2, bottom - 9, f"W{period.iso[1]:02d}",
                               fontName=fonts.BOLD if is_last else family,
                               fontSize=VALUE_SIZE,
                               fillColor=styles.INK if is_last else styles.MUTED,
                               textAnchor="middle"))
        if value is None:
            drawing.add(String(x + bar_w / 2, bottom + 3, "–", fontName=family, fontSize=7,
                               fillColor=styles.MUTED, textAnchor="middle"))
            continue
        drawing.add(Rect(x, bottom, bar_w, y_of(value) - bottom,
                         fillColor=styles.ACCENT if is_last else styles.ACCENT_LIGHT,
                         strokeColor=styles.ACCENT, strokeWidth=0.6))
        if n in labelled:
            label = seconds_text(value)
            half = fonts.width(label, VALUE_SIZE) / 2
            y, inside = _label_y(y_of(value), bottom, plot_top, x + bar_w / 2 - half,
                                 x + bar_w / 2 + half, rules)
            if not inside:  # a halo, so a faint grid line does not run through the value
                drawing.add(Rect(x + bar_w / 2 - half - 1, y - 1.5, 2 * half + 2, 7.5,
                                 fillColor=colors.white, strokeColor=None))
            drawing.add(String(x + bar_w / 2, y, label, fontName=family,
                               fontSize=VALUE_SIZE, textAnchor="middle",
                               fillColor=colors.white if inside and is_last else styles.INK))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=styles.INK,
                     strokeWidth=0.7))
    for rule in rules[:-1] if goal else rules:
        drawing.add(Line(rule.x0, rule.y, rule.x1, rule.y, strokeColor=styles.INK,
                         strokeWidth=0.9, strokeDashArray=[3, 2]))
    if goal:
        drawing.add(Line(left, y_of(goal), left + plot_w, y_of(goal), strokeColor=styles.WARN,
                         strokeWidth=0.9, strokeDashArray=[1, 1.5]))
    used = _text(drawing, left, height - 19, "best hold per week", SMALL_SIZE, styles.MUTED)
    _legend(drawing, series, width - right_pad, height - 19, left + used + 8)
    return drawing


def _target_rules(series: HoldSeries, left: float, slot: float,
                  y_of: Callable[[float], float]) -> list[_Rule]:
    """The dashed target line, one rule per run of weeks with the same target; a run whose
    target equals the goal is left to the goal line (the legend says they coincide)."""
    rules: list[_Rule] = []
    start = 0
    for n in range(1, len(series.targets) + 1):
        if n < len(series.targets) and series.targets[n] == series.targets[start]:
            continue
        target = series.targets[start]
        if target and target != series.goal_seconds:
            rules.append(_Rule(y_of(target), left + slot * start, left + slot * n))
        start = n
    return rules


def _labelled_bars(series: HoldSeries, slot: float) -> set[int]:
    """Which bars carry their value: all when the labels fit the slots, else the best and the
    latest (a long range on the cover)."""
    held = [(n, v) for n, (_, v) in enumerate(series.weeks) if v is not None]
    if not held:
        return set()
    widest = max(fonts.width(seconds_text(v), VALUE_SIZE) for _, v in held)
    if widest + 1.5 <= slot:
        return {n for n, _ in held}
    best = max(held, key=lambda item: item[1])[0]
    return {best, held[-1][0]}


def _legend(drawing: Drawing, series: HoldSeries, right: float, y: float,
            room_from: float) -> None:
    """The legend, right-aligned at `right`, ending before `room_from` (entries that do not
    fit are dropped from the left: the goal is the most important and comes last)."""
    distinct = [t for n, t in enumerate(series.targets)
                if t and (n == 0 or series.targets[n - 1] != t)]
    goal = series.goal_seconds
    entries: list[tuple[str, list[float], colors.Color]] = []
    shown = [t for t in distinct if t != goal]
    if shown:
        first, last = shown[0], shown[-1]
        label = (f"target {seconds_text(last)}" if first == last
                 else f"target {seconds_text(first)} → {seconds_text(last)}")
        entries.append((label, [3, 2], styles.INK))
    if goal:
        label = f"goal {seconds_text(goal)}"
        if goal in distinct:
            label = f"goal = target {seconds_text(goal)}"
        entries.append((label, [1, 1.5], styles.WARN))
    x = right
    for label, dash, colour in reversed(entries):
        needed = fonts.width(label, VALUE_SIZE) + 18
        if x - needed < room_from:
            break
        x -= _text(drawing, x, y, label, VALUE_SIZE, colour, anchor="end")
        drawing.add(Line(x - 16, y + 2, x - 3, y + 2, strokeColor=colour, strokeWidth=0.9,
                         strokeDashArray=dash))
        x -= 22
