"""History: the place a runner comes back to, to see that the work is paying off.

A week navigator (buttons, Alt+← / Alt+→ / Alt+Home) over a calendar strip of the last six
months, coaching hints with Start buttons, and four tabs: the week's sessions (open one to
see its sets and correct its RPE, pain and notes), per-drill charts, measurements, and the
self-check. Exports (PDF of a week or a range, the blank sheet, CSV) sit at the bottom.

Nothing is read, and no widget made, until the screen is first shown, so it costs nothing on
the way to the window's first paint (and a window that never opens History holds no charts);
after that it redraws whenever the history changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.progress import PROGRESSION_GOALS, sessions_between, totals
from ankledesk.core.records import SessionRecord
from ankledesk.core.series import (
    DrillSeen,
    day_marks,
    drill_series,
    drills_done,
)
from ankledesk.core.weeks import Week, weeks_from
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.history.calendar_strip import GREENS_DARK, GREENS_LIGHT, PAIN, CalendarStrip
from ankledesk.ui.history.charts import DrillChart, is_dark
from ankledesk.ui.history.exports import ExportBar
from ankledesk.ui.history.hints import HintsPanel
from ankledesk.ui.history.measures import MeasurementsTab, ask_measurements
from ankledesk.ui.history.selfcheck import SelfCheckPanel
from ankledesk.ui.history.sessions import DrillWeekTable, SessionDialog, SessionTable
from ankledesk.ui.style import body, card, heading

CHART_WEEKS = 26


def week_title(first: dt.date, this_week: dt.date) -> str:
    last = first + dt.timedelta(days=6)
    span = (f"{first:%-d}–{last:%-d %b %Y}" if first.month == last.month
            else f"{first:%-d %b} – {last:%-d %b %Y}")
    if first == this_week:
        return f"This week · {span}"
    if first == this_week - dt.timedelta(weeks=1):
        return f"Last week · {span}"
    return f"Week of {span}"


class WeekTab(QWidget):
    """The chosen week: its figures, and its sessions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = body("", 16)
        self.figures.setObjectName("weekFigures")
        self.open = QPushButton("Open session…")
        self.open.setObjectName("openSession")
        self.table = SessionTable()
        self.drills = DrillWeekTable()
        self.drills_head = QLabel("The week per drill")
        self.drills_head.setFont(text_font(15, bold=True))
        self.empty = body("", 16)
        self.empty.setObjectName("weekEmpty")
        top = QHBoxLayout()
        top.addWidget(self.figures, 1)
        top.addWidget(self.open)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.drills_head)
        layout.addWidget(self.drills, 3)
        self.open.clicked.connect(self.table.open_selected)

    def show_week(self, sessions: list[SessionRecord], target: int) -> None:
        week = totals(sessions, target)
        parts = [f"<b>{week.finished} of {target}</b> sessions" + (" ✓" if week.met_target
                                                                   else ""),
                 f"<b>{week.active_minutes} min</b> of work",
                 f"<b>{week.pain_sessions}</b> with pain ⚠" if week.pain_sessions else "no pain",
                 f"mean effort <b>{week.mean_rpe:.1f}</b>" if week.mean_rpe is not None
                 else "no effort given"]
        self.figures.setText(" · ".join(parts))
        self.table.set_sessions(sessions)
        self.drills.set_sessions(list(reversed(sessions)))
        for widget in (self.table, self.drills, self.drills_head):
            widget.setVisible(bool(sessions))
        self.open.setEnabled(bool(sessions))
        self.empty.setVisible(not sessions)
        self.empty.setText("No sessions this week. Pick a trained day on the calendar, or "
                           "start one from Today.")


class ChartsTab(QWidget):
    """A drill picker and its chart over the last six months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = QComboBox()
        self.picker.setObjectName("drillPicker")
        self.picker.setFont(text_font(15))
        self.picker.setMinimumWidth(340)
        self.chart = DrillChart()
        self.chart.setObjectName("drillChart")
        self.note = body("", 13)
        top = QHBoxLayout()
        top.addWidget(QLabel("Drill"))
        top.addWidget(self.picker)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)


class HistoryScreen(QWidget):
    start_requested = Signal(str)

    def __init__(self, context: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.context = context
        self._today = today
        self._stale = True
        self.sessions: list[SessionRecord] = []
        self.measured: list[dict[str, Any]] = []
        self.drills: dict[str, DrillSeen] = {}
        self.week = Week.of(self.today, context.prefs.week_start).first
        self.dialog: SessionDialog | None = None
        self.built = False
        context.history_changed.connect(self._mark_stale)
        context.preferences_changed.connect(self._mark_stale)

    def _build(self) -> None:
        """Make the screen's widgets, on its first show: a window that never opens History
        makes no charts, no calendar and no self-check (nor reads routines/ for it)."""
        self.built = True
        context = self.context
        self.prev_button = QPushButton("◀ Previous")
        self.prev_button.setObjectName("previousWeek")
        self.prev_button.setToolTip("Previous week (Alt+←)")
        self.next_button = QPushButton("Next ▶")
        self.next_button.setObjectName("nextWeek")
        self.next_button.setToolTip("Next week (Alt+→)")
        self.this_button = QPushButton("This week")
        self.this_button.setObjectName("thisWeek")
        self.this_button.setToolTip("Back to this week (Alt+Home)")
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        self.week_label.setFont(text_font(20, bold=True))
        self.week_label.setMinimumWidth(340)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.prev_button, self.next_button, self.this_button):
            button.setMinimumHeight(36)
            button.setFont(text_font(15))
        self.prev_button.clicked.connect(self.previous_week)
        self.next_button.clicked.connect(self.next_week)
        self.this_button.clicked.connect(self.this_week)
        for keys, action in (("Alt+Left", self.previous_week), ("Alt+Right", self.next_week),
                             ("Alt+Home", self.this_week)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

        head = QHBoxLayout()
        head.addWidget(heading("History", 28))
        head.addStretch(1)
        head.addWidget(self.prev_button)
        head.addWidget(self.week_label)
        head.addWidget(self.next_button)
        head.addWidget(self.this_button)

        self.calendar = CalendarStrip()
        self.calendar.day_clicked.connect(self.go_to_day)
        self.legend = QLabel()
        self.legend.setFont(text_font(12))
        calendar_box = QVBoxLayout()
        calendar_box.setSpacing(2)
        calendar_box.addWidget(self.calendar)
        calendar_box.addWidget(self.legend)
        self.hints = HintsPanel(context)
        self.hints.start_requested.connect(self.start_requested)
        hints_card, hints_layout = card(self)
        hints_layout.addWidget(self.hints)
        hints_layout.addStretch(1)
        self.strip = QWidget()
        strip = QHBoxLayout(self.strip)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addLayout(calendar_box)
        strip.addSpacing(12)
        strip.addWidget(hints_card, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("historyTabs")
        self.tabs.setFont(text_font(15))
        self.week_tab = WeekTab()
        self.week_tab.table.open_requested.connect(self.open_session)
        self.charts = ChartsTab()
        self.charts.picker.currentIndexChanged.connect(lambda *_: self.draw_chart())
        self.measures = MeasurementsTab()
        self.measures.add_requested.connect(self.add_measurements)
        self.self_check = SelfCheckPanel(context)
        self.self_check.start_requested.connect(self.start_requested)
        check_scroll = QScrollArea()
        check_scroll.setWidgetResizable(True)
        check_scroll.setWidget(self.self_check)
        self.tabs.addTab(self.week_tab, "Week")
        self.tabs.addTab(self.charts, "Charts")
        self.tabs.addTab(self.measures, "Measurements")
        self.tabs.addTab(check_scroll, "Self-check")
        # The self-check is about the body, not the calendar: it gets the whole height.
        self.tabs.currentChanged.connect(
            lambda index: self.strip.setVisible(self.tabs.widget(index) is not check_scroll))

        self.exports = ExportBar(context, lambda: self.week)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.strip)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.exports)

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def current_week(self) -> dt.date:
        return Week.of(self.today, self.context.prefs.week_start).first

    # -- loading -----------------------------------------------------------------------------

    def _mark_stale(self) -> None:
        self._stale = True
        if self.built and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the history only when it is looked at, never on the way to start-up."""
        if not self.built:
            self._build()
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        context = self.context
        self.sessions = list(context.sessions())
        self.measured = list(context.measurements())
        start = context.prefs.week_start
        self.calendar.set_data(day_marks(self.sessions), self.today, start)
        self._legend()
        self.hints.refresh(self.sessions, self.measured)
        self.measures.set_measurements(self.measured)
        self.measures.add.setEnabled(not context.store.read_only)
        picked = self.charts.picker.currentData()
        self.charts.picker.blockSignals(True)
        self.charts.picker.clear()
        self.drills = {d.id: d for d in drills_done(self.sessions)}
        for drill in self.drills.values():
            what = "best hold" if drill.mode == "hold" else "reps"
            self.charts.picker.addItem(f"{drill.name} ({what})", drill.id)
        found = self.charts.picker.findData(picked)
        self.charts.picker.setCurrentIndex(max(found, 0))
        self.charts.picker.blockSignals(False)
        self.draw_chart()
        self.show_week(self.week)

    def _legend(self) -> None:
        greens = GREENS_DARK if is_dark(self) else GREENS_LIGHT
        squares = "".join(f"<span style='color:{g}'>■</span>" for g in greens)
        self.legend.setText(f"Days trained, by minutes of work: less {squares} more"
                            f" &nbsp; <span style='color:{PAIN}'>◥</span> pain · click a day")

    # -- the week ------------------------------------------------------------------------------

    def show_week(self, first: dt.date) -> None:
        this_week = self.current_week
        self.week = min(Week.of(first, self.context.prefs.week_start).first, this_week)
        self.week_label.setText(week_title(self.week, this_week))
        self.next_button.setEnabled(self.week < this_week)
        self.this_button.setEnabled(self.week != this_week)
        self.calendar.select_week(self.week)
        chosen = sessions_between(self.sessions, self.week, self.week + dt.timedelta(days=6))
        self.week_tab.show_week(list(reversed(chosen)), self.context.prefs.weekly_target)

    def previous_week(self) -> None:
        self.show_week(self.week - dt.timedelta(weeks=1))

    def next_week(self) -> None:
        self.show_week(self.week + dt.timedelta(weeks=1))

    def this_week(self) -> None:
        self.show_week(self.current_week)

    def go_to_day(self, day: dt.date) -> None:
        self.show_week(day)
        self.tabs.setCurrentWidget(self.week_tab)
        self.week_tab.table.select_day(day)

    def shown_sessions(self) -> list[SessionRecord]:
        """The sessions the week table lists, in its order (newest first)."""
        by_id = {s["id"]: s for s in self.sessions}
        return [by_id[i] for i in self.week_tab.table.ids]

    # -- a session -----------------------------------------------------------------------------

    def open_session(self, session_id: str) -> SessionDialog | None:
        session = next((s for s in self.sessions if s["id"] == session_id), None)
        if session is None:
            return None
        self.dialog = SessionDialog(self.context, session, self)
        self.dialog.open()
        return self.dialog

    # -- charts and measurements ---------------------------------------------------------------

    def draw_chart(self) -> None:
        drill_id = self.charts.picker.currentData()
        if drill_id is None:
            self.charts.chart.reset("No drills recorded yet: finish a workout first")
            self.charts.note.setText("")
            return
        seen = self.drills[drill_id]
        start = self.context.prefs.week_start
        earliest = self.current_week - dt.timedelta(weeks=CHART_WEEKS - 1)
        recent = sessions_between(self.sessions, earliest, self.today)
        points = drill_series(recent, drill_id, weeks_from(earliest, self.today, start))
        # Start the chart at the drill's first week in these six months.
        while len(points) > 1 and points[0].sets == 0 and any(p.sets for p in points):
            points = points[1:]
        drill = self.context.library.drills.get(drill_id)
        target = float(drill.seconds) if drill and drill.seconds else None
        goal = PROGRESSION_GOALS.get(drill_id)
        self.charts.chart.show_drill(seen.name, seen.mode, points, target, goal)
        gaps = sum(1 for p in points if p.sets == 0)
        self.charts.note.setText(
            f"{len(points)} weeks" + (f", {gaps} without this drill (gaps in the line)"
                                      if gaps else ""))

    def add_measurements(self) -> None:
        ask_measurements(self.context, None, self)
