"""Build's files: invalid values shown next to their fields and never saved, hand-edited files
that keep their comments, routines that travel between two data folders, a clashing id, a file
dropped on the window, unsaved changes on quitting, a deleted routine's history."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.report.blank import blank_sheet
from ankledesk.report.weekly import weekly_log
from tests.report.pdfcheck import page_texts
from tests.ui.build_helpers import (
    drop,
    file_mime,
    open_window,
    press_button,
    run_workout,
    type_answer,
)
from tests.ui.dialogs import answer_next_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
DOCS = paths.builtin_routines_dir().parent / "docs" / "routines.md"

HAND_EDITED = """\
# Tuesday circuit for Sam: written by hand, keep these notes!
id = "sam-tuesday"
name = "Sam's Tuesday"
rounds = 3                 # three, not four: Sam runs hills on Wednesday
rest_between_rounds = 90

[[items]]                  # warm the big toe up first
drill = "big-toe-raise-hold"
seconds = 30

# the new one from the physio
[[items]]
drill = "short-foot"
"""


def library_of(data_dir: Path):
    return load_library(paths.builtin_routines_dir(), paths.user_routines_dir(data_dir))


def start_blank_with(build, *drills: str, name: str = "Checks") -> None:
    build.settings.name.setText(name)
    build.settings.changed.emit("name", name)
    for drill in drills:
        build.add_drill(drill)


def set_item_value(build, row: int, widget_name: str, value: int) -> None:
    build.items.setCurrentIndex(build.model.index(row))
    getattr(build.editor, widget_name).setValue(value)


# (what to do, the error label, the words beside the field: ui/build/wording.py)
INVALID = {
    "empty name": (lambda b: (b.settings.name.setText(""),
                              b.settings.changed.emit("name", "")),
                   lambda b: b.settings.errors["name"], "Give the circuit a name"),
    "no rounds": (lambda b: b.settings.numbers["rounds"].setValue(0),
                  lambda b: b.settings.errors["rounds"], "From 1 to 50 rounds"),
    "prepare too long": (lambda b: b.settings.numbers["prepare"].setValue(3601),
                         lambda b: b.settings.errors["prepare"],
                         "From 0 to 3600 seconds"),
    "zero-second hold": (lambda b: set_item_value(b, 0, "amount", 0),
                         lambda b: b.editor.errors["amount"],
                         "From 1 to 3600 seconds"),
    "too many reps": (lambda b: set_item_value(b, 1, "amount", 501),
                      lambda b: b.editor.errors["amount"], "From 1 to 500 reps"),
    "rep too long": (lambda b: set_item_value(b, 1, "rep_seconds", 601),
                     lambda b: b.editor.errors["rep_seconds"],
                     "From 1 to 600 seconds"),
    "cap too long": (lambda b: set_item_value(b, 1, "cap", 3601),
                     lambda b: b.editor.errors["cap"], "From 1 to 3600 seconds"),
    "cap and pace": (lambda b: (set_item_value(b, 1, "cap", 90),
                                set_item_value(b, 1, "rep_seconds", 10)),
                     lambda b: b.editor.errors["cap"],
                     "Clear the cap or the rep length: a paced set has no cap"),
    "no items": (lambda b: (b.remove_item(1), b.remove_item(0)),
                 lambda b: b.items_error, "Add at least one drill to the circuit"),
}


@pytest.mark.parametrize("kind", list(INVALID))
def test_each_invalid_value_says_what_to_do_next_to_its_field_and_blocks_saving(
        qtbot, data_dir, kind):
    change, label_of, words = INVALID[kind]
    with open_window(qtbot, data_dir) as window:
        build = window.build
        start_blank_with(build, "big-toe-raise-hold", "short-foot")
        assert build.verdict.ok and build.buttons["save"].isEnabled()
        change(build)
        label = label_of(build)
        assert label.isVisible() and label.text() == words
        assert not build.buttons["save"].isEnabled()
        build.items.setFocus()
        qtbot.keyClick(build.items, Qt.Key.Key_S, CTRL)
        assert not (data_dir / "routines").exists() or not any(
            (data_dir / "routines").iterdir())
        assert build.status.text().startswith("Not saved")
        # Undo puts the good value back; the message goes and Save comes back.
        while build.undo.canUndo() and not build.verdict.ok:
            build.undo.undo()
        assert build.verdict.ok and not label.isVisible()


def test_a_hand_edited_file_keeps_its_comments_after_an_edit_in_the_builder(qtbot, data_dir):
    folder = data_dir / "routines"
    folder.mkdir()
    # kept under another name, as a browser saves a second download
    path = folder / "sam-tuesday (1).toml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    with open_window(qtbot, data_dir) as window:
        build = window.build
        build.choose_source("sam-tuesday")
        assert build.buttons["edit"].isEnabled()
        qtbot.mouseClick(build.buttons["edit"], Qt.MouseButton.LeftButton)
        assert build.editing is not None and build.state.name == "Sam's Tuesday"
        build.settings.numbers["rest_between_rounds"].setValue(75)
        build.move_item(1, 0)  # short foot first now
        set_item_value(build, 0, "rep_seconds", 10)
        assert build.files.save()
    text = path.read_text("utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["sam-tuesday (1).toml"]
    for kept in ("# Tuesday circuit for Sam: written by hand, keep these notes!",
                 "rounds = 3                 # three, not four: Sam runs hills on Wednesday",
                 "[[items]]                  # warm the big toe up first",
                 "# the new one from the physio"):
        assert kept in text
    assert "rest_between_rounds = 75" in text
    routine = library_of(data_dir).routine("sam-tuesday")
    assert [i.drill_id for i in routine.items] == ["short-foot", "big-toe-raise-hold"]
    assert routine.items[0].rep_seconds == 10 and routine.rest_between_rounds == 75


def test_export_then_import_into_a_second_data_folder_arrives_unchanged(qtbot, tmp_path):
    first, second = tmp_path / "coach", tmp_path / "athlete"
    (first / "routines").mkdir(parents=True)
    second.mkdir()
    (first / "routines" / "sam-tuesday.toml").write_text(HAND_EDITED, encoding="utf-8")
    sent = tmp_path / "mail" / "sam-tuesday.toml"
    sent.parent.mkdir()
    with open_window(qtbot, first) as coach:
        build = coach.build
        build.files.open_routine(coach.context.library.routine("sam-tuesday"))
        assert build.files.export_to(sent)
    assert sent.read_text("utf-8") == HAND_EDITED
    with open_window(qtbot, second) as athlete:
        routine = athlete.build.files.import_file(sent)
        assert routine is not None and routine.id == "sam-tuesday"
        ids = [athlete.routines.list.item(r).data(Qt.ItemDataRole.UserRole)
               for r in range(athlete.routines.list.count())]
        assert "sam-tuesday" in ids  # Routines shows it at once
    arrived = second / "routines" / "sam-tuesday.toml"
    assert arrived.read_text("utf-8") == HAND_EDITED
    a, b = library_of(first).routine("sam-tuesday"), library_of(second).routine("sam-tuesday")
    assert replace(a, source="") == replace(b, source="")


def test_the_documented_example_imports_unchanged(qtbot, data_dir, tmp_path):
    example = DOCS.read_text("utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    source = tmp_path / "quick-ankle-circuit.toml"
    source.write_text(example, encoding="utf-8")
    with open_window(qtbot, data_dir) as window:
        assert window.build.files.import_file(source) is not None
    assert (data_dir / "routines" / "quick-ankle-circuit.toml").read_text("utf-8") == example


def test_a_clashing_id_asks_for_a_new_name_and_overwrites_nothing(qtbot, data_dir, tmp_path):
    builtin = paths.builtin_routines_dir() / "runners-chassis-circuit.toml"
    source = tmp_path / "runners-chassis-circuit.toml"
    shutil.copy(builtin, source)
    before = builtin.read_bytes()
    with open_window(qtbot, data_dir) as window:
        asked = answer_next_dialog(type_answer("Chassis for Sam"))
        routine = window.build.files.import_file(source)
        assert asked and 'already used by a built-in routine' in asked[0]
        assert routine is not None and (routine.id, routine.name) == (
            "chassis-for-sam", "Chassis for Sam")
        # the same file again: its id is taken by the built-in still; cancelling imports nothing
        answer_next_dialog(lambda dialog: dialog.reject())
        assert window.build.files.import_file(source) is None
    assert builtin.read_bytes() == before
    assert sorted(p.name for p in (data_dir / "routines").iterdir()) == ["chassis-for-sam.toml"]
    text = (data_dir / "routines" / "chassis-for-sam.toml").read_text("utf-8")
    assert "# Built-in program" in text.splitlines()[0]  # comments travel with it


def test_a_broken_file_is_refused_with_the_check_lines(qtbot, data_dir, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "bad"\nname = "Bad"\n[[items]]\ndrill = "short-foot"\nseconds = "45s"\n',
                   encoding="utf-8")
    with open_window(qtbot, data_dir) as window:
        said = answer_next_dialog(press_button(QMessageBox.StandardButton.Ok))
        assert window.build.files.import_file(bad) is None
        assert said and said[0].endswith(
            'bad.toml: items[1].seconds: expected whole seconds 1–3600 (got "45s")')
    assert not (data_dir / "routines").exists()


def test_a_toml_dropped_on_the_window_is_imported(qtbot, data_dir, tmp_path):
    source = tmp_path / "sam-tuesday.toml"
    source.write_text(HAND_EDITED, encoding="utf-8")
    with open_window(qtbot, data_dir) as window:
        window.show_page(0)  # dropped while Today is showing
        drop(window, file_mime(source), window.rect().center(), Qt.DropAction.CopyAction)
        assert window.context.library.routine("sam-tuesday") is not None
    assert (data_dir / "routines" / "sam-tuesday.toml").read_text("utf-8") == HAND_EDITED


def test_quitting_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, data_dir):
    with open_window(qtbot, data_dir) as window:
        build = window.build
        start_blank_with(build, "short-foot", name="Unsaved")
        window.show_page(0)  # leaving the screen loses nothing
        assert build.dirty and build.state.name == "Unsaved"
        said = answer_next_dialog(press_button(QMessageBox.StandardButton.Cancel))
        window.close()
        assert said and "not saved" in said[0] and window.isVisible()
        answer_next_dialog(press_button(QMessageBox.StandardButton.Save))
        window.close()
        assert not window.isVisible()
    assert (data_dir / "routines" / "unsaved.toml").exists()


def test_delete_asks_and_past_sessions_keep_their_snapshot(qtbot, data_dir):
    with open_window(qtbot, data_dir) as window:
        build = window.build
        start_blank_with(build, "big-toe-raise-hold", name="Short one")
        build.settings.numbers["rounds"].setValue(1)
        assert build.files.save()
        window.start_routine("short-one")
        run_workout(window.flow, lambda: window.flow.driver.complete())
        window.flow.summary.save()
        answer_next_dialog(press_button(QMessageBox.StandardButton.No))
        assert not build.files.delete()
        assert (data_dir / "routines" / "short-one.toml").exists()
        said = answer_next_dialog(press_button(QMessageBox.StandardButton.Yes))
        assert build.files.delete()
        assert "stay in your history" in said[0]
        assert not (data_dir / "routines" / "short-one.toml").exists()
        assert window.context.library.routine("short-one") is None
        (session,) = window.context.sessions()
        assert session["routine"]["name"] == "Short one"
        assert session["routine"]["items"][0]["drill"] == "big-toe-raise-hold"
        # it still prints: the weekly log from the history, a blank sheet from the snapshot
        week = dt.date.fromisoformat(session["started_at"][:10])
        log = " ".join(page_texts(weekly_log(window.context.sessions(), week)))
        assert "Short one" in log and "Big-toe calf-raise hold" in log
        sheet = blank_sheet(window.context.routine_of_snapshot(session["routine"]), week)
        assert "Short one" in page_texts(sheet)[0]


def test_a_save_that_cannot_be_written_says_so_and_keeps_the_draft(qtbot, data_dir):
    blocker = data_dir / "routines"
    blocker.write_text("not a folder\n", encoding="utf-8")  # where the folder should be
    with open_window(qtbot, data_dir) as window:
        build = window.build
        start_blank_with(build, "short-foot", name="Nowhere")
        said = answer_next_dialog(press_button(QMessageBox.StandardButton.Ok))
        assert not build.files.save()
        assert said and "nowhere.toml: cannot write the file" in said[0]
        assert said[0].endswith("Nothing was changed.")
        assert build.dirty and build.editing is None and build.state.name == "Nowhere"
    assert blocker.read_text("utf-8") == "not a folder\n"


def test_import_and_export_through_their_file_dialogs(qtbot, data_dir, tmp_path):
    source = tmp_path / "sam-tuesday.toml"
    source.write_text(HAND_EDITED, encoding="utf-8")
    sent = tmp_path / "out" / "for-sam.toml"
    sent.parent.mkdir()

    def choose(path):
        def handle(dialog) -> None:
            assert isinstance(dialog, QFileDialog), dialog
            dialog.selectFile(str(path))
            dialog.accept()
        return handle

    with open_window(qtbot, data_dir) as window:
        build = window.build
        answer_next_dialog(choose(source))
        qtbot.mouseClick(build.buttons["import"], Qt.MouseButton.LeftButton)
        assert window.context.library.routine("sam-tuesday") is not None
        build.choose_source("sam-tuesday")
        qtbot.mouseClick(build.buttons["edit"], Qt.MouseButton.LeftButton)
        answer_next_dialog(choose(sent))
        qtbot.mouseClick(build.buttons["export"], Qt.MouseButton.LeftButton)
    assert sent.read_text("utf-8") == HAND_EDITED
