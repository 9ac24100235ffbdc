"""history.json: every finished or abandoned session, one TinyDB document each.

Written once per session (when it finishes or is abandoned), never per step: that is the
journal's job, and it keeps a step's cost independent of years of history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from tinydb import Query

from ankledesk.core.records import SessionRecord
from ankledesk.store.documents import check_session, parse_time
from ankledesk.store.files import SessionsFile, open_file

HISTORY_FILE = "history.json"


def _readable(document: dict[str, Any]) -> bool:
    try:
        check_session(document)
    except ValueError:
        return False
    return True


class History(SessionsFile):
    """The folder's history.json (created when opened writable and missing)."""

    @classmethod
    def open(cls, folder: Path, *, writable: bool) -> History:
        return cls(open_file(Path(folder) / HISTORY_FILE, "history", writable=writable,
                             create=True))

    def sessions(self) -> list[SessionRecord]:
        """Every stored session, oldest first (by start time, then by insertion). From a newer
        app's file, only the documents this app can still read."""
        docs = [dict(d) for d in self._table.all()]
        if self.opened.newer_schema:
            docs = [d for d in docs if _readable(d)]
        # Checked documents only: open_file checks a file of our schema as it opens it.
        checked = cast(list[SessionRecord], docs)
        return sorted(checked, key=lambda d: parse_time(d["started_at"]))

    def contains(self, session_id: str) -> bool:
        return self._table.contains(Query().id == session_id)

    def add(self, document: SessionRecord) -> None:
        """Store one session for good: one durable write of history.json. A session already
        stored under the same id is replaced, so moving a session in twice cannot duplicate it."""
        check_session(document)
        match = Query().id == document["id"]
        if self._table.contains(match):
            self._table.update(document, match)
        else:
            self._table.insert(document)
