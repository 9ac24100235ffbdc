"""An OS error as a sentence a user can act on, instead of `internal error: OSError`.

The store turns every OSError of its own into `StorageError` (a UserError) with one of these
sentences, so the CLI prints one line and the GUI shows it in a dialog; the CLI also uses
`explain` for the OS errors of an export. Each sentence says what happened, to which file or
folder (a folder, not the temp file nobody knows about), and what to do, and whether what was
already saved is safe.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from ankledesk.errors import UserError

_TEMP_SUFFIXES = (".tmp", ".part")


class StorageError(UserError):
    """An OS error while reading or writing the data folder, explained (see `explain`)."""

    def __init__(self, message: str, cause: OSError) -> None:
        super().__init__(message)
        self.cause = cause


def _owner(path: Path) -> str:
    """`root` or `uid 1000`, or '' where ownership cannot be looked up."""
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return ""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def _me() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return ""


def subject(exc: OSError) -> tuple[Path | None, str]:
    """The path an error is about and how to name it: a temp file counts as its folder."""
    name = exc.filename
    if not isinstance(name, str | bytes | os.PathLike):
        return None, "a file"
    path = Path(os.fsdecode(name))
    if path.name.startswith(".") and path.name.endswith(_TEMP_SUFFIXES):
        path = path.parent
    with contextlib.suppress(OSError):  # a name too long even to look at
        if path.is_dir():
            return path, f"the folder {path}"
    return path, str(path)


def _denied(path: Path, what: str, safe: str) -> str:
    """Permission denied, naming the file (or the folder a new file would go in), its owner
    and who the user is."""
    if path.exists() and not path.is_dir():
        action, subject_path = f"write {what}", path
    else:
        folder = path if path.is_dir() else path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        action, subject_path = f"create files in the folder {folder}", folder
    owner = _owner(subject_path)
    me = _me()
    whose = f"it belongs to {owner}" if owner else "it is not yours"
    you = f" and you are {me}" if me and me != owner else ""
    mode = ""
    with contextlib.suppress(OSError):
        mode = f" (mode {os.stat(subject_path).st_mode & 0o777:o})"
    return (f"permission denied: cannot {action}{mode}; {whose}{you}. Change its permissions "
            f"(chmod, chown) or use another folder (--data-dir); {safe}")


def explain(exc: OSError, *, safe: str = "nothing already saved was changed",
            data_dir: Path | None = None) -> str:
    """One sentence with advice for `exc`; `safe` says where the user's work is."""
    path, what = subject(exc)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (f"the disk is full (writing {what}): free some space and try again; {safe}")
    if code == errno.EROFS:
        return (f"{what} is on a read-only file system: remount it read-write, or use another "
                f"folder (--data-dir); {safe}")
    if code in (errno.EACCES, errno.EPERM) and path is not None:
        return _denied(path, what, safe)
    if code in (errno.ENOTDIR, errno.EEXIST) and data_dir is not None and data_dir.exists() \
            and not data_dir.is_dir():
        return (f"the data folder {data_dir} is a file, not a folder: move that file away or "
                f"use another folder (--data-dir); {safe}")
    if code == errno.ENOTDIR and path is not None:
        return f"{what}: a part of this path is a file, not a folder; {safe}"
    if code == errno.ELOOP:
        return f"{what} is a symbolic link that leads back to itself; {safe}"
    if code == errno.EISDIR:
        return f"{what} is a folder, not a file; {safe}"
    if code == errno.ENAMETOOLONG:
        return f"{what}: the name is too long for the file system; {safe}"
    reason = exc.strerror or type(exc).__name__
    return f"{what}: {reason.lower() if reason[:1].isupper() else reason}; {safe}"


@contextlib.contextmanager
def advised(safe: str = "nothing already saved was changed",
            data_dir: Path | None = None) -> Iterator[None]:
    """Turn an OSError raised inside into StorageError with `explain`'s sentence."""
    try:
        yield
    except UserError:
        raise
    except OSError as exc:
        raise StorageError(explain(exc, safe=safe, data_dir=data_dir), exc) from exc
