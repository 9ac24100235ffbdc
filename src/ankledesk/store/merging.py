"""One session per id: which of two versions of a session to keep, and ids of their own for
different sessions that share one.

A session id names one workout for good: a finish, an edit and a merge of a sync tool's
conflicted copy all find the session by it. Two versions of one session (the year file's and
a copy's) are the same workout written twice; the more complete is kept. Two *different*
sessions under one id (history.json kept both since the split of issue 12) would be edited,
merged and replaced together, so the later one is given an id of its own, derived from its
content: every process, every run and every machine derives the same one, so a crash
half-way, a reader before the writer, or the split run again all agree on it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from ankledesk.core.records import SessionRecord
from ankledesk.store.documents import parse_time

_NAMESPACE = uuid.UUID("6f1d9c4e-5a0b-4f27-9d3c-2a7e8b51c0aa")


def derived_id(doc: Mapping[str, Any]) -> str:
    """The id a session gets when an earlier, different one holds its id: a UUID (hex, like
    every session id) from its content, so the same session always gets the same one."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return uuid.uuid5(_NAMESPACE, text).hex


def _completeness(doc: SessionRecord) -> tuple[int, bool, bool, float]:
    ended = doc["ended_at"]
    try:
        when = parse_time(ended).timestamp() if ended is not None else 0.0
    except ValueError:
        when = 0.0
    return len(doc["steps"]), ended is not None, doc["status"] == "finished", when


def preferred(kept: SessionRecord, other: SessionRecord) -> SessionRecord:
    """Of two versions of one session, the one to keep: more sets recorded, then ended, then
    finished, then ended later; on a tie (an edit of the notes on one machine) `kept`."""
    return other if _completeness(other) > _completeness(kept) else kept


def each_once(docs: Sequence[SessionRecord]) -> list[SessionRecord | None]:
    """For each of `docs`, in order, what it becomes with each id once: itself; a copy under
    `derived_id` when an earlier, different session holds its id; None when it is an exact
    copy of an earlier one."""
    seen: dict[str, list[SessionRecord]] = {}
    out: list[SessionRecord | None] = []
    for doc in docs:
        same = seen.get(doc["id"])
        if same is None:
            seen[doc["id"]] = [doc]
            out.append(doc)
        elif any(doc == earlier for earlier in same):
            out.append(None)
        else:
            new_id = derived_id(doc)
            while new_id in seen:  # as good as never: step on, still the same for everyone
                new_id = uuid.uuid5(_NAMESPACE, new_id).hex
            renamed = cast(SessionRecord, {**doc, "id": new_id})
            same.append(doc)
            seen[new_id] = [renamed]
            out.append(renamed)
    return out


def distinct(docs: Sequence[SessionRecord]) -> list[SessionRecord]:
    """`docs` with each id once (see `each_once`), exact copies left out."""
    return [doc for doc in each_once(docs) if doc is not None]


def ids_given_text(given: Iterable[tuple[str, str]]) -> str:
    """`a1b2… → 9f8e…, …` for a notice."""
    return ", ".join(f"{old} → {new}" for old, new in given)
