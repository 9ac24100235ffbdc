"""What goes wrong at the gym goes right: a second AnkleDesk, an error in a slot, no libvlc, a
damaged history, and a laptop killed mid-set. Real processes, real files, real libvlc."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ankledesk.store.session_store import SessionStore
from ankledesk.ui import after_start, vlc_runtime
from ankledesk.ui import app as app_module
from ankledesk.ui.error_dialog import ErrorDialog
from tests.conftest import ROOT
from tests.ui.conftest import run_to
from tests.ui.dialogs import answer_next_dialog, click

HOLD_LOCK = """\
import sys, time
from pathlib import Path
from ankledesk.store.lock import DataLock
lock = DataLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
sys.stdin.read()
"""


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_instance_is_refused_politely_and_writes_nothing(qtbot, data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(data_dir)
        seen: list[str] = []
        answer_next_dialog(click(""), seen)
        assert app_module.build_window(data_dir) is None
        assert len(seen) == 1
        assert f"already running (process {holder.pid})" in seen[0]
        assert snapshot(data_dir) == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_dialog_and_the_workout_goes_on(qtbot, window, clock,
                                                                   data_dir, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app_module.start_logging(data_dir)
    app_module.install_excepthook(data_dir)
    flow = window.start_routine("quick-test")
    raised = []

    def broken_slot(events) -> None:
        if not raised:
            raised.append(True)
            raise RuntimeError("a bug in a cue")

    flow.driver.events.connect(broken_slot)
    run_to(flow, lambda: flow.driver.view().phase == "work")
    qtbot.waitUntil(lambda: any(isinstance(w, ErrorDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog))
    message = dialog.findChild(QLabel, "errorMessage").text()
    assert "RuntimeError: a bug in a cue" in message
    assert str(data_dir / "logs" / "ankledesk.log") in message
    assert "Traceback" in dialog.details
    log = (data_dir / "logs" / "ankledesk.log").read_text(encoding="utf-8")
    assert "a bug in a cue" in log and "Traceback" in log
    dialog.copy_details()
    assert "a bug in a cue" in QApplication.clipboard().text()
    # The workout carried on, and its sets are in the journal.
    run_to(flow, lambda: flow.summary is not None)
    assert len(flow.active.document["steps"]) == 6
    dialog.close()


@pytest.fixture
def no_libvlc(monkeypatch):
    """`import vlc` fails, as on a machine without VLC (the one mock: libvlc's absence)."""
    vlc_runtime.reset_runtime()
    monkeypatch.setitem(sys.modules, "vlc", None)
    yield
    vlc_runtime.reset_runtime()


def test_without_libvlc_the_workout_shows_cue_cards_and_finishes(qtbot, no_libvlc, window,
                                                                 data_dir):
    flow = window.start_routine("quick-test")
    video = flow.workout_screen.video
    assert video.banner.isVisible() and "VLC" in video.banner.text()
    run_to(flow, lambda: flow.driver.view().phase == "work")
    assert video.showing_cue_card()
    assert "Big-toe calf-raise hold" in video.cue_text()
    run_to(flow, lambda: flow.summary is not None)
    flow.summary.save()
    with SessionStore.open(data_dir, read_only=True) as store:
        (session,) = store.sessions()
    assert session["status"] == "finished" and len(session["steps"]) == 6


def test_a_damaged_history_is_said_once_and_the_app_works(qtbot, data_dir, quick_routine):
    (data_dir / "history.json").write_bytes(b'{"sessions": {"1": {"id": ')  # cut off mid-write
    seen: list[str] = []
    win = app_module.build_window(data_dir)
    assert win is not None
    try:
        win.show()
        answer_next_dialog(click(""), seen)
        after_start.after_shown(win)
        assert len(seen) == 1
        assert "history.json" in seen[0] and "corrupt" in seen[0]
        assert list(data_dir.glob("history.corrupt-*.json"))
        assert win.context.sessions() == []
        flow = win.start_routine("quick-test")
        assert flow is not None and flow.driver.active
        flow.leave_now()
    finally:
        win.close()
        win.context.store.close()


def journal_sets(journal: Path) -> int:
    """How many finished sets the journal on disk holds (0 while it is absent or mid-write)."""
    try:
        tables = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return sum(len(doc.get("steps", [])) for table in tables.values()
               for doc in table.values() if isinstance(doc, dict))


def wait_for_sets(journal: Path, count: int, process: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        if journal_sets(journal) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"the app never recorded {count} sets")


@pytest.mark.slow
def test_a_workout_killed_mid_set_is_offered_for_resume_and_continues(qtbot, tmp_path, clock):
    out = tmp_path / "demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen([sys.executable, "-m", "ankledesk", "demo", "--out", str(out),
                            "--speed", "20", "--routine", "big-toe-strength"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob("data-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        (data,) = out.glob("data-*")
        wait_for_sets(data / "journal.json", 3, app, timeout=90)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
    with SessionStore.open(data, read_only=True) as store:
        leftover = store.leftover
        assert leftover is not None
        done = len(leftover["steps"])
        resume_at = leftover["resume_index"]
    assert done >= 3

    win = app_module.build_window(data, clock=clock)
    assert win is not None
    try:
        win.show()
        seen: list[str] = []
        answer_next_dialog(click("resumeButton"), seen)
        after_start.offer_resume(win)
        assert "Big-toe strength" in seen[0] and f"after {done} sets" in seen[0]
        flow = win.flow
        assert flow is not None
        assert flow.active.id == leftover["id"]
        assert flow.driver.engine.index == resume_at
        run_to(flow, lambda: flow.summary is not None)
        flow.summary.save()
    finally:
        win.close()
        win.context.store.close()
    with SessionStore.open(data, read_only=True) as store:
        (session,) = store.sessions()
    assert session["id"] == leftover["id"] and session["status"] == "finished"
    indexes = [s["index"] for s in session["steps"]]
    assert indexes == sorted(set(indexes)) and len(indexes) == 8  # 4 rounds × 2 sides
