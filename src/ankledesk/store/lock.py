"""One writer per data folder: an exclusive lock file holding the owner's pid; and one
read-modify-write at a time in a history folder that several data folders share.

The lock is an OS file lock (fcntl.flock on POSIX, msvcrt.locking on Windows) on
`ankledesk.lock`. The kernel drops it the moment its process dies, however it dies, so a lock
left by a killed process is simply free and is taken over; the pid written in the file is only
there to tell a second instance who holds it. On a file system without working locks the pid is
all we have: the lock counts as held only while that pid is alive.

The file itself is never deleted: unlinking a locked file lets a third process lock a fresh file
of the same name while the second still holds the old one, and then two writers run at once.

The data folder's lock does not cover a `history/` linked into a synced folder that a second
data folder (another AnkleDesk, another user) links too: `FolderLock` is the same OS lock on
`.ankledesk-history.lock` inside the real folder, held only while one file there is read
again, changed and written, and waited for (a bounded wait, then `HistoryBusy`) rather than
refused, because the other writer lets go within one write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from ankledesk.errors import UserError

LOCK_FILE = "ankledesk.lock"
FOLDER_LOCK_FILE = ".ankledesk-history.lock"
FOLDER_LOCK_WAIT = 10.0
"""Seconds a writer waits for a shared history folder: far above one write of a year file,
short enough that a stuck holder is reported while the user is still there."""
# Windows locks are mandatory, so the byte locked sits past the pid, which others must read.
_WINDOWS_LOCK_OFFSET = 1024
_BUSY = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK}


class AlreadyRunning(UserError):
    """Another AnkleDesk process holds the data folder."""

    def __init__(self, pid: int | None, path: Path | None = None) -> None:
        where = f" on {path.parent}" if path is not None else ""
        who = (f"pid {pid}" if pid else
               "holder unknown: it has not written its pid yet, or the lock file was emptied")
        super().__init__(f"AnkleDesk is already running{where} ({who}); close it first, or "
                         "use another folder (--data-dir)")
        self.pid = pid


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (signal 0 checks without sending anything)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it just belongs to someone else
    return True


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", "replace").split()
        return int(text[0]) if text else None
    except (OSError, ValueError):
        return None


def _os_lock(fd: int) -> bool:
    """Try the OS lock without waiting: True if taken, False if busy. Raises OSError when the
    file system does not support locking at all."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _BUSY:
            return False
        raise
    return True


def _os_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


class DataLock:
    """The exclusive right to write in `folder`; use as a context manager or call release()."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DataLock:
        """Take the lock or raise AlreadyRunning naming the holder's pid."""
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            holder = _read_pid(fd)
            try:
                taken = _os_lock(fd)
            except OSError:
                # No OS locking here (some network shares): fall back to the pid alone.
                taken = holder is None or holder == os.getpid() or not pid_alive(holder)
            if not taken:
                raise AlreadyRunning(_read_pid(fd) or holder, self.path)
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            # No fsync: other processes read the pid through the page cache, and after a
            # crash it names a dead process either way (it only ever names the holder).
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        """Give the lock up; the file stays, emptied, so no stale pid is left behind."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _os_unlock(fd)
        os.close(fd)

    def __enter__(self) -> DataLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


class HistoryBusy(OSError):
    """Another AnkleDesk held a shared history folder for longer than the wait. An OSError
    naming the folder, so `advice.advised` says it in one line with where the sets are."""


class FolderLock:
    """The right to rewrite a file in `folder` (its real path: links followed), shared by
    every data folder whose history is that folder. Re-entrant within one process, so a
    write that opens a file can hold it around both. A file system without OS locks (some
    network shares) is written without it: the re-read before each write still keeps what
    the other writer stored, but for the one write that overlaps."""

    def __init__(self, folder: Path, *, wait: float | None = None) -> None:
        self.folder = Path(os.path.realpath(folder))
        self.path = self.folder / FOLDER_LOCK_FILE
        self.wait = FOLDER_LOCK_WAIT if wait is None else wait
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> FolderLock:
        if self._depth:
            self._depth += 1
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            try:
                fd = os.open(self.path, os.O_RDONLY)  # a lock file made read-only
            except OSError:
                # Nothing can be created here: the write itself fails, with its own advice.
                self._depth = 1
                return self
        try:
            self._wait_for(fd)
            if _read_pid(fd) != os.getpid():  # unchanged otherwise: no churn for a sync tool
                with contextlib.suppress(OSError):  # read-only: the lock holds without it
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._depth = 1
        return self

    def _wait_for(self, fd: int) -> None:
        deadline = time.monotonic() + self.wait
        pause = 0.001
        while True:
            try:
                if _os_lock(fd):
                    return
            except OSError:
                return  # no OS locks here: see the class docstring
            if time.monotonic() >= deadline:
                holder = _read_pid(fd)
                who = f"another AnkleDesk (pid {holder})" if holder else "another AnkleDesk"
                raise HistoryBusy(errno.EBUSY, f"{who} kept it locked for more than "
                                  f"{self.wait:g} s while writing; nothing was written, try "
                                  "again", str(self.folder))
            time.sleep(pause)
            pause = min(pause * 2, 0.02)

    def release(self) -> None:
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth:
            return
        fd, self._fd = self._fd, None
        if fd is not None:
            _os_unlock(fd)
            os.close(fd)

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
