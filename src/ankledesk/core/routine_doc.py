"""A draft written out as routine-file text with tomlkit, keeping a hand-edited file's comments.

Coaches open these files in a text editor, so a new file is laid out like the documented
example (settings first, one blank line before each `[[items]]`), and a file that was already
written by hand is changed in place: only the values that differ are replaced, an item keeps its
own table (and the comments in it) wherever it was moved to, and everything else stays byte for
byte as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from ankledesk.core.draft import DraftItem, DraftState
from ankledesk.core.loader import ROUTINE_DEFAULTS, parse_routine
from ankledesk.core.model import Drill, RoutineItem

HEADER = "A circuit for AnkleDesk. docs/routines.md explains every key."


def render(state: DraftState, routine_id: str, drills: dict[str, Drill],
           original: str | None = None) -> str:
    """The file text for `state`: a fresh file, or `original` with just the changes made."""
    wanted = state.table(routine_id, drills)
    if original is not None:
        try:
            doc = tomlkit.parse(original)
        except tomlkit.exceptions.ParseError:
            doc = None
        if doc is not None and isinstance(doc.get("items"), AoT):
            origins = [item.origin for item in state.items]
            return tomlkit.dumps(_update(doc, wanted, origins, drills))
    return tomlkit.dumps(_fresh(wanted))


def _fresh(wanted: dict[str, Any]) -> tomlkit.TOMLDocument:
    doc = tomlkit.document()
    doc.add(tomlkit.comment(HEADER))
    for key, value in wanted.items():
        if key != "items":
            doc.add(key, value)
    doc.add(tomlkit.nl())
    items = tomlkit.aot()
    for table in wanted["items"]:
        items.append(_table(table))
    doc.add("items", items)
    return doc


def _table(values: dict[str, Any]) -> Table:
    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, value)
    return table


def _update(doc: tomlkit.TOMLDocument, wanted: dict[str, Any], origins: list[int | None],
            drills: dict[str, Drill]) -> tomlkit.TOMLDocument:
    plain = doc.unwrap()
    for key, value in wanted.items():
        if key == "items":
            continue
        had = plain.get(key, ROUTINE_DEFAULTS.get(key, "" if key == "description" else None))
        if had != value:
            doc[key] = value
    if "description" in plain and "description" not in wanted:
        del doc["description"]

    # What each original table resolves to (defaults filled in), to leave unchanged ones alone.
    before, _ = parse_routine(plain, Path("original.toml"), drills, "")
    resolved = before.items if before is not None else ()
    tables: AoT = doc["items"]
    originals = list(tables)
    placed: list[tuple[int | None, Table]] = []
    used: set[int] = set()
    for origin, new in zip(origins, wanted["items"], strict=True):
        if origin is None or origin in used or origin >= len(originals):
            placed.append((None, _table(new)))  # a table can only be in one place
            continue
        used.add(origin)
        table = originals[origin]
        if not (origin < len(resolved) and _same(resolved[origin], new, drills)):
            for key in [k for k in table if k not in new]:
                del table[key]
            for key, value in new.items():
                if table.get(key) != value:
                    table[key] = value
        placed.append((origin, table))
    # Refill the parsed array in place: tomlkit then keeps each table's own spacing, and only
    # a table with a new neighbour that would touch it gets a blank line.
    del tables[:]
    for n, (origin, table) in enumerate(placed):
        if n:
            previous_origin, previous = placed[n - 1]
            neighbours = origin is not None and previous_origin == origin - 1
            if not neighbours and not previous.as_string().endswith("\n\n") \
                    and "\n" not in table.trivia.indent:
                table.trivia.indent = "\n" + table.trivia.indent
        tables.append(table)
    return doc


def _same(item: RoutineItem, new: dict[str, Any], drills: dict[str, Drill]) -> bool:
    return DraftItem.of_item(item).table(drills.get(item.drill_id)) == new
