"""Build, until the circuit builder arrives: your own circuits and where they live.

It lists the custom routine files in the data folder (with any problem found in them) and
opens that folder, so a coach can already drop in a .toml file written by hand (docs/routines.md
has the format); the builder itself replaces this page.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidget, QPushButton, QVBoxLayout, QWidget

from ankledesk import paths
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body, heading


class BuildPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildPage")
        self.context = context
        self.folder = paths.user_routines_dir(context.data_dir)
        self.list = QListWidget()
        self.list.setObjectName("customRoutines")
        self.list.setFont(text_font(16))
        open_folder = QPushButton("Open my routines folder")
        open_folder.setMinimumHeight(40)
        open_folder.clicked.connect(self._open_folder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(heading("Build your own circuit", 28))
        layout.addWidget(body(
            "Here you will pick drills from the library, set holds, reps and sides, rounds and "
            "rests, and see the total time as you go. Until then, a circuit is a short text "
            "file: write one as described in docs/routines.md (or copy a built-in one), put it "
            f"in {self.folder}, and it appears under Routines and Today.", 16))
        layout.addWidget(heading("Your circuits", 20))
        layout.addWidget(self.list, 1)
        layout.addWidget(open_folder)
        context.history_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        library = self.context.library
        custom = [r for r in library.routines.values() if r.source != "built-in"]
        for routine in sorted(custom, key=lambda r: r.name.lower()):
            self.list.addItem(f"{routine.name}  ({routine.id}.toml)")
        for problem in library.problems:
            if str(self.folder) in str(problem):
                self.list.addItem(f"⚠ {problem}")
        if not self.list.count():
            self.list.addItem("No circuits of your own yet.")

    def _open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
