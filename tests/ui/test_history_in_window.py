"""History and its pieces inside the app: the History page in the main window (its Start
buttons start a workout), Today's hints and self-check, and measurements from the summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ankledesk.core.plan import expand
from ankledesk.store.documents import routine_from_snapshot
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore
from ankledesk.ui.context import AppContext
from ankledesk.ui.history.measures import MeasureDialog
from ankledesk.ui.history.page import HistoryScreen
from ankledesk.ui.main_window import MainWindow
from ankledesk.ui.workout.summary import SummaryScreen
from tests.report.factories import BIG_TOE, session
from tests.simulated_history import run
from tests.ui.test_history import gone

TZ = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture
def store(data_dir: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def window(store: SessionStore, data_dir: Path, qtbot) -> Iterator[MainWindow]:
    win = shown(MainWindow(AppContext(data_dir, store)), qtbot)
    yield win
    gone(win, qtbot)


def shown(win: MainWindow, qtbot) -> MainWindow:
    win.move(0, 0)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_history_is_the_windows_fourth_page_and_its_hint_starts_a_workout(data_dir: Path,
                                                                            qtbot):
    for hold in ("120", "124"):
        run(data_dir, "simulate", "big-toe-strength", "--speed", "1000000", "--hold", hold)
    store = SessionStore.open(data_dir)
    win = shown(MainWindow(AppContext(data_dir, store)), qtbot)
    assert isinstance(win.history, HistoryScreen) and win.history.sessions == []
    win.show_page(3)
    assert win.current_page() is win.history and len(win.history.sessions) == 2
    button = win.history.hints.findChild(QPushButton, "hintStart-big-toe-strength-weighted")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.flow is not None and win.flow.routine.id == "big-toe-strength-weighted"
    win.flow.leave_now()
    gone(win, qtbot)
    store.close()


def test_today_shows_a_new_user_the_self_check_and_its_start_buttons(window: MainWindow,
                                                                      qtbot):
    today = window.today
    assert today.self_check.isVisible() and not today.hints.isVisible()
    today.self_check.set_ticked(["single-leg-balance"])
    qtbot.wait(10)
    button = today.self_check.findChild(QPushButton, "selfCheckStart-dynamic-ankle-and-balance")
    with qtbot.waitSignal(today.start_requested) as started:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert started.args == ["dynamic-ankle-and-balance"]
    assert window.flow is not None and window.flow.routine.id == "dynamic-ankle-and-balance"
    window.flow.leave_now()  # before the window closes, so it does not ask


def test_today_hides_the_self_check_once_there_is_history_and_shows_the_hints(
        store: SessionStore, data_dir: Path, qtbot):
    store.history.add(session(dt.datetime(2026, 11, 2, 7, tzinfo=TZ), items=BIG_TOE, rounds=1,
                              hold_seconds=121))
    MeasurementLog(store).add("balance-eyes-closed", left=10, right=20)
    win = shown(MainWindow(AppContext(data_dir, store)), qtbot)
    assert not win.today.self_check.isVisible()
    assert [h.kind for h in win.today.hints.hints] == ["progression", "imbalance"]
    assert win.today.hints.isVisible()
    gone(win, qtbot)


def test_measurements_taken_from_the_summary_are_stored_with_the_session(store, qtbot,
                                                                          data_dir):
    document = session(dt.datetime(2026, 11, 17, 7, tzinfo=TZ), items=BIG_TOE, rounds=1)
    plan = expand(routine_from_snapshot(document["routine"]))
    context = AppContext(data_dir, store)
    assert context.measurements() == []
    summary = SummaryScreen(document, plan, finished=True, total_seconds=300.0,
                            context=context)
    summary.show()
    qtbot.mouseClick(summary.measure_button, Qt.MouseButton.LeftButton)
    dialog = summary.findChild(MeasureDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.set_value("big-toe-hold", "left", 95)
    dialog.set_value("big-toe-hold", "right", 100)
    with qtbot.waitSignal(context.history_changed, timeout=5000):  # every screen is told
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveMeasures"),
                         Qt.MouseButton.LeftButton)
    assert summary.measured.text() == "Saved: Big-toe hold: left 1:35 · right 1:40"
    assert [d["kind"] for d in context.measurements()] == ["big-toe-hold"]  # not the stale []
    [stored] = MeasurementLog(store).all()
    assert (stored["kind"], stored["left"], stored["right"], stored["session_id"]) == (
        "big-toe-hold", 95.0, 100.0, document["id"])
    gone(summary, qtbot)
