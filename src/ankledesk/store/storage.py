"""A TinyDB storage that never leaves a half-written file behind.

TinyDB's stock JSONStorage truncates and rewrites the file in place, so a crash or a full disk in
the middle of a write leaves a truncated, unreadable history (tinydb issues #1, #301, #467). This
storage writes the whole database to a temp file in the same folder, flushes and fsyncs it,
`os.replace`s it over the old file (atomic on POSIX and NTFS) and fsyncs the folder so the rename
itself survives a power cut. At any instant the file on disk is either the old version or the new
one, never a mix.

A process killed between the temp file and the rename leaves the temp file behind; its name
(`.2026.json.<pid>.<random>.tmp`) says whose it was, so the next writer to open the folder
sweeps it (`sweep_temp_files`) once that process is gone, and never a temp file another
AnkleDesk is still writing (a history folder shared by two data folders), nor a file that is
not ours.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ankledesk.store.decoding import unpadded

# On Windows a virus scanner, the search indexer or a backup tool may hold the target open for a
# moment; os.replace then fails with PermissionError. Retrying briefly rides that out.
REPLACE_RETRY_SECONDS = 1.0
REPLACE_RETRY_PAUSE = 0.05
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600.0
"""A temp file of ours this old is stale even if its writer's pid is alive (a write takes
well under a second; the pid has been reused), or when its name carries no pid (an older
AnkleDesk's)."""
# `.<target>.<pid>.<mkstemp's 8 characters>.tmp`; older versions wrote no pid.
# The target always has an extension (.json, .toml, .mp4), so a sync tool's temp file of a bare
# name (`.syncthing.abcdefgh.tmp`) never looks like ours.
_TEMP_NAME = re.compile(r"\.(?P<target>[^./][^/]*?\.[A-Za-z0-9]+)\.(?:(?P<pid>[1-9][0-9]{0,9})\.)?"
                        r"[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
PAUSE_ENV = "ANKLEDESK_PAUSE_AFTER_WRITE"
"""For the crash tests only: when set to K, each durable step of the store says so on stderr
(`checkpoint: …`), and the K-th one (counting from 1; 0: none) then waits a minute, so a test
can kill the process with a real SIGKILL right after any chosen write. Unset, it costs one
dictionary lookup."""
_checkpoints_passed = 0
PAUSE_BEFORE_RENAME_ENV = "ANKLEDESK_PAUSE_BEFORE_RENAME"
"""For the crash tests only: when set to K, each atomic write says `temp written: <file>` on
stderr once its temp file is complete and before the rename, and the K-th (from 1; 0: none)
then waits for a line on stdin (or its end), so a test can SIGKILL the process while its temp
file is on disk, or let it go on. Unset, it costs one dictionary lookup."""
_temps_written = 0


class ReadOnlyError(OSError):
    """A write was attempted on a file opened read-only (for instance a newer schema)."""


def checkpoint(what: str) -> None:
    """Mark a durable step (see PAUSE_ENV)."""
    pause_at = os.environ.get(PAUSE_ENV)
    if not pause_at:
        return
    global _checkpoints_passed
    _checkpoints_passed += 1
    print(f"checkpoint: {what}", file=sys.stderr, flush=True)
    if _checkpoints_passed == int(pause_at):
        time.sleep(60)


def _temp_checkpoint(target: Path) -> None:
    """Mark a temp file written and not yet renamed (see PAUSE_BEFORE_RENAME_ENV)."""
    pause_at = os.environ.get(PAUSE_BEFORE_RENAME_ENV)
    if not pause_at:
        return
    global _temps_written
    _temps_written += 1
    print(f"temp written: {target.name}", file=sys.stderr, flush=True)
    if _temps_written == int(pause_at):
        sys.stdin.readline()


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable. Windows has no directory fsync; NTFS
    journals the metadata itself, so there it is a no-op."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(
    source: Path, target: Path, *, timeout: float = REPLACE_RETRY_SECONDS,
    replace: Callable[[Path, Path], None] = os.replace, sleep: Callable[[float], None] = time.sleep,
) -> None:
    """`os.replace`, retried for up to `timeout` seconds while it raises PermissionError."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            replace(source, target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            sleep(REPLACE_RETRY_PAUSE)


def write_target(path: Path) -> Path:
    """The file a write to `path` must replace: a symlink's target (so a history kept in a
    synced folder keeps receiving sessions and the link stays a link), else `path` itself.
    A dangling link or a loop raises OSError rather than being replaced by a plain file."""
    if not path.is_symlink():
        return path
    os.stat(path)  # FileNotFoundError for a dangling link, ELOOP for a loop
    return Path(os.path.realpath(path))


def _mkstemp(path: Path) -> tuple[int, str]:
    """A temp file beside `path`; an error names the folder, not a temp name nobody knows."""
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX,
                                dir=path.parent)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path.parent)) from None


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Durably replace `path` with `data`: temp file, flush, fsync, replace, fsync folder.

    A symlink is followed (the target is replaced, the link kept) and an existing file keeps
    its permission bits; a new file gets mkstemp's owner-only 0600."""
    path = write_target(Path(path))
    folder = path.parent
    try:
        mode: int | None = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, temp_name = _mkstemp(path)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):  # no fchmod on Windows
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _temp_checkpoint(path)
        replace_with_retry(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError) and exc.filename is None:
            # A failed write names no file: say which one was being written.
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        raise
    fsync_dir(folder)
    checkpoint(f"wrote {path.name}")


def remove_durably(path: Path) -> None:
    """Delete `path` (if present) and make the deletion survive a crash."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_dir(path.parent)


def leftover_temp_files(path: Path) -> list[Path]:
    """Temp files a crash mid-write left next to `path`; the real file is intact without them."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))


def _alive(pid: int) -> bool:
    """Whether a process `pid` exists (on Windows, where os.kill(pid, 0) would kill it, every
    pid is taken as alive: the age rule decides there)."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or a pid this system cannot have: leave it
    except OSError:
        return True  # cannot tell: leave it to the age rule
    try:  # Linux: a killed process its parent has not reaped yet is gone all the same
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return state.rpartition(")")[2].split()[:1] != ["Z"]


def is_stale_temp(path: Path, *, sole_writer: bool = False, now: float | None = None) -> bool:
    """Whether `path` is a temp file of our atomic writes that no process is writing any more.

    It must be named as ours and be a plain file (never a link, a folder or another program's
    file). Then it is stale if its writer's pid is gone, or it is older than
    STALE_TEMP_SECONDS; with `sole_writer` (a folder only the holder of the data folder's lock
    writes, and we hold it) also if it is any other process's, or carries no pid. A history
    folder may be shared by two data folders, so there a live writer's file is left alone."""
    found = _TEMP_NAME.fullmatch(path.name)
    if found is None:
        return False
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    pid = None if found["pid"] is None else int(found["pid"])
    if pid == os.getpid():
        return False  # ours: a write may be under way
    if sole_writer or (pid is not None and not _alive(pid)):
        return True
    return (time.time() if now is None else now) - info.st_mtime > STALE_TEMP_SECONDS


def sweep_temp_files(folder: Path, *, sole_writer: bool = False) -> list[Path]:
    """Remove the stale temp files (`is_stale_temp`) a killed writer left in `folder`; returns
    them. Best effort: a folder that cannot be listed, or a file that cannot be removed, is
    left as it is (the real files are intact without them)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed: list[Path] = []
    for name in names:
        temp = folder / name
        if name.endswith(TEMP_SUFFIX) and is_stale_temp(temp, sole_writer=sole_writer):
            try:
                temp.unlink()
            except OSError:
                continue  # swept by another writer first, or not ours to remove after all
            removed.append(temp)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(folder)
    return removed


def dumps(data: Any) -> bytes:
    """The one JSON encoding both files use: UTF-8, no NaN/Infinity (they are not JSON)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")


def file_stamp(path: Path) -> tuple[int, int, int]:
    """Which version of a file this is: every atomic write makes a new inode, and a hand
    edit changes the size or the modification time."""
    found = os.stat(path)
    return found.st_ino, found.st_size, found.st_mtime_ns


Tables = dict[str, dict[str, Any]]


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file, replaced atomically on every write.

    What was last read or written is kept with the file's stamp (`file_stamp`) and handed out
    again while the file on disk is still that version: a finish asks a year's file whether
    it holds the session, stores it and makes the digest, and parsing a year of sets for each
    of those cost more than the rest of the command. Any other version on disk (a hand edit)
    is read afresh. A write drops what was kept before it starts (TinyDB changes the tables
    in place before writing them), so a failed write leaves nothing in memory that is not on
    disk. With `read_only=True` every write raises ReadOnlyError instead of touching the file.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 known: tuple[tuple[int, int, int], Tables] | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self._kept = known

    def read(self) -> Tables | None:
        try:
            current = file_stamp(self.path)
        except FileNotFoundError:
            self._kept = None
            return None
        if self._kept is not None and self._kept[0] == current:
            return self._kept[1]
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        tables: Tables = json.loads(unpadded(raw)[0].decode("utf-8"))  # as files.open_file
        self._kept = (current, tables)
        return tables

    def current(self) -> bool:
        """Whether the file on disk is still the version last read or written here (False:
        another process, or a sync tool, has replaced it since)."""
        try:
            return self._kept is not None and self._kept[0] == file_stamp(self.path)
        except OSError:
            return False

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.path} is open read-only")
        self._kept = None
        atomic_write_bytes(self.path, dumps(data))
        self._kept = (file_stamp(self.path), data)

    def close(self) -> None:
        """Nothing stays open between operations."""


class FrozenStorage(Storage):
    """TinyDB storage over data already in memory that refuses every write: how a file that
    must not be changed (a newer schema, a file another process owns) is still read.

    Each read hands TinyDB fresh table and document dicts (what its insert and update change
    in place before calling write), sharing the values inside: with years of history a deep
    copy per read cost more than the whole command, and a refused write must leave nothing
    changed behind."""

    def __init__(self, data: dict[str, dict[str, Any]] | None, label: str = "file") -> None:
        super().__init__()
        self._data = data
        self.label = label

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            return None
        return {name: {key: dict(doc) if isinstance(doc, dict) else doc
                       for key, doc in table.items()}
                for name, table in self._data.items()}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise ReadOnlyError(f"{self.label} is open read-only")
