"""History's Export follows the CLI's rules (issue 20, point 1): a file of the data folder's own
(the history, the preferences, the cache, …, or a symlink or hard link to one) is refused with a
dialog saying why, the save dialog opens again in the folder the user chose, and not a byte of
the data folder changes. The real save dialog is driven as a user would: pick the file, confirm
its "Replace?", read our answer, then cancel."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from ankledesk.paths import SETTINGS_FILE
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore
from ankledesk.ui.context import AppContext
from ankledesk.ui.history.exports import RangeDialog
from ankledesk.ui.history.page import HistoryScreen
from tests.commands.test_export_target import OWN_FILES, _own_files, _snapshot
from tests.conftest import run_cli
from tests.ui.build_helpers import open_window
from tests.ui.dialogs import answer_next_dialog

WAIT_MS = 60_000
Act = Callable[[Any], None]


@pytest.fixture
def page(data_dir: Path, qtbot) -> Iterator[HistoryScreen]:
    """History on one simulated workout and one measurement (so a CSV has a file beside it),
    shown; then every file of OWN_FILES made in the data folder, after History has read it."""
    run_cli("simulate", "big-toe-strength", "--speed", "20000", data_dir=data_dir, check=True)
    store = SessionStore.open(data_dir)
    MeasurementLog(store).add("knee-to-wall", left=10.5, right=12)
    screen = HistoryScreen(AppContext(data_dir, store))
    screen.show()
    qtbot.waitExposed(screen)
    screen.exports.open_url = lambda url: True  # never launch a viewer from a test
    _own_files(data_dir)
    yield screen
    if screen.exports.job is not None:  # a test that failed while its export still ran
        screen.exports.job.wait(WAIT_MS)
    screen.close()
    screen.deleteLater()
    qtbot.wait(1)
    store.close()


def in_turn(*acts: Act) -> list[str]:
    """Answer the next modal dialogs one after the other, each by its act; returns what each
    said (filled in as they are answered). The next is awaited before an act runs, as an act
    may open a dialog of its own (the save dialog's "Replace?")."""
    seen: list[str] = []

    def answer(n: int) -> None:
        if n == len(acts):
            return

        def act(dialog: Any) -> None:
            answer(n + 1)
            acts[n](dialog)

        answer_next_dialog(act, seen)

    answer(0)
    return seen


def choose(path: Path) -> Act:
    def act(dialog: QFileDialog) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        dialog.selectFile(str(path))
        dialog.accept()
    return act


def press(button: QMessageBox.StandardButton) -> Act:
    def act(box: QMessageBox) -> None:
        assert isinstance(box, QMessageBox), box
        box.button(button).click()
    return act


def cancel_in(folders: list[Path]) -> Act:
    """The save dialog, opened again: note its folder, then cancel."""
    def act(dialog: QFileDialog) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        folders.append(Path(dialog.directory().absolutePath()))
        dialog.reject()
    return act


def accept(dialog: QDialog) -> None:
    assert isinstance(dialog, (RangeDialog, QInputDialog)), dialog
    dialog.accept()


# Each export's button and the dialogs it asks before the save dialog.
KINDS: dict[str, tuple[str, tuple[Act, ...]]] = {
    "csv": ("csv", ()),
    "week": ("pdf_week", ()),
    "range": ("pdf_range", (accept,)),
    "blank": ("blank", (accept,)),
}


def export_to(page: HistoryScreen, qtbot, kind: str, target: Path, *after: Act) -> list[str]:
    """Press `kind`'s button, answer what comes before the save dialog, choose `target`,
    then answer the rest with `after`; what the dialogs said."""
    button, before = KINDS[kind]
    said = in_turn(*before, choose(target), *after)
    qtbot.mouseClick(getattr(page.exports, button), Qt.MouseButton.LeftButton)
    return said[len(before):]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_export_refuses_every_file_of_the_data_folder(page: HistoryScreen, qtbot,
                                                           data_dir: Path, kind: str) -> None:
    before = _snapshot(data_dir)
    for name, what in OWN_FILES.items():
        target = data_dir / name
        folders: list[Path] = []
        said = export_to(page, qtbot, kind, target, press(QMessageBox.StandardButton.Yes),
                         press(QMessageBox.StandardButton.Ok), cancel_in(folders))
        assert said[1:3] == [f"{target.name} already exists.\nDo you want to replace it?",
                             f"That file is {what}; choose another name."], name
        assert folders == [target.parent], name  # the user's folder, not the home folder
        assert page.exports.job is None and _snapshot(data_dir) == before, name


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_a_link_to_a_file_of_the_data_folder_is_refused(page: HistoryScreen, qtbot,
                                                        data_dir: Path, tmp_path: Path,
                                                        link: str) -> None:
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    before = _snapshot(data_dir)
    for n, (name, what) in enumerate(OWN_FILES.items()):
        innocent = elsewhere / f"week-{n}.pdf"
        if link == "symlink":
            innocent.symlink_to(data_dir / name)
        else:
            os.link(data_dir / name, innocent)
        folders: list[Path] = []
        said = export_to(page, qtbot, "week", innocent, press(QMessageBox.StandardButton.Yes),
                         press(QMessageBox.StandardButton.Ok), cancel_in(folders))
        article = "a link" if link == "symlink" else "a hard link"
        assert said[2] == f"That file is {article} to {what}; choose another name.", name
        assert folders == [elsewhere], name
        assert _snapshot(data_dir) == before, name
        assert innocent.read_bytes() == (data_dir / name).read_bytes()


def test_a_new_name_in_a_folder_of_the_data_folder_is_refused(page: HistoryScreen, qtbot,
                                                              data_dir: Path) -> None:
    folders: list[Path] = []
    target = data_dir / "history" / "sets.csv"
    said = export_to(page, qtbot, "csv", target, press(QMessageBox.StandardButton.Ok),
                     cancel_in(folders))
    assert said[1] == "That folder is AnkleDesk's history folder; choose another folder."
    assert folders == [target.parent] and not target.exists()


def test_the_measurements_beside_a_csv_are_checked_and_asked_about(page: HistoryScreen, qtbot,
                                                                   data_dir: Path,
                                                                   tmp_path: Path) -> None:
    """The sets' file is what the save dialog asked about; the measurements' file beside it
    is checked by the same rules, and never replaced without asking."""
    folder = tmp_path / "exports"
    folder.mkdir()
    sets, beside = folder / "sets.csv", folder / "sets-measurements.csv"
    beside.symlink_to(data_dir / SETTINGS_FILE)
    before = _snapshot(data_dir)
    folders: list[Path] = []
    said = export_to(page, qtbot, "csv", sets, press(QMessageBox.StandardButton.Ok),
                     cancel_in(folders))
    assert said[1] == ("The measurements go beside it, as sets-measurements.csv, and that "
                       "file is a link to AnkleDesk's own preferences; choose another name.")
    assert folders == [folder] and not sets.exists() and _snapshot(data_dir) == before

    beside.unlink()
    beside.write_bytes(b"my own measurements")
    said = export_to(page, qtbot, "csv", sets, press(QMessageBox.StandardButton.No),
                     cancel_in(folders))
    assert said[1] == ("sets-measurements.csv already exists beside it.\n"
                       "Do you want to replace it?")
    assert folders == [folder, folder] and not sets.exists()
    assert beside.read_bytes() == b"my own measurements"

    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        export_to(page, qtbot, "csv", sets, press(QMessageBox.StandardButton.Yes))
    assert done.args == [[sets, beside]]
    assert sets.read_bytes().startswith("\ufeffsession_id".encode())
    assert beside.read_bytes().startswith("\ufeff".encode())


def test_a_file_of_the_users_own_is_written_after_a_refusal(page: HistoryScreen, qtbot,
                                                            data_dir: Path,
                                                            tmp_path: Path) -> None:
    """Refused, then the user picks another name: the export is written there."""
    mine = tmp_path / "week.pdf"
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        said = export_to(page, qtbot, "week", data_dir / "history" / "2026.json",
                         press(QMessageBox.StandardButton.Yes),
                         press(QMessageBox.StandardButton.Ok), choose(mine))
    assert said[2] == "That file is part of AnkleDesk's workout history; choose another name."
    assert done.args == [[mine]] and mine.read_bytes().startswith(b"%PDF")
    assert page.exports.folder == tmp_path  # the next export's dialog opens there too


def test_an_export_started_without_the_dialog_is_refused_too(page: HistoryScreen, qtbot,
                                                             data_dir: Path) -> None:
    """The reproduction of the issue: History's CSV aimed at the year file replaced it."""
    year = data_dir / "history" / f"{dt.date.today().year}.json"
    before = year.read_bytes()
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        page.exports.export_csv(year)
    assert done.args == [[]] and year.read_bytes() == before
    assert page.exports.status.text() == (
        "Export failed: That file is part of AnkleDesk's workout history; choose another name.")


def test_builds_export_of_a_routine_follows_the_same_rules(qtbot, data_dir: Path,
                                                           tmp_path: Path) -> None:
    prefs = data_dir / SETTINGS_FILE
    prefs.write_bytes(b"[workout]\nmuted=true\n")
    link = tmp_path / "for-sam.toml"
    link.symlink_to(prefs)
    with open_window(qtbot, data_dir) as window:
        build = window.build
        build.open_routine(window.context.library.routine("big-toe-strength"))
        for target, article in ((prefs, ""), (link, "a link to ")):
            said = answer_next_dialog(press(QMessageBox.StandardButton.Ok))
            assert not build.export_to(target)
            assert said == [f"That file is {article}AnkleDesk's own preferences; "
                            "choose another name."]
        assert build.export_to(tmp_path / "mine.toml")
    assert prefs.read_bytes() == b"[workout]\nmuted=true\n" and link.is_symlink()
    assert (tmp_path / "mine.toml").read_text("utf-8").strip()
