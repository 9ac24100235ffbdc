"""Writing a file so that on disk it is always the old version or the new one, never a mix.

The one atomic write of the app: the history and every other data file (store/), the
documents a user exports (report/output.py) and the clips a user adds (store/user_clips.py)
all go through `atomic_write_bytes` or `atomic_copy`. The bytes go to a temp file in the same
folder, are flushed and fsynced, and only then replace the target (`os.replace`, atomic on
POSIX and NTFS, retried briefly on Windows while a scanner holds the file), and the folder is
fsynced so the rename itself survives a power cut. A symlink is followed (its target is
replaced, the link stays a link); a file written over keeps its permission bits. A new file is
owner-only (0600) unless the caller asks for the user's usual mode (`usual_file_mode`), as an
export does.

A temp file is named `.<target>.<pid>.<random>.tmp`, so the next writer can tell a killed
writer's leftover (store/storage.py's sweep) from a write under way. Two environment hooks let
the crash tests stop a process at a chosen write (see PAUSE_ENV and PAUSE_BEFORE_RENAME_ENV).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# On Windows a virus scanner, the search indexer or a backup tool may hold the target open for a
# moment; os.replace then fails with PermissionError. Retrying briefly rides that out.
REPLACE_RETRY_SECONDS = 1.0
REPLACE_RETRY_PAUSE = 0.05
TEMP_SUFFIX = ".tmp"
TEMP_SUFFIX = ".tmp"
PAUSE_ENV = "ANKLEDESK_PAUSE_AFTER_WRITE"
"""For the crash tests only: when set to K, each durable step of the store says so on stderr
(`checkpoint: …`), and the K-th one (counting from 1; 0: none) then waits a minute (`K:S`: S
seconds), so a test can kill the process with a real SIGKILL right after any chosen write, or
send it a signal while it is inside one. Unset, it costs one dictionary lookup."""
_checkpoints_passed = 0
PAUSE_BEFORE_RENAME_ENV = "ANKLEDESK_PAUSE_BEFORE_RENAME"
"""For the crash tests only: when set to K, each atomic write says `temp written: <file>` on
stderr once its temp file is complete and before the rename, and the K-th (from 1; 0: none)
then waits for a line on stdin (or its end), so a test can SIGKILL the process while its temp
file is on disk, or let it go on. Unset, it costs one dictionary lookup."""
_temps_written = 0



def checkpoint(what: str) -> None:
    """Mark a durable step (see PAUSE_ENV)."""
    pause_at = os.environ.get(PAUSE_ENV)
    if not pause_at:
        return
    global _checkpoints_passed
    _checkpoints_passed += 1
    print(f"checkpoint: {what}", file=sys.stderr, flush=True)
    at, _, seconds = pause_at.partition(":")
    if _checkpoints_passed == int(at):
        time.sleep(float(seconds or 60))


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


def usual_file_mode() -> int:
    """The mode a program makes a new file with for this user (0666 less the umask): what an
    exported document gets, so it is not hidden from others as the data files are."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes, *, new_file_mode: int | None = None,
                       exclusive: bool = False) -> None:
    """Durably replace `path` with `data`: temp file, flush, fsync, replace, fsync folder.

    A symlink is followed (the target is replaced, the link kept) and an existing file keeps
    its permission bits; a new file gets `new_file_mode`, by default mkstemp's owner-only 0600
    (a history is nobody else's business).

    With `exclusive`, `path` must not exist yet, not even as a dangling link: the finished
    temp file is hard-linked to the name instead of replacing it, which fails with
    FileExistsError if anything took the name meanwhile, so of two writers racing for one new
    file exactly one succeeds and the other changes nothing. Where the file system has no hard
    links (FAT), the name is claimed with O_CREAT|O_EXCL and then replaced: a crash between
    the two leaves an empty file there, never a half-written one."""
    _write(Path(path), lambda fh: fh.write(data), new_file_mode, exclusive)


def atomic_copy(source: Path, path: Path, *, new_file_mode: int | None = None) -> None:
    """Durably replace `path` with a copy of the file `source` (streamed, not read whole: a
    user's clip may be large), as atomic_write_bytes writes."""
    with open(source, "rb") as src:
        _write(Path(path), lambda fh: shutil.copyfileobj(src, fh, 1 << 20), new_file_mode,
               exclusive=False)


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


def _write(path: Path, fill: Callable[[BinaryIO], object], new_file_mode: int | None,
           exclusive: bool) -> None:
    path = path if exclusive else write_target(path)
    folder = path.parent
    mode: int | None = new_file_mode
    if not exclusive:
        with contextlib.suppress(FileNotFoundError):
            mode = os.stat(path).st_mode & 0o7777
    fd, temp_name = _mkstemp(path)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):  # no fchmod on Windows
                os.fchmod(fh.fileno(), mode)
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        _temp_checkpoint(path)
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


