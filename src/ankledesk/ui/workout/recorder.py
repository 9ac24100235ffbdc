"""Every finished set goes to the journal the moment it ends (nothing is lost in a crash).

The recorder listens to the driver's events and hands each `step_finished` of a work step to
`ActiveSession.record`, which writes it durably before returning.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ankledesk.core.engine import Event
from ankledesk.store.session_store import ActiveSession
from ankledesk.ui.workout.driver import WorkoutDriver


class Recorder(QObject):
    def __init__(self, driver: WorkoutDriver, active: ActiveSession,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = active
        self.recorded = 0
        driver.events.connect(self.on_events)

    def on_events(self, events: list[Event]) -> None:
        for event in events:
            if event.kind == "step_finished" and event.step.is_work and not self.active.closed:
                self.active.record(event)
                self.recorded += 1
