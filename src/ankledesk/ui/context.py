"""What every screen of the app works from: the data folder's store, routines and preferences.

Screens take this in their constructor and subscribe to `history_changed`; none of them opens a
file itself. The routine library and the history are read on first use, not at start-up, so
the window paints before any of it is parsed.

It is also the window's one door to changing the history: a finish, an abandon, an edit, a
measurement each goes through a method here that writes and then announces the change itself
(napari's "the model says when it changed"), so no screen can write and forget to tell the
others, and every cache of what was read from the history lives here, dropped on that signal.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ankledesk import paths
from ankledesk.core.loader import Library
from ankledesk.core.model import Drill, Routine
from ankledesk.core.records import SessionRecord, SessionView
from ankledesk.core.selfcheck import SELF_CHECK_FILE, Sign, load_self_check
from ankledesk.core.weeks import Week
from ankledesk.library import open_library
from ankledesk.store.documents import routine_from_snapshot
from ankledesk.store.edits import edit_session
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.parsed_toml import ParsedToml
from ankledesk.store.session_store import ActiveSession, SessionStore
from ankledesk.store.user_clips import UserClips
from ankledesk.ui.preferences import Preferences

log = logging.getLogger(__name__)


class AppContext(QObject):
    history_changed = Signal()
    preferences_changed = Signal()

    def __init__(self, data_dir: Path, store: SessionStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.store = store
        self.prefs = Preferences(self.data_dir)
        self.clips = UserClips(self.data_dir)
        self._library: Library | None = None
        self._parsed: ParsedToml | None = None
        self._notices_said = 0
        self._sessions: list[SessionRecord] | None = None
        # (the week and the count of latest sessions it was read for, what was read)
        self._overview: tuple[tuple[Week, int], list[SessionView]] | None = None
        self._measurements: list[dict[str, Any]] | None = None
        self._signs: list[Sign] | None = None
        self.generation = 0
        """Counts the changes to the history: a cache of anything read from it is current
        while this is what it was when read."""

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = open_library(self.data_dir, self.parsed_toml.read)
            self.parsed_toml.save()
        return self._library

    @property
    def parsed_toml(self) -> ParsedToml:
        """The data folder's cache of parsed TOML files (the library, the self-check)."""
        if self._parsed is None:
            self._parsed = ParsedToml.of(self.data_dir)
        return self._parsed

    def reload_library(self) -> None:
        self._library = None

    def unsaid_notices(self) -> list[str]:
        """The store's notices not said yet (marked said now). Older years are read only when
        shown, so a session set aside there is noticed after the start: it is said then."""
        notices = self.store.notices
        new = notices[self._notices_said:]
        self._notices_said = len(notices)
        return new

    def sessions(self) -> list[SessionRecord]:
        """Finished and abandoned sessions, oldest first (cached until the history changes)."""
        if self._sessions is None:
            self._sessions = self.store.sessions(include_in_progress=False)
        return self._sessions

    def overview(self, week: Week, latest: int) -> Sequence[SessionView]:
        """Every finished and abandoned session, oldest first, read in proportion to what
        Today shows: the years of `week` and of the `latest` sessions in full, the other
        years in outline (store.digest: enough for the streak, the ladder and the
        suggestion). Cached until the history changes; the History screen's `sessions()`
        reads every year in full."""
        if self._sessions is not None:
            return self._sessions
        key = (week, latest)
        if self._overview is None or self._overview[0] != key:
            years = {week.first.year, week.last.year}
            self._overview = (key, self.store.view(years, latest=latest,
                                                   include_in_progress=False))
        return self._overview[1]

    def measurements(self) -> list[dict[str, Any]]:
        """Every readable measurement, oldest first (cached until the history changes);
        records that cannot be read are logged and left in the file."""
        if self._measurements is None:
            reader = MeasurementLog(self.store)
            self._measurements = reader.all()
            for line in reader.skipped:
                log.warning("skipped %s", line)
        return self._measurements

    def self_check(self) -> list[Sign]:
        """The self-check's signs (routine data: read once); a broken file is logged and the
        signs that load are kept."""
        if self._signs is None:
            self._signs, problems = load_self_check(
                paths.builtin_routines_dir() / SELF_CHECK_FILE, self.library.routines,
                self.parsed_toml.read)
            self.parsed_toml.save()
            for problem in problems:
                log.warning("%s", problem)
        return self._signs

    # -- changing the history: each writes, then says so -------------------------------------

    def finish(self, active: ActiveSession, *, at: float | None, rpe: int | None, pain: bool,
               notes: str, drill_notes: Mapping[str, str]) -> SessionRecord:
        """Store the workout `active` as finished (see ActiveSession.finish)."""
        document = active.finish(at=at, rpe=rpe, pain=pain, notes=notes,
                                 drill_notes=drill_notes)
        self._sessions_changed()
        return document

    def abandon(self, active: ActiveSession, *, at: float | None, rpe: int | None, pain: bool,
                notes: str, drill_notes: Mapping[str, str]) -> SessionRecord:
        """Store the workout `active` as stopped early, keeping every set done."""
        document = active.abandon(at=at, rpe=rpe, pain=pain, notes=notes,
                                  drill_notes=drill_notes)
        self._sessions_changed()
        return document

    def abandon_leftover(self) -> SessionRecord:
        """Keep the workout a crash cut short as stopped early (SessionStore.abandon_leftover)."""
        document = self.store.abandon_leftover()
        self._sessions_changed()
        return document

    def edit_session(self, session_id: str, *, rpe: int | None, pain: bool, notes: str,
                     drill_notes: Mapping[str, str]) -> SessionRecord:
        """Store what the runner says of a session afterwards (store.edits.edit_session)."""
        document = edit_session(self.store, session_id, rpe=rpe, pain=pain, notes=notes,
                                drill_notes=drill_notes)
        self._sessions_changed()
        return document

    def add_measurements(self, values: Mapping[str, tuple[float | None, float | None]],
                         session_id: str | None = None) -> list[dict[str, Any]]:
        """Store one measurement per kind in `values` ({kind: (left, right)}), each a durable
        write, and say so once. What was stored before a refusal stays stored, and is said."""
        writer = MeasurementLog(self.store)
        saved: list[dict[str, Any]] = []
        try:
            for kind, (left, right) in values.items():
                saved.append(writer.add(kind, left=left, right=right, session_id=session_id))
        finally:
            if saved:
                self._sessions_changed()
        return saved

    def _sessions_changed(self) -> None:
        self._sessions = None
        self._overview = None
        self._measurements = None
        self.generation += 1
        self.history_changed.emit()

    def drill(self, drill_id: str, routine: Routine | None = None) -> Drill | None:
        """The catalogue's drill (with its cues and clip), else the routine's own copy."""
        found = self.library.drills.get(drill_id)
        if found is None and routine is not None:
            found = routine.drills.get(drill_id)
        return found

    def clip_for(self, drill: Drill) -> Path | None:
        return self.clips.clip_path(drill)

    def routine_of_snapshot(self, snapshot: dict[str, Any]) -> Routine:
        """A cut-short session's routine as it was run, with today's drill cues and clips."""
        routine = routine_from_snapshot(snapshot)
        drills = {**routine.drills, **{d: self.library.drills[d] for d in routine.drill_ids
                                       if d in self.library.drills}}
        return replace(routine, drills=drills)
