"""Writing a finished document to the file the user named, all or nothing.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and only then
replace the target with os.replace: a full disk or a crash half-way leaves the old file (or no
file), never half a PDF that a viewer would call damaged. A symlink is followed (its target is
replaced and the link stays a link) and a file written over keeps its permission bits.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically; OSError (unwritable folder, full disk) propagates
    with the target untouched and no temporary file left behind."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # mkstemp's 0600 would hide the PDF from others
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path
