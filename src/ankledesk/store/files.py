"""Opening a data file (a year of history, history.json, the journal, the measurements) as
TinyDB, whatever state a crash or a person left it in.

Rules (docs/design.md, "The history"): a file is never overwritten unless it was read and
understood.
- Missing: a fresh file is created (if asked to).
- Unreadable as a whole (empty, truncated, not JSON, not UTF-8, JSON of the wrong shape), or
  not a file at all (a folder, a FIFO, a symlink loop): moved aside to
  `<name>.corrupt-<timestamp>.json` (a rename, so not a byte is lost), the user is told both
  paths, and work goes on with a fresh file.
- Some sessions unreadable (see `reading`): those are copied, exactly as written, to
  `<name>.quarantine-<timestamp>.json`, the user is told both paths and why, and the others
  load; a writer then rewrites the file with the readable sessions only.
- Not JSON as a whole, but with intact sessions in it (a non-UTF-8 byte, a comment, a comma
  too many, a cut, garbage in one session: see `salvage`): the intact sessions load (a
  journal's intact sets), the rest goes to the quarantine file byte for byte, and the user is
  told where it was damaged and how many were kept; a writer copies the file as it was to
  `<name>.corrupt-<timestamp>.json` and writes the intact part back. A byte-order mark and
  trailing NUL bytes are read as if absent: such a file is fine.
- Two sessions under one key: both load; a writer keeps the file as it was in
  `<name>.duplicate-keys-<timestamp>.json` and gives the second a key of its own.
- A symlink whose target is missing (a synced folder not mounted): reported, never replaced.
- Written by a newer app (schema above ours): left untouched and opened read-only.
- Older schema: the original is copied to `<name>.schema<N>.json`, then migrated in place.
Read-only openers (a viewer not holding the lock) never move, migrate, rewrite or create the
file: they read what is there, migrated in memory if need be, and report what they would have
done; the one thing they add is the quarantine copy (a new file beside it, written once).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from tinydb import TinyDB

from ankledesk.errors import UserError
from ankledesk.store.documents import SCHEMA_VERSION, ShapeError
from ankledesk.store.migrations import META_TABLE, SESSIONS_TABLE
from ankledesk.store.reading import FileKind, Reading, Unparsed, quarantine_text, read_tables
from ankledesk.store.storage import (
    AtomicJSONStorage,
    FrozenStorage,
    atomic_write_bytes,
    dumps,
    file_stamp,
    fsync_dir,
    is_stale_temp,
    leftover_temp_files,
    replace_with_retry,
)

QUARANTINE_TAG = "quarantine"
CORRUPT_TAG = "corrupt"
DUPLICATE_KEYS_TAG = "duplicate-keys"


@dataclass
class OpenedFile:
    """A data file as TinyDB, plus what the user must be told about how it was opened.

    `existed` is False when there is no file (any more): a journal just moved aside reads as
    empty. `newer_schema` marks a file from a newer app, whose documents we cannot interpret.
    `unreadable` counts the sessions that could not be loaded (-1: the whole file).
    """

    path: Path
    db: TinyDB
    read_only: bool = False
    notices: list[str] = field(default_factory=list)
    existed: bool = True
    newer_schema: bool = False
    unreadable: int = 0


class NotAFile(ShapeError):
    """The name is taken by something that is not a regular file."""


class DanglingLink(UserError):
    """The file is a symlink to something that does not exist (an unmounted synced folder)."""

    def __init__(self, path: Path) -> None:
        target = os.readlink(path)
        super().__init__(f"{path} is a link to {target}, which does not exist (a synced or "
                         "external folder that is not mounted?); nothing was changed: reconnect "
                         "it, or remove the link to start a new file")
        self.path = path


def empty_tables(kind: FileKind) -> dict[str, dict[str, Any]]:
    """A new file of `kind`: its meta record and its empty table."""
    table = "measurements" if kind == "measurements" else SESSIONS_TABLE
    return {META_TABLE: {"1": {"schema_version": SCHEMA_VERSION, "kind": kind}}, table: {}}


def read_regular(path: Path) -> bytes | None:
    """The file's bytes, None if there is none; NotAFile for a folder, a FIFO, a device or a
    symlink loop (checked on the open descriptor, without ever blocking on a FIFO), and
    DanglingLink for a link to nothing."""
    fd = open_regular(path)
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def open_regular(path: Path) -> int | None:
    """A descriptor open for reading on `path` once it is known to be a regular file (see
    read_regular): for a reader that wants less than all of the bytes at once (a hash)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if path.is_symlink():
            raise DanglingLink(path) from None
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotAFile("it is a symbolic link that leads back to itself") from None
        if exc.errno in (errno.EISDIR, errno.EACCES) and path.is_dir():
            raise NotAFile("it is a folder, not a file") from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise NotAFile("it is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise NotAFile("it is not a regular file (a FIFO, a socket or a device)")
    except BaseException:
        os.close(fd)
        raise
    return fd


def aside_path(path: Path, tag: str) -> Path:
    """`history.json` → `history.<tag>-20261118T073005.json`, never an existing name."""
    stamp = dt.datetime.now().astimezone().strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix}")
    n = 1
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.stem}.{tag}-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def keep_quarantined(path: Path, reading: Reading) -> Path:
    """Write the sessions set aside to a quarantine file beside `path` (once: a file with the
    same bytes from an earlier run is reused) and return its name."""
    data = quarantine_text(reading).encode("utf-8", "surrogateescape")  # bytes as they were
    for existing in sorted(path.parent.glob(f"{path.stem}.{QUARANTINE_TAG}-*{path.suffix}")):
        try:
            if existing.stat().st_size == len(data) and existing.read_bytes() == data:
                return existing
        except OSError:
            continue
    target = aside_path(path, QUARANTINE_TAG)
    atomic_write_bytes(target, data)
    return target


def _quarantine_notice(path: Path, reading: Reading, where: Path | str, writable: bool) -> str:
    bad = reading.set_aside
    reasons = "; ".join(s.reason for s in bad[:3]) + (
        f"; and {len(bad) - 3} more" if len(bad) > 3 else "")
    good = len(reading.tables.get(SESSIONS_TABLE, {}))
    rest = (f"the other {good} are kept" if writable else
            f"the other {good} are shown and the file is left as it is")
    s = "s" if len(bad) != 1 else ""
    return (f"{path}: {len(bad)} session{s} could not be read ({reasons}); kept byte for byte "
            f"in {where}; {rest}")


def _quarantined(path: Path, reading: Reading, writable: bool) -> Path | str:
    """Where the sessions set aside are kept byte for byte; a reader that cannot write the
    copy says they are still in the file itself (a writer gives up: nothing is lost)."""
    try:
        return keep_quarantined(path, reading)
    except OSError as exc:
        if writable:
            raise
        return f"{path} itself (a copy could not be written: {exc.strerror or exc})"


def _salvaged(path: Path, raw: bytes, reading: Reading, writable: bool) -> OpenedFile:
    """A damaged file's intact part (store.salvage), the rest quarantined byte for byte. A
    writer copies the file as it was aside (durably, before anything replaces it: a rename
    would leave no file at all to a crash in between) and writes the intact part back as a
    clean file; a reader shows it and changes nothing but the quarantine copy."""
    damage = reading.damage
    assert damage is not None
    bad = len(reading.set_aside)
    if bad:
        aside = f"{bad} set aside in {_quarantined(path, reading, writable)}"
    else:
        aside = "none set aside"
    if damage.unit == "set":
        kept = f"its session with {damage.kept} set{'s' if damage.kept != 1 else ''}"
    else:
        kept = f"{damage.kept} session{'s' if damage.kept != 1 else ''}"
    head = f"{path} was damaged near byte {damage.at_byte} ({damage.what}): "
    if not writable:
        notice = (f"{head}showing {kept}, {aside}; the file is left as it is and will be "
                  "repaired the next time a workout starts")
        return OpenedFile(path, _frozen(path, reading.tables), True, [notice],
                          unreadable=bad)
    copy = aside_path(path, CORRUPT_TAG)
    atomic_write_bytes(copy, raw)
    atomic_write_bytes(path, dumps(reading.tables))
    notice = f"{head}kept {kept}, {aside}; the file as it was is kept as {copy}"
    return OpenedFile(path, _writable(path, reading.tables, file_stamp(path)),
                      notices=[notice], unreadable=bad)


def _frozen(path: Path, tables: dict[str, Any] | None) -> TinyDB:
    return TinyDB(tables, str(path), storage=FrozenStorage)


def missing_file(path: Path, kind: FileKind) -> OpenedFile:
    """A file that is not there yet, read as empty (and refusing writes: open it with
    `create=True` to write)."""
    return OpenedFile(path, _frozen(path, empty_tables(kind)), True, [], existed=False)


def _fresh(path: Path, kind: FileKind) -> TinyDB:
    atomic_write_bytes(path, dumps(empty_tables(kind)))
    return TinyDB(path, storage=AtomicJSONStorage)


def _writable(path: Path, tables: dict[str, Any], stamp: tuple[int, int, int]) -> TinyDB:
    """The file as TinyDB, starting from the tables just read from it (version `stamp`), so
    they are not parsed twice."""
    return TinyDB(path, storage=AtomicJSONStorage, known=(stamp, tables))


@overload
def open_file(path: Path, kind: FileKind, *, writable: bool,
              create: Literal[True]) -> OpenedFile: ...


@overload
def open_file(path: Path, kind: FileKind, *, writable: bool,
              create: bool) -> OpenedFile | None: ...


def open_file(path: Path, kind: FileKind, *, writable: bool, create: bool) -> OpenedFile | None:
    """Open `path` by the rules above. Returns None if it does not exist and `create` is False.

    `writable` means this process holds the data folder's lock and may repair, migrate and
    create; otherwise nothing on disk changes but the quarantine copy.
    """
    name = path.name
    if writable:
        for temp in leftover_temp_files(path):
            if is_stale_temp(temp):  # not one another AnkleDesk is writing (a shared history)
                temp.unlink(missing_ok=True)
    reading: Reading | None = None
    problem: ShapeError | None = None
    try:
        stamp: tuple[int, int, int] | None = file_stamp(path)
    except OSError:
        stamp = None
    try:
        raw = read_regular(path)
    except DanglingLink as exc:
        if writable:
            raise
        return OpenedFile(path, _frozen(path, empty_tables(kind)), True, [str(exc)],
                          unreadable=-1)
    except ShapeError as exc:
        raw, problem = b"", exc
    else:
        if raw is None:
            if not create:
                return None
            if not writable:
                return missing_file(path, kind)
            return OpenedFile(path, _fresh(path, kind), existed=False)
        try:
            reading = read_tables(raw, kind)
        except Unparsed as exc:
            try:
                from ankledesk.store.salvage import salvage  # only for a damaged file

                reading = salvage(raw, kind, exc)
            except ShapeError as unsalvaged:
                problem = unsalvaged
        except ShapeError as exc:
            problem = exc

    if reading is None:
        reason = str(problem)
        if not writable:
            notice = (f"{path} cannot be read ({reason}); it is left as it is and will be "
                      "moved aside the next time a workout starts")
            return OpenedFile(path, _frozen(path, empty_tables(kind)), True, [notice],
                              unreadable=-1)
        aside = aside_path(path, CORRUPT_TAG)
        replace_with_retry(path, aside)
        fsync_dir(path.parent)
        notice = f"{path} could not be read ({reason}); it was moved to {aside}"
        if create:
            notice += f" and a new {name} was started"
            return OpenedFile(path, _fresh(path, kind), notices=[notice], unreadable=-1)
        return OpenedFile(path, _frozen(path, None), False, [notice], existed=False,
                          unreadable=-1)

    version = reading.version
    if version > SCHEMA_VERSION:
        notice = (f"{path} was written by a newer AnkleDesk (schema {version}; this one knows "
                  f"{SCHEMA_VERSION}): it is open read-only and nothing will be written to it")
        return OpenedFile(path, _frozen(path, reading.tables), True, [notice],
                          newer_schema=True)

    if reading.damage is not None:
        return _salvaged(path, raw, reading, writable)
    notices: list[str] = []
    if reading.set_aside:
        kept_in = _quarantined(path, reading, writable)
        notices.append(_quarantine_notice(path, reading, kept_in, writable))
    if reading.rekeyed:
        moves = ", ".join(f'"{old}" → {new}' for old, new in reading.rekeyed)
        if writable:
            copy = aside_path(path, DUPLICATE_KEYS_TAG)
            atomic_write_bytes(copy, raw)
            notices.append(f"{path}: sessions under a repeated or odd key were given keys of "
                           f"their own ({moves}); the file as it was is kept as {copy}")
        else:
            notices.append(f"{path}: sessions under a repeated or odd key ({moves}) are all "
                           "shown; the next workout gives them keys of their own")
    unreadable = len(reading.set_aside)
    if not writable:
        return OpenedFile(path, _frozen(path, reading.tables), True, notices,
                          unreadable=unreadable)
    if version < SCHEMA_VERSION:
        backup = aside_path(path, f"schema{version}")
        atomic_write_bytes(backup, raw)
        notices.append(f"{path} was upgraded from schema {version} to {SCHEMA_VERSION}; "
                       f"the original is kept as {backup}")
    if version < SCHEMA_VERSION or reading.set_aside or reading.rekeyed:
        atomic_write_bytes(path, dumps(reading.tables))
        stamp = file_stamp(path)
    elif stamp != file_stamp(path):  # changed while it was read: TinyDB reads it again
        stamp = None
    db = (TinyDB(path, storage=AtomicJSONStorage) if stamp is None
          else _writable(path, reading.tables, stamp))
    return OpenedFile(path, db, notices=notices, unreadable=unreadable)


class SessionsFile:
    """What the history files and the journal share: the opened file and its sessions table."""

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
