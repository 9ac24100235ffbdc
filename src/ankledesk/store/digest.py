"""A year's digest: each session of a year file in outline, so questions about all the years
(the streak, the progression ladder, the hold chart, "least recently done") never read the
sets of the years they do not show.

An outline is a session document cut down to what those questions ask: its id, routine,
start, status, and one step per drill and mode (the best hold with the highest target for a
hold drill, the best outcome for the others), without the routine snapshot, the notes or the
other sets. `core.progress` answers the streak, the ladder and the hold chart from outlines
exactly as from the full documents; counts of sets, active time and notes must come from full
documents, which is why a caller only ever gets outlines of the years outside what it shows.

`2026.digest.json` sits beside `2026.json` and names the bytes of the year file it was made
from (their size and SHA-256: an edit that keeps the size, the inode and the modification time
still changes the hash), and carries the SHA-256 of its own sessions, so a digest whose
sessions were edited (forged) is not believed either. Hashing a year's bytes costs a small
part of parsing them, which is what the digest saves. A digest is opened as every data file
is (`files.open_regular`: a FIFO, a folder, a device or a symlink loop is never read); one
that is missing, damaged, in doubt or made from other bytes is stale: it is rebuilt from the
year file (and rewritten by a writer), so a lost or damaged digest costs one slower read and
never loses anything. Something that is not a file where a digest belongs is left alone by a
reader and moved aside, never deleted, by a writer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from ankledesk.core.model import MODES
from ankledesk.core.records import OUTCOMES, STATUSES, SessionOutline, SessionRecord, StepRecord
from ankledesk.errors import UserError
from ankledesk.store.documents import MAX_AMOUNT, ShapeError, parse_time
from ankledesk.store.files import CORRUPT_TAG, aside_path, open_regular
from ankledesk.store.storage import atomic_write_bytes, dumps, fsync_dir, replace_with_retry

DIGEST_VERSION = 2
_HASH = "sha256"
_HEAD = b'{"digest":%d,"check":"' % DIGEST_VERSION
_SESSIONS_AT = b',"sessions":'
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


class DigestInTheWay(Exception):
    """Something that is not a file (a FIFO, a folder, a device, a loop, a link to nothing)
    has the digest's name: it is never read, and only a writer moves it aside."""


def _sha256(data: bytes = b"") -> Any:
    """A SHA-256 hasher. hashlib loads OpenSSL (10 ms and 3 MB), so only a command that
    reads or writes a digest pays for it."""
    import hashlib

    return hashlib.new(_HASH, data)


def stamp(year_file: Path) -> dict[str, Any] | None:
    """Which bytes the year file holds now: their size and SHA-256 (None when it is missing
    or not a regular file: then no digest describes it)."""
    try:
        fd = open_regular(year_file)
    except (OSError, ShapeError, UserError):
        return None
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        hasher = _sha256()
        while chunk := fh.read(1 << 18):
            hasher.update(chunk)
        return {"size": size, _HASH: hasher.hexdigest()}


def _in_the_way(path: Path) -> str | None:
    """Why `path` cannot be a digest (not a regular file), None when it can or is missing."""
    try:
        fd = open_regular(path)
    except (ShapeError, UserError) as exc:
        return str(exc)
    except OSError:
        return None  # unreadable: the write says what is wrong, if anything
    if fd is not None:
        os.close(fd)
    return None


def write_digest(year_file: Path, outlines: Iterable[SessionOutline]) -> str | None:
    """Record the outlines of the year file as it is now (one atomic write). Something that
    is not a file in the digest's place is moved aside first; returns the notice saying so.

    The layout, `{"digest":2,"check":"<SHA-256 of the rest>","of":…,"years":…,"sessions":…}`,
    lets a reader check the whole and read `of` and `years` (the years the sessions started
    in) without parsing the sessions."""
    of = stamp(year_file)
    if of is None:
        return None
    path = digest_path(year_file)
    notice = None
    reason = _in_the_way(path)
    if reason is not None:
        aside = aside_path(path, CORRUPT_TAG)
        replace_with_retry(path, aside)
        fsync_dir(path.parent)
        notice = (f"{path} could not be read ({reason}); it was moved to {aside} and the "
                  "digest made again")
    sessions = list(outlines)
    years = sorted({dt.datetime.fromisoformat(doc["started_at"]).year for doc in sessions})
    rest = b"".join((b'"of":', dumps(of), b',"years":', dumps(years), _SESSIONS_AT,
                     dumps(sessions), b"}"))
    check = _sha256(rest).hexdigest().encode()
    atomic_write_bytes(path, b"".join((_HEAD, check, b'",', rest)))
    return notice


def _open_digest(year_file: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The digest's bytes and its `of` and `years`, once its check and its `of` (the year
    file's bytes now) hold; None for anything else. DigestInTheWay: see read_digest."""
    path = digest_path(year_file)
    try:
        fd = open_regular(path)
    except (ShapeError, UserError) as exc:
        raise DigestInTheWay(str(exc)) from None
    except OSError:
        return None
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read()
        start = len(_HEAD) + 66  # the 64 hex digits, the quote and the comma
        rest = raw[start:]
        if not (raw.startswith(_HEAD) and raw[start - 2:start] == b'",'
                and raw[len(_HEAD):start - 2] == _sha256(rest).hexdigest().encode()):
            return None
        end = rest.find(_SESSIONS_AT)
        header = json.loads(b"{" + rest[:end] + b"}") if end > 0 else None
        if not (isinstance(header, dict) and isinstance(header.get("years"), list)
                and all(type(y) is int for y in header["years"])
                and header.get("of") == stamp(year_file)):
            return None
    except (OSError, ValueError, RecursionError):
        return None
    return raw, header


def digest_years(year_file: Path) -> set[int] | None:
    """The years the year file's sessions started in, from its digest while it is current
    (None otherwise), without parsing the sessions. DigestInTheWay: see read_digest."""
    found = _open_digest(year_file)
    return None if found is None else set(found[1]["years"])


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


_SESSION_SET = frozenset((*_SESSION_KEYS, "steps"))
_HOLD_SET = frozenset(_HOLD_KEYS)
_OTHER_SET = frozenset(_OTHER_KEYS)


def _amount(value: Any) -> bool:
    return type(value) in (int, float) and 0 <= value <= MAX_AMOUNT


def _valid_step(step: Any) -> bool:
    """Exactly what `outline` makes of a step, so nothing downstream meets a surprise."""
    if type(step) is not dict or type(step.get("drill_id")) is not str:
        return False
    mode, outcome = step.get("mode"), step.get("outcome")
    if type(mode) is not str or mode not in MODES or type(outcome) is not str or (
            outcome not in OUTCOMES):
        return False
    if mode != "hold":
        return step.keys() == _OTHER_SET
    return (step.keys() == _HOLD_SET and type(step["name"]) is str
            and _amount(step["actual_seconds"])
            and (step["target_seconds"] is None or _amount(step["target_seconds"])))


def _valid(doc: Any) -> bool:
    """Exactly what `outline` makes of a session (see _valid_step)."""
    if not (type(doc) is dict and doc.keys() == _SESSION_SET
            and all(type(doc[k]) is str for k in _SESSION_KEYS)
            and doc["status"] in STATUSES and type(doc["steps"]) is list):
        return False
    try:
        parse_time(doc["started_at"])
    except (TypeError, ValueError):
        return False
    return all(_valid_step(s) for s in doc["steps"])


def read_digest(year_file: Path) -> list[SessionOutline] | None:
    """The outlines of the year file, or None when the digest is missing, damaged, edited or
    made from other bytes of the year file (then the caller rebuilds it from the year file).
    DigestInTheWay when something that is not a file has its name."""
    opened = _open_digest(year_file)
    if opened is None:
        return None
    try:
        found = json.loads(opened[0])
        sessions = found["sessions"]
        if not (type(sessions) is list and all(_valid(doc) for doc in sessions)):
            return None
    except (ValueError, RecursionError, TypeError, KeyError):
        return None
    for doc in sessions:
        doc["steps"] = [_SHARED.step(s) for s in doc["steps"]]
        doc["routine_id"] = sys.intern(doc["routine_id"])
        doc["status"] = sys.intern(doc["status"])
    return cast(list[SessionOutline], sessions)
