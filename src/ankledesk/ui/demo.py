"""`ankledesk demo`: the real app window running a real routine on a fast clock, in pictures.

It opens the main window on a demo data folder of its own (never the user's), takes a picture
of Today and Routines, runs the routine with the simulated runner pressing Done on reps sets,
holds the clock still to photograph each phase the first time it comes (prepare, a hold, a reps
set, the side switch, a rest with the next clip playing), fills in and saves the summary, and
prints where the pictures and the recorded session are. Without a display it starts a virtual
one (Xvfb), so `make run` on a headless machine still shows the product working.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ankledesk.core.autopilot import reps_done_at
from ankledesk.core.engine import Event
from ankledesk.core.plan import Step
from ankledesk.core.records import SessionRecord
from ankledesk.errors import UserError
from ankledesk.ui.main_window import MainWindow
from ankledesk.ui.stop_signals import StopSignals
from ankledesk.ui.workout.clock import ScaledClock
from ankledesk.ui.workout.flow import WorkoutFlow

# How long the clock is held before a picture: the next clip's first frames are on screen.
SETTLE_S = 0.8
# Into a step when it is photographed: a countdown well under way, a ring part-empty.
SHOT_AT = 0.4


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UserError(f"--size: expected WIDTHxHEIGHT such as 1280x720 (got {text!r})",
                        exit_code=2) from None
    if not (640 <= width <= 7680 and 480 <= height <= 4320):
        raise UserError(f"--size: {width}x{height} is outside 640x480–7680x4320", exit_code=2)
    return width, height


def shot_name(step: Step) -> str | None:
    """Which phase picture a step gives: each is taken the first time its kind comes."""
    if step.kind == "work":
        return {"hold": "work-hold", "reps": "work-reps"}.get(step.mode or "")
    return {"prepare": "prepare", "switch": "switch-sides", "rest": "rest-next-clip"}.get(
        step.kind)


class DemoRun(QObject):
    """Drives the window: pictures, the simulated runner, the summary, then quits."""

    def __init__(self, window: MainWindow, clock: ScaledClock, routine_id: str, out: Path,
                 prefix: str, speed: float) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.routine_id = routine_id
        self.out = out
        self.prefix = prefix
        self.speed = speed
        self.pictures: list[Path] = []
        self.taken: set[str] = set()
        self.shot_due: tuple[float, str] | None = None
        self.done_due: float | None = None
        self.flow: WorkoutFlow | None = None
        self.session: SessionRecord | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(10)
        self._ticker.timeout.connect(self._tick)

    def settle(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)

    def grab(self, name: str) -> Path:
        """The window as it is on the screen (libvlc draws straight into X, so no grab())."""
        window = self.window
        origin = window.mapToGlobal(QPoint(0, 0))
        image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        target = self.out / f"{self.prefix}{name}.png"
        image.copy(QRect(origin.x(), origin.y(), window.width(), window.height())).save(
            str(target))
        self.pictures.append(target)
        return target

    def start(self) -> None:
        self.settle(0.5)
        self.grab("today")
        self.window.show_page(1)
        self.window.routines.select(self.routine_id)
        self.settle(1.5)
        self.grab("routines")
        self.window.show_page(0)
        flow = self.window.start_routine(self.routine_id)
        if flow is None:
            raise UserError(f"could not start {self.routine_id}")
        self.flow = flow
        flow.driver.events.connect(self._on_events)
        flow.summary_shown.connect(self._summary)
        flow.closed.connect(self._closed)
        # The first step started before we listened: schedule its picture by hand.
        view = flow.driver.view()
        if view.step is not None:
            self._plan_shot(view.step, 0.0)
        self._ticker.start()

    def _plan_shot(self, step: Step, at: float) -> None:
        name = shot_name(step)
        if name and name not in self.taken and self.shot_due is None:
            length = step.seconds if step.seconds is not None else step.estimate
            self.shot_due = (at + SHOT_AT * length, name)

    def _on_events(self, events: list[Event]) -> None:
        for event in events:
            if event.kind == "step_started":
                self._plan_shot(event.step, event.at)
                self.done_due = reps_done_at(event)

    def _tick(self) -> None:
        flow = self.flow
        if flow is None or flow.summary is not None:
            return
        now = self.clock.now()
        if self.shot_due is not None and now >= self.shot_due[0]:
            _, name = self.shot_due
            self.shot_due = None
            self.taken.add(name)
            self.clock.hold()
            flow.driver.poll()
            self.settle(SETTLE_S)
            self.grab(name)
            self.clock.release()
        if self.done_due is not None and now >= self.done_due:
            self.done_due = None
            flow.driver.complete()

    def _summary(self) -> None:
        self._ticker.stop()
        flow = self.flow
        assert flow is not None and flow.summary is not None
        summary = flow.summary
        summary.set_rpe(6)
        summary.notes.setPlainText("Demo session: steady, no pain.")
        self.settle(0.3)
        self.grab("summary")
        summary.save()

    def _closed(self, document: SessionRecord) -> None:
        self.session = document
        self.settle(0.4)
        self.grab("today-after")
        for page, name in ((2, "build"), (3, "history")):
            self.window.show_page(page)
            self.settle(0.3)
            self.grab(name)
        QApplication.quit()


def _with_display(size: tuple[int, int], run: Callable[[], int]) -> int:
    """Run on the user's display, or on a virtual one where there is none."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in (
            "darwin", "win32"):
        return run()
    from pyvirtualdisplay.display import Display  # only here: a headless Linux machine

    width, height = max(size[0], 1920), max(size[1], 1080)
    with Display(visible=False, size=(width, height), color_depth=24):
        return run()


def cmd_demo(args: argparse.Namespace) -> int:
    size = _size(args.size)
    if args.speed <= 0:
        raise UserError("--speed must be above 0", exit_code=2)
    out = Path(args.out).expanduser() if args.out else Path(
        tempfile.mkdtemp(prefix="ankledesk-demo-"))
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="data-", dir=out))
    return _with_display(size, lambda: _run(args, size, out, data))


def _run(args: argparse.Namespace, size: tuple[int, int], out: Path, data: Path) -> int:
    from ankledesk.ui.app import create_application, install_excepthook

    install_excepthook(data)
    app = create_application()
    with StopSignals() as stop:  # SIGTERM, Ctrl-C: the window closes, then one line (app.py)
        code = _demo(args, app, stop, size, out, data)
    stop.reraise()
    return code


def _demo(args: argparse.Namespace, app: QApplication, stop: StopSignals,
          size: tuple[int, int], out: Path, data: Path) -> int:
    from ankledesk.ui.app import build_window, end_loops_on_signal, until_closed
    from ankledesk.ui.theme import apply_theme

    end_loops_on_signal(app, stop)
    apply_theme(app, args.theme)
    clock = ScaledClock(args.speed)
    window = build_window(data, clock=clock)
    if window is None:
        return 1
    if args.routine not in window.context.library.routines:
        raise UserError(f"no routine {args.routine!r}: see `ankledesk routines list`")
    window.move(0, 0)
    window.resize(*size)
    window.show()
    demo = DemoRun(window, clock, args.routine, out, args.prefix, args.speed)
    QTimer.singleShot(0, demo.start)
    until_closed(app, window, stop)
    if stop.signum is None:
        window.close()
    window.context.store.close()
    if stop.signum is not None:
        return 1  # never the exit code: `_run` then raises the signal's (stop.reraise)
    if demo.session is None:
        print("ankledesk: the demo did not finish its workout", file=sys.stderr)
        return 1
    steps = demo.session["steps"]
    print(f"Ran “{demo.session['routine_name']}” at {args.speed:g}× speed: {len(steps)} sets "
          f"recorded.")
    print("Pictures:")
    for picture in demo.pictures:
        print(f"  {picture}")
    print(f"Demo history (not yours): ankledesk --data-dir {data} history")
    return 0
