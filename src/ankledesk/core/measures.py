"""Measurements: the simple metrics the articles tell runners to track, and what they say.

Three tests, each taken on the left and the right side:
- knee-to-wall (cm): the ankle dorsiflexion test, how far the toes can be from a wall with the
  knee still touching it and the heel down;
- single-leg balance with eyes closed (seconds);
- the longest big-toe hold (seconds).

A measurement is a plain document (the store keeps them in history/measurements.json):

    {"id": "3f2c…", "kind": "knee-to-wall", "taken_at": "2026-11-18T07:55:40+01:00",
     "left": 9.5, "right": 11.0, "session_id": "…" | null}

`left` or `right` may be null when only one side was measured. No I/O here: the store, the
CLI, the report and the GUI all check and read measurements through these functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Measurement = Mapping[str, Any]
MEASUREMENT_KEYS = ("id", "kind", "taken_at", "left", "right", "session_id")

# A side differing from the other by more than this share of the better side earns a hint.
IMBALANCE = 0.15


@dataclass(frozen=True)
class Kind:
    """One test: its id (as typed on the command line), name, unit, sane range and the routine
    that trains it (for the balance hint's Start button)."""

    id: str
    name: str
    short: str
    unit: str
    low: float
    high: float
    trains: str
    higher_is_better: bool = True

    def show(self, value: float | None) -> str:
        if value is None:
            return "–"
        if self.unit == "s":
            whole = round(value)
            return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else f"{whole} s"
        return f"{value:g} {self.unit}"


KINDS: dict[str, Kind] = {k.id: k for k in (
    Kind("knee-to-wall", "Knee-to-wall distance", "Knee to wall", "cm", 0.0, 30.0,
         "ankle-mobility-foundations"),
    Kind("balance-eyes-closed", "Single-leg balance, eyes closed", "Balance, eyes closed",
         "s", 0.0, 600.0, "dynamic-ankle-and-balance"),
    Kind("big-toe-hold", "Longest big-toe hold", "Big-toe hold", "s", 0.0, 1800.0,
         "big-toe-strength"),
)}


class MeasurementError(ValueError):
    """A measurement is not valid; the message names the field and what was found."""


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_value(kind: Kind, side: str, value: object) -> float | None:
    """A side's value as a float, or MeasurementError saying what is wrong with it."""
    if value is None:
        return None
    if not _number(value) or value != value:  # NaN is not a measurement
        raise MeasurementError(f"{side}: expected a number of {kind.unit}, got {value!r}")
    number = float(value)  # type: ignore[arg-type]
    if not kind.low <= number <= kind.high:
        raise MeasurementError(f"{side}: {kind.name} is {kind.low:g}–{kind.high:g} {kind.unit}, "
                               f"got {number:g}")
    return number


def check_measurement(doc: object) -> None:
    """Raise MeasurementError unless `doc` is a measurement document (see the module doc)."""
    if not isinstance(doc, Mapping):
        raise MeasurementError("a measurement is not an object")
    missing = [k for k in MEASUREMENT_KEYS if k not in doc]
    if missing:
        raise MeasurementError(f"a measurement lacks {', '.join(missing)}")
    kind = KINDS.get(doc["kind"])
    if kind is None:
        raise MeasurementError(f"kind: expected one of {', '.join(KINDS)}, got {doc['kind']!r}")
    for key in ("id", "taken_at"):
        if not isinstance(doc[key], str):
            raise MeasurementError(f"{key}: expected text, got {doc[key]!r}")
    try:
        taken = dt.datetime.fromisoformat(doc["taken_at"])
    except ValueError:
        raise MeasurementError(f"taken_at: not a time, got {doc['taken_at']!r}") from None
    if taken.tzinfo is None:
        raise MeasurementError(f"taken_at: a time without a UTC offset, got {doc['taken_at']!r}")
    left = check_value(kind, "left", doc["left"])
    right = check_value(kind, "right", doc["right"])
    if left is None and right is None:
        raise MeasurementError("a measurement needs the left side, the right side or both")
    if doc["session_id"] is not None and not isinstance(doc["session_id"], str):
        raise MeasurementError(f"session_id: expected text or null, got {doc['session_id']!r}")


def taken(doc: Measurement) -> dt.datetime:
    return dt.datetime.fromisoformat(doc["taken_at"])


def oldest_first(docs: Iterable[Measurement]) -> list[Measurement]:
    return sorted(docs, key=taken)


def between(docs: Iterable[Measurement], first: dt.date, last: dt.date) -> list[Measurement]:
    """Measurements taken on a day from `first` to `last`, both included, oldest first."""
    return [d for d in oldest_first(docs) if first <= taken(d).date() <= last]


def describe(doc: Measurement) -> str:
    """`Knee to wall: left 9.5 cm · right 11 cm`."""
    kind = KINDS[doc["kind"]]
    sides = [f"{side} {kind.show(doc[side])}" for side in ("left", "right")
             if doc[side] is not None]
    return f"{kind.short}: {' · '.join(sides)}"


@dataclass(frozen=True)
class Imbalance:
    """The latest measurement of a kind shows one side more than IMBALANCE behind the other."""

    kind: Kind
    weaker: str
    left: float
    right: float

    @property
    def share(self) -> float:
        """How far the weaker side is behind the better one, 0.2 = 20 %."""
        best = max(self.left, self.right)
        return abs(self.left - self.right) / best if best else 0.0

    @property
    def message(self) -> str:
        k = self.kind
        return (f"{k.short}: your {self.weaker} side is {self.share:.0%} behind "
                f"(left {k.show(self.left)}, right {k.show(self.right)}). "
                f"Give the {self.weaker} side extra sets until they match.")


def imbalances(docs: Iterable[Measurement], threshold: float = IMBALANCE) -> list[Imbalance]:
    """For each kind, its latest measurement with both sides, if they differ by more than
    `threshold` of the better side."""
    found = []
    ordered = oldest_first(docs)
    for kind in KINDS.values():
        both = [d for d in ordered if d["kind"] == kind.id
                and d["left"] is not None and d["right"] is not None]
        if not both:
            continue
        left, right = float(both[-1]["left"]), float(both[-1]["right"])
        best = max(left, right)
        if best <= 0 or abs(left - right) / best <= threshold:
            continue
        weaker = "left" if (left < right) == kind.higher_is_better else "right"
        found.append(Imbalance(kind, weaker, left, right))
    return found
