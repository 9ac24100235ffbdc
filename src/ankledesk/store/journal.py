"""The journal: a small TinyDB file holding the one session in progress.

Every finished step is written here at once (one durable write of a file that never grows past
one session), so a crash loses nothing and the cost of a step does not depend on how many years
of history sit next to it. On finish or abandon the session moves into its year's file in one
write and the journal is removed; a journal found at start therefore always means a session was
cut short.

Besides the session document the journal keeps `resume_index`: the plan step after the step
finished last (in time, not in plan order: after *Previous* the last one finished may be an
earlier step). It is dropped when the session moves into history.

What the user types on the summary (effort, pain, notes, the drill notes) goes into the same
document the moment it is entered (`annotate`): these are the session document's own fields,
so the schema does not change and an older AnkleDesk reads them as it reads a finished
session's. A finish refused (a full disk) then leaves them here with the sets, and the next
start's resume or keep-as-stopped stores them with the session.
"""

from __future__ import annotations

import copy
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, TypedDict, cast

from ankledesk.core.records import SessionRecord, StepRecord
from ankledesk.store.documents import merge_step
from ankledesk.store.files import SessionsFile, open_file
from ankledesk.store.reading import RESUME_KEY
from ankledesk.store.storage import remove_durably

JOURNAL_FILE = "journal.json"


class JournalRecord(SessionRecord):
    """The session in progress as the journal keeps it: the document plus `resume_index`."""

    resume_index: int


class TypedFields(TypedDict, total=False):
    """The fields of a session the user fills in on the summary."""

    rpe: int | None
    pain: bool
    notes: str
    drill_notes: dict[str, str]


class Journal(SessionsFile):
    """The journal file of a data folder (see the module docstring)."""

    @classmethod
    def open(cls, folder: Path, *, writable: bool) -> Journal | None:
        """The folder's journal, or None if there is none."""
        opened = open_file(Path(folder) / JOURNAL_FILE, "journal", writable=writable,
                           create=False)
        return None if opened is None else cls(opened)

    @classmethod
    def create(cls, folder: Path) -> Journal:
        """The folder's journal for writing, created if there is none (the caller holds the
        data folder's lock)."""
        return cls(open_file(Path(folder) / JOURNAL_FILE, "journal", writable=True, create=True))

    def session(self) -> JournalRecord | None:
        """The session in progress (with its `resume_index`), or None if the journal is empty
        or from a newer app (whose documents this one cannot read)."""
        if self.opened.newer_schema:
            return None
        docs = self._table.all()
        # open_file checked the document (reading.read_tables) before anything reads it.
        return cast(JournalRecord, copy.deepcopy(dict(docs[0]))) if docs else None

    def start(self, document: SessionRecord, resume_index: int = 0) -> None:
        """Write the session's first version (its header, no steps yet)."""
        if len(self._table):
            self._table.truncate()
        self._table.insert({**document, RESUME_KEY: resume_index})

    def record(self, step: StepRecord, resume_index: int) -> None:
        """Add (or replace, by plan index) one finished step: one durable write."""

        def apply(doc: MutableMapping[str, Any]) -> None:
            doc["steps"] = merge_step(doc["steps"], step)
            doc[RESUME_KEY] = resume_index

        self._table.update(apply)

    def annotate(self, typed: TypedFields) -> None:
        """Keep what the user typed (rpe, pain, notes; drill_notes, dropped when empty) in
        the session: one durable write."""

        def apply(doc: MutableMapping[str, Any]) -> None:
            doc.update(typed)
            if not typed.get("drill_notes", True):
                del doc["drill_notes"]

        self._table.update(apply)

    def remove(self) -> None:
        """Delete the journal for good (its session is safely in its year's file by now)."""
        remove_durably(self.path)


def without_journal_fields(document: SessionRecord) -> SessionRecord:
    """The session document as the history stores it."""
    return cast(SessionRecord, {k: v for k, v in document.items() if k != RESUME_KEY})
