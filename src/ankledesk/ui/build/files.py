"""Build's file operations: opening a routine of your own, saving it (as, renamed), deleting
it, importing and exporting routine files, and the dialogs around them (the file choosers,
the questions, the warnings, "save your changes?" before anything would drop them).

Kept apart from the screen, which edits the draft: this module is where the draft meets the
disk, always through `ankledesk.routine_files`, the same code as the command line.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from ankledesk.core import draft as edits
from ankledesk.core.draft import DraftState, slug, unique_id
from ankledesk.core.loader import parse_routine
from ankledesk.core.model import Routine
from ankledesk.core.problems import display_path
from ankledesk.core.routine_doc import render
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

if TYPE_CHECKING:
    from ankledesk.ui.build.screen import BuildScreen

log = logging.getLogger(__name__)


def toml_paths(event: QDropEvent) -> list[Path]:
    """The .toml files a drag carries (nothing else is taken)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".toml")]


class BuildFiles(QObject):
    """The Build screen's files and dialogs. It works on the screen's draft (`screen.state`,
    `screen.editing`, its undo stack) and tells the screen to show what changed; it is also
    the window's event filter for dropped files and for closing with unsaved changes."""

    def __init__(self, screen: BuildScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self._watched: QWidget | None = None

    def edit_choice(self) -> bool:
        routine = self.screen.context.library.routine(self.screen.source.currentData() or "")
        if routine is None or routine.source == "built-in" or not self.confirm_discard():
            return False
        self.open_routine(routine)
        return True

    def open_routine(self, routine: Routine) -> None:
        self.screen._load(DraftState.of_routine(routine), routine)
        self.screen.status.setText(f"Editing {display_path(Path(routine.source))}")

    def save(self, original: str | None = None) -> bool:
        """Write the draft (atomically) if the loader accepts it; False if it did not."""
        if not self.screen.verdict.ok:
            self.screen.pristine = False
            self.screen._apply(self.screen.state)
            self.screen.status.setText("Not saved: fix the fields marked in red first.")
            return False
        routine_id, target = self.screen.routine_id(), self.screen.target_path()
        if original is None and self.screen.editing is not None:
            original = routine_text(self.screen.editing)
        text = render(self.screen.state, routine_id, self.screen.drills, original)
        # The text about to be written must load as exactly the routine that was judged.
        again, _ = parse_routine(tomllib.loads(text), target, self.screen.drills, str(target))
        if again != self.screen.verdict.routine:
            log.error("rendered routine differs from the draft:\n%s", text)
            self.warn("Not saved", "The file would not read back as built; nothing was "
                       "written. The details are in the log.")
            return False
        try:
            # A new routine's name must still be free: never over a file made meanwhile.
            write_routine(target, text, new=self.screen.editing is None)
        except OSError as exc:
            self.warn("Not saved", f"{display_path(target)}: cannot write the file "
                       f"({exc.strerror or exc}). Nothing was changed.")
            return False
        self.screen._library_reloaded()
        saved = self.screen.context.library.routine(routine_id)
        self.screen.editing = saved
        self.screen.undo.setClean()
        self.screen._apply(self.screen.state)
        self.screen.status.setText(f"Saved to {display_path(target)}")
        self.screen.saved.emit(routine_id)
        return True

    def save_as(self) -> bool:
        if not self.screen.verdict.ok:
            self.screen.status.setText("Not saved: fix the fields marked in red first.")
            return False
        name = self.ask_text("Save as", "Name of the new routine:", f"{self.screen.state.name} (2)")
        if not name:
            return False
        original = routine_text(self.screen.editing) if self.screen.editing is not None else None
        was = self.screen.editing
        self.screen.editing = None
        self.screen._edit("Name", edits.set_setting(self.screen.state, "name", name))
        if not self.save(original):
            self.screen.editing = was
            self.screen._apply(self.screen.state)
            return False
        return True

    def rename(self) -> bool:
        if self.screen.editing is None:
            return False
        name = self.ask_text("Rename", "New name (the file and its id stay the same, so "
                             "its history stays linked):", self.screen.state.name)
        if not name or name == self.screen.state.name:
            return False
        self.screen._edit("Rename", edits.set_setting(self.screen.state, "name", name))
        return self.save()

    def delete(self) -> bool:
        routine = self.screen.editing
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
            self.warn("Not deleted", f"{routine.source}: {exc.strerror or exc}")
            return False
        self.screen._library_reloaded()
        self.screen._load(DraftState(), None)
        self.screen.status.setText(f"Deleted “{routine.name}”.")
        return True

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.screen, "Import a routine", str(Path.home()),
                                              "Routine files (*.toml)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Routine | None:
        """Check a file with the loader and copy it into the routines folder; a clashing id
        asks for a new name. Returns the imported routine (None if it was not imported)."""
        library = self.screen.context.library
        try:
            incoming = read_incoming(path, library)
        except FileProblems as exc:
            self.warn("Not imported", str(exc))
            self.screen.status.setText(f"Not imported: {exc.problems[0]}")
            return None
        routine_id, name = incoming.routine.id, None
        owner = owner_of(routine_id, library)
        if owner is None and (self.screen.folder / f"{routine_id}.toml").exists():
            owner = display_path(self.screen.folder / f"{routine_id}.toml")
        if owner is not None:
            name = self.ask_text(
                "Import under a new name",
                f"“{incoming.routine.name}” has the id \"{routine_id}\", already used by "
                f"{owner}.\nImport it under this name:", f"{incoming.routine.name} (2)")
            if not name:
                return None
            taken = set(library.routines)
            if self.screen.folder.is_dir():
                taken |= {p.stem for p in self.screen.folder.glob("*.toml")}
            routine_id = unique_id(slug(name), taken)
        try:
            target = import_routine(incoming, library, self.screen.context.data_dir,
                                    as_id=routine_id if name else None, name=name)
        except (UserError, OSError) as exc:
            self.warn("Not imported", str(exc))
            return None
        self.screen._library_reloaded()
        routine = self.screen.context.library.routine(routine_id)
        self.screen.status.setText(f"Imported “{routine.name if routine else routine_id}” into "
                            f"{display_path(target)}")
        return routine

    def choose_export(self) -> None:
        if self.screen.editing is None:
            return
        if self.screen.dirty and not self.confirm("Save first?", "Export writes the saved routine. "
                                           "Save your changes first?"):
            return
        if self.screen.dirty and not self.save():
            return
        path, _ = QFileDialog.getSaveFileName(
            self.screen, "Export a routine", str(Path.home() / f"{self.screen.editing.id}.toml"),
            "Routine files (*.toml)")
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> bool:
        if self.screen.editing is None:
            return False
        try:
            export_routine(self.screen.editing, target, self.screen.context.data_dir)
        except TargetRefused as refused:
            self.warn("Not exported", refused.sentence)
            return False
        except (UserError, OSError) as exc:
            self.warn("Not exported", str(exc))
            return False
        self.screen.status.setText(f"Exported to {target}")
        return True

    def watch_window(self) -> None:
        """Take .toml files dropped anywhere on the window, and ask before it closes."""
        window = self.screen.window()
        if window is not self.screen and window is not self._watched:
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
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and toml_paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and toml_paths(event):
            event.acceptProposedAction()
            for path in toml_paths(event):
                self.import_file(path)
            return True
        return False

    def confirm_discard(self) -> bool:
        """Unsaved changes are never dropped silently: save them, drop them, or stay."""
        if not self.screen.dirty:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.screen, "Unsaved circuit",
            f"“{self.screen.state.name or 'New circuit'}” has changes that are not saved.",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self.screen, title, label, text=default)
        return text.strip() if ok and text.strip() else None

    def confirm(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self.screen, title, text, buttons.Yes | buttons.No,
                                    buttons.No) == buttons.Yes

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.screen, title, text)
