"""Driving a recorded workout as the window does, for tests that need sets in a journal."""

from __future__ import annotations

from ankledesk.core.engine import Engine
from ankledesk.core.plan import Plan
from ankledesk.store.session_store import ActiveSession


def record_sets(active: ActiveSession, plan: Plan, count: int) -> None:
    """Run the engine on a virtual clock (reps sets done after 20 s, as the autopilot does)
    until `count` sets are in `active`'s journal."""
    engine = Engine(plan)
    now = 0.0
    events = engine.start(now)
    recorded = 0
    while True:
        recorded += sum(active.record(event) is not None for event in events)
        if recorded >= count:
            return
        if engine.step.is_work and engine.step.counts_up:
            now += 20.0
            events = engine.complete(now)
        else:
            now = engine.next_wake(now)
            events = engine.poll(now)
