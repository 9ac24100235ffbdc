"""The user's routine files: saved, imported, exported and deleted without ever losing one.

Every write goes through the store's atomic write (temp file in the same folder, fsync, replace,
fsync the folder), so a crash leaves the old file or the new one, never half of either. Nothing
here overwrites a file it did not open itself: an import whose id or file is already taken is
refused with one line saying what to do instead. Both the Build screen and `ankledesk routines
import/export` use these functions, so a file travels the same way from either.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from ankledesk import paths
from ankledesk.core.loader import ID_PATTERN, Library, parse_routine, read_toml
from ankledesk.core.model import Routine
from ankledesk.core.problems import Problem, display_path
from ankledesk.errors import UserError
from ankledesk.store.export_target import check_target
from ankledesk.store.storage import atomic_write_bytes, fsync_dir


class FileProblems(UserError):
    """A routine file that does not load: the loader's lines, one per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def routine_file(routine: Routine) -> Path:
    """Where a routine is kept: its own file for a custom one, the shipped file otherwise."""
    if routine.source == "built-in":
        return paths.builtin_routines_dir() / f"{routine.id}.toml"
    return Path(routine.source)


def routine_text(routine: Routine) -> str | None:
    """The file's text as it is on disk now (None if it cannot be read any more)."""
    try:
        return routine_file(routine).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def owner_of(routine_id: str, library: Library) -> str | None:
    """Who already uses `routine_id`: "a built-in routine", a file's path, or None."""
    taken = library.routine(routine_id)
    if taken is None:
        return None
    return "a built-in routine" if taken.source == "built-in" else display_path(Path(taken.source))


def write_routine(target: Path, text: str) -> Path:
    """Durably write a routine file (the folder is created if needed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, text.encode("utf-8"))
    return target


def delete_routine(routine: Routine) -> None:
    """Remove a custom routine's file. Past sessions keep their own snapshot of it."""
    if routine.source == "built-in":
        raise UserError(f'"{routine.id}" is a built-in routine; it cannot be deleted')
    path = Path(routine.source)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_dir(path.parent)


@dataclass(frozen=True)
class Incoming:
    """A routine file read for import: its text and what it loads as."""

    path: Path
    text: str
    routine: Routine


def read_incoming(path: Path, library: Library) -> Incoming:
    """Read and validate a file with the loader's own rules; FileProblems if it does not load."""
    data = read_toml(path)
    if isinstance(data, Problem):
        raise FileProblems([data])
    routine, problems = parse_routine(data, path, library.drills, str(path))
    if routine is None:
        raise FileProblems(problems)
    return Incoming(path, path.read_text(encoding="utf-8"), routine)


def renamed(text: str, routine_id: str, name: str | None = None) -> str:
    """The same file under another id (and name), comments and layout kept."""
    doc = tomlkit.parse(text)
    doc["id"] = routine_id
    if name is not None:
        doc["name"] = name
    return tomlkit.dumps(doc)


def check_new_id(routine_id: str, library: Library, folder: Path, what: str = "id") -> Path:
    """The file a new routine `routine_id` would be saved in; UserError if it is not free."""
    if not ID_PATTERN.match(routine_id):
        raise UserError(f'{what}: expected lowercase letters, digits and hyphens '
                        f'(got "{routine_id}")', exit_code=2)
    owner = owner_of(routine_id, library)
    if owner is not None:
        raise UserError(f'{what}: "{routine_id}" is already used by {owner}')
    target = folder / f"{routine_id}.toml"
    if target.exists():
        raise UserError(f"{display_path(target)} already exists (it does not load; "
                        "`ankledesk routines check` says why); pick another id")
    return target


def import_routine(incoming: Incoming, library: Library, data_dir: Path,
                   as_id: str | None = None, name: str | None = None) -> Path:
    """Copy an incoming file into the user's folder as `<id>.toml`, unchanged unless it is
    given a new id (and name) to avoid a clash."""
    folder = paths.user_routines_dir(data_dir)
    routine_id = as_id or incoming.routine.id
    if as_id is None and name is None:
        owner = owner_of(routine_id, library)
        if owner is not None:
            raise UserError(
                f'{display_path(incoming.path)}: id: already used by {owner} (got "{routine_id}"); '
                "import it under another id with --as NEW-ID")
    target = check_new_id(routine_id, library, folder, "--as" if as_id else "id")
    text = incoming.text
    if routine_id != incoming.routine.id or name is not None:
        text = renamed(text, routine_id, name)
    return write_routine(target, text)


def export_routine(routine: Routine, target: Path, data_dir: Path) -> Path:
    """Write the routine's file, exactly as the app reads it, to `target`: never over one of
    the data folder's own files (store/export_target.py, as every export)."""
    text = routine_text(routine)
    if text is None:
        raise UserError(f"{display_path(routine_file(routine))}: cannot read the routine's file")
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name, e.g. "
                        f"{target / (routine.id + '.toml')}")
    if not target.parent.is_dir():
        raise UserError(f"{target.parent}: no such folder")
    if not os.access(target.parent, os.W_OK):
        raise UserError(f"{target.parent}: the folder is not writable")
    check_target(data_dir, str(target), replace_read_only=True)
    return write_routine(target, text)
