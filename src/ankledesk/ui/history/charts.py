"""Progress charts (QtCharts): a drill's best hold or reps per week, and measurements over time.

Readable at a glance in both themes: labelled axes, a big title, points on every value, the
target and goal as dashed lines named in the legend. A week without the drill breaks the line
(separate line pieces, each week's value also drawn as a point), so a week off reads as a gap,
never as a fall to zero.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ankledesk.core.measures import KINDS, Measurement, taken
from ankledesk.core.series import WeekPoint
from ankledesk.core.timefmt import duration_text
from ankledesk.ui.fonts import text_font

LIGHT = {"line": "#137333", "target": "#5f6368", "goal": "#c5221f", "left": "#1a5fb4",
         "right": "#c2540a"}
DARK = {"line": "#81c995", "target": "#bdc1c6", "goal": "#f28b82", "left": "#8ab4f8",
        "right": "#fcad70"}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def msecs(moment: dt.date | dt.datetime) -> float:
    """A date (at noon, so it sits in the middle of its day) or a datetime as chart x."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(12)).astimezone()
    return float(moment.timestamp() * 1000)


def segments(points: Sequence[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Consecutive runs of points with a value: the pieces of a line with gaps."""
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for x, y in points:
        if y is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, y))
    if current:
        runs.append(current)
    return runs


class ProgressChart(QChartView):
    """A QChartView with the app's look; subclasses fill it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.chart_ = QChart()
        self.setChart(self.chart_)

    def colours(self) -> dict[str, str]:
        return DARK if is_dark(self) else LIGHT

    def reset(self, title: str) -> QChart:
        chart = QChart()
        dark = is_dark(self)
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark
                       else QChart.ChartTheme.ChartThemeLight)
        palette = self.palette()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundRoundness(6)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(title)
        chart.setTitleFont(text_font(17, bold=True))
        chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
        chart.legend().setFont(text_font(13))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.chart_ = chart
        return chart

    def axes(self, chart: QChart, first: float, last: float, top: float, y_title: str,
             y_format: str = "%d", seconds: bool = False) -> tuple[QDateTimeAxis, QValueAxis]:
        """Dates along the bottom; on the left, m:ss every 15/30/60 s for times (`seconds`),
        else round numbers."""
        text = self.palette().color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(40)
        x = QDateTimeAxis()
        x.setFormat("d MMM")
        x.setRange(QDateTime.fromMSecsSinceEpoch(int(first)),
                   QDateTime.fromMSecsSinceEpoch(int(last)))
        x.setTickCount(7)
        y: QValueAxis
        if seconds:
            step = 15 if top <= 90 else 30 if top <= 300 else 60
            top = math.ceil(top / step) * step
            y = QCategoryAxis()
            y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            for value in range(0, int(top) + 1, step):
                y.append(duration_text(value) if value else "0", value)
            y.setRange(0, top)
        else:
            y = QValueAxis()
            y.setRange(0, top)
            y.setLabelFormat(y_format)
            y.setTickCount(5)
            y.applyNiceNumbers()
        y.setTitleText(y_title)
        for axis in (x, y):
            axis.setLabelsFont(text_font(13))
            axis.setTitleFont(text_font(13, bold=True))
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        return x, y

    def add(self, chart: QChart, series: QLineSeries | QScatterSeries,
            axes: tuple[QDateTimeAxis, QValueAxis]) -> None:
        chart.addSeries(series)
        series.attachAxis(axes[0])
        series.attachAxis(axes[1])

    def line(self, name: str, colour: str, points: Sequence[tuple[float, float]],
             width: float = 3.0, dashed: bool = False) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        pen = QPen(QColor(colour), width)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        for x, y in points:
            series.append(QPointF(x, y))
        return series

    def dots(self, name: str, colour: str, points: Sequence[tuple[float, float]]
             ) -> QScatterSeries:
        series = QScatterSeries()
        series.setName(name)
        series.setMarkerSize(11)
        series.setColor(QColor(colour))
        series.setBorderColor(QColor(colour))
        for x, y in points:
            series.append(QPointF(x, y))
        return series

    def value_lines(self) -> list[QLineSeries]:
        """The data's line pieces (not target or goal lines): what tests read back."""
        return [s for s in self.chart_.series()
                if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)
                and s.property("data") is True]


class DrillChart(ProgressChart):
    """One drill per week: best hold (hold drills) or reps done (reps drills)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[dt.date, float | None]] = []
        self.reset("Pick a drill")

    def show_drill(self, name: str, mode: str, weeks: Sequence[WeekPoint],
                   target: float | None = None, goal: float | None = None) -> None:
        holds = mode == "hold"
        self.points = [(w.first_day, w.best_hold if holds else
                        (float(w.reps) if w.reps is not None else None)) for w in weeks]
        what = "best hold per week" if holds else "reps per week"
        chart = self.reset(f"{name}: {what}")
        c = self.colours()
        if not weeks:
            return
        xy = [(msecs(day + dt.timedelta(days=3)), value) for day, value in self.points]
        values = [v for _, v in xy if v is not None]
        top = max([*values, *(v for v in (target, goal) if v), 10.0]) * 1.1
        first, last = xy[0][0] - 4 * 86_400_000, xy[-1][0] + 4 * 86_400_000
        axes = self.axes(chart, first, last, top,
                         "best hold (min:s)" if holds else "reps in the week", seconds=holds)
        for n, run in enumerate(segments(xy)):
            piece = self.line(what if n == 0 else "", c["line"], run)
            piece.setProperty("data", True)
            self.add(chart, piece, axes)
        self.add(chart, self.dots("", c["line"], [(x, v) for x, v in xy if v is not None]),
                 axes)
        if holds and target:
            self.add(chart, self.line(f"target {duration_text(target)}", c["target"],
                                      [(first, target), (last, target)], 2, True), axes)
        if holds and goal:
            self.add(chart, self.line(f"goal {duration_text(goal)}", c["goal"],
                                      [(first, goal), (last, goal)], 2, True), axes)
        for marker in chart.legend().markers():
            if not marker.label():
                marker.setVisible(False)


class MeasureChart(ProgressChart):
    """One measurement kind over time, left and right side as two lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reset("Measurements")

    def show_kind(self, kind_id: str, docs: Sequence[Measurement]) -> None:
        kind = KINDS[kind_id]
        chart = self.reset(f"{kind.name} ({kind.unit})")
        mine = [d for d in docs if d["kind"] == kind_id]
        if not mine:
            chart.setTitle(f"{kind.name}: no measurements yet")
            return
        c = self.colours()
        xs = [msecs(taken(d)) for d in mine]
        day = 86_400_000
        span = max(xs[-1] - xs[0], 14 * day)
        first, last = xs[0] - span * 0.05, xs[0] + span * 1.05
        values = [float(d[s]) for d in mine for s in ("left", "right") if d[s] is not None]
        seconds = kind.unit == "s"
        axes = self.axes(chart, first, last, max(values) * 1.15 or 1.0,
                         "min:s, higher is better" if seconds else f"{kind.unit}, higher is "
                         "better", "%.0f", seconds=seconds)
        for side in ("left", "right"):
            points = [(x, float(d[side])) for x, d in zip(xs, mine, strict=True)
                      if d[side] is not None]
            if not points:
                continue
            series = self.line(side, c[side], points)
            series.setProperty("data", True)
            self.add(chart, series, axes)
            dots = self.dots("", c[side], points)
            self.add(chart, dots, axes)
        for marker in chart.legend().markers():
            if not marker.label():
                marker.setVisible(False)
