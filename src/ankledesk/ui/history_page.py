"""History, until its full screen arrives: every session, newest first, as it was saved."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.progress import active_seconds, started
from ankledesk.core.records import SessionRecord
from ankledesk.core.timefmt import clock
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body, heading

COLUMNS = ("When", "Routine", "Outcome", "Sets", "Work", "Effort", "Pain", "Notes")


def row_of(session: SessionRecord) -> list[str]:
    steps = session["steps"]
    done = sum(1 for s in steps if s["outcome"] == "done")
    outcome = "finished" if session["status"] == "finished" else "stopped early"
    notes = session.get("notes", "")
    drill_notes = session.get("drill_notes") or {}
    if drill_notes:
        notes = "; ".join([notes, *(f"{d}: {n}" for d, n in drill_notes.items())]).strip("; ")
    return [
        f"{started(session):%a %-d %b %Y, %H:%M}",
        session["routine_name"],
        outcome,
        f"{done} of {len(steps)} done",
        clock(active_seconds(session)),
        str(session["rpe"]) if session.get("rpe") else "–",
        "yes" if session.get("pain") else "",
        notes,
    ]


class HistoryPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.context = context
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("sessionTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setFont(text_font(14))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = body("No sessions yet: finish a workout and it shows here.", 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading("History", 28))
        layout.addWidget(body("Weeks, charts and measurements come to this screen; "
                              "`ankledesk export pdf` prints a week for your physio.", 14))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._stale = True
        context.history_changed.connect(self._mark_stale)

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the whole history only when it is looked at, never on the way to start-up."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        sessions = list(reversed(self.context.sessions()))
        self.table.setRowCount(len(sessions))
        for r, session in enumerate(sessions):
            for c, text in enumerate(row_of(session)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.empty.setVisible(not sessions)
        self.table.setVisible(bool(sessions))
