"""A workout followed with the keyboard alone, as a runner two metres away would: real window,
real clips, the real store on disk; only the clock is moved by the test."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ankledesk.store.session_store import SessionStore
from tests.ui.conftest import run_to


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """A key where the keyboard focus is, as the user's keyboard would send it."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, window, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget() or window, text)


def current(flow):
    return flow.driver.view()


def test_a_whole_routine_by_keys_alone_ends_in_history(qtbot, window, clock, data_dir):
    window.activateWindow()
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Routines
    assert window.current_page() is window.routines
    press(qtbot, window, Qt.Key.Key_End)  # custom routines come last
    assert window.routines.current_routine_id() == "quick-test"
    press(qtbot, window, Qt.Key.Key_Return)
    flow = window.flow
    assert flow is not None and flow.isVisible()
    screen = flow.workout_screen
    assert current(flow).phase == "prepare"

    # Round 1, left hold: runs out on its own.
    run_to(flow, lambda: current(flow).phase == "work")
    assert current(flow).step.side == "left"
    run_to(flow, lambda: current(flow).phase == "switch")
    run_to(flow, lambda: current(flow).phase == "work")
    # Right hold: Space pauses (time passes, the countdown does not), Space resumes.
    clock.advance(1.0)
    flow.driver.poll()
    before = current(flow).remaining
    press(qtbot, window, Qt.Key.Key_Space)
    assert current(flow).state == "paused"
    clock.advance(30.0)
    flow.driver.poll()
    assert current(flow).remaining == pytest.approx(before)
    assert screen.countdown.text() == "0:04"
    press(qtbot, window, Qt.Key.Key_Space)
    assert current(flow).state == "running"
    run_to(flow, lambda: current(flow).step.mode == "reps")
    # A reps set waits for Done however long it takes.
    clock.advance(40.0)
    flow.driver.poll()
    assert current(flow).step.mode == "reps"
    assert screen.countdown.text() == "+0:40"  # time into the set, not time left
    press(qtbot, window, Qt.Key.Key_Return)
    assert current(flow).phase == "rest"
    # → skips the rest between rounds.
    press(qtbot, window, Qt.Key.Key_Right)
    view = current(flow)
    assert (view.phase, view.round, view.step.side) == ("work", 2, "left")
    # + gives the left hold 10 s more.
    press(qtbot, window, Qt.Key.Key_Plus)
    assert current(flow).remaining == pytest.approx(15.0)
    run_to(flow, lambda: current(flow).step.side == "right")
    run_to(flow, lambda: current(flow).phase == "work")
    # ← runs the right hold again from its start; − takes 10 s off; → ends it early.
    clock.advance(3.0)
    flow.driver.poll()
    press(qtbot, window, Qt.Key.Key_Left)
    assert current(flow).phase == "switch"
    run_to(flow, lambda: current(flow).phase == "work")
    clock.advance(2.0)
    flow.driver.poll()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert current(flow).step.mode == "reps"
    press(qtbot, window, Qt.Key.Key_Enter)

    # The summary, by keys: effort 7, pain ticked, a note, Ctrl+Enter saves.
    summary = flow.summary
    assert summary is not None and summary.isVisible()
    assert summary.figures["Sets"].text().startswith("5 done · 1 cut short")
    press(qtbot, window, Qt.Key.Key_7)
    assert summary.rpe == 7
    summary.pain.setFocus()
    press(qtbot, window, Qt.Key.Key_Space)
    assert summary.pain.isChecked()
    press(qtbot, window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is summary.notes
    type_text(qtbot, window, "Right calf <tight> & tired")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.flow is None, "saving goes back to the main window"

    with SessionStore.open(data_dir, read_only=True) as store:
        sessions = store.sessions()
    assert len(sessions) == 1
    session = sessions[0]
    assert (session["status"], session["rpe"], session["pain"]) == ("finished", 7, True)
    assert session["notes"] == "Right calf <tight> & tired"
    steps = [(s["round"], s["drill_id"], s["side"], s["outcome"]) for s in session["steps"]]
    assert steps == [
        (1, "big-toe-raise-hold", "left", "done"),
        (1, "big-toe-raise-hold", "right", "done"),
        (1, "ankle-squat", None, "done"),
        (2, "big-toe-raise-hold", "left", "done"),
        (2, "big-toe-raise-hold", "right", "partial"),
        (2, "ankle-squat", None, "done"),
    ]
    by_index = session["steps"]
    assert by_index[1]["actual_seconds"] == pytest.approx(5.0)  # the pause did not count
    assert by_index[2]["actual_reps"] == 4
    assert by_index[3]["actual_seconds"] == pytest.approx(15.0)
    assert by_index[4]["actual_seconds"] == pytest.approx(2.0)
    assert not (data_dir / "journal.json").exists()
    year = data_dir / "history" / f"{session['started_at'][:4]}.json"
    raw = json.loads(year.read_text(encoding="utf-8"))
    assert session["id"] in json.dumps(raw)


def test_esc_twice_stops_and_keeps_the_sets_done(qtbot, window, clock, data_dir):
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: current(flow).phase == "switch")
    run_to(flow, lambda: current(flow).phase == "work")
    clock.advance(2.5)
    flow.driver.poll()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert flow.workout_screen.stop_bar.isVisible()
    assert flow.driver.active, "one Esc only asks"
    press(qtbot, window, Qt.Key.Key_Space)  # any other key carries on (and is not acted on)
    assert not flow.workout_screen.stop_bar.isVisible()
    assert current(flow).state == "running"
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Escape)
    summary = flow.summary
    assert summary is not None
    assert summary.findChild(QLabel, "summaryTitle").text().startswith("Stopped early")
    press(qtbot, window, Qt.Key.Key_Return)
    with SessionStore.open(data_dir, read_only=True) as store:
        (session,) = store.sessions()
    assert session["status"] == "abandoned"
    assert [(s["side"], s["outcome"]) for s in session["steps"]] == [
        ("left", "done"), ("right", "partial")]
    assert session["steps"][1]["actual_seconds"] == pytest.approx(2.5)


def test_the_screen_repaints_only_when_what_it_shows_changes(qtbot, window, clock):
    qtbot.waitUntil(lambda: window.build_ready)  # made once, just after the first paint
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: current(flow).phase == "work")
    screen = flow.workout_screen
    countdown = screen.countdown
    qtbot.waitUntil(lambda: countdown.paints > 0)
    # The clip after next is loaded a moment after the step's paint, on a hidden surface of
    # its own: once it is primed, nothing else is due.
    qtbot.waitUntil(lambda: not screen.preload_pending and screen.video.next_is_primed())
    QApplication.processEvents()
    painted = countdown.paints
    for _ in range(5):  # polls inside the same second: nothing new to show
        clock.advance(0.1)
        flow.driver.poll()
        QApplication.processEvents()
    assert countdown.paints == painted
    clock.advance(0.6)
    flow.driver.poll()
    qtbot.waitUntil(lambda: countdown.paints > painted)


def test_the_chassis_circuit_all_four_rounds_by_keys_then_in_history(qtbot, window, clock,
                                                                     data_dir, cli):
    """The issue's "done when", in one go: pick the circuit, follow every round with the
    keyboard, fill in the summary, find the session with `ankledesk history`."""
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    routines = window.routines
    for _ in range(routines.list.count()):
        if routines.current_routine_id() == "runners-chassis-circuit":
            break
        press(qtbot, window, Qt.Key.Key_Down)
    assert routines.current_routine_id() == "runners-chassis-circuit"
    press(qtbot, window, Qt.Key.Key_Return)
    flow = window.flow
    presses = 0
    while flow.summary is None:
        view = current(flow)
        if view.step.is_work and view.step.counts_up:
            clock.advance(20.0)
            flow.driver.poll()
            press(qtbot, window, Qt.Key.Key_Return)
            presses += 1
            continue
        flow.clock.t = flow.driver.engine.next_wake(clock.now())
        flow.driver.poll()
    assert presses == 4 * (2 + 2 + 2 + 2)  # RDL, lunges, step-ups, twists: each side, 4 rounds
    press(qtbot, window, Qt.Key.Key_8)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.flow is None
    listing = cli("history", check=True).stdout
    assert "Runner's chassis circuit" in listing
    with SessionStore.open(data_dir, read_only=True) as store:
        (session,) = store.sessions()
    assert session["rpe"] == 8 and len(session["steps"]) == 40
    assert all(s["outcome"] == "done" for s in session["steps"])
