"""Splitting the single history.json into one file per year, safely against a crash anywhere.

The first writer (the app, `simulate`, `measure`) that opens a data folder still holding
`history.json` does, under the data folder's lock:

1. open history.json as any writer opens a data file (`files.open_file`): a file that cannot
   be read at all is moved aside byte for byte, sessions that cannot be read are copied byte
   for byte to a quarantine file, an older schema is kept as a copy and migrated;
2. for each year, merge its sessions into `history/<year>.json` by session id (one durable
   write per year, then its digest, under the history folder's lock), and the measurements
   into `history/measurements.json`; two different sessions that shared an id in history.json
   come out under ids of their own (`merging.each_once`: the later one's derived from its
   content, the same on every run), so an edit of one never rewrites the other;
3. only then rename history.json to `history.split-<time>.json` (a rename: never deleted).

Each write is atomic and durable before the next begins, and history.json stays where it was
until every year file holds its sessions, so a crash at any point leaves history.json in place
and the next writer does it again: a session already in its year file (same id) is not added
twice, so every session ends up there exactly once.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from tinydb.table import Table

from ankledesk.core.records import SessionRecord
from ankledesk.store.files import aside_path
from ankledesk.store.history import HISTORY_FILE, History, YearFile, year_file, year_of
from ankledesk.store.storage import checkpoint, fsync_dir, replace_with_retry

SPLIT_TAG = "split"
MEASUREMENTS_TABLE = "measurements"


def legacy_path(data_dir: Path) -> Path:
    return Path(data_dir) / HISTORY_FILE


def open_legacy(data_dir: Path, *, writable: bool) -> YearFile | None:
    """history.json if it is still there (see the module docstring)."""
    path = legacy_path(data_dir)
    if not os.path.lexists(path):
        return None
    return YearFile.open(path, writable=writable, create=False)


def _missing(incoming: list[SessionRecord], stored: list[SessionRecord]) -> list[SessionRecord]:
    """The sessions of `incoming` not yet in `stored`, by id. Both come with each id once
    (`YearFile.sessions`), different sessions that shared one under the same ids on every
    run, so a second run adds none again."""
    have = {doc["id"] for doc in stored}
    return [doc for doc in incoming if doc["id"] not in have]


def split(history: History, measurements: Callable[[], Table]) -> list[str]:
    """Move history.json's sessions into the year files and its measurements into the table
    `measurements()` gives, then rename it aside (see the module docstring).
    Returns the notices to show. `history` must be writable, with `legacy` open writable."""
    legacy = history.legacy
    if legacy is None or legacy.read_only:
        return []
    if not legacy.opened.existed:  # unreadable as a whole: open_file moved it aside already
        history.forget_legacy()
        return []
    by_year: dict[int, list[SessionRecord]] = defaultdict(list)
    for doc in legacy.sessions():
        by_year[year_of(doc)].append(doc)
    history.forget_legacy()
    history.path.mkdir(parents=True, exist_ok=True)
    for year in sorted(by_year):
        with history.writing(year_file(history.data_dir, year)):
            target = history.year(year, create=True)
            assert target is not None  # created if missing
            new = _missing(by_year[year], target.sessions())
            if new:
                target.insert_all(new)
            history.record_digest(year)
    moving = [dict(m) for m in legacy.opened.db.table(MEASUREMENTS_TABLE).all()]
    if moving:
        table = measurements()
        stored = [dict(m) for m in table.all()]
        extra = [m for m in moving if m not in stored]
        if extra:
            table.insert_multiple(extra)
    path = legacy.path
    aside = aside_path(path, SPLIT_TAG)
    replace_with_retry(path, aside)
    fsync_dir(path.parent)
    checkpoint("renamed")
    count = sum(len(docs) for docs in by_year.values())
    sessions = f"{count} session{'' if count == 1 else 's'}"
    if not by_year:
        years = "no sessions"
    elif len(by_year) == 1:
        years = f"{sessions} of {min(by_year)}"
    else:
        years = f"{sessions} of {min(by_year)}–{max(by_year)}"
    return [f"{path} was split into one file per year in {history.path} ({years}) so that a "
            f"week reads only its own year; the original is kept as {aside}"]
