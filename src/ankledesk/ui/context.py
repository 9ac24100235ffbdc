"""What every screen of the app works from: the data folder's store, routines and preferences.

Screens take this in their constructor and subscribe to `history_changed`; none of them opens a
file itself. The routine library and the history are read on first use, not at start-up, so
the window paints before any of it is parsed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ankledesk.core.loader import Library
from ankledesk.core.model import Drill, Routine
from ankledesk.core.records import SessionRecord
from ankledesk.core.weeks import Week
from ankledesk.library import open_library
from ankledesk.store.documents import routine_from_snapshot
from ankledesk.store.parsed_toml import ParsedToml
from ankledesk.store.session_store import SessionStore
from ankledesk.store.user_clips import UserClips
from ankledesk.ui.preferences import Preferences


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
        self._overview: tuple[tuple[Week, int], list[SessionRecord]] | None = None
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

    def overview(self, week: Week, latest: int) -> list[SessionRecord]:
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

    def sessions_changed(self) -> None:
        self._sessions = None
        self._overview = None
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
