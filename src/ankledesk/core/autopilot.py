"""The simulated runner: when it presses *Done* on a reps set.

`simulate` (into the history) and the GUI demo both let the engine run unattended; a reps set
only ends when someone says Done, so this is the one rule they share.
"""

from __future__ import annotations

from ankledesk.core.engine import Event


def reps_done_at(event: Event) -> float | None:
    """When the simulated runner presses Done on the set `event` started: after its estimated
    time, unless its time cap ends it first (None: nothing to press)."""
    step = event.step
    if not (step.is_work and step.counts_up):
        return None
    if step.seconds is not None and step.estimate >= step.seconds:
        return None
    return event.at + step.estimate
