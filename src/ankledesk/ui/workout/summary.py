"""The end-of-workout summary: what was done, then effort, pain and notes, saved to history.

It works from the keyboard alone: digits 1–9 and 0 (for 10) set the effort, Tab moves through
the pain box and the notes, Ctrl+Enter (or Enter on Save) saves.

What the user enters is handed on (`typed`) as it is entered: at once for the effort and the
pain box, after a short pause in typing (or on leaving the field) for the notes, and once more
on Save, so the journal holds it before the finish is tried. A refused finish (a full disk) is
said on the screen, the fields keep what was typed and Save can be pressed again. A session
resumed after such a refusal shows what was typed then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.measures import Measurement, describe
from ankledesk.core.plan import Plan
from ankledesk.core.progress import active_seconds
from ankledesk.core.records import SessionRecord
from ankledesk.core.timefmt import duration_text
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.history.measures import ask_measurements
from ankledesk.ui.style import ACCENT, StartButton
from ankledesk.ui.widgets.check_box import CheckBox

# How long typing in a notes field pauses before what was typed is kept (leaving the field or
# saving keeps it at once).
TYPING_PAUSE_MS = 700

# The refused-finish line: a red that reads at AA (4.5:1 and more) on either theme's window.
REFUSED_ON_LIGHT = "#b3261e"
REFUSED_ON_DARK = "#ff8a80"

# A hold counts as achieved when it ran to its target, give or take a poll's rounding.
_HOLD_TOLERANCE_S = 0.5


@dataclass(frozen=True)
class Outcome:
    """The figures the summary shows, from the session document and the plan."""

    sets_planned: int
    done: int
    partial: int
    skipped: int
    holds_planned: int
    holds_achieved: int
    active_seconds: float

    @classmethod
    def of(cls, document: SessionRecord, plan: Plan) -> Outcome:
        steps = document["steps"]
        holds = [s for s in steps if s["mode"] == "hold"]
        return cls(
            sets_planned=len(plan.work_steps),
            done=sum(1 for s in steps if s["outcome"] == "done"),
            partial=sum(1 for s in steps if s["outcome"] == "partial"),
            skipped=sum(1 for s in steps if s["outcome"] == "skipped"),
            holds_planned=sum(1 for s in plan.work_steps if s.mode == "hold"),
            holds_achieved=sum(1 for s in holds if s["target_seconds"] is not None and
                               s["actual_seconds"] + _HOLD_TOLERANCE_S >= s["target_seconds"]),
            active_seconds=active_seconds(document),
        )

    def sets_line(self) -> str:
        parts = [f"{self.done} done"]
        if self.partial:
            parts.append(f"{self.partial} cut short")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        return f"{' · '.join(parts)} (of {self.sets_planned} sets)"

    def holds_line(self) -> str:
        if not self.holds_planned:
            return "no holds in this routine"
        return f"{self.holds_achieved} of {self.holds_planned} holds at full time"


class SummaryScreen(QWidget):
    """Emits `saved(rpe or None, pain, notes, {drill_id: note})` when the user saves, and
    `typed` (the same values) as they are entered (see the module docstring)."""

    saved = Signal(object, bool, str, dict)
    typed = Signal(object, bool, str, dict)

    def __init__(self, document: SessionRecord, plan: Plan, *, finished: bool,
                 total_seconds: float, parent: QWidget | None = None,
                 context: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryScreen")
        self.document = document
        self.outcome = Outcome.of(document, plan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self._build_heading(layout, document, finished)
        layout.addLayout(self._build_figures(total_seconds))
        layout.addSpacing(8)
        self._build_effort(layout)
        self._build_pain_and_notes(layout)
        self._build_drill_notes(layout, plan)
        if context is not None:
            layout.addLayout(self._measure_row(context))
        self._build_save(layout)
        self._saved = False
        self._fill(document)
        self._keep_what_is_typed()

    def _build_heading(self, layout: QVBoxLayout, document: SessionRecord,
                       finished: bool) -> None:
        title = QLabel("Workout done" if finished else "Stopped early: your sets are saved")
        title.setObjectName("summaryTitle")
        title.setFont(text_font(34, bold=True))
        title.setWordWrap(True)
        routine = QLabel(document["routine_name"])
        routine.setObjectName("summaryRoutine")
        routine.setFont(text_font(22))
        routine.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(routine)

    def _build_figures(self, total_seconds: float) -> QGridLayout:
        """Time, sets and holds, one row each."""
        stats = QGridLayout()
        figures = [
            ("Time", f"{duration_text(total_seconds)} in all · "
                     f"{duration_text(self.outcome.active_seconds)} of work"),
            ("Sets", self.outcome.sets_line()),
            ("Holds", self.outcome.holds_line()),
        ]
        self.figures: dict[str, QLabel] = {}
        for row, (name, text) in enumerate(figures):
            key = QLabel(name)
            key.setFont(text_font(18, bold=True))
            label = QLabel(text)
            label.setObjectName(f"summary{name}")
            label.setFont(text_font(18))
            label.setWordWrap(True)
            stats.addWidget(key, row, 0)
            stats.addWidget(label, row, 1)
            self.figures[name] = label
        stats.setColumnStretch(1, 1)
        return stats

    def _build_effort(self, layout: QVBoxLayout) -> None:
        """The effort question and its ten buttons (digits pick them, 0 for 10)."""
        rpe_label = QLabel("How hard was it? Effort 1 (easy) to 10 (all out): press a digit, "
                           "0 for 10")
        rpe_label.setWordWrap(True)
        rpe_label.setFont(text_font(16))
        self.rpe_group = QButtonGroup(self)
        self.rpe_group.setExclusive(True)
        rpe_row = QHBoxLayout()
        for value in range(1, 11):
            button = QPushButton(str(value))
            button.setObjectName(f"rpe{value}")
            button.setCheckable(True)
            button.setMinimumSize(44, 44)
            button.setFont(text_font(18, bold=True))
            button.setStyleSheet(f"QPushButton:checked {{ background: {ACCENT}; color: white;"
                                 " border-radius: 4px; }")
            button.setToolTip(f"Effort {value} (key {value % 10})")
            self.rpe_group.addButton(button, value)
            rpe_row.addWidget(button)
        layout.addWidget(rpe_label)
        layout.addLayout(rpe_row)

    def _build_pain_and_notes(self, layout: QVBoxLayout) -> None:
        self.pain = CheckBox("Something hurt (pain): stop the drill that hurt and tell your "
                             "physio", 26)
        self.pain.setObjectName("pain")
        self.pain.setFont(text_font(18))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText("Notes on the session (how it felt, what to change)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFont(text_font(16))
        self.notes.setMaximumHeight(110)
        layout.addWidget(self.pain)
        layout.addWidget(self.notes)

    def _build_drill_notes(self, layout: QVBoxLayout, plan: Plan) -> None:
        """One optional note per drill of the plan, in a list that scrolls."""
        self.drill_notes: dict[str, QLineEdit] = {}
        per_drill = QWidget()
        form = QFormLayout(per_drill)
        for step in plan.work_steps:
            if step.drill_id and step.drill_id not in self.drill_notes:
                field = QLineEdit()
                field.setObjectName(f"note-{step.drill_id}")
                field.setPlaceholderText("optional note on this drill")
                self.drill_notes[step.drill_id] = field
                form.addRow(step.name, field)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(per_drill)
        scroll.setMinimumHeight(80)
        notes_head = QLabel("Per drill")
        notes_head.setFont(text_font(16, bold=True))
        layout.addWidget(notes_head)
        layout.addWidget(scroll, 1)

    def _build_save(self, layout: QVBoxLayout) -> None:
        """The line a refused finish is said on, then the screen's one action, in green."""
        self.refusal = QLabel()
        self.refusal.setObjectName("summaryRefused")
        self.refusal.setWordWrap(True)
        self.refusal.setFont(text_font(16, bold=True))
        self.refusal.hide()
        self.save_button = StartButton("Save to history ✓")
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.setFont(text_font(20, bold=True))
        self.save_button.setMinimumHeight(56)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        layout.addWidget(self.refusal)
        layout.addWidget(self.save_button)

    def _keep_what_is_typed(self) -> None:
        """Hand the fields on as they change (see the module docstring)."""
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._hand_on)
        self.rpe_group.idToggled.connect(self._effort_toggled)
        self.pain.toggled.connect(lambda _checked: self._hand_on())
        self.notes.textChanged.connect(lambda: self._typing.start())
        self.notes.installEventFilter(self)
        for field in self.drill_notes.values():
            field.textChanged.connect(lambda _text: self._typing.start())
            field.editingFinished.connect(lambda: self._hand_on())

    def _fill(self, document: SessionRecord) -> None:
        """What was typed before (kept in the journal by an earlier, refused finish)."""
        rpe = document.get("rpe")
        if rpe is not None:
            self.set_rpe(rpe)
        self.pain.setChecked(bool(document.get("pain")))
        self.notes.setPlainText(document.get("notes") or "")
        for drill, text in document.get("drill_notes", {}).items():
            if drill in self.drill_notes:
                self.drill_notes[drill].setText(text)
        self._last: tuple[object, ...] | None = self._values()

    def _effort_toggled(self, _value: int, checked: bool) -> None:
        if checked:  # the one turned on, not the one turned off by it
            self._hand_on()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._hand_on()
        return super().eventFilter(watched, event)

    def _values(self) -> tuple[int | None, bool, str, dict[str, str]]:
        notes = {drill: field.text().strip() for drill, field in self.drill_notes.items()}
        return (self.rpe, self.pain.isChecked(), self.notes.toPlainText().strip(),
                {d: n for d, n in notes.items() if n})

    def _hand_on(self) -> None:
        """Emit `typed` if anything changed since it was last handed on."""
        self._typing.stop()
        values = self._values()
        if values != self._last and not self._saved:
            self._last = values
            self.typed.emit(*values)

    def refused(self, message: str) -> None:
        """The finish was refused: say why, keep the fields, let Save be tried again."""
        self.refusal.setText(f"Not saved yet: {message}. What you entered is kept: press "
                             "Save again once that is fixed.")
        dark = self.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
        self.refusal.setStyleSheet(f"color: {REFUSED_ON_DARK if dark else REFUSED_ON_LIGHT};")
        self.refusal.show()
        self._saved = False

    def _measure_row(self, context: AppContext) -> QHBoxLayout:
        """Measurements taken now (optional): stored at once, linked to this session."""
        self.measure_button = QPushButton("Add measurements…")
        self.measure_button.setObjectName("summaryMeasure")
        self.measure_button.setToolTip("Knee-to-wall, eyes-closed balance, longest big-toe hold")
        self.measured = QLabel("Knee-to-wall, eyes-closed balance, big-toe hold: "
                               "measure every few weeks")
        self.measured.setObjectName("summaryMeasured")
        self.measured.setWordWrap(True)
        self.measured.setFont(text_font(15))
        self.measure_button.clicked.connect(lambda: ask_measurements(
            context, self.document["id"], self, self._measured))
        row = QHBoxLayout()
        row.addWidget(self.measure_button)
        row.addWidget(self.measured, 1)
        return row

    def _measured(self, saved: Sequence[Measurement]) -> None:
        if saved:
            self.measured.setText("Saved: " + " · ".join(describe(d) for d in saved))

    @property
    def rpe(self) -> int | None:
        value = self.rpe_group.checkedId()
        return value if value > 0 else None

    def set_rpe(self, value: int) -> None:
        button = self.rpe_group.button(value)
        if button is not None:
            button.setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.set_rpe(int(text) or 10)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        if self._saved:
            return
        self._hand_on()
        self._saved = True
        self.saved.emit(*self._values())
