"""Changing a stored session afterwards: its RPE, pain flag and notes, nothing else.

The sets stay as they were recorded; only what the runner said about the session can be
corrected (a pain that showed the next morning, a note to add for the physio). The change is
one durable write of the session's year file through its atomic storage, and reports made
afterwards print it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from ankledesk.core.records import SessionRecord
from ankledesk.errors import UserError
from ankledesk.store.advice import advised
from ankledesk.store.documents import check_session
from ankledesk.store.session_store import SessionStore


def edit_session(store: SessionStore, session_id: str, *, rpe: int | None, pain: bool,
                 notes: str, drill_notes: Mapping[str, str] | None = None
                 ) -> SessionRecord:
    """Store the session `session_id` with these RPE, pain, notes and per-drill notes (empty
    per-drill notes are dropped); returns the stored document. ValueError for an RPE outside
    1–10, UserError when there is no such session or the history cannot be written."""
    if rpe is not None and not (type(rpe) is int and 1 <= rpe <= 10):
        raise ValueError("RPE is a whole number from 1 to 10")
    if store.lock is None:
        raise RuntimeError("this store was opened read-only")
    history = store.history
    located = history.find(session_id)
    if located is None:
        raise UserError(f"no session {session_id} in {history.path}")
    year, found = located
    if year.read_only:
        raise UserError(f"{year.path} is read-only (written by a newer AnkleDesk); update "
                        "AnkleDesk to edit sessions")
    changed: dict[str, Any] = {**dict(found), "rpe": rpe, "pain": bool(pain), "notes": notes}
    kept = {d: text for d, text in (drill_notes or {}).items() if text.strip()}
    changed.pop("drill_notes", None)
    if kept:
        changed["drill_notes"] = kept
    check_session(changed)
    document = cast(SessionRecord, changed)  # checked just above
    with advised(data_dir=store.data_dir):
        history.add(document)
    return document
