"""A year's digest: each session of a year file in outline, so questions about all the years
(the streak, the progression ladder, the hold chart, "least recently done") never read the
sets of the years they do not show.

An outline is a session document cut down to what those questions ask: its id, routine,
start, status, and one step per drill and mode (the best hold with the highest target for a
hold drill, the best outcome for the others), without the routine snapshot, the notes or the
other sets. `core.progress` answers the streak, the ladder and the hold chart from outlines
exactly as from the full documents; counts of sets, active time and notes must come from full
documents, which is why a caller only ever gets outlines of the years outside what it shows.

`2026.digest.json` sits beside `2026.json` and names the version of the year file it was made
from (inode, size, modification time). A digest that is missing, unreadable or made from
another version is stale: it is rebuilt from the year file (and rewritten by a writer), so a
lost or damaged digest costs one slower read and never loses anything.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from ankledesk.core.records import SessionOutline, SessionRecord, StepRecord
from ankledesk.store.storage import atomic_write_bytes, dumps, file_stamp

DIGEST_VERSION = 1
DIGEST_SUFFIX = ".digest.json"
_RANK = {"skipped": 0, "partial": 1, "done": 2}
_HOLD_KEYS = ("drill_id", "name", "mode", "outcome", "actual_seconds", "target_seconds")
_OTHER_KEYS = ("drill_id", "mode", "outcome")
_SESSION_KEYS = ("id", "routine_id", "routine_name", "started_at", "status")


def digest_path(year_file: Path) -> Path:
    """`history/2026.json` → `history/2026.digest.json`."""
    return year_file.with_name(year_file.stem + DIGEST_SUFFIX)


def _better(step: StepRecord, kept: dict[str, Any]) -> bool:
    rank, kept_rank = _RANK.get(step["outcome"], 0), _RANK.get(kept["outcome"], 0)
    if step["mode"] == "hold" and rank and kept_rank:
        return float(step["actual_seconds"]) > float(kept["actual_seconds"])
    return rank > kept_rank


def outline(doc: SessionRecord) -> SessionOutline:
    """`doc` in outline (see the module docstring)."""
    steps: dict[tuple[str, str], dict[str, Any]] = {}
    for step in doc["steps"]:
        key = (step["drill_id"], step["mode"])
        kept = steps.get(key)
        hold = step["mode"] == "hold"
        if kept is None or _better(step, kept):
            new = {k: step[k] for k in (_HOLD_KEYS if hold else _OTHER_KEYS)}  # type: ignore[literal-required]
            if hold and kept is not None:
                new["target_seconds"] = _max_target(kept["target_seconds"], new["target_seconds"])
            steps[key] = new
        elif hold:
            kept["target_seconds"] = _max_target(kept["target_seconds"], step["target_seconds"])
    short = {k: doc[k] for k in _SESSION_KEYS}  # type: ignore[literal-required]
    short["steps"] = list(steps.values())
    return cast(SessionOutline, short)


def _max_target(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return max(a, b)


def stamp(year_file: Path) -> list[int]:
    """Which version of the year file this is (as JSON keeps it: a list)."""
    return list(file_stamp(year_file))


def write_digest(year_file: Path, outlines: Iterable[SessionOutline]) -> None:
    """Record the outlines of the year file as it is now (one atomic write)."""
    atomic_write_bytes(digest_path(year_file), dumps(
        {"digest": DIGEST_VERSION, "of": stamp(year_file), "sessions": list(outlines)}))


class _Shared:
    """Outlines from many sessions hold the same few non-hold steps and strings: one object
    each, so ten years of outlines cost a few megabytes, not tens."""

    def __init__(self) -> None:
        self.steps: dict[tuple[Any, ...], dict[str, Any]] = {}

    def step(self, step: dict[str, Any]) -> dict[str, Any]:
        if step.get("mode") == "hold":
            for key in ("drill_id", "name", "mode", "outcome"):
                if isinstance(step.get(key), str):
                    step[key] = sys.intern(step[key])
            return step
        return self.steps.setdefault(tuple(step.get(k) for k in _OTHER_KEYS), step)


_SHARED = _Shared()


def _valid(doc: Any) -> bool:
    return (isinstance(doc, dict) and all(isinstance(doc.get(k), str) for k in
                                          ("id", "started_at", "status", "routine_id"))
            and isinstance(doc.get("steps"), list)
            and all(isinstance(s, dict) and isinstance(s.get("drill_id"), str)
                    and isinstance(s.get("mode"), str) and isinstance(s.get("outcome"), str)
                    and (s["mode"] != "hold" or isinstance(s.get("actual_seconds"), int | float))
                    for s in doc["steps"]))


def read_digest(year_file: Path) -> list[SessionOutline] | None:
    """The outlines of the year file, or None when the digest is missing, damaged or made from
    another version of the file (then the caller rebuilds it from the year file)."""
    try:
        before = stamp(year_file)
        raw = digest_path(year_file).read_bytes()
        found = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not (isinstance(found, dict) and found.get("digest") == DIGEST_VERSION
            and found.get("of") == before and isinstance(found.get("sessions"), list)):
        return None
    sessions = found["sessions"]
    if not all(_valid(doc) for doc in sessions):
        return None
    for doc in sessions:
        doc["steps"] = [_SHARED.step(s) for s in doc["steps"]]
        doc["routine_id"] = sys.intern(doc["routine_id"])
        doc["status"] = sys.intern(doc["status"])
    return cast(list[SessionOutline], sessions)
