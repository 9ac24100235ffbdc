"""The engine's Qt adapter: one QObject owns the Engine and turns its events into signals.

One single-shot precise timer is armed for the moment something is due: the engine's next cue
or deadline, or the next whole second of the workout's elapsed time (what the screen shows).
Every control calls the engine with `clock.now()`, so however late a timer fires, the schedule
is the engine's and cannot drift. The screen renders `view()`; it never reads a clock itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ankledesk.core.engine import Engine, Event, View
from ankledesk.core.plan import Plan
from ankledesk.ui.workout.clock import Clock


class WorkoutDriver(QObject):
    """Runs a plan on a clock; emits `events` (a list of engine Events) and `changed`."""

    events = Signal(list)
    changed = Signal()
    finished = Signal()

    def __init__(self, plan: Plan, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.clock = clock
        self.engine = Engine(plan)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)

    # -- state the screen reads ----------------------------------------------------------

    def view(self) -> View:
        return self.engine.view(self.clock.now())

    @property
    def state(self) -> str:
        return self.engine.state

    @property
    def running(self) -> bool:
        return self.engine.state == "running"

    @property
    def active(self) -> bool:
        """Started and not finished: leaving now would cut the workout short."""
        return self.engine.state in ("running", "paused")

    # -- controls --------------------------------------------------------------------------

    def start(self, index: int = 0) -> None:
        self._apply(self.engine.start(self.clock.now(), index=index))

    def poll(self) -> None:
        self._apply(self.engine.poll(self.clock.now()))

    def toggle_pause(self) -> None:
        now = self.clock.now()
        if self.engine.state == "paused":
            self._apply(self.engine.resume(now))
        else:
            self._apply(self.engine.pause(now))

    def pause(self) -> None:
        self._apply(self.engine.pause(self.clock.now()))

    def next(self) -> None:
        self._apply(self.engine.next(self.clock.now()))

    def previous(self) -> None:
        self._apply(self.engine.previous(self.clock.now()))

    def adjust(self, seconds: float) -> None:
        self._apply(self.engine.adjust(self.clock.now(), seconds))

    def complete(self, reps: int | None = None) -> None:
        """*Done*: a reps set ends with `reps` (its target when None); elsewhere, next."""
        self._apply(self.engine.complete(self.clock.now(), reps))

    def stop(self) -> None:
        """Stop the timer for good (the workout is left or finished)."""
        self._timer.stop()

    # -- internals -------------------------------------------------------------------------

    def _apply(self, events: list[Event]) -> None:
        if events:
            self.events.emit(events)
        self._arm()
        self.changed.emit()
        if self.engine.state == "finished":
            self._timer.stop()
            self.finished.emit()

    def _arm(self) -> None:
        now = self.clock.now()
        wake = self.engine.next_wake(now)
        if wake is None:
            self._timer.stop()
            return
        elapsed = self.engine.view(now).workout_elapsed
        second = now + (math.floor(elapsed + 1e-9) + 1.0 - elapsed)
        due = min(wake, second)
        delay = self.clock.real_delay(max(0.0, due - now))
        self._timer.start(max(0, math.ceil(delay * 1000)))
