"""Which paths belong to the data folder, and what each one is in plain words, so that nothing
else (an export) ever writes over them.

`ankledesk export csv -o DATA/settings.ini` would otherwise replace the preferences with a
spreadsheet, and History's Export aimed at `history/2026.json` a year of workouts. The data
folder's own are:

- its named files at the top (the preferences, the journal, the history.json of before the
  split, the lock), with everything set aside beside them (corrupt, quarantine, schema
  backups, the split original) and their temp and lock files, whether they exist yet or not;
- its folders (history/, routines/, media/, cache/, logs/) and everything in them, existing or
  not yet: a file written there would be read back as a year, a routine, a clip;
- whatever else it holds today;
- whatever its links lead to (a history/ or a year file kept in a synced folder).

A path names one of them when it resolves to it (symlinks and relative paths followed), or when
it is the same file under another name (a hard link: same device and inode).
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import HISTORY_DIR, HISTORY_FILE
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE

_FILES = {
    paths.SETTINGS_FILE: "AnkleDesk's own preferences",
    JOURNAL_FILE: "AnkleDesk's record of the workout in progress",
    HISTORY_FILE: "AnkleDesk's workout history",
    LOCK_FILE: "AnkleDesk's lock file",
}
# Each folder: what a file in it is, what the folder is.
_FOLDERS = {
    HISTORY_DIR: ("part of AnkleDesk's workout history", "AnkleDesk's history folder"),
    paths.user_routines_dir(Path()).name: ("one of your routines in AnkleDesk",
                                           "AnkleDesk's folder of your routines"),
    paths.user_media_dir(Path()).name: ("one of your clips in AnkleDesk",
                                        "AnkleDesk's folder of your clips"),
    paths.cache_dir(Path()).name: ("part of AnkleDesk's cache", "AnkleDesk's cache folder"),
    paths.logs_dir(Path()).name: ("AnkleDesk's log", "AnkleDesk's log folder"),
}
_ANY_FILE = "one of the files in AnkleDesk's data folder"

ANOTHER_NAME = "choose another name"
ANOTHER_FOLDER = "choose another folder"


@dataclass(frozen=True)
class Owned:
    """A path the data folder owns, as the user should read it."""

    path: Path
    """Where it sits in the data folder (a link's name there, not the link's target)."""
    reason: str
    """Why it is not the user's to write, a clause: "that file is a link to AnkleDesk's own
    preferences"."""
    advice: str
    """What to do instead: ANOTHER_NAME, or ANOTHER_FOLDER when every name there is owned."""

    def sentence(self) -> str:
        """For a dialog: "That file is AnkleDesk's own preferences; choose another name."."""
        return f"{self.reason[:1].upper()}{self.reason[1:]}; {self.advice}."


def _family(name: str, own: str) -> bool:
    """`name` is `own`, set aside beside it, or its temp or lock file."""
    stem, suffix = os.path.splitext(own)
    return (name == own or name.startswith((f"{own}.", f".{own}."))
            or fnmatch.fnmatchcase(name, f"{stem}.*{suffix}"))


@dataclass
class _Index:
    """Every entry the data folder holds, links followed: by (device, inode) and, for each link
    in it, by the real path the link leads to."""

    by_inode: dict[tuple[int, int], Path]
    by_link_target: dict[Path, Path]

    @classmethod
    def of(cls, folder: Path) -> _Index:
        index = cls({}, {})
        seen: set[tuple[int, int]] = set()
        for top, dirs, files in os.walk(folder, followlinks=True):
            here = Path(top)
            try:
                key = _key(os.stat(here))
            except OSError:
                dirs[:] = []
                continue
            if key in seen:  # a link loop, or a folder linked twice: walked once
                dirs[:] = []
                continue
            seen.add(key)
            for name in (*dirs, *files):
                index._add(here / name)
        return index

    def _add(self, entry: Path) -> None:
        if entry.is_symlink():
            self.by_link_target.setdefault(Path(os.path.realpath(entry)), entry)
        with contextlib.suppress(OSError):  # a dangling link: known by where it leads
            self.by_inode.setdefault(_key(os.stat(entry)), entry)


def _key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _ancestors(path: Path) -> Iterator[Path]:
    yield path
    yield from path.parents


def owner(data_dir: Path, path: Path) -> Owned | None:
    """What in the data folder `path` would write over, or None if it is free for an export."""
    folder = Path(os.path.realpath(data_dir))
    named = Path(os.path.abspath(path))
    target = Path(os.path.realpath(path))
    inside = any(named.is_relative_to(f) for f in (folder, Path(os.path.abspath(data_dir))))
    linked = os.path.islink(named)
    if target.is_relative_to(folder):
        return _classify(folder, target, "is" if inside else "link")
    index = _Index.of(folder)
    for above in _ancestors(target):  # reached through a link the data folder holds
        if above in index.by_link_target:
            place = index.by_link_target[above] / target.relative_to(above)
            return _classify(folder, place, "is" if inside else "link" if linked else "is kept")
    try:
        same = index.by_inode.get(_key(os.stat(target)))
    except OSError:  # not there yet: is its folder one of ours under another name?
        try:
            into = index.by_inode.get(_key(os.stat(target.parent)))
        except OSError:
            return None
        return None if into is None else _classify(folder, into / target.name, "link")
    return None if same is None else _classify(folder, same, "hard link")


def _classify(folder: Path, place: Path, how: str) -> Owned | None:
    """`place`, a path in the data folder, as the user should read it; None for a new file of
    a name the app never writes, at the top or in a folder of the user's own."""
    parts = place.relative_to(folder).parts
    if not parts:
        return Owned(folder, "that is AnkleDesk's data folder", ANOTHER_FOLDER)
    top = parts[0]
    own_file = next((what for name, what in _FILES.items() if _family(top, name)), None)
    if top in _FOLDERS:
        in_it, itself = _FOLDERS[top]
        if len(parts) == 1:
            return Owned(place, f"that name is kept for {itself}", ANOTHER_NAME)
        elif not os.path.lexists(place) and how in ("is", "is kept"):
            where = itself if len(parts) == 2 else f"inside {itself}"
            return Owned(place.parent, f"that folder is {where}", ANOTHER_FOLDER)
        else:
            own_file = in_it
    if own_file is None:
        if not os.path.lexists(place):
            return None
        own_file = _ANY_FILE
    reason = {"is": f"that file is {own_file}",
              "is kept": f"that file is {own_file}, kept here through a link",
              "link": f"that file is a link to {own_file}",
              "hard link": f"that file is a hard link to {own_file}"}[how]
    return Owned(place, reason, ANOTHER_NAME)
