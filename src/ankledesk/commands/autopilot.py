"""Runs the real engine without a person: a sped-up clock, and Done pressed on every reps set.

`simulate` drives a workout this way (the GUI demo drives the real window on a sped-up clock). The
engine's clock is virtual and steps straight to each next event, so a run is the same at any
speed; the loop only sleeps so that `speed` engine seconds take one real second.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from ankledesk.core.autopilot import reps_done_at
from ankledesk.core.engine import Engine, Event


def drive(engine: Engine, speed: float, index: int = 0,
          hold: float | None = None) -> Iterator[list[Event]]:
    """Start at step `index` and yield each batch of events until the workout is done; with
    `hold`, every hold set's countdown is stretched or cut to `hold` seconds as it starts."""
    t0 = time.monotonic()
    now = 0.0
    events = engine.start(now, index=index)
    complete_at: float | None = None
    while True:
        for event in events:
            if event.kind == "step_started":
                complete_at = reps_done_at(event)
                step = event.step
                if hold is not None and step.is_work and step.mode == "hold" and step.seconds:
                    events = [*events, *engine.adjust(event.at, hold - step.seconds)]
            elif event.kind == "step_finished":
                complete_at = None
        yield events
        if engine.state == "finished":
            return
        wake = engine.next_wake(now)
        if complete_at is not None and (wake is None or complete_at <= wake):
            target, completing = complete_at, True
        elif wake is not None:
            target, completing = wake, False
        else:
            raise RuntimeError("the engine stopped running before the workout was done")
        pause = t0 + target / speed - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        now = target
        events = engine.complete(now) if completing else engine.poll(now)
