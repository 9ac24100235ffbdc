"""The calendar strip: the last six months, one column per week, one square per day.

A trained day is shaded by its active minutes (darker is more), a day with pain carries a
diagonal mark in the corner (so it does not rely on colour), the chosen week is outlined. A
click on a day or on a month's week column goes there. Hovering a day says what it holds.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygon
from PySide6.QtWidgets import QToolTip, QWidget

from ankledesk.core.series import DayMark
from ankledesk.core.weeks import Week, WeekStart
from ankledesk.ui.fonts import text_font
from ankledesk.ui.history.charts import is_dark

WEEKS = 26
CELL = 17
GAP = 3
LEFT = 40  # room for the weekday names
TOP = 20  # room for the month names
# Active minutes at which a day reaches each shade.
STEPS = (1, 10, 20, 30)
GREENS_LIGHT = ("#c6e9cf", "#7fcf98", "#34a361", "#137333")
GREENS_DARK = ("#1d4a2c", "#2c7a45", "#46b168", "#81e3a0")
PAIN = "#d93025"
PAIN_DARK = "#ff8a80"


def shade(minutes: float, dark: bool) -> str | None:
    """The fill of a day with `minutes` of work, or None for an untrained day."""
    if minutes <= 0:
        return None
    greens = GREENS_DARK if dark else GREENS_LIGHT
    level = sum(1 for s in STEPS if minutes >= s) - 1
    return greens[max(0, level)]


class CalendarStrip(QWidget):
    day_clicked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarStrip")
        self.setMouseTracking(True)
        self.marks: dict[dt.date, DayMark] = {}
        self.today = dt.date.today()
        self.start: WeekStart = "monday"
        self.selected: dt.date | None = None
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (CELL + GAP), TOP + 7 * (CELL + GAP))

    def set_data(self, marks: dict[dt.date, DayMark], today: dt.date, start: WeekStart) -> None:
        self.marks, self.today, self.start = marks, today, start
        self.update()

    def select_week(self, first_day: dt.date) -> None:
        self.selected = first_day
        self.update()

    @property
    def first_week(self) -> dt.date:
        return Week.of(self.today, self.start).back(WEEKS - 1).first

    def day_at(self, point: QPoint) -> dt.date | None:
        """The day under `point`; above the grid, the first day of that week column."""
        column = (point.x() - LEFT) // (CELL + GAP)
        if point.x() < LEFT or not 0 <= column < WEEKS:
            return None
        first = self.first_week + dt.timedelta(weeks=column)
        if point.y() < TOP:
            return first
        row = (point.y() - TOP) // (CELL + GAP)
        if not 0 <= row < 7:
            return None
        day = first + dt.timedelta(days=row)
        return day if day <= self.today else None

    def cell_rect(self, day: dt.date) -> QRect:
        offset = (day - self.first_week).days
        column, row = divmod(offset, 7)
        return QRect(LEFT + column * (CELL + GAP), TOP + row * (CELL + GAP), CELL, CELL)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_clicked.emit(day)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        day = self.day_at(point)
        if day is None or point.y() < TOP:
            QToolTip.hideText()
            return
        mark = self.marks.get(day)
        text = f"{day:%a %-d %b}: "
        if mark is None:
            text += "no training"
        else:
            text += (f"{mark.sessions} session{'s' if mark.sessions != 1 else ''}, "
                     f"{mark.active_minutes:.0f} min of work" + (", pain" if mark.pain else ""))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = is_dark(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        empty = QColor(text)
        empty.setAlpha(28)
        painter.setFont(text_font(12))
        names = ["Mon", "", "Wed", "", "Fri", "", "Sun"] if self.start == "monday" else \
            ["Sun", "", "Tue", "", "Thu", "", "Sat"]
        painter.setPen(text)
        for row, name in enumerate(names):
            if name:
                painter.drawText(QRect(0, TOP + row * (CELL + GAP), LEFT - 6, CELL),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 name)
        first = self.first_week
        labelled = -3
        for column in range(WEEKS):
            monday = first + dt.timedelta(weeks=column)
            # A month is named above the week holding its 1st, if there is room.
            holds_first = (monday + dt.timedelta(days=6)).day <= 7
            if holds_first and column - labelled >= 3:
                labelled = column
                painter.setPen(text)
                painter.drawText(QRect(LEFT + column * (CELL + GAP), 0, 60, TOP - 4),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                                 f"{monday + dt.timedelta(days=6):%b}")
            for row in range(7):
                day = monday + dt.timedelta(days=row)
                if day > self.today:
                    continue
                rect = self.cell_rect(day)
                mark = self.marks.get(day)
                fill = shade(mark.active_minutes, dark) if mark else None
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(fill) if fill else empty)
                painter.drawRoundedRect(rect, 3, 3)
                if mark is not None and mark.pain:
                    painter.setBrush(QColor(PAIN_DARK if dark else PAIN))
                    painter.drawPolygon(QPolygon([rect.topRight() + QPoint(1, 0),
                                                  rect.topRight() + QPoint(-8, 0),
                                                  rect.topRight() + QPoint(1, 9)]))
                if day == self.today:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(QPen(text, 1.5))
                    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        if self.selected is not None and self.selected >= first:
            column = (self.selected - first).days // 7
            if column < WEEKS:
                outline = QRect(LEFT + column * (CELL + GAP) - 2, TOP - 2, CELL + 4,
                                7 * (CELL + GAP) - GAP + 4)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.5))
                painter.drawRoundedRect(outline, 4, 4)
        painter.end()
