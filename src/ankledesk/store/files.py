"""Opening history.json or the journal as TinyDB, whatever state a crash or a person left it in.

Rules (DESIGN.md "History"): a file is never overwritten unless it was read and understood.
- Missing: a fresh file is created (if asked to).
- Unreadable (empty, truncated, not JSON, not UTF-8, JSON of the wrong shape): moved aside to
  `<name>.corrupt-<timestamp>.json` (a rename, so not a byte is lost), the user is told both
  paths, and work goes on with a fresh file.
- Written by a newer app (schema above ours): left untouched and opened read-only.
- Older schema: the original is copied to `<name>.schema<N>.json`, then migrated in place.
Read-only openers (a viewer not holding the lock) never move, migrate or create anything: they
read what is there, migrated in memory if need be, and report what they would have done.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from tinydb import TinyDB

from ankledesk.store.documents import SCHEMA_VERSION, ShapeError, check_session
from ankledesk.store.migrations import META_TABLE, SESSIONS_TABLE, migrate
from ankledesk.store.storage import (
    AtomicJSONStorage,
    FrozenStorage,
    atomic_write_bytes,
    dumps,
    fsync_dir,
    leftover_temp_files,
    replace_with_retry,
)

FileKind = Literal["history", "journal"]


@dataclass
class OpenedFile:
    """A data file as TinyDB, plus what the user must be told about how it was opened.

    `existed` is False when there is no file (any more): a journal just moved aside reads as
    empty. `newer_schema` marks a file from a newer app, whose documents we cannot interpret.
    """

    path: Path
    db: TinyDB
    read_only: bool = False
    notices: list[str] = field(default_factory=list)
    existed: bool = True
    newer_schema: bool = False


def empty_tables(kind: FileKind) -> dict[str, dict[str, Any]]:
    return {META_TABLE: {"1": {"schema_version": SCHEMA_VERSION, "kind": kind}},
            SESSIONS_TABLE: {}}


def _table(tables: dict[str, Any], name: str) -> dict[str, Any]:
    table = tables.get(name, {})
    if not isinstance(table, dict):
        raise ShapeError(f'table "{name}" is not an object')
    for key, doc in table.items():
        if not key.isdigit() or not isinstance(doc, dict):
            raise ShapeError(f'table "{name}" holds something that is not a document')
    return table


def schema_of(tables: Any, kind: FileKind) -> int:
    """The file's schema version, after checking the parts every version shares."""
    if not isinstance(tables, dict):
        raise ShapeError("the top level is not an object")
    metas = list(_table(tables, META_TABLE).values())
    if len(metas) != 1:
        raise ShapeError("no single meta record")
    version, found_kind = metas[0].get("schema_version"), metas[0].get("kind")
    if type(version) is not int or version < 1:
        raise ShapeError("the meta record has no schema version")
    if found_kind != kind:
        raise ShapeError(f"this is a {found_kind!r} file, not a {kind!r} file")
    return version


def check_tables(tables: dict[str, Any], kind: FileKind) -> None:
    """Raise ShapeError unless `tables` is a valid file of the current schema."""
    if schema_of(tables, kind) != SCHEMA_VERSION:
        raise ShapeError("not the current schema")
    sessions = _table(tables, SESSIONS_TABLE)
    if kind == "journal" and len(sessions) > 1:
        raise ShapeError("a journal holds one session")
    for key, doc in sessions.items():
        check_session(doc, f"session {key}")
        if kind == "journal" and doc["status"] != "in_progress":
            raise ShapeError("the journal's session is not in progress")


def _parse(raw: bytes, kind: FileKind) -> tuple[dict[str, Any], int]:
    """(tables, schema version) of a file's bytes; ValueError (incl. ShapeError) if unreadable."""
    if not raw.strip():
        raise ShapeError("the file is empty")
    try:
        tables = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ShapeError("the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ShapeError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    version = schema_of(tables, kind)
    if version < SCHEMA_VERSION:
        tables = migrate(tables, version)
    if version <= SCHEMA_VERSION:
        check_tables(tables, kind)
    return tables, version


def aside_path(path: Path, tag: str) -> Path:
    """`history.json` → `history.<tag>-20261118T073005.json`, never an existing name."""
    stamp = dt.datetime.now().astimezone().strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{tag}-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def _frozen(path: Path, tables: dict[str, Any] | None) -> TinyDB:
    return TinyDB(tables, str(path), storage=FrozenStorage)


def _fresh(path: Path, kind: FileKind) -> TinyDB:
    atomic_write_bytes(path, dumps(empty_tables(kind)))
    return TinyDB(path, storage=AtomicJSONStorage)


@overload
def open_file(path: Path, kind: FileKind, *, writable: bool,
              create: Literal[True]) -> OpenedFile: ...


@overload
def open_file(path: Path, kind: FileKind, *, writable: bool,
              create: bool) -> OpenedFile | None: ...


def open_file(path: Path, kind: FileKind, *, writable: bool, create: bool) -> OpenedFile | None:
    """Open `path` by the rules above. Returns None if it does not exist and `create` is False.

    `writable` means this process holds the data folder's lock and may repair, migrate and
    create; otherwise nothing on disk changes.
    """
    name = path.name
    if writable:
        for temp in leftover_temp_files(path):
            temp.unlink(missing_ok=True)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        if not writable:
            return OpenedFile(path, _frozen(path, empty_tables(kind)), True, [], existed=False)
        return OpenedFile(path, _fresh(path, kind), existed=False)

    try:
        tables, version = _parse(raw, kind)
    except ValueError as exc:
        reason = str(exc)
        if not writable:
            notice = (f"{path} cannot be read ({reason}); it is left as it is and will be "
                      "moved aside the next time a workout starts")
            return OpenedFile(path, _frozen(path, empty_tables(kind)), True, [notice])
        aside = aside_path(path, "corrupt")
        replace_with_retry(path, aside)
        fsync_dir(path.parent)
        notice = f"{path} could not be read ({reason}); it was moved to {aside}"
        if create:
            notice += f" and a new {name} was started"
            return OpenedFile(path, _fresh(path, kind), notices=[notice])
        return OpenedFile(path, _frozen(path, None), False, [notice], existed=False)

    if version > SCHEMA_VERSION:
        notice = (f"{path} was written by a newer AnkleDesk (schema {version}; this one knows "
                  f"{SCHEMA_VERSION}): it is open read-only and nothing will be written to it")
        return OpenedFile(path, _frozen(path, json.loads(raw)), True, [notice],
                          newer_schema=True)

    if version < SCHEMA_VERSION:
        if not writable:
            return OpenedFile(path, _frozen(path, tables), True, [])
        backup = aside_path(path, f"schema{version}")
        atomic_write_bytes(backup, raw)
        atomic_write_bytes(path, dumps(tables))
        notice = (f"{path} was upgraded from schema {version} to {SCHEMA_VERSION}; "
                  f"the original is kept as {backup}")
        return OpenedFile(path, TinyDB(path, storage=AtomicJSONStorage), notices=[notice])

    if not writable:
        return OpenedFile(path, _frozen(path, tables), True, [])
    return OpenedFile(path, TinyDB(path, storage=AtomicJSONStorage))


class SessionsFile:
    """What history.json and the journal share: the opened file and its sessions table."""

    def __init__(self, opened: OpenedFile) -> None:
        self.opened = opened
        self.path = opened.path
        self._table = opened.db.table(SESSIONS_TABLE)

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    @property
    def notices(self) -> list[str]:
        return self.opened.notices
