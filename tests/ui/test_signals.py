"""SIGTERM and Ctrl-C reaching the real window and the real demo: every set written is kept,
the workout stays resumable, the process ends at once with 143 / 130, one line and no dialog.

Real processes on the test's X display, real signals, real data folders. The window's
questions are answered through the X server (tests/ui/x11.py), as a user would; its workout
runs in real time on one-second holds, so a set is written every second or so and the signals
land at every point of that cycle. The demo runs on its sped-up clock.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ankledesk.core.plan import expand
from ankledesk.library import open_library
from ankledesk.store.documents import WallClock
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE
from ankledesk.store.session_store import SessionStore
from ankledesk.store.storage import PAUSE_ENV
from tests.conftest import ROOT
from tests.ui import x11

pytestmark = pytest.mark.slow

RESUME_TITLE = "A workout was cut short"
DIALOGS = ("AnkleDesk: something went wrong", "Stop the workout?", "Unsaved circuit")
EXIT = {signal.SIGTERM: 143, signal.SIGINT: 130}
SAID = {signal.SIGTERM: "ankledesk: stopped (SIGTERM)", signal.SIGINT: "ankledesk: interrupted"}
# However loaded the machine, a window that heard the signal is gone long before this.
GONE_WITHIN_S = 40.0

ONE_SECOND_HOLDS = """\
id = "one-second-holds"
name = "One-second holds"
description = "Twenty-five rounds of one-second holds, each side, back to back."
rounds = 25
rest_between_rounds = 0
rest_between_drills = 0
prepare = 0
side_switch = 0

[[items]]
drill = "big-toe-raise-hold"
seconds = 1
sides = "each"
"""


class App:
    """`python -m ankledesk ARGS` under the test's display; stderr read as it comes."""

    def __init__(self, args: list[str], *, pause: str | None = None) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        env.pop(PAUSE_ENV, None)
        if pause is not None:
            env[PAUSE_ENV] = pause
        self.proc = subprocess.Popen([sys.executable, "-m", "ankledesk", *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, env=env, cwd=ROOT)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)

    def alive(self) -> bool:
        return self.proc.poll() is None

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def wait_until(self, what: str, condition, timeout: float = 90.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            assert self.alive(), f"ended (exit {self.proc.returncode}) before {what}:\n" \
                                 f"{self.stderr}"
            assert time.monotonic() < end, f"never {what}:\n{self.stderr}"
            time.sleep(0.02)

    def checkpoints(self, what: str) -> int:
        return sum(1 for line in self.lines if line.strip() == f"checkpoint: {what}")

    def stop(self, signum: int, handle: int) -> int:
        """Send `signum`; the exit code once it is gone. Fails if it is still there after
        GONE_WITHIN_S, or if a dialog shows on the way out."""
        self.proc.send_signal(signum)
        end = time.monotonic() + GONE_WITHIN_S
        try:
            while self.alive():
                shown = [t for t in x11.windows(handle, self.proc.pid).values() if t in DIALOGS]
                assert not shown, f"a dialog showed after the signal: {shown}\n{self.stderr}"
                assert time.monotonic() < end, (
                    f"still running {GONE_WITHIN_S:.0f} s after signal {signum}:\n"
                    f"{self.stderr}")
                time.sleep(0.05)
        finally:
            if self.alive():
                self.proc.kill()
            self.proc.wait(timeout=30)
            self._reader.join(timeout=30)
        return self.proc.returncode


def assert_stopped_cleanly(app: App, code: int, signum: int, data: Path) -> None:
    err = app.stderr
    assert code == EXIT[signum], (code, err)
    assert "Traceback" not in err and "uncaught exception" not in err, err
    said = [line for line in err.splitlines() if line.startswith("ankledesk:")]
    assert len(said) == 1 and said[0].startswith(SAID[signum]), err
    lock = data / LOCK_FILE
    assert not lock.exists() or lock.read_text() == ""  # released on the way out
    log = data / "logs" / "ankledesk.log"
    assert not log.exists() or "uncaught exception" not in log.read_text(encoding="utf-8")


def journal_steps(data: Path) -> list[dict] | None:
    """The sets the journal on disk holds; None when there is no journal."""
    try:
        tables = json.loads((data / JOURNAL_FILE).read_bytes())
    except FileNotFoundError:
        return None
    docs = list(tables.get("sessions", {}).values())  # none yet: created, not yet started
    assert len(docs) <= 1, docs
    return docs[0]["steps"] if docs else []


def canonical(steps: list[dict]) -> set[str]:
    return {json.dumps(step, sort_keys=True) for step in steps}


def pid_in_lock(app: App, data: Path) -> bool:
    try:
        return (data / LOCK_FILE).read_text().strip() == str(app.proc.pid)
    except FileNotFoundError:
        return False


def the_one_session(data: Path) -> dict:
    with SessionStore.open(data, read_only=True) as store:
        sessions = store.sessions(include_in_progress=False)
        assert store.leftover is None
    assert len(sessions) == 1, sessions
    return sessions[0]


def resume_to_the_end(data: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "ankledesk", "--data-dir", str(data),
                          "simulate", "--resume", "--speed", "1000"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr


# --- the window -------------------------------------------------------------------------------


def cut_short_workout(data: Path) -> int:
    """A data folder whose journal holds a workout of one-second holds, not yet begun (so
    every start asks to resume it); the number of sets in its plan."""
    (data / "routines").mkdir(parents=True)
    (data / "routines" / "one-second-holds.toml").write_text(ONE_SECOND_HOLDS,
                                                             encoding="utf-8")
    routine = open_library(data).routines["one-second-holds"]
    with SessionStore.open(data) as store:
        store.begin(routine, WallClock.now(0.0))
    return sum(1 for step in expand(routine).steps if step.is_work)


def window(data: Path, pause: str | None = None) -> App:
    return App(["--data-dir", str(data)], pause=pause)


@pytest.mark.timeout(600)
def test_the_idle_window_closes_at_once_on_sigterm_and_ctrl_c(tmp_path):
    """No workout running: the window goes with 143 / 130 and one line, at any moment of its
    life (before this change SIGTERM left it open until the next mouse move)."""
    moments = ("building the window", "shown", "shown a second ago")
    with x11.display() as handle:
        for n, (moment, signum) in enumerate(
                (m, s) for m in moments for s in (signal.SIGTERM, signal.SIGINT)):
            data = tmp_path / f"data-{n}"
            data.mkdir()
            app = window(data)
            if moment == "building the window":
                app.wait_until("took the lock", lambda: pid_in_lock(app, data))  # noqa: B023
            else:
                x11.wait_for_window(handle, "AnkleDesk", app.proc, 90)
                if moment == "shown a second ago":
                    time.sleep(1.0)
            code = app.stop(signum, handle)
            assert_stopped_cleanly(app, code, signum, data)
            assert not (data / JOURNAL_FILE).exists()


@pytest.mark.timeout(900)  # twenty starts of the window, each up to 5 s of a workout
def test_sigterm_and_ctrl_c_mid_workout_keep_every_set_and_the_workout_resumes(tmp_path):
    """Twenty starts of the real window on one workout, each ended by SIGTERM or Ctrl-C at
    another moment: with the resume question still open, or up to 5 s into the sets (one is
    written every second). Every set the journal held when the signal was sent is still there
    after it, the question is asked again at the next start, and the finished session holds
    every set of the plan exactly once."""
    data = tmp_path / "data"
    sets_in_plan = cut_short_workout(data)
    seen: set[str] = set()
    with x11.display() as handle:
        for n in range(20):
            signum = signal.SIGTERM if n % 2 == 0 else signal.SIGINT
            before = (data / JOURNAL_FILE).read_bytes()
            app = window(data)
            x11.wait_for_focus(handle, RESUME_TITLE, app.proc, 90)
            question_open = n % 5 == 4
            if not question_open:
                x11.press(handle, x11.XK_RETURN)  # "Resume where it stopped"
                time.sleep(0.3 + 0.24 * n)
            written = journal_steps(data)
            assert written is not None
            code = app.stop(signum, handle)
            assert_stopped_cleanly(app, code, signum, data)
            kept = journal_steps(data)
            assert kept is not None, "the workout was stored instead of left to resume"
            assert canonical(written) <= canonical(kept)
            if question_open:
                assert (data / JOURNAL_FILE).read_bytes() == before  # not abandoned
            seen |= canonical(kept)
    assert len(seen) >= 5  # the workout really ran between the signals
    resume_to_the_end(data)
    session = the_one_session(data)
    assert session["status"] == "finished"
    assert seen <= canonical(session["steps"])
    indexes = [step["index"] for step in session["steps"]]
    assert sorted(indexes) == sorted(set(indexes)) and len(indexes) == sets_in_plan


@pytest.mark.timeout(600)
def test_a_signal_during_the_journal_write_waits_for_it_to_complete(tmp_path):
    """SIGTERM while the window is inside the write of a set (held there by the store's
    test pause): the write completes and is counted, then the window closes; before this
    change the signal was raised inside the write, the set was dropped from the workout and
    the window carried on."""
    data = tmp_path / "data"
    sets_in_plan = cut_short_workout(data)
    original = tmp_path / "original"
    shutil.copytree(data, original)
    with x11.display() as handle:
        # Which of the store's durable writes is the second set's: count them once.
        counting = window(data, pause="0")
        x11.wait_for_focus(handle, RESUME_TITLE, counting.proc, 90)
        x11.press(handle, x11.XK_RETURN)
        counting.wait_until("wrote two sets",
                            lambda: counting.checkpoints("wrote journal.json") >= 2)
        counting.proc.kill()
        counting.proc.wait(timeout=30)
        counting._reader.join(timeout=30)
        marks = [line.strip() for line in counting.lines if line.startswith("checkpoint: ")]
        second_set = [i for i, mark in enumerate(marks, 1)
                      if mark == "checkpoint: wrote journal.json"][1]

        shutil.rmtree(data)
        shutil.copytree(original, data)
        app = window(data, pause=f"{second_set}:4")
        x11.wait_for_focus(handle, RESUME_TITLE, app.proc, 90)
        x11.press(handle, x11.XK_RETURN)
        app.wait_until("paused in the second set's write",
                       lambda: app.checkpoints("wrote journal.json") >= 2)
        code = app.stop(signal.SIGTERM, handle)
    assert_stopped_cleanly(app, code, signal.SIGTERM, data)
    kept = journal_steps(data)
    assert kept is not None, "the workout was stored instead of left to resume"
    assert [step["index"] for step in kept][:2] == [0, 1]  # the set being written is there
    resume_to_the_end(data)
    session = the_one_session(data)
    assert canonical(kept) <= canonical(session["steps"])
    assert len(session["steps"]) == sets_in_plan


# --- the demo ---------------------------------------------------------------------------------

DEMO_SETS = 8  # big-toe-strength: 4 rounds, each side


def demo_moments() -> list[tuple[str, object, float]]:
    """Twenty moments over a demo run: (what is waited for, its value, then a delay)."""
    moments: list[tuple[str, object, float]] = [
        ("starting", None, 1.0), ("lock", None, 0.0),
        ("picture", "today", 0.0), ("picture", "routines", 0.0), ("picture", "prepare", 0.0)]
    moments += [("sets", k, 0.0) for k in range(1, DEMO_SETS)]
    moments += [("sets", k, 0.15) for k in (2, 4, 6)]
    moments += [("sets", k, 0.4) for k in (1, 3, 5)]
    moments += [("picture", "summary", 0.0), ("picture", "today-after", 0.0)]
    return moments


@pytest.mark.timeout(1200)  # twenty demos, each stopped at a later moment
def test_the_demo_ends_cleanly_on_sigterm_and_ctrl_c_at_any_moment(tmp_path):
    """`ankledesk demo` signalled at twenty moments from its start to its last pictures:
    143 / 130 with one line every time, never a traceback, a hang or a core dump, and the
    sets it wrote are kept (the workout resumes from its journal, or is in the history when
    its summary was on show)."""
    with x11.display() as handle:
        for n, (kind, value, delay) in enumerate(demo_moments()):
            signum = signal.SIGTERM if n % 2 == 0 else signal.SIGINT
            out = tmp_path / f"demo-{n}"
            app = App(["demo", "--out", str(out), "--speed", "150", "--routine",
                       "big-toe-strength"])

            def data() -> Path | None:
                found = list(out.glob("data-*"))  # noqa: B023
                return found[0] if found else None

            def sets() -> int:
                folder = data()
                steps = journal_steps(folder) if folder is not None else None
                return len(steps or [])

            if kind == "starting":
                time.sleep(delay)
            elif kind == "lock":
                app.wait_until("took the lock",
                               lambda: data() is not None and pid_in_lock(app, data()))  # noqa: B023
            elif kind == "picture":
                app.wait_until(f"took {value}.png",
                               lambda: (out / f"{value}.png").exists())  # noqa: B023
            else:
                app.wait_until(f"wrote {value} sets", lambda: sets() >= value)  # noqa: B023
                time.sleep(delay)
            folder = data()
            written = (journal_steps(folder) if folder is not None else None) or []
            code = app.stop(signum, handle)
            folder = data()
            if folder is None:  # stopped before it made its data folder
                assert_stopped_cleanly(app, code, signum, out)
                continue
            assert_stopped_cleanly(app, code, signum, folder)
            if journal_steps(folder) is not None:
                assert canonical(written) <= canonical(journal_steps(folder) or [])
                resume_to_the_end(folder)
            elif not written:
                with SessionStore.open(folder, read_only=True) as store:
                    if not store.sessions():
                        continue  # stopped before the workout began
            session = the_one_session(folder)
            assert canonical(written) <= canonical(session["steps"])
            assert len(session["steps"]) == DEMO_SETS
