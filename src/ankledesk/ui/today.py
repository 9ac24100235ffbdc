"""Today: this week against the target, the streak, what to do next, and one big Start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ankledesk.core.plan import expand
from ankledesk.core.progress import (
    session_day,
    sessions_between,
    target_verdict,
    totals,
    weekly_streak,
)
from ankledesk.core.records import SessionView, in_full
from ankledesk.core.suggest import daily_due, suggest
from ankledesk.core.timefmt import duration_text
from ankledesk.core.weeks import Week
from ankledesk.ui.context import AppContext
from ankledesk.ui.history.hints import HintsPanel
from ankledesk.ui.history.selfcheck import SelfCheckPanel
from ankledesk.ui.style import body, card, heading, start_button

RECENT = 3
"""Sessions listed under "Recent sessions"."""


def recent_text(sessions: Sequence[SessionView], today: dt.date, count: int = RECENT) -> str:
    """The last few sessions, one line each, newest first (read in full: see overview)."""
    lines = []
    for session in reversed(in_full(sessions[-count:])):
        day = session_day(session)
        when = ("Today" if day == today else "Yesterday" if day == today - dt.timedelta(days=1)
                else f"{day:%a %-d %b}")
        steps = session["steps"]
        done = sum(1 for s in steps if s["outcome"] == "done")
        how = "finished" if session["status"] == "finished" else "stopped early"
        effort = f" · effort {session['rpe']}" if session.get("rpe") else ""
        pain = " · pain" if session.get("pain") else ""
        lines.append(f"{when}: {session['routine_name']} · {how}, {done} sets done"
                     f"{effort}{pain}")
    return "\n".join(lines) or "Nothing yet: your first session shows here."


class TodayScreen(QWidget):
    start_requested = Signal(str)

    def __init__(self, context: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayScreen")
        self.context = context
        self._today = today
        self.title = heading("", 30)
        week_card, week = card(self)
        self.week_line = heading("", 22)
        self.week_bar = QProgressBar()
        self.week_bar.setTextVisible(False)
        self.week_bar.setFixedHeight(18)
        self.week_detail = body()
        week.addWidget(body("This week", 15))
        week.addWidget(self.week_line)
        week.addWidget(self.week_bar)
        week.addWidget(self.week_detail)
        week.addStretch(1)

        next_card, nxt = card(self)
        self.next_name = heading("", 26)
        self.next_reason = body()
        self.next_meta = body(size=15)
        self.start = start_button("Start ▶")
        self.start.setToolTip("Start the suggested routine (Enter)")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start_suggested)
        self.next_drills = body(size=15)
        self.next_drills.setObjectName("suggestedDrills")
        nxt.addWidget(body("Suggested next", 15))
        nxt.addWidget(self.next_name)
        nxt.addWidget(self.next_reason)
        nxt.addWidget(self.next_meta)
        nxt.addWidget(self.next_drills)
        nxt.addWidget(self.start)
        self.daily_row = QHBoxLayout()
        nxt.addLayout(self.daily_row)

        self.reminder = body("Stop a drill if it hurts, and tick “pain” in the summary: your "
                             "log shows it to your physio.", 15)
        self.reminder.setObjectName("painReminder")

        recent_card, recent = card(self)
        recent.addWidget(body("Recent sessions", 15))
        self.recent = body(size=16)
        self.recent.setObjectName("recentSessions")
        recent.addWidget(self.recent)
        recent.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(week_card, 2)
        cards.addWidget(next_card, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(cards)
        layout.addWidget(recent_card)
        layout.addWidget(self.reminder)
        # The ladder's and the measurements' hints; the self-check for a new user.
        self.hints = HintsPanel(context, show_none=False)
        self.hints.start_requested.connect(self.start_requested)
        self.self_check = SelfCheckPanel(context, compact=True)
        self.self_check.start_requested.connect(self.start_requested)
        layout.addWidget(self.hints)
        layout.addWidget(self.self_check)
        layout.addStretch(1)
        self._suggested: str | None = None
        context.history_changed.connect(self.refresh)
        context.preferences_changed.connect(self.refresh)
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        context, today = self.context, self.today
        target = context.prefs.weekly_target
        this_week = Week.of(today, context.prefs.week_start)
        # This week's year (and the recent sessions') in full, the rest in outline: Today
        # costs a year of history, not all of it.
        sessions = context.overview(this_week, RECENT)
        week = totals(in_full(sessions_between(sessions, this_week.first, this_week.last)),
                      target)
        finished = week.finished
        streak = weekly_streak(sessions, target=target, today=today)
        self.hints.refresh(sessions, context.measurements())
        self.self_check.setVisible(not sessions)
        self.title.setText(f"Today · {today:%A %-d %B}")
        # Never "3 of 2": past the target it reads as met, with the extra ones.
        self.week_line.setText(
            f"{finished} sessions ✓ · {target_verdict(finished, target, is_open=True)}"
            if finished >= target else
            f"{finished} of {target} sessions · {target_verdict(finished, target, True)}")
        self.week_bar.setRange(0, target)
        self.week_bar.setValue(min(finished, target))
        self.week_detail.setText(
            f"{week.active_minutes} min of work this week\n"
            f"Streak: {streak.wording}")

        self.recent.setText(recent_text(sessions, today))
        routines = context.library.routines
        suggestion = suggest(routines, sessions, today)
        self._suggested = suggestion.routine_id if suggestion else None
        if suggestion is None:
            self.next_name.setText("No routines found")
            self.next_reason.setText("Check the routines folder (Routines shows any problem).")
            self.next_meta.setText("")
            self.next_drills.setText("")
            self.start.setEnabled(False)
        else:
            routine = routines[suggestion.routine_id]
            plan = expand(routine)
            self.next_name.setText(suggestion.name)
            self.next_reason.setText(suggestion.reason)
            self.next_meta.setText(
                f"{routine.rounds} round{'s' if routine.rounds != 1 else ''} · "
                f"{len(routine.items)} drills · about {duration_text(plan.total)}")
            names = [routine.drills[d].name if d in routine.drills else d
                     for d in routine.drill_ids]
            self.next_drills.setText(" · ".join(names))
            self.start.setEnabled(True)
        while self.daily_row.count():
            item = self.daily_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for daily in daily_due(routines, sessions, today):
            button = QPushButton(f"Daily: {daily.name} ▶")
            button.setObjectName(f"daily-{daily.routine_id}")
            button.setMinimumHeight(40)
            button.clicked.connect(lambda *_, r=daily.routine_id: self.start_requested.emit(r))
            self.daily_row.addWidget(button)

    def _start_suggested(self) -> None:
        if self._suggested:
            self.start_requested.emit(self._suggested)
