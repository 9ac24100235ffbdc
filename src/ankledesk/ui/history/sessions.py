"""A week's sessions as a table, and one session opened: its sets, and its RPE, pain and notes
editable afterwards (saved durably through the store; the next PDF prints the change)."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.progress import active_seconds, drill_weeks, started
from ankledesk.core.records import SessionRecord, StepRecord
from ankledesk.core.timefmt import duration_text
from ankledesk.errors import UserError
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body, heading
from ankledesk.ui.widgets.check_box import CheckBox

log = logging.getLogger(__name__)

COLUMNS = ("When", "Routine", "Outcome", "Sets", "Work", "RPE", "Pain", "Notes")
SET_COLUMNS = ("Round", "Drill", "Side", "Target", "Done", "Outcome")


def sets_text(session: SessionRecord) -> str:
    steps = session["steps"]
    counts = {o: sum(1 for s in steps if s["outcome"] == o) for o in ("done", "partial",
                                                                       "skipped")}
    parts = [f"{n} {o}" for o, n in counts.items() if n]
    return " · ".join(parts) or "no sets"


def notes_text(session: SessionRecord) -> str:
    notes = session.get("notes", "")
    drill_notes = session.get("drill_notes") or {}
    names = {s["drill_id"]: s.get("name") or s["drill_id"] for s in session["steps"]}
    extra = [f"{names.get(d, d)}: {n}" for d, n in drill_notes.items()]
    return " · ".join(p for p in [notes, *extra] if p)


def row_of(session: SessionRecord) -> list[str]:
    return [
        f"{started(session):%a %-d %b, %H:%M}",
        session["routine_name"],
        "finished" if session["status"] == "finished" else "stopped early",
        sets_text(session),
        duration_text(active_seconds(session)),
        str(session["rpe"]) if session.get("rpe") else "–",
        "⚠ yes" if session.get("pain") else "no",
        notes_text(session),
    ]


def _amount(step: StepRecord, target: bool) -> str:
    """A set's target (or what was done): `12 reps`, `0:45`, or – when there is none."""
    if step["mode"] == "reps":
        reps = step["target_reps"] if target else step["actual_reps"]
        return "–" if reps is None else f"{reps} reps"
    seconds = step["target_seconds"] if target else step["actual_seconds"]
    return "–" if seconds is None else duration_text(seconds)


class SessionTable(QTableWidget):
    """One row per session; Enter or a double click opens it."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("sessionTable")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setFont(text_font(14))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ids: list[str] = []
        self.itemActivated.connect(lambda item: self._open(item.row()))

    def set_sessions(self, sessions: list[SessionRecord]) -> None:
        self.ids = [s["id"] for s in sessions]
        self.setRowCount(len(sessions))
        for r, session in enumerate(sessions):
            for c, text in enumerate(row_of(session)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 6 and session.get("pain"):
                    item.setForeground(Qt.GlobalColor.red)
                self.setItem(r, c, item)
        # No taller than its rows (a week holds a few sessions): the room below goes to the
        # week per drill, which has a row for every drill done.
        rows = self.verticalHeader().defaultSectionSize() * max(len(sessions), 1)
        self.setMaximumHeight(self.horizontalHeader().sizeHint().height() + rows
                              + 2 * self.frameWidth() + 2)

    def select_day(self, day: dt.date) -> None:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.text().startswith(f"{day:%a %-d %b}"):
                self.selectRow(r)
                return

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.ids):
            self.open_requested.emit(self.ids[row])

    def open_selected(self) -> None:
        self._open(self.currentRow())


class DrillWeekTable(QTableWidget):
    """The week per drill: sets done, cut short and skipped, best hold, reps."""

    HEADS = ("Drill", "Done", "Cut short", "Skipped", "Best hold", "Reps")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADS), parent)
        self.setObjectName("drillWeekTable")
        self.setHorizontalHeaderLabels(self.HEADS)
        self.setFont(text_font(14))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_sessions(self, sessions: list[SessionRecord]) -> None:
        rows = drill_weeks(sessions)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            best = row.best_hold_seconds
            values = [row.name, str(row.sets_done), str(row.sets_partial),
                      str(row.sets_skipped), "–" if best is None else duration_text(best),
                      str(row.total_reps) if row.mode == "reps" else "–"]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)


class SessionDialog(QDialog):
    """A session's sets, and its RPE, pain flag and notes, which can be corrected and saved."""

    def __init__(self, context: AppContext, session: SessionRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.context = context
        self.session = session
        self.setWindowTitle(f"{session['routine_name']} · {started(session):%a %-d %b %Y}")
        self.resize(1040, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(session["routine_name"], 24))
        outcome = "finished" if session["status"] == "finished" else "stopped early"
        layout.addWidget(body(
            f"{started(session):%A %-d %B %Y, %H:%M} · {outcome} · {sets_text(session)} · "
            f"{duration_text(active_seconds(session))} of work", 15))

        self.sets = QTableWidget(len(session["steps"]), len(SET_COLUMNS))
        self.sets.setObjectName("setTable")
        self.sets.setHorizontalHeaderLabels(SET_COLUMNS)
        self.sets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sets.verticalHeader().hide()
        self.sets.setFont(text_font(13))
        for r, step in enumerate(session["steps"]):
            values = [str(step["round"]), step.get("name") or step["drill_id"],
                      step["side"] or "–", _amount(step, True), _amount(step, False),
                      step["outcome"]]
            for c, text in enumerate(values):
                self.sets.setItem(r, c, QTableWidgetItem(text))
        header = self.sets.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        columns = QHBoxLayout()
        columns.addWidget(self.sets, 3)
        layout.addLayout(columns, 1)

        form = QFormLayout()
        self.rpe = QComboBox()
        self.rpe.setObjectName("editRpe")
        self.rpe.addItem("not given", None)
        for value in range(1, 11):
            self.rpe.addItem(str(value), value)
        self.rpe.setCurrentIndex(session.get("rpe") or 0)
        self.pain = CheckBox("Something hurt", 22)  # the physio's flag: plain to see
        self.pain.setObjectName("editPain")
        self.pain.setChecked(bool(session.get("pain")))
        self.notes = QPlainTextEdit(session.get("notes", ""))
        self.notes.setObjectName("editNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form.addRow("Effort (RPE)", self.rpe)
        form.addRow("Pain", self.pain)
        form.addRow("Notes", self.notes)
        per_drill = QWidget()
        drills = QFormLayout(per_drill)
        self.drill_notes: dict[str, QLineEdit] = {}
        existing = session.get("drill_notes") or {}
        for step in session["steps"]:
            drill = step["drill_id"]
            if drill not in self.drill_notes:
                field = QLineEdit(existing.get(drill, ""))
                field.setObjectName(f"editNote-{drill}")
                field.setPlaceholderText("note on this drill")
                self.drill_notes[drill] = field
                drills.addRow(step.get("name") or drill, field)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(per_drill)
        edits = QVBoxLayout()
        edits.addWidget(heading("What you noted", 17))
        edits.addLayout(form)
        notes_head = QLabel("Per drill")
        notes_head.setFont(text_font(14, bold=True))
        edits.addWidget(notes_head)
        edits.addWidget(scroll, 1)
        columns.addLayout(edits, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSession")
        layout.addWidget(buttons)
        if context.store.read_only:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip("This history is open read-only")

    def save(self) -> None:
        try:
            self.session = self.context.edit_session(
                self.session["id"], rpe=self.rpe.currentData(),
                pain=self.pain.isChecked(), notes=self.notes.toPlainText().strip(),
                drill_notes={d: f.text().strip() for d, f in self.drill_notes.items()})
        except (UserError, OSError) as exc:
            log.warning("could not save the edit of %s: %s", self.session["id"], exc)
            QMessageBox.warning(self, "Not saved", f"The change was not saved: {exc}")
            return
        self.accept()
