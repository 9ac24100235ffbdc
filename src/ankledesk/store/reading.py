"""From a data file's bytes to the tables the store opens, one bad session costing only itself.

A healthy file is decoded once, strictly, and every session checked (a byte-order mark before
it and NUL bytes after it are read as if absent). When something is wrong the file is read
again member by member (`decoding.object_members`) and each session judged on its own: a
session that is not strict JSON (`NaN`, `1e400`, nesting 100,000 deep, a key twice inside it)
or that fails its checks (`rpe: 11`) is returned as `SetAside` with its exact text, and the
others load. A readable session whose key repeats another's (`"1"` twice, or `"1"` and `"01"`,
which TinyDB would silently collapse into one) is kept under a new key. What is wrong with a
file that is valid JSON as a whole (not an object, no meta record, another kind of file)
raises ShapeError, and the caller keeps the whole file aside; a file that is not JSON as a
whole (not UTF-8, a cut, a comment, garbage) raises `Unparsed`, and store.salvage looks for
what is intact in it.

A journal holds one session, which a resume must be able to run again: any fault in it, or in
its routine snapshot or `resume_index`, is a fault of the whole journal (which store.salvage
then reads set by set).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from ankledesk.store.decoding import object_members, skip_space, strict_loads, unpadded
from ankledesk.store.documents import (
    SCHEMA_VERSION,
    ShapeError,
    check_session,
    check_snapshot,
)
from ankledesk.store.migrations import META_TABLE, SESSIONS_TABLE, migrate

FileKind = Literal["history", "journal", "measurements"]
Tables = dict[str, dict[str, Any]]
RESUME_KEY: Final = "resume_index"
# Anything a bad record can make the checks or a migration raise: it costs that record only.
RECORD_FAULTS = (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError,
                 OverflowError)


class Unparsed(ShapeError):
    """The file's text is not JSON as a whole (not UTF-8, a cut, a comment, garbage), or a
    journal's session is not whole: what is intact in it may still be found (store.salvage)."""


@dataclass(frozen=True)
class SetAside:
    """A session (or a journal's set) that could not be read: its key, its text exactly as in
    the file (a byte that is not UTF-8 as a lone surrogate: decoding.lenient_text), and why."""

    key: str
    text: str
    reason: str


@dataclass(frozen=True)
class Damage:
    """How a file that was not JSON as a whole was read (store.salvage): the byte offset in
    the file of its first fault, what that was, and how many `unit`s ("session", or "set" of
    a journal's session) were kept."""

    at_byte: int
    what: str
    kept: int
    unit: str


@dataclass
class Reading:
    """What a file holds: tables with the readable sessions, its schema, what was set aside,
    the meta member's text (the header of a quarantine file), the sessions given a new
    key (old, new), and for a damaged file what was salvaged."""

    tables: Tables
    version: int
    set_aside: list[SetAside] = field(default_factory=list)
    meta_text: str = ""
    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    damage: Damage | None = None


def file_schema(tables: Any, kind: FileKind) -> int:
    """The file's schema version, after checking the parts every version shares."""
    if not isinstance(tables, dict):
        raise ShapeError("the top level is not an object")
    metas = tables.get(META_TABLE)
    if not isinstance(metas, dict) or len(metas) != 1:
        raise ShapeError("no single meta record")
    [meta] = metas.values()
    if not isinstance(meta, dict):
        raise ShapeError("the meta record is not an object")
    version, found_kind = meta.get("schema_version"), meta.get("kind")
    if type(version) is not int or version < 1:
        raise ShapeError("the meta record has no schema version")
    if found_kind != kind:
        raise ShapeError(f"this is a {found_kind!r} file, not a {kind!r} file")
    return version



def check_journal_session(doc: dict[str, Any], where: str) -> None:
    """What a resume needs beyond a valid session: in progress, a routine that expands again,
    a resume_index that is a place in its plan."""
    if doc.get("status") != "in_progress":
        raise ShapeError(f"{where}: the journal's session is not in progress")
    check_snapshot(doc.get("routine"), f"{where}.routine")
    index = doc.get(RESUME_KEY, 0)
    if type(index) is not int or index < 0:
        raise ShapeError(f"{where}.{RESUME_KEY}: expected a whole number from 0, found "
                         f"{index!r}")


def current_record(doc: Any, key: str, version: int, meta: dict[str, Any],
                   kind: FileKind) -> Any:
    """`doc` brought to the current schema and checked; raises RECORD_FAULTS if it cannot be."""
    if version < SCHEMA_VERSION:
        doc = migrate({META_TABLE: meta, SESSIONS_TABLE: {key: doc}}, version)[
            SESSIONS_TABLE][key]
    where = f"session {key}"
    check_session(doc, where)
    if kind == "journal":
        check_journal_session(doc, where)
    return doc


def judge(members: list[tuple[int, str, Any]], version: int, meta: dict[str, Any],
           kind: FileKind) -> tuple[dict[str, Any], list[tuple[int, str]], list[tuple[str, str]]]:
    """From (position, key, document) in file order: the sessions kept (by canonical key),
    (position, reason) for each one that cannot be read, and (old key, new key) for readable
    sessions whose key repeats an earlier one (`"1"` twice, `"1"` and `"01"`) or is no number:
    they are kept under a new key, never dropped. Two sessions with the same id both stay."""
    kept: dict[str, Any] = {}
    refused: list[tuple[int, str]] = []
    homeless: list[tuple[str, Any]] = []
    for position, key, doc in members:
        try:
            doc = current_record(doc, key, version, meta, kind)
        except RECORD_FAULTS as exc:
            refused.append((position, str(exc) or type(exc).__name__))
            continue
        canonical = str(int(key)) if key.isascii() and key.isdigit() else None
        if canonical is None or canonical in kept:
            homeless.append((key, doc))
        else:
            kept[canonical] = doc
    rekeyed: list[tuple[str, str]] = []
    next_key = max((int(k) for k in kept), default=0) + 1
    for key, doc in homeless:
        kept[str(next_key)] = doc
        rekeyed.append((key, str(next_key)))
        next_key += 1
    if kind == "journal" and (refused or len(kept) > 1):
        raise Unparsed(refused[0][1] if refused else "a journal holds one session")
    return kept, refused, rekeyed


def _fast(text: str, kind: FileKind) -> Reading | None:
    """The strict whole-file read; None if anything in it needs the careful one."""
    try:
        tables = strict_loads(text)
    except ShapeError:
        return None
    version = file_schema(tables, kind)
    sessions = tables.get(SESSIONS_TABLE, {})
    if not isinstance(sessions, dict):
        raise ShapeError(f'table "{SESSIONS_TABLE}" is not an object')
    if version > SCHEMA_VERSION:
        return Reading(tables, version)
    rows = [(n, key, doc) for n, (key, doc) in enumerate(sessions.items())]
    kept, refused, rekeyed = judge(rows, version, tables[META_TABLE], kind)
    if refused:
        return None
    for name, table in tables.items():
        if name != SESSIONS_TABLE and not isinstance(table, dict):
            raise ShapeError(f'table "{name}" is not an object')
    return Reading({**tables, META_TABLE: current_meta(tables[META_TABLE]),
                    SESSIONS_TABLE: kept}, version, rekeyed=rekeyed)


def current_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: {**v, "schema_version": max(v["schema_version"], SCHEMA_VERSION)}
            for k, v in meta.items()}


def _careful(text: str, kind: FileKind) -> Reading:
    """Member by member: the file's structure must hold; each session stands alone."""
    members, end = object_members(text, skip_space(text, 0))
    if skip_space(text, end) != len(text):
        raise ShapeError("not valid JSON (extra data after the end)")
    names = [m.key for m in members]
    twice = {n for n in names if names.count(n) > 1}
    if twice:
        raise ShapeError(f'the table "{sorted(twice)[0]}" appears twice')
    tables: Tables = {}
    sessions_member = None
    for member in members:
        if member.key == SESSIONS_TABLE:
            sessions_member = member
            continue
        table = strict_loads(text[member.start:member.end])
        if not isinstance(table, dict):
            raise ShapeError(f'table "{member.key}" is not an object')
        tables[member.key] = table
    version = file_schema(tables, kind)
    meta_text = next(text[m.start:m.end] for m in members if m.key == META_TABLE)
    if sessions_member is None:
        return Reading({**tables, SESSIONS_TABLE: {}}, version, meta_text=meta_text)
    if text[sessions_member.start] != "{":
        raise ShapeError(f'table "{SESSIONS_TABLE}" is not an object')
    rows, _ = object_members(text, sessions_member.start)
    decoded: list[tuple[int, str, Any]] = []
    refused: list[tuple[int, str]] = []
    for n, row in enumerate(rows):
        try:
            decoded.append((n, row.key, strict_loads(text[row.start:row.end])))
        except ShapeError as exc:
            refused.append((n, f"session {row.key}: {exc}"))
    if version > SCHEMA_VERSION:
        return Reading({**tables, SESSIONS_TABLE: {k: d for _, k, d in decoded}}, version,
                       meta_text=meta_text)
    if kind == "journal" and refused:
        raise ShapeError(refused[0][1])
    kept, judged, rekeyed = judge(decoded, version, tables[META_TABLE], kind)
    set_aside = [SetAside(rows[n].key, text[rows[n].start:rows[n].end], reason)
                 for n, reason in sorted(refused + judged)]
    return Reading({**tables, META_TABLE: current_meta(tables[META_TABLE]),
                    SESSIONS_TABLE: kept}, version, set_aside, meta_text, rekeyed)


def check_tables(tables: Any, kind: FileKind) -> None:
    """Raise ShapeError unless `tables` is a wholly valid file of the current schema."""
    if file_schema(tables, kind) != SCHEMA_VERSION:
        raise ShapeError("not the current schema")
    sessions = tables.get(SESSIONS_TABLE, {})
    if not isinstance(sessions, dict):
        raise ShapeError(f'table "{SESSIONS_TABLE}" is not an object')
    rows = [(n, key, doc) for n, (key, doc) in enumerate(sessions.items())]
    _, refused, rekeyed = judge(rows, SCHEMA_VERSION, tables[META_TABLE], kind)
    if refused or rekeyed:
        raise ShapeError(refused[0][1] if refused else "a session key repeats or is no number")


def read_tables(raw: bytes, kind: FileKind) -> Reading:
    """The readable content of a file's bytes (see the module docstring). A byte-order mark
    before the JSON and NUL bytes after it are read as if absent (decoding.unpadded)."""
    body, _ = unpadded(raw)
    if not body.strip():
        raise ShapeError("the file is empty")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Unparsed("the file is not UTF-8 text") from None
    fast = _fast(text, kind)
    if fast is not None:
        return fast
    try:
        return _careful(text, kind)
    except ShapeError as exc:
        raise Unparsed(str(exc)) from None


def quarantine_text(reading: Reading) -> str:
    """A file shaped like the one read, holding only the sessions set aside, each exactly as it
    was written (so a person can repair one and nothing of it is lost)."""
    rows = ",".join(f"{json.dumps(s.key)}:{s.text}" for s in reading.set_aside)
    reasons = json.dumps({s.key: s.reason for s in reading.set_aside}, ensure_ascii=False)
    return (f'{{"{META_TABLE}":{reading.meta_text or "{}"},"why":{reasons},'
            f'"{SESSIONS_TABLE}":{{{rows}}}}}')
