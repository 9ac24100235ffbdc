"""Writing a finished document to the file the user named, all or nothing.

Through the app's one atomic write (ankledesk/durable_files.py): a full disk or a crash
half-way leaves the old file (or no file), never half a PDF that a viewer would call damaged.
A symlink is followed (its target is replaced and the link stays a link), a file written over
keeps its permission bits, and a new one gets the user's usual mode (the data files' 0600
would hide the PDF from the physio's account or a print server).
"""

from __future__ import annotations

from pathlib import Path

from ankledesk.durable_files import atomic_write_bytes, usual_file_mode


def save_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically; OSError (unwritable folder, full disk) propagates
    with the target untouched and no temporary file left behind."""
    atomic_write_bytes(Path(path), data, new_file_mode=usual_file_mode())
    return Path(path)
