"""Sync tools' conflicted copies of a year file, found by name beside it.

When two machines change `2026.json` before they hear from each other, the sync tool keeps
one version under the name and renames the other; each of those versions holds sessions the
other lacks. The names, as each tool makes them (a stem, a tag, the extension kept):

    2026.sync-conflict-20261207-101112-ABCDEFG.json      Syncthing (date, time, device id)
    2026 (conflicted copy 2026-12-07 101112).json        Nextcloud, ownCloud 2.5+ (a user
                                                         name may precede the date)
    2026 (Laptop's conflicted copy 2026-12-07).json      Dropbox (a number may follow)
    2026_conflict-20261207-101112.json                   ownCloud before 2.5

The next write of the year merges each copy into it by session id (store.history) and then
renames it `<its name>.merged-<time>.json`, which no longer matches, so it is merged once and
kept for good. A reader shows a copy's sessions until then.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

MERGED_TAG = "merged"
_TAGS = (
    r"\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+",
    r" \(conflicted copy (?:[^()]+ )?\d{4}-\d{2}-\d{2} \d{6}\)",
    r" \((?:[^()]+'s )?conflicted copy(?: \d{4}-\d{2}-\d{2})?(?: \(\d+\))?\)",
    r"_conflict(?:_[^-]+)?-\d{8}-\d{6}",
)
_COPY = re.compile(rf"^(\d{{4}})(?:{'|'.join(_TAGS)})\.json$", re.IGNORECASE)


def copy_year(name: str) -> int | None:
    """The year whose file `name` is a conflicted copy of, or None."""
    match = _COPY.match(name)
    return int(match[1]) if match else None


def folders(history_dir: Path, year_file: Path) -> list[Path]:
    """Where a year file's copies appear: its own folder and, when the year file is a link,
    the folder of its target (the synced folder), each once."""
    found = [Path(os.path.realpath(history_dir))]
    with contextlib.suppress(OSError):
        if year_file.is_symlink():
            real = Path(os.path.realpath(year_file)).parent
            if real not in found:
                found.append(real)
    return found


def copies_in(names: Iterable[Path], year: int) -> list[Path]:
    """Of the paths `names`, the conflicted copies of `year`'s file, in name order."""
    return sorted(p for p in names if copy_year(p.name) == year)


def listing(folder: Path) -> list[Path]:
    """The folder's entries ([] when it is missing or not a folder)."""
    try:
        return list(folder.iterdir())
    except OSError:
        return []
