"""The clocks a workout runs on.

The engine takes `now` as a number; which number is decided here, in one place, so that the
app runs on the monotonic clock, the demo on a sped-up one that can be held still while a
picture is taken, and the tests on a clock they move by hand. Widgets never read any of them.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Engine seconds now."""

    def real_delay(self, engine_seconds: float) -> float:
        """How many real seconds pass while this clock advances `engine_seconds`."""


class MonotonicClock:
    """Real time. CLOCK_MONOTONIC stops while a Linux laptop sleeps, so a workout resumes
    where it was when the lid opens instead of skipping the sets that "passed"."""

    def now(self) -> float:
        return time.monotonic()

    def real_delay(self, engine_seconds: float) -> float:
        return engine_seconds


class ScaledClock:
    """`speed` engine seconds per real second, starting at 0; can be held (the demo holds it
    while it takes a picture, so each shot shows the moment it was meant to)."""

    def __init__(self, speed: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be above 0")
        self.speed = speed
        self._base = 0.0
        self._since: float | None = time.monotonic()

    def now(self) -> float:
        if self._since is None:
            return self._base
        return self._base + (time.monotonic() - self._since) * self.speed

    def real_delay(self, engine_seconds: float) -> float:
        return engine_seconds / self.speed

    @property
    def held(self) -> bool:
        return self._since is None

    def hold(self) -> None:
        if self._since is not None:
            self._base = self.now()
            self._since = None

    def release(self) -> None:
        if self._since is None:
            self._since = time.monotonic()


class ManualClock:
    """A clock only the test moves: `advance(5)` and then `driver.poll()`."""

    def __init__(self, start: float = 0.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t

    def real_delay(self, engine_seconds: float) -> float:
        # The timer may fire; a poll at an unchanged time changes nothing.
        return engine_seconds
