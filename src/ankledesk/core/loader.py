"""Loading and validating the drill catalogue and routine files (the public TOML format).

Coaches write these by hand, so every mistake is reported as its own line and a bad file never
stops the others from loading. Validation collects all problems of a file instead of stopping at
the first, so one `routines check` run lists everything to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ankledesk.core.file_limits import (
    FileRefused,
    data_depth,
    read_limited,
    text_depth,
    too_deep,
)
from ankledesk.core.model import (
    CATEGORIES,
    MODES,
    PAUSE_RANGE,
    REP_SECONDS_RANGE,
    REPS_RANGE,
    ROUNDS_RANGE,
    SECONDS_RANGE,
    SIDES,
    Drill,
    Routine,
    RoutineItem,
)
from ankledesk.core.problems import _MISSING, Problem

# \A and \Z, not ^ and $: `$` also matches before a final newline, and "abc\n" is no id.
ID_PATTERN = re.compile(r"\A[a-z0-9-]+\Z")
DRILLS_FILE = "drills.toml"
# Data files beside the routines that are not routines (the self-check mapping).
NOT_ROUTINES = frozenset({DRILLS_FILE, "self-check.toml"})

Option = TypeVar("Option", bound=str)

DRILL_KEYS = {
    "id", "name", "category", "mode", "seconds", "reps", "sides", "equipment", "cues",
    "progression", "clip", "source", "description",
}
ROUTINE_KEYS = {
    "id", "name", "description", "rounds", "rest_between_rounds", "rest_between_drills",
    "prepare", "side_switch", "items",
}
ITEM_KEYS = {"drill", "reps", "seconds", "sides", "mode", "cap", "rep_seconds"}
ROUTINE_DEFAULTS = {
    "rounds": 4, "rest_between_rounds": 60, "rest_between_drills": 0, "prepare": 10,
    "side_switch": 5,
}


def close_matches(word: str, possibilities: Sequence[str], n: int) -> list[str]:
    """difflib's "did you mean", imported only when a file has a mistake to point out."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n)


@dataclass
class Library:
    """Everything the app would load: drills, routines by id, and every problem found."""

    drills: dict[str, Drill] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def routine(self, routine_id: str) -> Routine | None:
        return self.routines.get(routine_id)


class _Checker:
    """Collects problems for one file while reading typed values out of a TOML table."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, fld: str | None, message: str, got: object = _MISSING) -> None:
        self.problems.append(Problem(self.path, fld, message, got))

    def item(self, index: int) -> _ItemChecker:
        """A checker for the routine's item at `index` (from 0), adding to the same list."""
        return _ItemChecker(self, index)


    def unknown_keys(self, table: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                hint = close_matches(key, sorted(allowed), n=1)
                extra = f"; did you mean {hint[0]!r}?" if hint else ""
                self.add(f"{prefix}{key}", f"unknown key{extra}", table[key])

    def integer(self, table: dict[str, Any], key: str, fld: str, bounds: tuple[int, int], unit: str,
                default: int | None = None) -> int | None:
        if key not in table:
            return default
        value = table[key]
        lo, hi = bounds
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.add(fld, f"expected whole {unit} {lo}–{hi}", value)
            return None
        return value

    def text(self, table: dict[str, Any], key: str, fld: str, required: bool = False) -> str | None:
        if key not in table:
            if required:
                self.add(fld, "missing (required)")
            return None
        value = table[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(fld, "expected non-empty text" if required else "expected text", value)
            return None
        return value

    def choice(self, table: dict[str, Any], key: str, fld: str,
               options: Sequence[Option]) -> Option | None:
        if key not in table:
            return None
        value = table[key]
        for option in options:
            if value == option:
                return option
        self.add(fld, "expected one of " + ", ".join(f'"{o}"' for o in options), value)
        return None

    def text_list(self, table: dict[str, Any], key: str, fld: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(fld, "expected a list of text", value)
            return ()
        return tuple(value)

    def identifier(self, table: dict[str, Any], fld: str) -> str | None:
        value = self.text(table, "id", fld, required=True)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.add(fld, "expected lowercase letters, digits and hyphens", value)
            return None
        return value


class _ItemChecker(_Checker):
    """Reads one [[items]] table: fields are its keys (`seconds`), written as
    `items[N].seconds` and carried as data in each Problem's item_index and item_key."""

    def __init__(self, parent: _Checker, index: int) -> None:
        super().__init__(parent.path)
        self.problems = parent.problems
        self.index = index

    def add(self, fld: str | None, message: str, got: object = _MISSING) -> None:
        where = f"items[{self.index + 1}]" + (f".{fld}" if fld else "")
        self.problems.append(Problem(self.path, where, message, got, item_index=self.index,
                                     item_key=fld))


def read_text(path: Path) -> str | Problem:
    """A TOML file's text, within core/file_limits' bounds (a regular file, at most 256 KB,
    brackets nested at most 16 deep); anything else becomes a Problem naming the file."""
    try:
        data = read_limited(path)
    except FileRefused as exc:
        return Problem(path, None, str(exc))
    except OSError as exc:
        return Problem(path, None, f"cannot read the file ({exc.strerror or exc})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Problem(path, None, "not a text file (expected UTF-8 TOML)")
    refused = too_deep(text_depth(text))
    return text if refused is None else Problem(path, None, str(refused))


def parse_toml(path: Path, text: str) -> dict[str, Any] | Problem:
    """`text` (from read_text) parsed; a Problem if it is not TOML, or if its dotted keys nest
    deeper than its brackets may."""
    import tomllib  # the app mostly reads its cache of parsed files (ankledesk/library.py)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Problem(path, None, f"not valid TOML: {exc}")
    refused = too_deep(data_depth(data))
    return data if refused is None else Problem(path, None, str(refused))


def read_toml(path: Path) -> dict[str, Any] | Problem:
    """Parse one TOML file; an unreadable or malformed file becomes a Problem, never a crash."""
    text = read_text(path)
    return text if isinstance(text, Problem) else parse_toml(path, text)


# How the loaders read a file: read_toml, or the app's cache of files parsed before.
TomlReader = Callable[[Path], "dict[str, Any] | Problem"]


def parse_drills(data: dict[str, Any], path: Path) -> tuple[dict[str, Drill], list[Problem]]:
    check = _Checker(path)
    check.unknown_keys(data, {"drills"}, "")
    tables = data.get("drills")
    if not isinstance(tables, list) or not tables:
        check.add("drills", "expected one or more [[drills]] tables", tables if tables else [])
        return {}, check.problems
    drills: dict[str, Drill] = {}
    declared: dict[str, int] = {}  # every id seen, valid entry or not, for duplicates and links
    links: list[tuple[int, tuple[str, ...]]] = []
    for n, table in enumerate(tables, start=1):
        prefix = f"drills[{n}]."
        if not isinstance(table, dict):
            check.add(f"drills[{n}]", "expected a table", table)
            continue
        before = len(check.problems)
        check.unknown_keys(table, DRILL_KEYS, prefix)
        drill_id = check.identifier(table, prefix + "id")
        name = check.text(table, "name", prefix + "name", required=True)
        category = check.choice(table, "category", prefix + "category", CATEGORIES)
        if "category" not in table:
            check.add(prefix + "category", "missing (required)")
        mode = check.choice(table, "mode", prefix + "mode", MODES)
        if "mode" not in table:
            check.add(prefix + "mode", "missing (required)")
        seconds = check.integer(table, "seconds", prefix + "seconds", SECONDS_RANGE, "seconds")
        reps = check.integer(table, "reps", prefix + "reps", REPS_RANGE, "reps")
        if mode == "reps" and "reps" not in table:
            check.add(prefix + "reps", 'missing: mode "reps" needs reps')
        if mode in ("hold", "timed") and "seconds" not in table:
            check.add(prefix + "seconds", f'missing: mode "{mode}" needs seconds')
        if "seconds" in table and "reps" in table:
            check.add(prefix + "reps", "give reps or seconds, not both", table["reps"])
        sides = check.choice(table, "sides", prefix + "sides", SIDES) or "one"
        progression = check.text_list(table, "progression", prefix + "progression")
        links.append((n, progression))
        if drill_id in declared:
            check.add(prefix + "id", "duplicate drill id", drill_id)
            continue
        if drill_id is not None:
            declared[drill_id] = n
        if len(check.problems) > before or drill_id is None or mode is None:
            continue  # (a missing or unknown mode is one of the problems counted)
        drills[drill_id] = Drill(
            id=drill_id, name=name or drill_id, category=category or "", mode=mode,
            seconds=seconds if mode != "reps" else None, reps=reps if mode == "reps" else None,
            sides=sides, equipment=check.text_list(table, "equipment", prefix + "equipment"),
            cues=check.text_list(table, "cues", prefix + "cues"),
            progression=progression,
            clip=check.text(table, "clip", prefix + "clip"),
            source=str(table.get("source", "")),
            description=check.text(table, "description", prefix + "description") or "",
        )
    for n, progression in links:
        for target in progression:
            if target not in declared:
                check.add(f"drills[{n}].progression", "unknown drill id", target)
    return drills, check.problems


def load_drills(path: Path, read: TomlReader = read_toml
                ) -> tuple[dict[str, Drill], list[Problem]]:
    data = read(path)
    if isinstance(data, Problem):
        return {}, [data]
    return parse_drills(data, path)


def _resolve_item(check: _ItemChecker, table: dict[str, Any],
                  drills: dict[str, Drill]) -> RoutineItem | None:
    """One [[items]] table: the drill, its mode and dosage (explicit, or the drill's default)."""
    before = len(check.problems)
    check.unknown_keys(table, ITEM_KEYS, "")
    drill_id = table.get("drill")
    drill = None
    if "drill" not in table:
        check.add("drill", "missing (required)")
    elif not isinstance(drill_id, str) or drill_id not in drills:
        hint = close_matches(str(drill_id), list(drills), n=1)
        extra = f'; did you mean "{hint[0]}"?' if hint else ""
        check.add("drill", f"unknown drill id{extra}", drill_id)
    else:
        drill = drills[drill_id]
    seconds = check.integer(table, "seconds", "seconds", SECONDS_RANGE, "seconds")
    reps = check.integer(table, "reps", "reps", REPS_RANGE, "reps")
    cap = check.integer(table, "cap", "cap", SECONDS_RANGE, "seconds")
    rep_seconds = check.integer(table, "rep_seconds", "rep_seconds", REP_SECONDS_RANGE,
                                "seconds")
    mode = check.choice(table, "mode", "mode", MODES)
    sides = check.choice(table, "sides", "sides", SIDES)
    if "seconds" in table and "reps" in table:
        check.add("reps", "give reps or seconds, not both", table["reps"])
    if "cap" in table and "rep_seconds" in table:
        check.add("cap", "give a cap or rep_seconds, not both", table["cap"])
    if len(check.problems) > before or drill is None:
        return None

    if mode is None:
        if "reps" in table:
            mode = "reps"
        elif "seconds" in table:
            mode = drill.mode if drill.mode != "reps" else "timed"
        else:
            mode = drill.mode
    if mode == "reps":
        if "seconds" in table:
            check.add("seconds", 'mode "reps" counts reps, not seconds', table["seconds"])
            return None
        reps = reps if reps is not None else drill.reps
        if reps is None:
            check.add("reps", f'missing: mode "reps" needs reps ("{drill.id}" is timed)')
            return None
        seconds = None
    else:
        if "reps" in table:
            check.add("reps", f'mode "{mode}" counts seconds, not reps', table["reps"])
            return None
        if cap is not None:
            check.add("cap", "a cap only applies to reps items", cap)
            return None
        if rep_seconds is not None:
            check.add("rep_seconds", "rep_seconds only applies to reps items",
                      rep_seconds)
            return None
        seconds = seconds if seconds is not None else drill.seconds
        if seconds is None:
            check.add("seconds",
                      f'missing: mode "{mode}" needs seconds ("{drill.id}" counts reps)')
            return None
        reps = None
    return RoutineItem(drill_id=drill.id, mode=mode, seconds=seconds, reps=reps,
                       sides=sides or drill.sides, cap=cap, rep_seconds=rep_seconds)


def parse_routine(data: dict[str, Any], path: Path, drills: dict[str, Drill],
                  source: str) -> tuple[Routine | None, list[Problem]]:
    check = _Checker(path)
    check.unknown_keys(data, ROUTINE_KEYS, "")
    # The id written inside is the routine's identity; the file name is only where it is kept
    # (a browser saves a second download as `quick-toe (1).toml`).
    routine_id = check.identifier(data, "id")
    name = check.text(data, "name", "name", required=True)
    description = check.text(data, "description", "description") or ""
    rounds = check.integer(data, "rounds", "rounds", ROUNDS_RANGE, "rounds",
                           ROUTINE_DEFAULTS["rounds"])
    pauses = {
        key: check.integer(data, key, key, PAUSE_RANGE, "seconds", ROUTINE_DEFAULTS[key])
        for key in ("rest_between_rounds", "rest_between_drills", "prepare", "side_switch")
    }
    tables = data.get("items")
    items: list[RoutineItem] = []
    if "items" not in data or (isinstance(tables, list) and not tables):
        check.add("items", "a routine needs at least one [[items]] table", tables or [])
    elif not isinstance(tables, list):
        check.add("items", "expected [[items]] tables", tables)
    else:
        for n, table in enumerate(tables, start=1):
            if not isinstance(table, dict):
                check.item(n - 1).add(None, "expected a table", table)
                continue
            item = _resolve_item(check.item(n - 1), table, drills)
            if item is not None:
                items.append(item)
    if check.problems or routine_id is None or name is None or rounds is None:
        return None, check.problems  # (each None above was counted as a problem)
    return Routine(
        id=routine_id, name=name, description=description, rounds=rounds, items=tuple(items),
        source=source, drills={i.drill_id: drills[i.drill_id] for i in items},
        **{key: value for key, value in pauses.items() if value is not None},
    ), []


def load_routine_file(path: Path, drills: dict[str, Drill], source: str | None = None,
                      read: TomlReader = read_toml) -> tuple[Routine | None, list[Problem]]:
    data = read(path)
    if isinstance(data, Problem):
        return None, [data]
    return parse_routine(data, path, drills, source or str(path))


def _routine_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.name not in NOT_ROUTINES)


def load_library(builtin_dir: Path, user_dir: Path | None = None,
                 read: TomlReader = read_toml) -> Library:
    """The drills, the built-in routines, then the user's, with every problem found on the way.

    A user routine whose id clashes with a built-in one is reported and not loaded, so a coach's
    file never silently replaces (or is replaced by) a shipped program.
    """
    lib = Library()
    lib.drills, lib.problems = load_drills(builtin_dir / DRILLS_FILE, read)
    sources = [(p, "built-in") for p in _routine_files(builtin_dir)]
    if user_dir is not None:
        sources += [(p, str(p)) for p in _routine_files(user_dir)]
    for path, source in sources:
        routine, problems = load_routine_file(path, lib.drills, source, read)
        lib.problems.extend(problems)
        if routine is None:
            continue
        clash = lib.routines.get(routine.id)
        if clash is not None:
            other = "a built-in routine" if clash.source == "built-in" else clash.source
            lib.problems.append(Problem(path, "id", f"already used by {other}", routine.id))
            continue
        lib.routines[routine.id] = routine
    return lib
