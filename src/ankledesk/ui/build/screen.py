"""Build: the drill library on the left, the circuit being built on the right.

Every edit replaces the draft's state through the undo stack and is judged at once by the
loader's own rules: the messages appear next to their fields, the estimate and the step list
follow every change, and Save stays blocked while anything is wrong. Saving, importing and
exporting go through `ankledesk.routine_files`, the same code as the command line.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ankledesk import paths
from ankledesk.core import draft as edits
from ankledesk.core.draft import DraftItem, DraftState, Verdict, judge, slug, unique_id
from ankledesk.core.model import Drill, Routine
from ankledesk.core.plan import expand
from ankledesk.core.problems import Problem
from ankledesk.core.timefmt import duration_text
from ankledesk.ui.build.fields import ItemEditor, SettingsForm, error_label, show_errors
from ankledesk.ui.build.files import BuildFiles
from ankledesk.ui.build.library_panel import LibraryPanel
from ankledesk.ui.build.model import CircuitModel
from ankledesk.ui.build.undo import EditCommand
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body, heading

log = logging.getLogger(__name__)

BLANK = "__blank__"


class CircuitView(QListView):
    """The circuit's items: Delete removes, Ctrl+D duplicates, Alt+↑/↓ moves, drag reorders."""

    remove_requested = Signal(int)
    duplicate_requested = Signal(int)
    move_requested = Signal(int, int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        key, mods = event.key(), event.modifiers()
        if row >= 0 and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(row)
        elif row >= 0 and key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            self.duplicate_requested.emit(row)
        elif row >= 0 and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                mods & Qt.KeyboardModifier.AltModifier:
            self.move_requested.emit(row, row + (1 if key == Qt.Key.Key_Down else -1))
        else:
            super().keyPressEvent(event)


class BuildScreen(QWidget):
    start_requested = Signal(str)
    saved = Signal(str)  # routine id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildScreen")
        self.context = context
        self.folder = paths.user_routines_dir(context.data_dir)
        self.undo = QUndoStack(self)
        self.state = DraftState()
        self.editing: Routine | None = None  # the saved routine this draft changes, if any
        self.verdict = Verdict(None, ())
        self.pristine = True  # a blank draft nobody has touched: no red before the first edit
        self.files = BuildFiles(self)
        self.buttons: dict[str, QPushButton] = {}

        self._build_circuit()
        self._build_labels()
        top = self._build_top_bar()
        bottom = self._build_file_buttons()
        self._lay_out(top, bottom)
        self._shortcuts()
        self._tab_order()
        self._connect()
        self._fill_sources()
        self._apply(self.state)
        QTimer.singleShot(0, self, self.files.watch_window)  # once the window around it exists

    def _build_circuit(self) -> None:
        """The library, the circuit's item list, the settings and item forms, the step list."""
        self.library_panel = LibraryPanel(self.context)
        self.model = CircuitModel(self.context.library.drills, self)
        self.items = CircuitView()
        self.items.setObjectName("circuitItems")
        self.items.setModel(self.model)
        self.items.setFont(text_font(15))
        self.items.setSpacing(2)
        self.items.setDragEnabled(True)
        self.items.setAcceptDrops(True)
        self.items.setDropIndicatorShown(True)
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_error = error_label("itemsError")
        self.settings = SettingsForm()
        self.editor = ItemEditor()
        self.steps = QListWidget()
        self.steps.setObjectName("stepList")
        self.steps.setFont(text_font(13))
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _build_labels(self) -> None:
        """The circuit's name, its estimated time and the status line under the buttons."""
        self.title = heading("New circuit", 22)
        self.title.setObjectName("buildTitle")
        self.title.setWordWrap(False)
        self.title.setMinimumWidth(120)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.estimate = heading("", 18)
        self.estimate.setObjectName("estimate")
        self.estimate.setWordWrap(False)
        self.status = body(size=13)
        self.status.setObjectName("buildStatus")

    def _build_top_bar(self) -> QHBoxLayout:
        """The title, then what to start from: a routine to copy or one of your own to edit."""
        self.source = QComboBox()
        self.source.setObjectName("startFrom")
        self.source.setFont(text_font(13))
        self.source.setMinimumContentsLength(14)
        self.source.setMaximumWidth(220)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        start_from = body("Start from", 13)
        start_from.setWordWrap(False)
        start_from.setBuddy(self.source)
        top.addWidget(start_from)
        top.addWidget(self.source)
        actions: list[tuple[str, str, str, Callable[[], object]]] = [
            ("copy", "Copy", "Start from a copy of the chosen routine (or a blank one)",
             self.start_from_choice),
            ("edit", "Edit", "Change the chosen routine of your own", self.files.edit_choice),
        ]
        for key, text, tip, slot in actions:
            top.addWidget(self._button(key, text, tip, slot))
        return top

    def _build_file_buttons(self) -> QHBoxLayout:
        """Save, Save as, Rename, Delete, Import, Export (all in files.py), and Start."""
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        actions: list[tuple[str, str, str, Callable[[], object]]] = [
            ("save", "Save", "Save (Ctrl+S)", self.files.save),
            ("saveAs", "Save as…", "Save as a new routine (Ctrl+Shift+S)", self.files.save_as),
            ("rename", "Rename…", "Give this routine another name", self.files.rename),
            ("delete", "Delete", "Delete this routine's file", self.files.delete),
            ("import", "Import…", "Add a routine file someone sent you", self.files.choose_import),
            ("export", "Export…", "Write this routine's file to send to someone",
             self.files.choose_export),
            ("start", "Start ▶", "Run this routine now", self.start),
        ]
        for key, text, tip, slot in actions:
            bottom.addWidget(self._button(key, text, tip, slot))
        return bottom

    def _lay_out(self, top: QHBoxLayout, bottom: QHBoxLayout) -> None:
        """The library on the left; on the right the bars, settings, circuit, item and steps."""
        left_panel = QWidget()
        left_panel.setMaximumWidth(390)
        left = QVBoxLayout(left_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(heading("Drill library", 20))
        left.addWidget(self.library_panel, 1)
        circuit = QVBoxLayout()
        circuit.setSpacing(4)
        circuit.addWidget(heading("Circuit", 18))
        circuit.addWidget(self.items, 1)
        circuit.addWidget(self.items_error)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.editor)
        side.addWidget(heading("Steps", 16))
        side.addWidget(self.steps, 1)
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addLayout(circuit, 5)
        middle.addLayout(side, 4)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(top)
        right.addWidget(self.settings)
        right.addLayout(middle, 1)
        right.addWidget(self.estimate)
        right.addLayout(bottom)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(18)
        layout.addWidget(left_panel, 3)
        layout.addLayout(right, 7)

    def _connect(self) -> None:
        """Every edit the panels ask for goes through the undo stack (`_edit`)."""
        self.library_panel.add_requested.connect(self.add_drill)
        self.model.insert_requested.connect(self.insert_drill)
        self.model.move_requested.connect(self.move_item)
        self.items.remove_requested.connect(self.remove_item)
        self.items.duplicate_requested.connect(self.duplicate_item)
        self.items.move_requested.connect(self.move_item)
        self.items.selectionModel().currentChanged.connect(lambda *_: self._show_item())
        self.settings.changed.connect(self._setting_changed)
        self.editor.changed.connect(self._item_changed)
        self.undo.cleanChanged.connect(lambda *_: self._refresh_buttons())
        self.source.currentIndexChanged.connect(lambda *_: self._refresh_buttons())
        self.context.history_changed.connect(self._library_changed)

    def _button(self, key: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{key}Button")
        button.setToolTip(tip)
        button.setFont(text_font(14, bold=key in ("save", "start")))
        button.setMinimumHeight(34)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda *_: slot())
        self.buttons[key] = button
        return button

    def _shortcuts(self) -> None:
        def action(keys: list[str], slot: Callable[[], object]) -> None:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda *_: slot())
            self.addAction(act)

        action(["Ctrl+S"], self.files.save)
        action(["Ctrl+Shift+S"], self.files.save_as)
        action(["Ctrl+Z"], self.undo.undo)
        action(["Ctrl+Shift+Z", "Ctrl+Y"], self.undo.redo)

    def _tab_order(self) -> None:
        chain: list[QWidget] = [
            self.library_panel.search, self.library_panel.category,
            self.library_panel.equipment, self.library_panel.mode, self.library_panel.list,
            self.source, self.buttons["copy"], self.buttons["edit"], *self.settings.tab_chain(),
            self.items, *self.editor.tab_chain(), *(self.buttons[k] for k in (
                "save", "saveAs", "rename", "delete", "import", "export", "start")),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def sizeHint(self) -> QSize:
        return QSize(1090, 700)

    # -- the draft -------------------------------------------------------------------------

    @property
    def drills(self) -> dict[str, Drill]:
        return self.context.library.drills

    @property
    def dirty(self) -> bool:
        return not self.undo.isClean()

    def routine_id(self) -> str:
        """The id the draft is (or would be) saved under."""
        if self.editing is not None:
            return self.editing.id
        taken = set(self.context.library.routines)
        if self.folder.is_dir():
            taken |= {p.stem for p in self.folder.glob("*.toml")}
        return unique_id(slug(self.state.name), taken)

    def target_path(self) -> Path:
        if self.editing is not None:
            return Path(self.editing.source)
        return self.folder / f"{self.routine_id()}.toml"

    def _apply(self, state: DraftState) -> None:
        """Show a new state everywhere (an edit, an undo or a redo) and judge it."""
        self.state = state
        self.verdict = judge(state, self.routine_id(), self.target_path(), self.drills)
        by_field = self.verdict.by_field()
        by_item: dict[int, list[Problem]] = {}
        for problem in self.verdict.problems:
            if problem.item_index is not None:
                by_item.setdefault(problem.item_index, []).append(problem)
        row = self.items.currentIndex().row()
        self.model.set_state(state, by_item)
        if state.items and not 0 <= row < len(state.items):
            row = len(state.items) - 1
        if state.items and self.items.currentIndex().row() != row:
            self.items.setCurrentIndex(self.model.index(row))
        self.settings.show_state(state)
        shown = {} if self.pristine else by_field
        self.settings.show_problems(shown)
        show_errors(self.items_error, shown.get("items", []))
        self._show_item()
        self._show_plan()
        self._refresh_buttons()

    def _show_item(self) -> None:
        row = self.items.currentIndex().row()
        if not 0 <= row < len(self.state.items):
            self.editor.show_item(None, None, [])
            return
        item = self.state.items[row]
        problems = [p for p in self.verdict.problems if p.item_index == row]
        self.editor.show_item(item, self.drills.get(item.drill), problems)

    def _show_plan(self) -> None:
        self.steps.clear()
        routine = self.verdict.routine
        if routine is None and self.pristine:
            self.estimate.setStyleSheet("")
            self.estimate.setText("Name the circuit and add drills from the library")
            return
        if routine is None:
            count = len(self.verdict.problems)
            self.estimate.setText(f"{count} thing{'s' if count != 1 else ''} to fix "
                                  "before it can be saved")
            self.estimate.setStyleSheet("color: #d93025;")
            return
        plan = expand(routine)
        self.estimate.setStyleSheet("")
        rounds = f"{routine.rounds} round{'s' if routine.rounds != 1 else ''}"
        self.estimate.setText(f"About {duration_text(plan.total)} · {rounds} × "
                              f"{len(routine.items)} drill{'s' if len(routine.items) != 1 else ''}")
        for step in plan.steps:
            self.steps.addItem(f"{duration_text(step.start):>6}  {step.describe()}")

    def _refresh_buttons(self) -> None:
        custom = self.editing is not None
        name = self.state.name or "New circuit"
        self.title.setText(("• " if self.dirty else "") + name)
        self.buttons["save"].setEnabled(self.verdict.ok and (self.dirty or not custom))
        self.buttons["saveAs"].setEnabled(self.verdict.ok)
        self.buttons["rename"].setEnabled(custom)
        self.buttons["delete"].setEnabled(custom)
        self.buttons["export"].setEnabled(custom)
        self.buttons["start"].setEnabled(custom and not self.dirty)
        choice = self.source.currentData()
        chosen = self.context.library.routine(choice) if choice else None
        self.buttons["edit"].setEnabled(chosen is not None and chosen.source != "built-in")
        self.buttons["copy"].setText("New" if choice == BLANK else "Copy")

    def _edit(self, text: str, state: DraftState, merge_key: str | None = None) -> None:
        if state == self.state and [i.origin for i in state.items] == \
                [i.origin for i in self.state.items]:
            return
        self.pristine = False
        self.status.clear()  # "Saved to …" no longer describes the draft
        self.undo.push(EditCommand(text, self.state, state, self._apply, merge_key))

    def _load(self, state: DraftState, editing: Routine | None) -> None:
        """Start on another draft: the undo history belongs to the old one."""
        self.editing = editing
        self.pristine = editing is None and state == DraftState()
        self.undo.clear()
        self._apply(state)
        self.undo.setClean()
        self._refresh_buttons()

    # -- edits -----------------------------------------------------------------------------

    def add_drill(self, drill_id: str) -> None:
        """Add after the selected item (at the end when nothing is selected)."""
        row = self.items.currentIndex().row()
        self.insert_drill(row + 1 if row >= 0 else len(self.state.items), drill_id)

    def insert_drill(self, row: int, drill_id: str) -> None:
        drill = self.drills.get(drill_id)
        if drill is None:
            return
        added = edits.insert_item(self.state, row, DraftItem.of_drill(drill))
        self._edit(f"Add {drill.name}", added)
        self.items.setCurrentIndex(self.model.index(min(row, len(self.state.items) - 1)))

    def remove_item(self, row: int) -> None:
        if 0 <= row < len(self.state.items):
            self._edit("Remove", edits.remove_item(self.state, row))

    def duplicate_item(self, row: int) -> None:
        if 0 <= row < len(self.state.items):
            self._edit("Duplicate", edits.duplicate_item(self.state, row))
            self.items.setCurrentIndex(self.model.index(row + 1))

    def move_item(self, source: int, target: int) -> None:
        if 0 <= source < len(self.state.items) and 0 <= target < len(self.state.items):
            self._edit("Move", edits.move_item(self.state, source, target))
            self.items.setCurrentIndex(self.model.index(target))

    def _setting_changed(self, key: str, value: str | int) -> None:
        self._edit(f"Change {key}", edits.set_setting(self.state, key, value), merge_key=key)

    def _item_changed(self, key: str, value: object) -> None:
        row = self.items.currentIndex().row()
        if not 0 <= row < len(self.state.items):
            return
        drill = self.drills.get(self.state.items[row].drill)
        self._edit(f"Change {key}", edits.set_item(self.state, row, drill, key, value),
                   merge_key=f"{row}.{key}")

    # -- choosing what to build ----------------------------------------------------------------

    def _fill_sources(self) -> None:
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("A blank circuit", BLANK)
        routines = sorted(self.context.library.routines.values(),
                          key=lambda r: (r.source == "built-in", r.name.lower()))
        for routine in routines:
            kind = "built-in" if routine.source == "built-in" else "yours"
            self.source.addItem(f"{routine.name} ({kind})", routine.id)
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)))
        self.source.blockSignals(False)

    def choose_source(self, routine_id: str) -> None:
        self.source.setCurrentIndex(max(0, self.source.findData(routine_id)))

    def start_from_choice(self) -> bool:
        choice = self.source.currentData()
        routine = self.context.library.routine(choice) if choice != BLANK else None
        if not self.files.confirm_discard():
            return False
        if routine is None:
            self._load(DraftState(), None)
        else:
            self._load(DraftState.of_routine(routine, name=f"{routine.name} (my copy)"), None)
            self.status.setText(f"A copy of “{routine.name}”: change it, then save it as yours.")
        return True

    def start(self) -> None:
        if self.editing is not None and not self.dirty:
            self.start_requested.emit(self.editing.id)

    # -- the rest of the app -----------------------------------------------------------------

    def _library_reloaded(self) -> None:
        """Files changed: every screen reads the library again (Routines and Today at once)."""
        self.context.reload_library()
        self.context.history_changed.emit()

    def _library_changed(self) -> None:
        self.model.drills = self.drills
        self._fill_sources()
        if self.editing is not None:
            self.editing = self.context.library.routine(self.editing.id) or self.editing
        self._apply(self.state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.files.watch_window()  # shown: the window around it surely exists now

    def hideEvent(self, event: QHideEvent) -> None:
        self.library_panel.pause_clip()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.library_panel.shutdown()
