"""A TinyDB storage that never leaves a half-written file behind.

TinyDB's stock JSONStorage truncates and rewrites the file in place, so a crash or a full disk in
the middle of a write leaves a truncated, unreadable history (tinydb issues #1, #301, #467). This
storage writes the whole database to a temp file in the same folder, flushes and fsyncs it,
`os.replace`s it over the old file (atomic on POSIX and NTFS) and fsyncs the folder so the rename
itself survives a power cut. At any instant the file on disk is either the old version or the new
one, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

# On Windows a virus scanner, the search indexer or a backup tool may hold the target open for a
# moment; os.replace then fails with PermissionError. Retrying briefly rides that out.
REPLACE_RETRY_SECONDS = 1.0
REPLACE_RETRY_PAUSE = 0.05
TEMP_SUFFIX = ".tmp"
PAUSE_ENV = "ANKLEDESK_PAUSE_AFTER_WRITE"
"""For the crash tests only: when set to K, each durable step of the store says so on stderr
(`checkpoint: …`), and the K-th one (counting from 1; 0: none) then waits a minute, so a test
can kill the process with a real SIGKILL right after any chosen write. Unset, it costs one
dictionary lookup."""
_checkpoints_passed = 0


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
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path.parent)) from None


# link(2)'s errors on a file system without hard links (FAT, some network and FUSE mounts).
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS,
                            errno.EMLINK, errno.EINVAL})


def _place_new(temp: Path, path: Path) -> None:
    """Give the finished temp file the name `path`, which must be free (FileExistsError
    naming `path` otherwise, and nothing changed)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links: claim the name first (still exclusive), then fill it atomically.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        replace_with_retry(temp, path)
        return
    with contextlib.suppress(OSError):  # the file is in place; a leftover temp is swept later
        temp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Durably replace `path` with `data`: temp file, flush, fsync, replace, fsync folder.

    A symlink is followed (the target is replaced, the link kept) and an existing file keeps
    its permission bits; a new file gets mkstemp's owner-only 0600.

    With `exclusive`, `path` must not exist yet, not even as a dangling link: the finished
    temp file is hard-linked to the name instead of replacing it, which fails with
    FileExistsError if anything took the name meanwhile, so of two writers racing for one new
    file exactly one succeeds and the other changes nothing. Where the file system has no hard
    links (FAT), the name is claimed with O_CREAT|O_EXCL and then replaced: a crash between
    the two leaves an empty file there, never a half-written one."""
    path = Path(path) if exclusive else write_target(Path(path))
    folder = path.parent
    mode: int | None = None
    if not exclusive:
        with contextlib.suppress(FileNotFoundError):
            mode = os.stat(path).st_mode & 0o7777
    fd, temp_name = _mkstemp(path)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):  # no fchmod on Windows
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if exclusive:
            _place_new(temp, path)
        else:
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
        tables: Tables = json.loads(raw.decode("utf-8"))
        self._kept = (current, tables)
        return tables

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
