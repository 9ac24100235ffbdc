"""Exports from History: a week's or a range's PDF, the blank sheet for next week, CSV.

Each goes through the report functions (the same `ankledesk export` uses) on a worker thread,
so a 52-week PDF never freezes the window: the report's `progress(done, total)` callback feeds a
progress bar through a queued signal. The file is written all at once (`save_atomic`), then
opened (PDF) or shown in its folder (CSV); the bar under the buttons says where it went.

Where it may go follows the rules `ankledesk export` follows (store/export_target.py): a file
of the data folder's own (the history, the preferences, …, or a link to one) is refused with a
dialog that says why, and the save dialog opens again in the folder the user chose. The save
dialog itself asks before replacing a file; the measurements written beside a CSV are asked
about too.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ankledesk import report  # its functions load reportlab on first use, not at start-up
from ankledesk.core import measures
from ankledesk.core.progress import sessions_between
from ankledesk.core.series import week_first
from ankledesk.core.suggest import suggest
from ankledesk.report.inputs import Progress
from ankledesk.store.export_target import TargetRefused, check_target
from ankledesk.ui.context import AppContext
from ankledesk.ui.history.data import measurements

log = logging.getLogger(__name__)

Build = Callable[[Progress], list[tuple[Path, bytes]]]
WEEK_START = {"monday": 0, "sunday": 6}


def measurements_file(sets: Path) -> Path:
    """Where a CSV of the sets gets the measurements' CSV: beside it, `<name>-measurements`."""
    return sets.with_name(f"{sets.stem}-measurements{sets.suffix}")


class ExportJob(QThread):
    """Builds the files off the GUI thread and writes each atomically."""

    progressed = Signal(int, int)
    succeeded = Signal(list)  # [Path, …]
    failed = Signal(str)

    def __init__(self, build: Build, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.build = build
        self.data_dir = data_dir

    def run(self) -> None:
        try:
            files = self.build(lambda done, total: self.progressed.emit(done, total))
            for path, _ in files:  # checked again: the dialog's answer may be a while old
                check_target(self.data_dir, str(path), replace_read_only=True)
            for path, data in files:
                report.save_atomic(path, data)
        except TargetRefused as refused:
            self.failed.emit(refused.sentence)
            return
        except Exception as exc:  # shown in the bar, details in the log: never a crash
            log.exception("export failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}" if not isinstance(exc, OSError)
                             else f"cannot write: {exc.strerror or exc}")
            return
        self.succeeded.emit([path for path, _ in files])


class RangeDialog(QDialog):
    """First and last day of a range of weeks."""

    def __init__(self, first: dt.date, last: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export weeks as PDF")
        self.first = QDateEdit(QDate(first.year, first.month, first.day))
        self.last = QDateEdit(QDate(last.year, last.month, last.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        form = QFormLayout(self)
        form.addRow("From the week of", self.first)
        form.addRow("To the week of", self.last)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def days(self) -> tuple[dt.date, dt.date]:
        first, last = (dt.date(d.year(), d.month(), d.day())
                       for d in (self.first.date(), self.last.date()))
        return (first, last) if first <= last else (last, first)


class ExportBar(QWidget):
    """The export buttons, then a progress bar while working and the result afterwards."""

    finished = Signal(list)  # paths written

    def __init__(self, context: AppContext, week: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.week = week
        self.job: ExportJob | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.last_paths: list[Path] = []
        self.folder = Path.home()  # where the save dialog opens: the folder last chosen
        self._open_after = True
        self._result: list[Path] = []
        self.pdf_week = QPushButton("PDF of this week")
        self.pdf_week.setObjectName("exportWeek")
        self.pdf_range = QPushButton("PDF of weeks…")
        self.pdf_range.setObjectName("exportRange")
        self.blank = QPushButton("Blank sheet for next week…")
        self.blank.setObjectName("exportBlank")
        self.csv = QPushButton("CSV…")
        self.csv.setObjectName("exportCsv")
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.open_button = QPushButton("Open")
        self.folder_button = QPushButton("Show in folder")
        for button in (self.open_button, self.folder_button):
            button.hide()
        self.open_button.clicked.connect(lambda: self._open(self.last_paths[0]))
        self.folder_button.clicked.connect(lambda: self._open(self.last_paths[0].parent))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.pdf_week, self.pdf_range, self.blank, self.csv, self.progress,
                       self.status, self.open_button, self.folder_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.pdf_week.clicked.connect(self._ask_week)
        self.pdf_range.clicked.connect(self._ask_range)
        self.blank.clicked.connect(self._ask_blank)
        self.csv.clicked.connect(self._ask_csv)

    # -- asking (dialogs), then the same calls tests make directly -------------------------

    def _save_as(self, name: str, kind: str, beside: Callable[[Path], list[Path]] = lambda _: []
                 ) -> Path | None:
        """The file to write, asked until it is one an export may write (and `beside(it)`, the
        files written next to it, too); None if the user cancels. A refused name is answered
        with why, then the dialog opens again in the folder the user had chosen."""
        while True:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save as", str(self.folder / name),
                                                    kind)
            if not chosen:
                return None
            path = Path(chosen)
            self.folder = path.parent
            refusal = self._refusal(path, beside(path))
            if refusal is not None:
                QMessageBox.warning(self, "Cannot save there", refusal)
                continue
            there = [p.name for p in beside(path) if os.path.lexists(p)]
            if there and QMessageBox.question(
                    self, "Save as", f"{' and '.join(there)} already exists beside it.\n"
                    "Do you want to replace it?") != QMessageBox.StandardButton.Yes:
                continue
            return path

    def _refusal(self, path: Path, beside: list[Path]) -> str | None:
        """Why an export may not write `path` or the files beside it, in a sentence."""
        for target in (path, *beside):
            try:  # the save dialog asked before replacing: read-only is the user's to replace
                check_target(self.context.data_dir, str(target), replace_read_only=True)
            except TargetRefused as refused:
                if target == path:
                    return refused.sentence
                return (f"The measurements go beside it, as {target.name}, and "
                        f"{refused.sentence[:1].lower()}{refused.sentence[1:]}")
        return None

    def _ask_week(self) -> None:
        first = self.week()
        path = self._save_as(f"ankledesk-{first:%G-W%V}.pdf", "PDF (*.pdf)")
        if path:
            self.export_range(path, first, first)

    def _ask_range(self) -> None:
        last = self.week()
        dialog = RangeDialog(last - dt.timedelta(weeks=11), last, self)
        if not dialog.exec():
            return
        first, last = dialog.days()
        path = self._save_as(f"ankledesk-{first:%G-W%V}-to-{last:%G-W%V}.pdf", "PDF (*.pdf)")
        if path:
            self.export_range(path, first, last)

    def _ask_blank(self) -> None:
        routines = self.context.library.routines
        if not routines:
            return
        suggested = suggest(routines, self.context.sessions(), dt.date.today())
        names = [r.name for r in routines.values()]
        ids = list(routines)
        current = ids.index(suggested.routine_id) if suggested else 0
        name, ok = QInputDialog.getItem(self, "Blank sheet", "Routine for next week", names,
                                        current, False)
        if not ok:
            return
        routine_id = ids[names.index(name)]
        next_week = dt.date.today() + dt.timedelta(days=7)
        path = self._save_as(f"ankledesk-blank-{routine_id}.pdf", "PDF (*.pdf)")
        if path:
            self.export_blank(path, routine_id, next_week)

    def _ask_csv(self) -> None:
        measured = bool(list(measurements(self.context)))
        path = self._save_as("ankledesk-sets.csv", "CSV (*.csv)",
                             lambda p: [measurements_file(p)] if measured else [])
        if path:
            self.export_csv(path)

    # -- the exports -------------------------------------------------------------------------

    def _options(self) -> dict:
        prefs = self.context.prefs
        return {"paper": prefs.paper, "name": prefs.name or None,
                "target": prefs.weekly_target, "week_start": WEEK_START.get(prefs.week_start, 0),
                "drills": self.context.library.drills,
                "measurements": list(measurements(self.context))}

    def export_range(self, path: Path, first: dt.date, last: dt.date) -> ExportJob:
        """The weekly log of the week holding `first`, or every week up to `last`'s."""
        sessions, options = list(self.context.sessions()), self._options()

        start = self.context.prefs.week_start
        single = week_first(first, start) == week_first(last, start)

        def build(progress: Progress) -> list[tuple[Path, bytes]]:
            if single:
                return [(path, report.weekly_log(sessions, first, progress=progress, **options))]
            return [(path, report.range_log(sessions, first, last, progress=progress, **options))]

        return self._start(build, open_after=True)

    def export_blank(self, path: Path, routine_id: str, week: dt.date) -> ExportJob:
        routine = self.context.library.routines[routine_id]
        prefs = self.context.prefs

        def build(progress: Progress) -> list[tuple[Path, bytes]]:
            data = report.blank_sheet(routine, week, paper=prefs.paper, name=prefs.name or None,
                               week_start=WEEK_START.get(prefs.week_start, 0))
            progress(1, 1)
            return [(path, data)]

        return self._start(build, open_after=True)

    def export_csv(self, path: Path, first: dt.date = dt.date.min,
                   last: dt.date = dt.date.max) -> ExportJob:
        """The sets as `path`, and the measurements beside it as `<name>-measurements.csv`."""
        chosen = sessions_between(self.context.sessions(), first, last)
        taken = measures.between(measurements(self.context), first, last)

        def build(progress: Progress) -> list[tuple[Path, bytes]]:
            files = [(path, report.csv_bytes(chosen, progress))]
            if taken:
                files.append((measurements_file(path), report.measurements_csv_bytes(taken)))
            return files

        return self._start(build, open_after=False)

    def _start(self, build: Build, *, open_after: bool) -> ExportJob:
        if self.job is not None:
            raise RuntimeError("an export is already running")
        for button in (self.pdf_week, self.pdf_range, self.blank, self.csv,
                       self.open_button, self.folder_button):
            button.setEnabled(button in (self.open_button, self.folder_button))
        self.open_button.hide()
        self.folder_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("Exporting…")
        job = ExportJob(build, self.context.data_dir, self)
        job.progressed.connect(self._progressed)
        self._open_after = open_after
        self._result = []
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.finished.connect(self._cleanup)
        self.job = job
        job.start()
        return job

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, paths: list[Path]) -> None:
        self.last_paths = paths
        names = " and ".join(p.name for p in paths)
        self.status.setText(f"Saved {names} in {paths[0].parent}")
        self.open_button.show()
        self.folder_button.show()
        self._open(paths[0] if self._open_after else paths[0].parent)
        self._result = paths

    def _failed(self, message: str) -> None:
        self.status.setText(f"Export failed: {message}")
        self._result = []

    def _cleanup(self) -> None:
        """The thread has ended: buttons back, then `finished` with what was written."""
        self.progress.hide()
        for button in (self.pdf_week, self.pdf_range, self.blank, self.csv):
            button.setEnabled(True)
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.finished.emit(self._result)

    def _open(self, path: Path) -> None:
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            log.info("no application opened %s", path)
