"""The temp files a killed writer left in the data folder, swept when the next writer opens it.

An atomic write (store.storage) leaves its temp file behind only when the process dies between
writing it and renaming it over the real file (a SIGKILL during a digest write, the split or
`simulate`); the real file is intact without it, but nothing else would ever remove it. The
writer that next takes the data folder's lock sweeps each folder the app writes:

- the data folder itself, cache/ and media/: only the lock's holder writes there, so every temp
  file of ours but this process's is stale;
- history/ (it may be shared with another data folder through a symlink, or be the folder
  another one's link points to) and routines/ (`routines import` writes without the lock):
  only those whose writer's pid is gone, or that are older than an hour.

Only files named as our temp files are touched (`storage.is_stale_temp`): never a link, a
folder, a file a sync tool or the user put there, nor a temp file of an export (`.part`).
"""

from __future__ import annotations

from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import history_dir
from ankledesk.store.parsed_toml import CACHE_FILE
from ankledesk.store.storage import sweep_temp_files


def sweep_data_folder(data_dir: Path) -> list[Path]:
    """Remove the stale temp files of ours in the folders the app writes (the caller holds
    the data folder's lock); returns what was removed."""
    folder = Path(data_dir)
    removed: list[Path] = []
    for sole in (folder, folder / CACHE_FILE.parent, paths.user_media_dir(folder)):
        removed += sweep_temp_files(sole, sole_writer=True)
    for shared in (history_dir(folder), paths.user_routines_dir(folder)):
        removed += sweep_temp_files(shared)
    return removed
