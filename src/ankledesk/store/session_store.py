"""The store as the app and the CLI use it: the lock, the history (one file per year) and the
journal together.

    with SessionStore.open(data_dir) as store:      # takes the lock or raises AlreadyRunning
        if store.leftover:                            # a session was cut short
            active = store.resume(clock)              # …or store.abandon_leftover()
        else:
            active = store.begin(routine, clock)
        active.record(event)                          # every step_finished event: journal
        active.finish(rpe=7)                          # into its year's file, journal removed
        for line in store.notices: show(line)         # files moved aside, read-only, split

`SessionStore.open(data_dir, read_only=True)` is for viewers (the `history` command, a report):
no lock, nothing on disk changes, and the cut-short session, if any, is listed as in progress.
A viewer reads the journal before the history and reconciles by session id, so a session that
moves from one to the other between the two reads is seen once, never missed.

Year files are opened when asked for (`sessions(years=…)`, `view(full_years)`), so a command
reads the years it shows and the digests of the others; `notices` grows as files are opened,
so print it after reading. The first writer to open a folder that still has the single
history.json splits it into year files (store.split).

Every OSError of the store's comes out as `StorageError` (a UserError) whose message says what
happened, to which file, what to do, and where the finished sets are safe. Sessions that could
not be read are kept aside byte for byte and named in `notices`; `unreadable` tells a caller
that what it shows is not the whole history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ankledesk.core.model import Routine
from ankledesk.core.records import SessionRecord, Status, StepRecord
from ankledesk.errors import UserError
from ankledesk.store.advice import advised
from ankledesk.store.documents import (
    WallClock,
    iso,
    merge_step,
    new_session,
    now_local,
    parse_time,
    step_record,
)
from ankledesk.store.files import OpenedFile, missing_file, open_file
from ankledesk.store.history import History, history_dir, year_of
from ankledesk.store.journal import (
    JOURNAL_FILE,
    Journal,
    JournalRecord,
    TypedFields,
    without_journal_fields,
)
from ankledesk.store.lock import DataLock
from ankledesk.store.reading import RESUME_KEY
from ankledesk.store.split import MEASUREMENTS_TABLE, open_legacy, split
from ankledesk.store.sweep import sweep_data_folder

MEASUREMENTS_FILE = "measurements.json"

if TYPE_CHECKING:
    from ankledesk.core.engine import Event


class ActiveSession:
    """The session being recorded; every finished work step is journalled before returning."""

    def __init__(self, store: SessionStore, journal: Journal, document: SessionRecord,
                 clock: WallClock, resume_index: int) -> None:
        self._store = store
        self._journal = journal
        self.document = document
        self.clock = clock
        self.resume_index = resume_index
        self.closed = False

    @property
    def id(self) -> str:
        return self.document["id"]

    @property
    def steps(self) -> list[StepRecord]:
        return self.document["steps"]

    def record(self, event: Event) -> StepRecord | None:
        """Journal a finished work step (durably, before returning its record); other events
        are ignored and give None."""
        if self.closed:
            raise RuntimeError("this session is already stored")
        if event.kind != "step_finished" or not event.step.is_work:
            return None
        record = step_record(event, self.clock)
        with advised(self._store.safe_in_journal()):
            self._journal.record(record, event.step.index + 1)
        self.resume_index = event.step.index + 1
        self.document = {**self.document, "steps": merge_step(self.document["steps"], record)}
        return record

    def finish(self, *, at: float | None = None, rpe: int | None = None, pain: bool = False,
               notes: str = "", drill_notes: Mapping[str, str] | None = None
               ) -> SessionRecord:
        """The workout is done: store it in its year's file and remove the journal."""
        return self._close("finished", at, rpe, pain, notes, drill_notes)

    def abandon(self, *, at: float | None = None, rpe: int | None = None, pain: bool = False,
                notes: str = "", drill_notes: Mapping[str, str] | None = None
                ) -> SessionRecord:
        """Stop early but keep everything done so far, as an abandoned session."""
        return self._close("abandoned", at, rpe, pain, notes, drill_notes)

    def annotate(self, *, rpe: int | None = None, pain: bool = False, notes: str = "",
                 drill_notes: Mapping[str, str] | None = None) -> None:
        """Keep what the user has typed on the summary so far in the journal (durably, as a
        set is kept), so a finish refused later, or a crash, does not lose it: the next
        start's resume or keep-as-stopped stores it with the sets. Nothing is written when
        nothing changed."""
        if self.closed:
            raise RuntimeError("this session is already stored")
        typed = _typed(rpe, pain, notes, drill_notes)
        if all(self.document.get(key, {}) == value for key, value in typed.items()):
            return
        with advised(self._store.safe_in_journal()):
            self._journal.annotate(typed)
        self.document = _with_typed(self.document, typed)

    def _close(self, status: Status, at: float | None, rpe: int | None, pain: bool,
               notes: str, drill_notes: Mapping[str, str] | None) -> SessionRecord:
        typed = _typed(rpe, pain, notes, drill_notes)
        ended = self.clock(at) if at is not None else now_local()
        document: SessionRecord = {**_with_typed(self.document, typed), "status": status,
                                   "ended_at": iso(ended)}
        try:
            with advised(self._store.safe_in_journal()):
                self._store.history.add(document)
                self._journal.remove()
        except UserError:
            # Refused (a full disk, say): what the user typed stays with the sets, for the
            # next try or the next start. If this write fails too, the error that matters
            # is the one above; the caller still holds what was typed.
            with contextlib.suppress(UserError):
                self.annotate(rpe=rpe, pain=pain, notes=notes, drill_notes=drill_notes)
            raise
        self.closed = True
        self.document = document
        return document


def _typed(rpe: int | None, pain: bool, notes: str, drill_notes: Mapping[str, str] | None
           ) -> TypedFields:
    """The summary's fields as the document keeps them (drill notes only where one was
    made); ValueError for an effort out of range."""
    if rpe is not None and not (type(rpe) is int and 1 <= rpe <= 10):
        raise ValueError("RPE is a whole number from 1 to 10")
    kept = {drill: text for drill, text in (drill_notes or {}).items() if text.strip()}
    return {"rpe": rpe, "pain": bool(pain), "notes": notes, "drill_notes": kept}


def _with_typed(document: SessionRecord, typed: TypedFields) -> SessionRecord:
    """`document` holding `typed` (and no drill_notes key when there is none)."""
    updated: SessionRecord = {**document, **typed}
    if not updated.get("drill_notes"):
        updated.pop("drill_notes", None)
    return updated


class SessionStore:
    """Everything a data folder holds about workouts done (see the module docstring)."""

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.requested_read_only = read_only
        self.lock = None if read_only else DataLock(self.data_dir)
        self.history: History
        self.journal: Journal | None = None
        self.leftover: JournalRecord | None = None
        self._measurements: OpenedFile | None = None

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> SessionStore:
        """Open the folder; unless read-only, take its lock first (AlreadyRunning if held)."""
        store = cls(data_dir, read_only=read_only)
        store._open()
        return store

    def _open(self) -> None:
        with advised(data_dir=self.data_dir):
            self._open_files()

    def _open_files(self) -> None:
        lock = self.lock
        writable = lock is not None
        if lock is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        try:
            if lock is not None:
                sweep_data_folder(self.data_dir)  # what a killed writer left behind
            # The journal first: a session that finishes between the two reads is then found
            # in the history, where a reader going the other way would find it in neither.
            # history.json (before the split) before the year files, for the same reason.
            self.journal = Journal.open(self.data_dir, writable=writable)
            legacy = open_legacy(self.data_dir, writable=writable)
            self.history = History(self.data_dir, writable=writable, legacy=legacy)
            if writable and legacy is not None:
                self.history.notices.extend(split(self.history, lambda: self.measurements_file(
                    create=True).db.table(MEASUREMENTS_TABLE)))
            if self.journal is not None:
                self.history.notices.extend(self.journal.notices)
                self.leftover = self.journal.session()
                if self.leftover is None and writable and not self.journal.read_only:
                    self.journal.remove()  # an empty journal: a crash before the first write
                    self.journal = None
            if writable:
                # This year's file, which a workout started now goes to: opened now, so what
                # had to be set aside in it is in `notices` before the workout starts.
                self.history.year(now_local().year)
            if self.leftover is not None and self.history.contains(self.leftover):
                # A crash after the session went into history but before the journal was
                # removed: history already holds everything, the journal is a stale copy.
                self.leftover = None
                if writable and self.journal is not None and not self.journal.read_only:
                    self.journal.remove()
                    self.journal = None
        except BaseException:
            self.close()
            raise

    def measurements_file(self, *, create: bool = False) -> OpenedFile:
        """history/measurements.json, opened on first use; while there is none it reads as
        empty, and `create` (a writer about to add one) creates it."""
        current = self._measurements
        if current is None or (create and not current.existed):
            writable = self.lock is not None
            folder = history_dir(self.data_dir)
            create = create and writable
            if create:
                folder.mkdir(parents=True, exist_ok=True)
            path = folder / MEASUREMENTS_FILE
            with (self.history.writing(path) if writable and folder.is_dir()
                  else contextlib.nullcontext()):  # a repair on opening: see History.year
                opened = open_file(path, "measurements", writable=writable, create=create)
            current = self._measurements = opened or missing_file(path, "measurements")
            self.history.notices.extend(current.notices)
        return current

    # -- reading -------------------------------------------------------------------------

    @property
    def notices(self) -> list[str]:
        """What the user must be told about the files opened so far (moved aside, kept in
        quarantine, read-only, split)."""
        return list(self.history.notices)  # one list, in the order found: callers count on it

    @property
    def read_only(self) -> bool:
        """Whether nothing can be recorded (a viewer, or a file from a newer app)."""
        return self.lock is None or self.history.read_only or bool(
            self.journal and self.journal.read_only)

    @property
    def unreadable(self) -> bool:
        """Whether part of the history could not be read (kept aside: see `notices`)."""
        return self.history.unreadable

    def safe_in_journal(self) -> str:
        """Where the sets of the session being recorded are, for an error message."""
        journal = self.data_dir / JOURNAL_FILE
        if journal.exists():
            return f"your finished sets are safe in {journal}"
        return "nothing already saved was changed"

    def no_leftover_reason(self) -> str:
        """Why there is no cut-short session to resume, in the user's words."""
        if self.journal is not None and self.journal.opened.newer_schema:
            return (f"the cut-short workout in {self.journal.path} was recorded by a newer "
                    "AnkleDesk; update AnkleDesk to resume it (the file is left as it is)")
        return "there is no cut-short workout to resume"

    def sessions(self, *, include_in_progress: bool = True,
                 years: Iterable[int] | None = None) -> list[SessionRecord]:
        """The sessions of `years` (default every year), oldest first, full documents; the
        cut-short one (status in_progress) last."""
        docs = self.history.sessions(years)
        return self._with_leftover(docs, include_in_progress)

    def view(self, full_years: Iterable[int], *, latest: int = 0,
             include_in_progress: bool = True) -> list[SessionRecord]:
        """Every session, oldest first: full documents for `full_years` and the years of the
        `latest` most recent sessions, outlines (see store.digest) for the others; the
        cut-short one last, in full."""
        return self._with_leftover(self.history.view(full_years, latest), include_in_progress)

    def _with_leftover(self, docs: list[SessionRecord],
                       include_in_progress: bool) -> list[SessionRecord]:
        if include_in_progress and self.leftover is not None:
            docs.append(without_journal_fields(self.leftover))
        return docs

    # -- recording -----------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.lock is None:
            raise RuntimeError("this store was opened read-only")
        newer = self.history.newer_schema_file or (
            self.journal.path if self.journal is not None and self.journal.read_only else None)
        if newer is not None:
            raise UserError(f"{newer} is read-only (written by a newer AnkleDesk); "
                            "update AnkleDesk to record workouts")

    def begin(self, routine: Routine, clock: WallClock) -> ActiveSession:
        """Start recording a new session of `routine`; the engine starts at `clock.engine_at`."""
        self._check_writable()
        if self.leftover is not None:
            raise UserError("a cut-short session is waiting: resume it or keep it as abandoned")
        document = new_session(routine, clock.wall_at)
        with advised(data_dir=self.data_dir):
            self.history.year(year_of(document))  # a newer app's year file: refused here
            self._check_writable()
            journal = Journal.create(self.data_dir)
            journal.start(document)
        self.journal = journal
        return ActiveSession(self, journal, document, clock, 0)

    def resume(self, clock: WallClock) -> ActiveSession:
        """Continue the cut-short session; run the engine from the returned `resume_index`."""
        self._check_writable()
        if self.leftover is None or self.journal is None:
            raise UserError(self.no_leftover_reason())
        leftover, self.leftover = self.leftover, None
        resume_index = int(leftover.get(RESUME_KEY, 0))
        return ActiveSession(self, self.journal, without_journal_fields(leftover), clock,
                             resume_index)

    def abandon_leftover(self) -> SessionRecord:
        """Keep the cut-short session as abandoned, ended when its last step ended."""
        self._check_writable()
        if self.leftover is None or self.journal is None:
            raise UserError("there is no cut-short session")
        document = without_journal_fields(self.leftover)
        ends = [s["ended_at"] for s in document["steps"]]
        document["status"] = "abandoned"
        document["ended_at"] = max(ends, key=parse_time) if ends else document["started_at"]
        with advised(self.safe_in_journal()):
            self.history.add(document)
            self.journal.remove()
        self.journal = None
        self.leftover = None
        return document

    # -- closing -------------------------------------------------------------------------

    def close(self) -> None:
        """Release the lock; an unfinished session stays in the journal, as after a crash."""
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
