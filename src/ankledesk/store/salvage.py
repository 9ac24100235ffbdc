"""What is intact in a data file that is not JSON as a whole: a half-bad file costs only its
bad part.

A hand edit leaves a `//` comment or a comma too many, an old Windows editor one accented
letter in its own encoding, a crash a file cut mid-session or garbage in one session. When
`reading.read_tables` gives up on such a file (`Unparsed`), it is walked leniently
(`decoding.lenient_walk`): its tables, then each session found by where its text starts and
its brackets close. Each session's text is decoded strictly, or else once mended (comments and
commas too many dropped, a byte that is not UTF-8 read as Windows-1252: such a session is
intact apart from how one letter was saved, and a workout is worth more than the exact letter),
then judged by the record checks like any other; what fails, and any text that is no session,
is set aside with its exact bytes.

The journal holds one session that a resume must be able to run again, so it is salvaged one
level deeper: its fields and each of its sets on their own. A field an unfinished session
starts without (ended_at, rpe, pain, notes, steps) that is lost takes its starting value, and
a lost `resume_index` is found again from the sets kept (after the one that ended last).

What makes the file meaningless still raises the reader's ShapeError, and the caller keeps the
whole file aside as before: no meta record, another kind of file, a newer schema (whose
sessions this app cannot judge), a journal without the routine it runs.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Final

from ankledesk.store.decoding import (
    Part,
    Walk,
    has_comment,
    legacy_char,
    lenient_text,
    lenient_walk,
    mended_loads,
    skip_gap,
    stray_bytes,
    strict_loads,
    unpadded,
)
from ankledesk.store.documents import SCHEMA_VERSION, ShapeError, check_step, parse_time
from ankledesk.store.migrations import META_TABLE, SESSIONS_TABLE
from ankledesk.store.reading import (
    RECORD_FAULTS,
    RESUME_KEY,
    Damage,
    FileKind,
    Reading,
    SetAside,
    current_meta,
    current_record,
    file_schema,
    judge,
)

# Where a sibling starts, to find the end of a value that never closes.
_TABLE: Final = re.compile(r',\s*"(?:meta|sessions)"\s*:\s*\{')
_TABLE_OR_SESSION: Final = re.compile(r',\s*"(?:meta|sessions|\d+)"\s*:\s*\{')
_SESSION: Final = re.compile(r',(?:\s|//[^\n]*|/\*.*?\*/)*"\d+"\s*:\s*\{', re.DOTALL)
_FIELD: Final = re.compile(r',\s*"[a-z_]+"\s*:')
_SET: Final = re.compile(r",\s*\{")
JOURNAL_NEEDS: Final = ("id", "routine_id", "routine_name", "routine", "started_at")
"""What a resume cannot do without; everything else a journal's session can start again."""
JOURNAL_STARTS: Final[dict[str, Any]] = {"ended_at": None, "status": "in_progress",
                                         "steps": [], "rpe": None, "pain": False, "notes": ""}


@dataclass
class _Salvage:
    """One damaged file being read: its text, the faults found, what is set aside."""

    text: str
    offset: int  # bytes before `text` in the file (a byte-order mark)
    faults: list[tuple[int, str]] = field(default_factory=list)
    aside: list[tuple[int, SetAside]] = field(default_factory=list)

    def byte(self, at: int) -> int:
        """The file's byte offset of the text's position `at`."""
        return self.offset + len(self.text[:at].encode("utf-8", "surrogateescape"))

    def walk(self, part_or_at: Part | int, anchor: re.Pattern[str],
             nested: dict[str, re.Pattern[str]] | None = None,
             resync: re.Pattern[str] | None = None) -> Walk:
        if isinstance(part_or_at, Part):
            found = lenient_walk(self.text[:part_or_at.end], part_or_at.start, anchor, nested,
                                 resync)
        else:
            found = lenient_walk(self.text, part_or_at, anchor, nested, resync)
        self.faults += found.damage
        return found

    def value(self, part: Part) -> Any:
        """The part's value, strictly or once mended (see the module docstring); ShapeError
        for a part the text ends inside."""
        if not part.whole:
            raise ShapeError("the file ends inside it")
        piece = self.text[part.start:part.end]
        if not stray_bytes(piece) and not has_comment(piece, 0, len(piece)):
            try:
                return strict_loads(piece)
            except ShapeError:
                pass
        value, mended = mended_loads(piece)
        self.faults += [(part.start + at, what) for at, what in mended]
        return value

    def set_aside(self, key: str | None, part: Part, reason: str) -> None:
        label = key if key is not None else f"text at byte {self.byte(part.start)}"
        self.aside.append((part.start, SetAside(label, self.text[part.start:part.end], reason)))


def salvage(raw: bytes, kind: FileKind, problem: ShapeError) -> Reading:
    """The intact part of `raw` (see the module docstring); `problem` (what the strict
    reader found) is raised again when nothing can be salvaged."""
    if kind == "measurements":
        raise problem
    body, offset = unpadded(raw)
    text = lenient_text(body)
    found = _Salvage(text, offset)
    for at in stray_bytes(text):
        found.faults.append((at, f"a byte 0x{ord(text[at]) - 0xDC00:02X} that is not UTF-8 "
                                 f"(read as {legacy_char(text, at)!r})"))
    start = skip_gap(text, 0)
    if text[start:start + 1] != "{":
        raise problem
    top = found.walk(start, _TABLE, resync=_TABLE_OR_SESSION)
    tail = skip_gap(text, top.end)
    if top.closed and tail < len(text):
        found.faults.append((tail, "text after the end"))
        found.set_aside(None, Part(None, tail, len(text), stray=True), "text after the end")
    tables, sessions, meta_text, escaped = _tables(found, top, problem)
    try:
        version = file_schema(tables, kind)
    except ShapeError:
        raise problem from None
    if version > SCHEMA_VERSION:
        raise problem
    meta = tables[META_TABLE]
    rows: list[Part] = []
    if sessions is not None:
        if text[sessions.start:sessions.start + 1] != "{":
            raise problem
        rows = found.walk(sessions, _SESSION).parts
    rows += escaped
    rekeyed: list[tuple[str, str]] = []
    if kind == "journal":
        kept = _journal(found, rows, version, meta, problem)
        count = sum(len(doc["steps"]) for doc in kept.values())
        unit = "set"
    else:
        kept, rekeyed = _sessions(found, rows, version, meta)
        count, unit = len(kept), "session"
    if not found.faults and not found.aside:
        raise problem
    first, what = min(found.faults or [(at, s.reason) for at, s in found.aside])
    return Reading({**tables, META_TABLE: current_meta(meta), SESSIONS_TABLE: kept}, version,
                   [s for _, s in sorted(found.aside, key=lambda pair: pair[0])], meta_text,
                   rekeyed, Damage(found.byte(first), what, count, unit))


def _tables(found: _Salvage, top: Walk, problem: ShapeError
            ) -> tuple[dict[str, Any], Part | None, str, list[Part]]:
    """The tables but the sessions (decoded), where the sessions are, the meta's text, and
    sessions found outside their table (a lost `"1":{` closes it early: the sessions after
    it read as tables)."""
    tables: dict[str, Any] = {}
    sessions: Part | None = None
    meta_text = ""
    escaped: list[Part] = []
    for part in top.parts:
        if part.stray or part.key is None:
            found.set_aside(None, part, "text that is no table")
        elif part.key.isascii() and part.key.isdigit():
            escaped.append(part)
        elif part.key == SESSIONS_TABLE and sessions is None:
            sessions = part
        elif part.key in tables or part.key == SESSIONS_TABLE:
            found.set_aside(part.key, part, f'the table "{part.key}" a second time')
        else:
            try:
                value = found.value(part)
            except ShapeError as exc:
                value = exc
            if not isinstance(value, dict):
                if part.key == META_TABLE:
                    raise problem
                found.set_aside(part.key, part, f'table "{part.key}" cannot be read')
                continue
            tables[part.key] = value
            if part.key == META_TABLE:
                meta_text = found.text[part.start:part.end]
    return tables, sessions, meta_text, escaped


def _sessions(found: _Salvage, rows: list[Part], version: int, meta: dict[str, Any]
              ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Each session on its own: kept if it decodes and passes the record checks."""
    decoded: list[tuple[int, str, Any]] = []
    for n, part in enumerate(rows):
        if part.stray or part.key is None:
            found.set_aside(None, part, "text that is no session")
            continue
        try:
            decoded.append((n, part.key, found.value(part)))
        except ShapeError as exc:
            found.set_aside(part.key, part, f"session {part.key}: {exc}")
    kept, refused, rekeyed = judge(decoded, version, meta, "history")
    for n, reason in refused:
        found.set_aside(rows[n].key, rows[n], reason)
    return kept, rekeyed


def _journal(found: _Salvage, rows: list[Part], version: int, meta: dict[str, Any],
             problem: ShapeError) -> dict[str, Any]:
    """The journal's one session, whole if it can be, else rebuilt from its intact fields
    and sets (see the module docstring)."""
    for part in rows:
        if part.stray or part.key is None:
            found.set_aside(None, part, "text that is no session")
    whole = [part for part in rows if not part.stray and part.key is not None]
    if len(whole) != 1:
        raise problem  # which one would a resume run?
    [part] = whole
    assert part.key is not None
    key = str(int(part.key)) if part.key.isascii() and part.key.isdigit() else "1"
    try:
        return {key: current_record(found.value(part), key, version, meta, "journal")}
    except RECORD_FAULTS:
        pass
    if found.text[part.start:part.start + 1] != "{":
        raise problem
    doc: dict[str, Any] = {}
    for member in found.walk(part, _FIELD, {"steps": _SET}).parts:
        if member.stray or member.key is None:
            found.set_aside(None, member, "text that is no field of the session")
        elif member.key in doc:
            found.set_aside(f"{key}.{member.key}", member, f'"{member.key}" a second time')
        elif member.key == "steps" and found.text[member.start:member.start + 1] == "[":
            doc["steps"] = _sets(found, member, key, version)
        else:
            try:
                doc[member.key] = found.value(member)
            except ShapeError as exc:
                found.set_aside(f"{key}.{member.key}", member, f"session {key}.{member.key}: "
                                f"{exc}")
    if any(need not in doc for need in JOURNAL_NEEDS):
        raise problem
    for name, value in JOURNAL_STARTS.items():
        doc.setdefault(name, copy.copy(value))
    if RESUME_KEY not in doc:
        doc[RESUME_KEY] = _after_last(doc["steps"])
    try:
        return {key: current_record(doc, key, version, meta, "journal")}
    except RECORD_FAULTS:
        raise problem from None


def _sets(found: _Salvage, member: Part, key: str, version: int) -> list[Any]:
    """The journal session's sets that decode and pass the checks (all that decode, in a
    file of an older schema: those are checked after the migration, as a whole)."""
    kept: list[Any] = []
    for n, part in enumerate(found.walk(member, _SET).parts):
        where = f"session {key}.steps[{n}]"
        if part.stray:
            found.set_aside(f"{key}.steps", part, f"{where}: text that is no set")
            continue
        try:
            step = found.value(part)
            if version == SCHEMA_VERSION:
                check_step(step, where)
        except RECORD_FAULTS as exc:
            found.set_aside(f"{key}.steps[{n}]", part, str(exc))
            continue
        kept.append(step)
    return kept


def _after_last(steps: list[Any]) -> int:
    """The plan step after the set that ended last (the later in the file of two that ended
    at once): where the workout was."""
    try:
        _, last = max(enumerate(steps), key=lambda n_s: (parse_time(n_s[1]["ended_at"]), n_s[0]))
        return int(last["index"]) + 1
    except (ValueError, TypeError, KeyError):
        return 0
