"""The circuit being built: a Qt-free draft that the Build screen edits and the loader judges.

A draft is an immutable `DraftState` (the circuit settings and the items in order); every edit is
a pure function from one state to the next, so undo and redo are just a matter of keeping the
states, and a failed edit can never leave half a change behind. The draft is never validated by
rules of its own: it is turned into the same table a routine file holds and handed to the
loader's `parse_routine`, so the builder shows exactly the wording `routines check` prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ankledesk.core.loader import ROUTINE_DEFAULTS, parse_routine
from ankledesk.core.model import Drill, Mode, Routine, RoutineItem, Sides
from ankledesk.core.plan import Plan, expand
from ankledesk.core.problems import Problem

SETTINGS = ("name", "description", "rounds", "rest_between_rounds", "rest_between_drills",
            "prepare", "side_switch")
ITEM_FIELDS = ("mode", "amount", "sides", "cap", "rep_seconds")
NEW_ROUTINE_ID = "routine"


@dataclass(frozen=True)
class DraftItem:
    """One drill of the circuit as the builder shows it.

    `amount` is seconds for hold and timed items, reps for reps items. `origin` is the index of
    the [[items]] table this item was read from, so saving a hand-edited file updates that very
    table (and keeps its comments) even after the items were reordered.
    """

    drill: str
    mode: Mode
    amount: int
    sides: Sides
    cap: int | None = None
    rep_seconds: int | None = None
    origin: int | None = field(default=None, compare=False)

    @classmethod
    def of_drill(cls, drill: Drill) -> DraftItem:
        """A drill added from the library comes with its own dosage."""
        amount = drill.reps if drill.mode == "reps" else drill.seconds
        return cls(drill=drill.id, mode=drill.mode, amount=amount or 1, sides=drill.sides)

    @classmethod
    def of_item(cls, item: RoutineItem, origin: int | None = None) -> DraftItem:
        amount = item.reps if item.mode == "reps" else item.seconds
        return cls(drill=item.drill_id, mode=item.mode, amount=amount or 1, sides=item.sides,
                   cap=item.cap, rep_seconds=item.rep_seconds, origin=origin)

    def table(self, drill: Drill | None) -> dict[str, Any]:
        """The [[items]] table for this item, explicit enough to read on its own: the amount
        always, `mode` only where the loader would not infer it from the amount and the drill."""
        out: dict[str, Any] = {"drill": self.drill}
        if self.mode != inferred_mode(self.mode, drill):
            out["mode"] = self.mode
        out["reps" if self.mode == "reps" else "seconds"] = self.amount
        out["sides"] = self.sides
        if self.mode == "reps" and self.cap is not None:
            out["cap"] = self.cap
        if self.mode == "reps" and self.rep_seconds is not None:
            out["rep_seconds"] = self.rep_seconds
        return out


def inferred_mode(mode: Mode, drill: Drill | None) -> Mode:
    """The mode the loader reads from an item that gives `reps` or `seconds` but no `mode`."""
    if mode == "reps":
        return "reps"
    if drill is None:
        return mode
    return drill.mode if drill.mode != "reps" else "timed"


@dataclass(frozen=True)
class DraftState:
    """Everything the Build screen edits, as one value."""

    name: str = ""
    description: str = ""
    rounds: int = ROUTINE_DEFAULTS["rounds"]
    rest_between_rounds: int = ROUTINE_DEFAULTS["rest_between_rounds"]
    rest_between_drills: int = ROUTINE_DEFAULTS["rest_between_drills"]
    prepare: int = ROUTINE_DEFAULTS["prepare"]
    side_switch: int = ROUTINE_DEFAULTS["side_switch"]
    items: tuple[DraftItem, ...] = ()

    @classmethod
    def of_routine(cls, routine: Routine, name: str | None = None) -> DraftState:
        return cls(
            name=routine.name if name is None else name, description=routine.description,
            rounds=routine.rounds, rest_between_rounds=routine.rest_between_rounds,
            rest_between_drills=routine.rest_between_drills, prepare=routine.prepare,
            side_switch=routine.side_switch,
            items=tuple(DraftItem.of_item(item, n) for n, item in enumerate(routine.items)),
        )

    def table(self, routine_id: str, drills: dict[str, Drill]) -> dict[str, Any]:
        """The whole routine file as a plain table (what tomllib would read back)."""
        out: dict[str, Any] = {"id": routine_id, "name": self.name}
        if self.description:
            out["description"] = self.description
        for key in SETTINGS[2:]:
            out[key] = getattr(self, key)
        out["items"] = [item.table(drills.get(item.drill)) for item in self.items]
        return out


# -- edits: each returns the next state and raises nothing for any index in range -----------

def set_setting(state: DraftState, key: str, value: str | int) -> DraftState:
    if key not in SETTINGS:
        raise KeyError(key)
    changes: dict[str, Any] = {key: value}
    return replace(state, **changes)


def insert_item(state: DraftState, index: int, item: DraftItem) -> DraftState:
    index = max(0, min(index, len(state.items)))
    return replace(state, items=(*state.items[:index], item, *state.items[index:]))


def remove_item(state: DraftState, index: int) -> DraftState:
    return replace(state, items=state.items[:index] + state.items[index + 1:])


def duplicate_item(state: DraftState, index: int) -> DraftState:
    """A copy right after the original (a new table in the file, not the original's)."""
    return insert_item(state, index + 1, replace(state.items[index], origin=None))


def move_item(state: DraftState, source: int, target: int) -> DraftState:
    """Move the item at `source` so that it ends up at index `target` of the new list."""
    items = list(state.items)
    item = items.pop(source)
    items.insert(max(0, min(target, len(items))), item)
    return replace(state, items=tuple(items))


def set_item(state: DraftState, index: int, drill: Drill | None, key: str,
             value: Any) -> DraftState:
    """Change one field of an item. A new mode brings the drill's own dosage for it when the
    drill has one (a hold drill switched back to hold gets its 45 s again), and a paced length
    or a cap only lives on reps items."""
    if key not in ITEM_FIELDS:
        raise KeyError(key)
    item = state.items[index]
    if key == "mode" and value != item.mode:
        counted = "reps" if value == "reps" else "seconds"
        was = "reps" if item.mode == "reps" else "seconds"
        amount = item.amount
        if counted != was:
            default = None
            if drill is not None:
                default = drill.reps if value == "reps" else drill.seconds
            amount = default or (10 if value == "reps" else 30)
        changed = replace(item, mode=value, amount=amount)
        if value != "reps":
            changed = replace(changed, cap=None, rep_seconds=None)
    else:
        changes: dict[str, Any] = {key: value}
        changed = replace(item, **changes)
    items = list(state.items)
    items[index] = changed
    return replace(state, items=tuple(items))


# -- ids, validation, estimate -------------------------------------------------------------

def slug(name: str) -> str:
    """An id from a name: `Hill prep (week 2)` -> `hill-prep-week-2`; accents lose their marks."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return text or NEW_ROUTINE_ID


def unique_id(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`… whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


@dataclass(frozen=True)
class Verdict:
    """What the loader says about a draft: the routine it would load, or the problems."""

    routine: Routine | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.routine is not None and not self.problems

    def by_field(self) -> dict[str, list[Problem]]:
        found: dict[str, list[Problem]] = {}
        for problem in self.problems:
            found.setdefault(problem.field or "", []).append(problem)
        return found


def judge(state: DraftState, routine_id: str, path: Path,
          drills: dict[str, Drill]) -> Verdict:
    """Validate the draft exactly as the loader would read its file at `path`."""
    routine, problems = parse_routine(state.table(routine_id, drills), path, drills, str(path))
    return Verdict(routine, tuple(problems))


def estimate(verdict: Verdict) -> Plan | None:
    return expand(verdict.routine) if verdict.routine is not None else None
