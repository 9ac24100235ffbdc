"""Which paths belong to the data folder, so nothing else (an export) ever writes over them.

`ankledesk export pdf -o DATA/history.json` would otherwise replace the whole history with a
PDF. The store's files are the history folder (year files, digests, measurements, whatever
was set aside there) and the year files' symlink targets, the journal and the history.json of
before the split (or what their symlinks point to), the lock, everything set aside beside them
(corrupt, quarantine, schema backups, the split original), their temp files, and the user's
routines, clips and logs.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import HISTORY_FILE, history_dir
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE

_NAMED = (HISTORY_FILE, JOURNAL_FILE, LOCK_FILE)
_PATTERNS = tuple(f"{Path(name).stem}.*{Path(name).suffix}" for name in _NAMED) + tuple(
    f".{name}.*" for name in _NAMED)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def owned_by_store(data_dir: Path, path: Path) -> bool:
    """Whether `path` (after following symlinks) is one of the data folder's own files."""
    folder = _real(data_dir)
    target = _real(path)
    if any(target == _real(folder / name) for name in _NAMED):
        return True
    years = history_dir(folder)
    if years.is_dir() and any(target == _real(entry) for entry in years.iterdir()):
        return True  # a year file kept elsewhere through a symlink
    if target.parent == folder and any(fnmatch.fnmatch(target.name, p) for p in _PATTERNS):
        return True
    subfolders = (history_dir(folder), _real(history_dir(folder)),
                  paths.user_routines_dir(folder), paths.user_media_dir(folder),
                  paths.logs_dir(folder))
    return any(target.is_relative_to(sub) for sub in subfolders)
