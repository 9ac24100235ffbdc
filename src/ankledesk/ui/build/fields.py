"""The editable fields of the Build screen, each with its problem right under it.

Number fields accept more than the file format allows (a spin box that stopped at 50 rounds
would hide the rule instead of explaining it): an out-of-range value stays on screen, marked
with what the format allows (the problem `ankledesk routines check` prints, in the form's
words: wording.py), and saving is blocked until it is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.draft import DraftItem, DraftState
from ankledesk.core.model import MODES, Drill
from ankledesk.core.problems import Problem
from ankledesk.ui.build.wording import in_form_words
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body

# Wide enough to type any mistake, so the loader can name it.
SPIN_MAX = 99999
ERROR_STYLE = "color: #d93025;"
MODE_LABELS = {"hold": "hold", "timed": "timed", "reps": "reps"}
SIDES_LABELS = {"one": "one side", "each": "each side"}
SETTING_LABELS = {
    "name": "Name", "description": "Description", "rounds": "Rounds",
    "rest_between_rounds": "Round rest", "rest_between_drills": "Drill rest",
    "prepare": "Prepare", "side_switch": "Side switch",
}
SETTING_TIPS = {
    "rounds": "How many times the list of drills is done (1–50)",
    "rest_between_rounds": "Rest after each round except the last (rest_between_rounds)",
    "rest_between_drills": "Rest between two drills inside a round (rest_between_drills)",
    "prepare": "Get-ready countdown before the first drill",
    "side_switch": "Pause between the left and the right side",
}


class _EditorKeys(QObject):
    """Lets Ctrl+Z and Ctrl+Shift+Z reach the screen's undo stack from inside a text or
    number field, whose own little undo would otherwise take them."""

    KEYS = ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch
               for k in self.KEYS):
            event.ignore()  # not the field's: the window's shortcut runs instead
            return True
        return False


EDITOR_KEYS = _EditorKeys()


def error_label(name: str) -> QLabel:
    label = body(size=13)
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_errors(label: QLabel, problems: list[Problem]) -> None:
    text = "\n".join(in_form_words(p) for p in problems)
    label.setText(text)
    label.setVisible(bool(text))


def spin(name: str, suffix: str = "", special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, SPIN_MAX)
    box.setSuffix(suffix)
    box.setFont(text_font(15))
    box.setKeyboardTracking(True)
    box.setAccelerated(True)
    if special:
        box.setSpecialValueText(special)
    box.installEventFilter(EDITOR_KEYS)
    return box


class SettingsForm(QWidget):
    """Name, description, rounds and the pauses, each with its error label."""

    changed = Signal(str, object)  # setting, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsForm")
        self.name = QLineEdit()
        self.name.setObjectName("nameEdit")
        self.name.setPlaceholderText("e.g. Hill prep")
        self.description = QLineEdit()
        self.description.setObjectName("descriptionEdit")
        self.description.setPlaceholderText("Aim, who it is for, how often (optional)")
        for edit in (self.name, self.description):
            edit.setFont(text_font(15))
            edit.installEventFilter(EDITOR_KEYS)
        self.numbers = {
            "rounds": spin("roundsSpin", " rounds"),
            "rest_between_rounds": spin("restRoundsSpin", " s"),
            "rest_between_drills": spin("restDrillsSpin", " s"),
            "prepare": spin("prepareSpin", " s"),
            "side_switch": spin("sideSwitchSpin", " s"),
        }
        self.errors = {key: error_label(f"{key}Error") for key in SETTING_LABELS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self._labelled(grid, 0, 0, "name", self.name, span=3)
        self._labelled(grid, 0, 3, "description", self.description, span=7)
        for n, (key, box) in enumerate(self.numbers.items()):
            self._labelled(grid, 2, n * 2, key, box, span=2)
        self.name.textEdited.connect(lambda text: self.changed.emit("name", text))
        self.description.textEdited.connect(lambda text: self.changed.emit("description", text))
        for key, box in self.numbers.items():
            box.valueChanged.connect(lambda value, k=key: self._number_changed(k, value))
        self._syncing = False

    def _labelled(self, grid: QGridLayout, row: int, col: int, key: str, widget: QWidget,
                  span: int) -> None:
        label = QLabel(SETTING_LABELS[key])
        label.setFont(text_font(13, bold=True))
        label.setBuddy(widget)
        label.setToolTip(SETTING_TIPS.get(key, ""))
        widget.setToolTip(SETTING_TIPS.get(key, ""))
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(label)
        box.addWidget(widget)
        grid.addLayout(box, row, col, 1, span)
        grid.addWidget(self.errors[key], row + 1, col, 1, span, Qt.AlignmentFlag.AlignTop)

    def _number_changed(self, key: str, value: int) -> None:
        if not self._syncing:
            self.changed.emit(key, value)

    def show_state(self, state: DraftState) -> None:
        """Put the draft's values in the fields without announcing them as edits."""
        self._syncing = True
        try:
            for edit, text in ((self.name, state.name), (self.description, state.description)):
                if edit.text() != text:
                    edit.setText(text)
            for key, box in self.numbers.items():
                if box.value() != getattr(state, key):
                    box.setValue(getattr(state, key))
        finally:
            self._syncing = False

    def show_problems(self, by_field: dict[str, list[Problem]]) -> None:
        for key, label in self.errors.items():
            show_errors(label, by_field.get(key, []))

    def tab_chain(self) -> list[QWidget]:
        return [self.name, self.description, *self.numbers.values()]


class ItemEditor(QWidget):
    """The selected item: mode, seconds or reps, sides, an optional cap or rep length."""

    changed = Signal(str, object)  # item field, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemEditor")
        self.title = body(size=16)
        self.title.setObjectName("itemTitle")
        self.title.setFont(text_font(16, bold=True))
        self.mode = QComboBox()
        self.mode.setObjectName("modeCombo")
        for mode in MODES:
            self.mode.addItem(MODE_LABELS[mode], mode)
        self.amount = spin("amountSpin", " s")
        self.sides = QComboBox()
        self.sides.setObjectName("sidesCombo")
        for sides, words in SIDES_LABELS.items():
            self.sides.addItem(words, sides)
        self.cap = spin("capSpin", " s", special="no cap")
        self.cap.setToolTip("Reps only: the set moves on by itself after this long")
        self.rep_seconds = spin("repSecondsSpin", " s a rep", special="not paced")
        self.rep_seconds.setToolTip("Reps only: each rep lasts this long and the app counts "
                                    "them (10 for six 10 s holds)")
        for combo in (self.mode, self.sides):
            combo.setFont(text_font(15))
        self.errors = {key: error_label(f"item{key.title().replace('_', '')}Error")
                       for key in ("mode", "amount", "sides", "cap", "rep_seconds", "drill")}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.errors["drill"], 1, 0, 1, 2)
        rows = (("Mode", "mode", self.mode), ("Seconds or reps", "amount", self.amount),
                ("Sides", "sides", self.sides), ("Cap", "cap", self.cap),
                ("Rep length", "rep_seconds", self.rep_seconds))
        for n, (text, key, widget) in enumerate(rows):
            label = QLabel(text)
            label.setFont(text_font(13, bold=True))
            label.setBuddy(widget)
            grid.addWidget(label, 2 + n * 2, 0)
            grid.addWidget(widget, 2 + n * 2, 1)
            grid.addWidget(self.errors[key], 3 + n * 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2 + len(rows) * 2, 1)
        self._syncing = False
        self.mode.currentIndexChanged.connect(
            lambda _: self._emit("mode", self.mode.currentData()))
        self.sides.currentIndexChanged.connect(
            lambda _: self._emit("sides", self.sides.currentData()))
        self.amount.valueChanged.connect(lambda v: self._emit("amount", v))
        self.cap.valueChanged.connect(lambda v: self._emit("cap", v or None))
        self.rep_seconds.valueChanged.connect(lambda v: self._emit("rep_seconds", v or None))

    def _emit(self, key: str, value: object) -> None:
        if not self._syncing:
            self.changed.emit(key, value)

    def show_item(self, item: DraftItem | None, drill: Drill | None,
                  problems: list[Problem]) -> None:
        self._syncing = True
        try:
            self.setEnabled(item is not None)
            if item is None:
                self.title.setText("Add drills from the library: double-click, Enter or drag")
                for label in self.errors.values():
                    show_errors(label, [])
                return
            self.title.setText(drill.name if drill else item.drill)
            self.mode.setCurrentIndex(self.mode.findData(item.mode))
            self.amount.setSuffix(" reps" if item.mode == "reps" else " s")
            self.amount.setValue(item.amount)
            self.sides.setCurrentIndex(self.sides.findData(item.sides))
            paced_ok = item.mode == "reps"
            self.cap.setEnabled(paced_ok)
            self.rep_seconds.setEnabled(paced_ok)
            self.cap.setValue(item.cap or 0)
            self.rep_seconds.setValue(item.rep_seconds or 0)
        finally:
            self._syncing = False
        by_key: dict[str, list[Problem]] = {}
        for problem in problems:
            key = problem.item_key or "drill"
            key = "amount" if key in ("seconds", "reps") else key
            by_key.setdefault(key if key in self.errors else "drill", []).append(problem)
        for key, label in self.errors.items():
            show_errors(label, by_key.get(key, []))

    def tab_chain(self) -> list[QWidget]:
        return [self.mode, self.amount, self.sides, self.cap, self.rep_seconds]

