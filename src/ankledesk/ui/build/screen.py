"""Build: the drill library on the left, the circuit being built on the right.

Every edit replaces the draft's state through the undo stack and is judged at once by the
loader's own rules: the messages appear next to their fields, the estimate and the step list
follow every change, and Save stays blocked while anything is wrong. Saving, importing and
exporting go through `ankledesk.routine_files`, the same code as the command line.
"""

from __future__ import annotations

import itertools
import logging
import tomllib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ankledesk import paths
from ankledesk.core import draft as edits
from ankledesk.core.draft import DraftItem, DraftState, Verdict, judge, slug, unique_id
from ankledesk.core.loader import parse_routine
from ankledesk.core.model import Drill, Routine
from ankledesk.core.plan import expand
from ankledesk.core.problems import Problem, display_path
from ankledesk.core.routine_doc import render
from ankledesk.core.timefmt import clock
from ankledesk.errors import UserError
from ankledesk.routine_files import (
    FileProblems,
    delete_routine,
    export_routine,
    import_routine,
    owner_of,
    read_incoming,
    routine_text,
    write_routine,
)
from ankledesk.store.export_target import TargetRefused
from ankledesk.ui.build.fields import ItemEditor, SettingsForm, error_label, show_errors
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


def _toml_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".toml")]


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

        self.library_panel = LibraryPanel(context)
        self.model = CircuitModel(context.library.drills, self)
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

        self.source = QComboBox()
        self.source.setObjectName("startFrom")
        self.source.setFont(text_font(13))
        self.source.setMinimumContentsLength(14)
        self.source.setMaximumWidth(220)
        self.buttons: dict[str, QPushButton] = {}
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
            ("edit", "Edit", "Change the chosen routine of your own", self.edit_choice),
        ]
        for key, text, tip, slot in actions:
            top.addWidget(self._button(key, text, tip, slot))
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        actions = [
            ("save", "Save", "Save (Ctrl+S)", self.save),
            ("saveAs", "Save as…", "Save as a new routine (Ctrl+Shift+S)", self.save_as),
            ("rename", "Rename…", "Give this routine another name", self.rename),
            ("delete", "Delete", "Delete this routine's file", self.delete),
            ("import", "Import…", "Add a routine file someone sent you", self.choose_import),
            ("export", "Export…", "Write this routine's file to send to someone",
             self.choose_export),
            ("start", "Start ▶", "Run this routine now", self.start),
        ]
        for key, text, tip, slot in actions:
            bottom.addWidget(self._button(key, text, tip, slot))

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

        self._shortcuts()
        self._tab_order()
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
        context.history_changed.connect(self._library_changed)
        self._fill_sources()
        self._apply(self.state)
        self._watched: QWidget | None = None
        QTimer.singleShot(0, self, self._watch_window)  # once the window around it exists

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

        action(["Ctrl+S"], self.save)
        action(["Ctrl+Shift+S"], self.save_as)
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
        for field_name, problems in by_field.items():
            if field_name.startswith("items["):
                number = int(field_name[6:field_name.index("]")])
                by_item.setdefault(number - 1, []).extend(problems)
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
        problems = [p for f, ps in self.verdict.by_field().items()
                    if f.startswith(f"items[{row + 1}]") for p in ps]
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
        self.estimate.setText(f"About {clock(plan.total)} · {rounds} × "
                              f"{len(routine.items)} drill{'s' if len(routine.items) != 1 else ''}")
        for step in plan.steps:
            self.steps.addItem(f"{clock(step.start):>6}  {step.describe()}")

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
        if not self.confirm_discard():
            return False
        if routine is None:
            self._load(DraftState(), None)
        else:
            self._load(DraftState.of_routine(routine, name=f"{routine.name} (my copy)"), None)
            self.status.setText(f"A copy of “{routine.name}”: change it, then save it as yours.")
        return True

    def edit_choice(self) -> bool:
        routine = self.context.library.routine(self.source.currentData() or "")
        if routine is None or routine.source == "built-in" or not self.confirm_discard():
            return False
        self.open_routine(routine)
        return True

    def open_routine(self, routine: Routine) -> None:
        self._load(DraftState.of_routine(routine), routine)
        self.status.setText(f"Editing {display_path(Path(routine.source))}")

    # -- saving ----------------------------------------------------------------------------

    def save(self, original: str | None = None) -> bool:
        """Write the draft (atomically) if the loader accepts it; False if it did not."""
        if not self.verdict.ok:
            self.pristine = False
            self._apply(self.state)
            self.status.setText("Not saved: fix the fields marked in red first.")
            return False
        routine_id, target = self.routine_id(), self.target_path()
        if original is None and self.editing is not None:
            original = routine_text(self.editing)
        text = render(self.state, routine_id, self.drills, original)
        # The text about to be written must load as exactly the routine that was judged.
        again, _ = parse_routine(tomllib.loads(text), target, self.drills, str(target))
        if again != self.verdict.routine:
            log.error("rendered routine differs from the draft:\n%s", text)
            self._warn("Not saved", "The file would not read back as built; nothing was "
                       "written. The details are in the log.")
            return False
        try:
            write_routine(target, text)
        except OSError as exc:
            self._warn("Not saved", f"{display_path(target)}: cannot write the file "
                       f"({exc.strerror or exc}). Nothing was changed.")
            return False
        self._library_reloaded()
        saved = self.context.library.routine(routine_id)
        self.editing = saved
        self.undo.setClean()
        self._apply(self.state)
        self.status.setText(f"Saved to {display_path(target)}")
        self.saved.emit(routine_id)
        return True

    def save_as(self) -> bool:
        if not self.verdict.ok:
            self.status.setText("Not saved: fix the fields marked in red first.")
            return False
        name = self.ask_text("Save as", "Name of the new routine:", f"{self.state.name} (2)")
        if not name:
            return False
        original = routine_text(self.editing) if self.editing is not None else None
        was = self.editing
        self.editing = None
        self._edit("Name", edits.set_setting(self.state, "name", name))
        if not self.save(original):
            self.editing = was
            self._apply(self.state)
            return False
        return True

    def rename(self) -> bool:
        if self.editing is None:
            return False
        name = self.ask_text("Rename", "New name (the file and its id stay the same, so "
                             "its history stays linked):", self.state.name)
        if not name or name == self.state.name:
            return False
        self._edit("Rename", edits.set_setting(self.state, "name", name))
        return self.save()

    def delete(self) -> bool:
        routine = self.editing
        if routine is None:
            return False
        if not self.confirm(
                "Delete this routine?",
                f"Delete “{routine.name}” ({display_path(Path(routine.source))})? Sessions "
                "you already did with it stay in your history."):
            return False
        try:
            delete_routine(routine)
        except OSError as exc:
            self._warn("Not deleted", f"{routine.source}: {exc.strerror or exc}")
            return False
        self._library_reloaded()
        self._load(DraftState(), None)
        self.status.setText(f"Deleted “{routine.name}”.")
        return True

    def start(self) -> None:
        if self.editing is not None and not self.dirty:
            self.start_requested.emit(self.editing.id)

    # -- files that travel -------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a routine", str(Path.home()),
                                              "Routine files (*.toml)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Routine | None:
        """Check a file with the loader and copy it into the routines folder; a clashing id
        asks for a new name. Returns the imported routine (None if it was not imported)."""
        library = self.context.library
        try:
            incoming = read_incoming(path, library)
        except FileProblems as exc:
            self._warn("Not imported", str(exc))
            self.status.setText(f"Not imported: {exc.problems[0]}")
            return None
        routine_id, name = incoming.routine.id, None
        owner = owner_of(routine_id, library)
        if owner is None and (self.folder / f"{routine_id}.toml").exists():
            owner = display_path(self.folder / f"{routine_id}.toml")
        if owner is not None:
            name = self.ask_text(
                "Import under a new name",
                f"“{incoming.routine.name}” has the id \"{routine_id}\", already used by "
                f"{owner}.\nImport it under this name:", f"{incoming.routine.name} (2)")
            if not name:
                return None
            taken = set(library.routines)
            if self.folder.is_dir():
                taken |= {p.stem for p in self.folder.glob("*.toml")}
            routine_id = unique_id(slug(name), taken)
        try:
            target = import_routine(incoming, library, self.context.data_dir,
                                    as_id=routine_id if name else None, name=name)
        except (UserError, OSError) as exc:
            self._warn("Not imported", str(exc))
            return None
        self._library_reloaded()
        routine = self.context.library.routine(routine_id)
        self.status.setText(f"Imported “{routine.name if routine else routine_id}” into "
                            f"{display_path(target)}")
        return routine

    def choose_export(self) -> None:
        if self.editing is None:
            return
        if self.dirty and not self.confirm("Save first?", "Export writes the saved routine. "
                                           "Save your changes first?"):
            return
        if self.dirty and not self.save():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Export a routine", str(Path.home() / f"{self.editing.id}.toml"),
            "Routine files (*.toml)")
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> bool:
        if self.editing is None:
            return False
        try:
            export_routine(self.editing, target, self.context.data_dir)
        except TargetRefused as refused:
            self._warn("Not exported", refused.sentence)
            return False
        except (UserError, OSError) as exc:
            self._warn("Not exported", str(exc))
            return False
        self.status.setText(f"Exported to {target}")
        return True

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
        self._watch_window()  # shown: the window around it surely exists now

    def _watch_window(self) -> None:
        """Take .toml files dropped anywhere on the window, and ask before it closes."""
        window = self.window()
        if window is not self and window is not self._watched:
            window.setAcceptDrops(True)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(event, QDropEvent):  # drag enter and move are drop events too
            if kind == QEvent.Type.Close and not self.confirm_discard():
                event.ignore()
                return True
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and _toml_paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and _toml_paths(event):
            event.acceptProposedAction()
            for path in _toml_paths(event):
                self.import_file(path)
            return True
        return False

    def confirm_discard(self) -> bool:
        """Unsaved changes are never dropped silently: save them, drop them, or stay."""
        if not self.dirty:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Unsaved circuit",
            f"“{self.state.name or 'New circuit'}” has changes that are not saved.",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text.strip() if ok and text.strip() else None

    def confirm(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self, title, text, buttons.Yes | buttons.No,
                                    buttons.No) == buttons.Yes

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def hideEvent(self, event) -> None:
        self.library_panel.pause_clip()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.library_panel.shutdown()
