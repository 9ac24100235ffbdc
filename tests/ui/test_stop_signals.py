"""A SIGTERM or Ctrl-C as the window sees it, in this process: a Qt signal between two events,
and a window that then closes without asking and leaves the workout to be resumed.
tests/ui/test_signals.py sends real signals to the real app in its own process."""

from __future__ import annotations

import os
import signal

from ankledesk.store.session_store import SessionStore
from ankledesk.ui.stop_signals import StopSignals, exit_code
from tests.ui.conftest import run_to


def test_a_signal_arrives_on_the_event_loop_and_raises_nothing(qtbot):
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    with StopSignals() as stop:
        with qtbot.waitSignal(stop.arrived, timeout=10_000) as arrived:
            os.kill(os.getpid(), signal.SIGTERM)  # nothing raised here, nor in any slot
        assert arrived.args == [signal.SIGTERM]
        os.kill(os.getpid(), signal.SIGINT)  # a second one changes nothing
        qtbot.wait(100)
        assert stop.signum == signal.SIGTERM
    assert {number: signal.getsignal(number) for number in before} == before
    assert exit_code(signal.SIGTERM) == 143 and exit_code(signal.SIGINT) == 130


def journal(data_dir) -> list[dict] | None:
    with SessionStore.open(data_dir, read_only=True) as store:
        assert store.sessions(include_in_progress=False) == []  # nothing stored
        return None if store.leftover is None else store.leftover["steps"]


def test_closed_for_a_signal_mid_workout_the_sets_wait_in_the_journal(qtbot, window, clock,
                                                                     data_dir):
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: flow.recorder.recorded == 2)
    run_to(flow, lambda: flow.driver.view().elapsed >= 4)  # well into the third set
    sets = [dict(step) for step in flow.active.steps]
    window.close_for_signal()  # no question: a dialog would block this test
    assert not window.isVisible()
    window.context.store.close()
    assert journal(data_dir) == sets  # as they were: no partial third set, not abandoned
    with SessionStore.open(data_dir) as store:  # the lock was given back
        assert store.leftover is not None
        assert store.leftover["resume_index"] == sets[-1]["index"] + 1


def test_closed_for_a_signal_at_the_summary_the_session_is_saved(qtbot, window, clock,
                                                                 data_dir):
    flow = window.start_routine("quick-test")
    run_to(flow, lambda: flow.summary is not None)
    window.close_for_signal()
    window.context.store.close()
    with SessionStore.open(data_dir, read_only=True) as store:
        (session,) = store.sessions()
    assert session["status"] == "finished" and len(session["steps"]) == 6
