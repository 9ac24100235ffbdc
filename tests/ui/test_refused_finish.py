"""A finish refused by a full disk, in the real window: the summary says so and keeps what was
typed, the journal holds it with the sets, and the next start (a new process, or the window's
own resume) stores it with the session.

The history folder is a real tmpfs filled to the last byte (tests/store/full_disk.py), so the
year file's write fails with the kernel's ENOSPC; keys and clicks go to the real summary.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ankledesk.store.history import HISTORY_DIR
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.session_store import SessionStore
from ankledesk.ui import after_start
from tests.conftest import run_cli
from tests.store.full_disk import free, full_folder
from tests.ui.conftest import run_to
from tests.ui.dialogs import answer_next_dialog, click
from tests.ui.windows import show_main_window

NOTES = "Right calf tight after round 2"
DRILL_NOTE = "left heel drifts out"
TYPED = {"rpe": 7, "pain": True, "notes": NOTES,
         "drill_notes": {"big-toe-raise-hold": DRILL_NOTE}}


def _journal(data_dir: Path) -> dict:
    """The journal's session as it is on disk now ({} while it cannot be read)."""
    try:
        tables = json.loads((data_dir / JOURNAL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return next(iter(tables["sessions"].values()), {})


def _typed_of(session: dict) -> dict:
    return {key: session.get(key) for key in TYPED}


def _to_summary(qtbot, data_dir: Path, clock):
    """The quick routine run to its end in a new window; returns (window, flow)."""
    win = show_main_window(qtbot, data_dir, clock)
    flow = win.start_routine("quick-test")
    assert flow is not None
    run_to(flow, lambda: flow.summary is not None)
    return win, flow


def _type_everything(qtbot, data_dir: Path, summary) -> None:
    """Effort 7 by key, pain ticked by a click, the notes typed; each kept as it is entered."""
    summary.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    qtbot.waitUntil(lambda: _journal(data_dir).get("rpe") == 7)
    qtbot.mouseClick(summary.pain, Qt.MouseButton.LeftButton)
    assert summary.pain.isChecked()
    qtbot.waitUntil(lambda: _journal(data_dir).get("pain") is True)
    summary.notes.setFocus()
    qtbot.keyClicks(summary.notes, NOTES)
    # A pause in typing keeps the notes: no Save, no leaving the field.
    qtbot.waitUntil(lambda: _journal(data_dir).get("notes") == NOTES)
    field = summary.drill_notes["big-toe-raise-hold"]
    field.setFocus()
    qtbot.keyClicks(field, DRILL_NOTE)  # kept on Save at the latest


def _save(qtbot, summary) -> None:
    summary.save_button.setFocus()
    qtbot.keyClick(summary.save_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _close(win) -> None:
    win.close()
    win.deleteLater()
    win.context.store.close()


def test_a_refused_finish_keeps_what_was_typed_and_a_new_process_stores_it(qtbot, data_dir,
                                                                          clock, quick_routine):
    win, flow = _to_summary(qtbot, data_dir, clock)
    summary = flow.summary
    try:
        with full_folder(data_dir / HISTORY_DIR) as how:
            _type_everything(qtbot, data_dir, summary)
            _save(qtbot, summary)
            # Refused: said on the summary, which stays with every field as typed.
            assert not flow.saved and win.flow is flow and summary.isVisible()
            assert summary.refusal.isVisible()
            said = summary.refusal.text()
            assert "Not saved yet" in said and "press Save again" in said
            if how == "ENOSPC":
                assert "the disk is full" in said
            assert (summary.rpe, summary.pain.isChecked(), summary.notes.toPlainText(),
                    summary.drill_notes["big-toe-raise-hold"].text()) == (
                        7, True, NOTES, DRILL_NOTE)
            kept = _journal(data_dir)
            assert _typed_of(kept) == TYPED and len(kept["steps"]) == 6
            _close(win)  # the window goes while the disk is still full: refused again
        assert _typed_of(_journal(data_dir)) == TYPED
    finally:
        _close(win)

    # The next start, with space again: a new process resumes the session and stores it.
    done = run_cli("simulate", "--resume", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "storing it as finished" in done.stdout
    with SessionStore.open(data_dir, read_only=True) as store:
        (stored,) = store.sessions()
    assert stored["id"] == kept["id"] and stored["status"] == "finished"
    assert _typed_of(stored) == TYPED
    assert stored["steps"] == kept["steps"]


def test_save_works_again_once_there_is_space(qtbot, data_dir, clock, quick_routine):
    win, flow = _to_summary(qtbot, data_dir, clock)
    summary = flow.summary
    try:
        history = data_dir / HISTORY_DIR
        with full_folder(history):
            _type_everything(qtbot, data_dir, summary)
            _save(qtbot, summary)
            assert summary.refusal.isVisible() and not flow.saved
            free(history)
            _save(qtbot, summary)
            assert flow.saved and win.flow is None
    finally:
        _close(win)
    with SessionStore.open(data_dir, read_only=True) as store:
        (stored,) = store.sessions()
    assert _typed_of(stored) == TYPED and stored["status"] == "finished"
    assert not (data_dir / JOURNAL_FILE).exists()


def test_the_window_resuming_a_refused_finish_shows_what_was_typed(qtbot, data_dir, clock,
                                                                  quick_routine):
    win, flow = _to_summary(qtbot, data_dir, clock)
    try:
        with full_folder(data_dir / HISTORY_DIR):
            _type_everything(qtbot, data_dir, flow.summary)
            _save(qtbot, flow.summary)
            assert not flow.saved
            _close(win)
    finally:
        _close(win)

    again = show_main_window(qtbot, data_dir, clock)
    try:
        answer_next_dialog(click("resumeButton"))
        after_start.offer_resume(again)
        resumed = again.flow
        assert resumed is not None and resumed.summary is not None  # nothing left to run
        summary = resumed.summary
        assert (summary.rpe, summary.pain.isChecked(), summary.notes.toPlainText(),
                summary.drill_notes["big-toe-raise-hold"].text()) == (7, True, NOTES,
                                                                      DRILL_NOTE)
        _save(qtbot, summary)
        assert resumed.saved
    finally:
        _close(again)
    with SessionStore.open(data_dir, read_only=True) as store:
        (stored,) = store.sessions()
    assert _typed_of(stored) == TYPED


def _luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_refusal_reads_at_aa_contrast_on_either_theme(qtbot, theme):
    """The line saying why Save was refused, against the window it is shown on (WCAG)."""
    from PySide6.QtGui import QColor, QPalette

    from ankledesk.core.plan import expand
    from ankledesk.store.documents import routine_from_snapshot
    from ankledesk.ui.theme import apply_theme
    from ankledesk.ui.workout.summary import SummaryScreen
    from tests.report.factories import BIG_TOE, session

    app = QApplication.instance()
    kept = app.palette()
    apply_theme(app, theme)
    try:
        document = session(dt.datetime(2026, 11, 17, 7, tzinfo=dt.UTC), items=BIG_TOE, rounds=1)
        summary = SummaryScreen(document, expand(routine_from_snapshot(document["routine"])),
                                finished=True, total_seconds=300.0)
        qtbot.addWidget(summary)
        summary.refused("the disk is full")
        text = QColor(summary.refusal.styleSheet().split(":")[1].strip(" ;"))
        window = summary.palette().color(QPalette.ColorRole.Window)
        lighter, darker = sorted((_luminance(text), _luminance(window)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (theme, text.name(), window.name())
    finally:
        app.setPalette(kept)
