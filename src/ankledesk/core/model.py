"""The domain's plain data: drills, routine items and routines as loaded and validated.

Frozen dataclasses, so a routine snapshot handed to the engine or the history cannot change
under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["hold", "timed", "reps"]
Sides = Literal["one", "each"]
Side = Literal["left", "right"]

MODES: tuple[Mode, ...] = ("hold", "timed", "reps")
SIDES: tuple[Sides, ...] = ("one", "each")
CATEGORIES = ("strength", "balance", "mobility", "plyometric", "drill")

SECONDS_RANGE = (1, 3600)
REPS_RANGE = (1, 500)
REP_SECONDS_RANGE = (1, 600)
ROUNDS_RANGE = (1, 50)
PAUSE_RANGE = (0, 3600)

# Estimating a reps set: about three seconds a rep for slow, controlled ankle work.
SECONDS_PER_REP = 3


def dosage_text(mode: Mode, seconds: int | None, reps: int | None, sides: Sides,
                rep_seconds: int | None = None) -> str:
    """Human dosage, e.g. `45 s each side`, `12 reps` or `6 × 10 s reps` (paced): how a drill's
    default and a routine's prescription are both written."""
    amount = f"{reps} reps" if mode == "reps" else f"{seconds} s"
    if mode == "reps" and rep_seconds is not None:
        amount = f"{reps} × {rep_seconds} s reps"
    return f"{amount} each side" if sides == "each" else amount


@dataclass(frozen=True)
class Drill:
    """One exercise as the library describes it, with its default dosage; routines say how
    much of it they prescribe (RoutineItem)."""

    id: str
    name: str
    category: str
    mode: Mode
    seconds: int | None
    reps: int | None
    sides: Sides
    equipment: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    progression: tuple[str, ...] = ()
    clip: str | None = None
    source: str = ""
    description: str = ""

    @property
    def dosage(self) -> str:
        """Human dosage, e.g. `45 s each side` or `12 reps`."""
        return dosage_text(self.mode, self.seconds, self.reps, self.sides)


@dataclass(frozen=True)
class RoutineItem:
    """A drill's place in a routine: the dosage this routine prescribes, which may differ
    from the drill's default."""

    drill_id: str
    mode: Mode
    seconds: int | None
    reps: int | None
    sides: Sides
    cap: int | None = None
    rep_seconds: int | None = None  # paced reps: each rep lasts this long, the engine counts

    def dosage(self) -> str:
        """The dosage this routine prescribes, written as `Drill.dosage` is."""
        return dosage_text(self.mode, self.seconds, self.reps, self.sides, self.rep_seconds)


@dataclass(frozen=True)
class Routine:
    """A circuit: its items, done for `rounds` rounds with the rests and switches between
    them. `drills` is looked up, not part of what the routine is (left out of ==)."""

    id: str
    name: str
    items: tuple[RoutineItem, ...]
    description: str = ""
    rounds: int = 4
    rest_between_rounds: int = 60
    rest_between_drills: int = 0
    prepare: int = 10
    side_switch: int = 5
    source: str = "built-in"  # "built-in" or the path of the user's file
    drills: dict[str, Drill] = field(default_factory=dict, compare=False, repr=False)

    @property
    def drill_ids(self) -> list[str]:
        return [item.drill_id for item in self.items]

    def to_snapshot(self) -> dict[str, Any]:
        """A plain-JSON copy of the routine as run, for the history (drills may change later)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "rounds": self.rounds,
            "rest_between_rounds": self.rest_between_rounds,
            "rest_between_drills": self.rest_between_drills,
            "prepare": self.prepare,
            "side_switch": self.side_switch,
            "source": self.source,
            "items": [
                {
                    "drill": item.drill_id,
                    "name": self.drills[item.drill_id].name if item.drill_id in self.drills else "",
                    "mode": item.mode,
                    "seconds": item.seconds,
                    "reps": item.reps,
                    "sides": item.sides,
                    "cap": item.cap,
                    "rep_seconds": item.rep_seconds,
                }
                for item in self.items
            ],
        }
