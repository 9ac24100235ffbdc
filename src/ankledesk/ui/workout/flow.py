"""One workout from its first second to the saved summary: driver, recorder, screen, summary.

The flow owns the session being recorded. The main window only shows it and asks it two things:
whether leaving now would cut a workout short, and to save what there is when the user leaves
anyway.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ankledesk.core.engine import PARTIAL_MIN_SECONDS
from ankledesk.core.model import Routine
from ankledesk.core.plan import expand
from ankledesk.core.records import SessionRecord
from ankledesk.errors import UserError
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import ActiveSession
from ankledesk.ui.context import AppContext
from ankledesk.ui.sleep_inhibitor import SleepInhibitor
from ankledesk.ui.workout.clock import Clock
from ankledesk.ui.workout.driver import WorkoutDriver
from ankledesk.ui.workout.recorder import Recorder
from ankledesk.ui.workout.screen import WorkoutScreen
from ankledesk.ui.workout.sound import CuePlayer
from ankledesk.ui.workout.summary import SummaryScreen

log = logging.getLogger(__name__)


class WorkoutFlow(QStackedWidget):
    closed = Signal(dict)  # the stored session document
    full_screen_requested = Signal()
    summary_shown = Signal()

    def __init__(self, context: AppContext, active: ActiveSession, routine: Routine,
                 clock: Clock, *, start_index: int = 0, inhibitor: SleepInhibitor | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutFlow")
        self.context = context
        self.active = active
        self.routine = routine
        self.clock = clock
        self.start_index = start_index
        self.inhibitor = inhibitor
        self.plan = expand(routine)
        self.driver = WorkoutDriver(self.plan, clock, self)
        prefs = context.prefs
        self.cues = CuePlayer(
            self.plan, volume=prefs.cue_volume / 100, voice_on=prefs.voice_on,
            halfway=prefs.halfway_tick, voice_name=prefs.voice, muted=prefs.muted,
            sets_done=lambda: sum(1 for s in active.steps if s.get("outcome") != "skipped"),
            parent=self)
        # Tones first, before the journal's fsync and the screen's clip switch; words last.
        self.driver.events.connect(self.cues.play_tones)
        self.recorder = Recorder(self.driver, active, self)
        self.workout_screen = WorkoutScreen(
            self.driver, lambda drill_id: context.drill(drill_id, routine), context.clip_for,
            mirror_left=prefs.mirror_left, muted=prefs.muted, parent=self)
        self.addWidget(self.workout_screen)
        self.driver.events.connect(self.cues.announce)
        self.summary: SummaryScreen | None = None
        self.finished = False
        self._ended_at: float | None = None
        self._total_seconds = 0.0
        self.workout_screen.leave_requested.connect(self.stop_early)
        self.workout_screen.full_screen_requested.connect(self.full_screen_requested)
        self.workout_screen.mute_toggled.connect(self._remember_mute)
        self.workout_screen.mute_toggled.connect(self.cues.set_muted)
        self.driver.finished.connect(lambda: self._to_summary(finished=True))
        self.driver.changed.connect(self._hold_off_sleep)

    # -- what the window asks ------------------------------------------------------------

    @property
    def in_workout(self) -> bool:
        """Whether leaving now cuts a running workout short."""
        return self.summary is None and self.driver.active

    @property
    def saved(self) -> bool:
        return self.active.closed

    def begin(self) -> None:
        if self.start_index >= len(self.plan.steps):
            # Cut short after its very last set: nothing left to run, only to save.
            self._to_summary(finished=True)
            return
        self.cues.start_voice()  # the window is on screen: the voice starts in the background
        self.driver.start(self.start_index)
        self.workout_screen.setFocus()

    def stop_early(self) -> None:
        """Esc twice or Stop: keep the set under way if it was really started, then summary."""
        if self.summary is not None:
            return
        view = self.driver.view()
        step = view.step
        if (self.driver.active and step is not None and step.is_work and not step.counts_up
                and view.elapsed >= PARTIAL_MIN_SECONDS):
            self.driver.next()  # the recorder journals it as a partial set
        self._to_summary(finished=False)

    def leave_now(self) -> SessionRecord | None:
        """The window is closing: save whatever there is, with what the summary holds."""
        if self.saved:
            return None
        if self.summary is None:
            self.stop_early()
        assert self.summary is not None
        self.summary.save()
        return self.active.document

    # -- internals -----------------------------------------------------------------------

    def _remember_mute(self, muted: bool) -> None:
        self.context.prefs.muted = muted

    def _hold_off_sleep(self) -> None:
        if self.inhibitor is None:
            return
        if self.driver.running:
            self.inhibitor.hold("A workout is running")
        else:
            self.inhibitor.release()

    def _to_summary(self, *, finished: bool) -> None:
        if self.summary is not None:
            return
        view = self.driver.view()
        self._ended_at = self.clock.now()
        self._total_seconds = view.workout_elapsed
        self.finished = finished
        self.driver.stop()
        if self.inhibitor is not None:
            self.inhibitor.release()
        self.workout_screen.shutdown()
        self.cues.finish()
        self.summary = SummaryScreen(self.active.document, self.plan, finished=finished,
                                     total_seconds=self._total_seconds, parent=self,
                                     measurements=MeasurementLog(self.context.store))
        self.summary.saved.connect(self._save)
        self.summary.typed.connect(self._keep_typed)
        self.addWidget(self.summary)
        self.setCurrentWidget(self.summary)
        self.summary.rpe_group.buttons()[0].setFocus()
        self.summary_shown.emit()

    def _keep_typed(self, rpe: int | None, pain: bool, notes: str, drill_notes: dict) -> None:
        """What the user entered on the summary, into the journal with the sets at once."""
        if self.active.closed:
            return
        try:
            self.active.annotate(rpe=rpe, pain=pain, notes=notes, drill_notes=drill_notes)
        except UserError as exc:  # a full disk, say: Save will try again and say so
            log.warning("session %s: what was typed is not kept yet: %s", self.active.id, exc)

    def _save(self, rpe: int | None, pain: bool, notes: str, drill_notes: dict) -> None:
        close = self.active.finish if self.finished else self.active.abandon
        try:
            document = close(at=self._ended_at, rpe=rpe, pain=pain, notes=notes,
                             drill_notes=drill_notes)
        except UserError as exc:
            # Refused (a full disk, a year file gone read-only): the sets and what was typed
            # stay in the journal; the summary says why and keeps its fields for another try.
            log.warning("session %s not saved: %s", self.active.id, exc)
            if self.summary is not None:
                self.summary.refused(str(exc))
            return
        log.info("session %s saved (%s)", document["id"], document["status"])
        self.context.sessions_changed()
        self.closed.emit(document)
