"""Expanding a routine into the flat list of timed steps the engine runs.

prepare → for each round: each item (left, switch pause, right for each-side items), with the
rest between drills → rest between rounds (never after the last round). The plan carries an
estimate for every step, so its total is simply the sum of its steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ankledesk.core.model import SECONDS_PER_REP, Mode, Routine, RoutineItem, Side

StepKind = Literal["prepare", "work", "switch", "rest"]
RestKind = Literal["drills", "rounds"]


@dataclass(frozen=True)
class Step:
    """One timed piece of a workout.

    `seconds` is the countdown length: a hold, a timed set, a rest, a reps set's optional cap,
    or a paced reps set's reps × `rep_seconds`; None means a reps set that counts up until the
    user says Done.
    """

    index: int
    kind: StepKind
    seconds: float | None
    estimate: float
    start: float
    round: int
    item: int | None = None
    drill_id: str | None = None
    name: str = ""
    mode: Mode | None = None
    target_reps: int | None = None
    side: Side | None = None
    rest_kind: RestKind | None = None
    last_in_round: bool = False
    rep_seconds: float | None = None  # paced reps: the engine counts each rep of this length

    @property
    def paced(self) -> bool:
        """A reps set whose reps have a set length: it counts down and counts the reps itself."""
        return self.mode == "reps" and self.rep_seconds is not None

    @property
    def is_work(self) -> bool:
        return self.kind == "work"

    @property
    def counts_up(self) -> bool:
        """Reps sets show a count-up (paced ones count down); everything else counts down."""
        return self.mode == "reps" and self.rep_seconds is None

    def describe(self) -> str:
        """A short label: `Banded lunges · LEFT · 12 reps`, `Rest 60 s`."""
        if self.kind == "work":
            amount = f"{self.target_reps} reps" if self.mode == "reps" else f"{self.seconds:g} s"
            if self.paced:
                amount = f"{self.target_reps} × {self.rep_seconds:g} s reps"
            side = f" · {self.side.upper()}" if self.side else ""
            return f"{self.name}{side} · {amount}"
        if self.kind == "switch":
            return f"Switch sides ({self.seconds:g} s)"
        if self.kind == "rest":
            if self.rest_kind == "rounds":
                return f"Rest {self.seconds:g} s before round {self.round + 1}"
            return f"Rest {self.seconds:g} s"
        return f"Get ready ({self.seconds:g} s)"


@dataclass(frozen=True)
class Plan:
    """A routine laid out as the steps the engine runs, in order."""

    routine: Routine
    steps: tuple[Step, ...]

    @property
    def total(self) -> float:
        """Estimated seconds for the whole workout: exactly the sum of its steps."""
        return sum(step.estimate for step in self.steps)

    @property
    def work_steps(self) -> list[Step]:
        return [s for s in self.steps if s.is_work]

    def __len__(self) -> int:
        return len(self.steps)


def _work_estimate(item: RoutineItem) -> tuple[float | None, float]:
    """(countdown length, estimated duration) of one set of `item`."""
    if item.mode == "reps":
        if item.reps is None:
            raise ValueError(f"{item.drill_id}: a reps item without reps")
        if item.rep_seconds is not None:  # paced: the set lasts exactly its reps
            paced = float(item.reps * item.rep_seconds)
            return paced, paced
        guess = float(item.reps * SECONDS_PER_REP)
        if item.cap is not None:
            return float(item.cap), min(guess, float(item.cap))
        return None, guess
    if item.seconds is None:
        raise ValueError(f"{item.drill_id}: a {item.mode} item without seconds")
    return float(item.seconds), float(item.seconds)


def expand(routine: Routine) -> Plan:
    raw: list[dict[str, Any]] = []

    def add(kind: StepKind, seconds: float | None, estimate: float, **fields: Any) -> None:
        raw.append({"kind": kind, "seconds": seconds, "estimate": estimate, **fields})

    if routine.prepare > 0:
        add("prepare", float(routine.prepare), float(routine.prepare), round=1, name="Get ready")
    n_items = len(routine.items)
    for rnd in range(1, routine.rounds + 1):
        for i, item in enumerate(routine.items):
            drill = routine.drills.get(item.drill_id)
            name = drill.name if drill else item.drill_id
            seconds, estimate = _work_estimate(item)
            sides: list[Side | None] = ["left", "right"] if item.sides == "each" else [None]
            for side in sides:
                if side == "right" and routine.side_switch > 0:
                    add("switch", float(routine.side_switch), float(routine.side_switch),
                        round=rnd, item=i, drill_id=item.drill_id, name=name, side="right")
                add("work", seconds, estimate, round=rnd, item=i, drill_id=item.drill_id,
                    name=name, mode=item.mode, target_reps=item.reps, side=side,
                    rep_seconds=None if item.rep_seconds is None else float(item.rep_seconds))
            if i < n_items - 1 and routine.rest_between_drills > 0:
                pause = float(routine.rest_between_drills)
                add("rest", pause, pause, round=rnd, item=i, name="Rest", rest_kind="drills")
        raw[-1]["last_in_round"] = True  # drill rests only come between items: this is work
        if rnd < routine.rounds and routine.rest_between_rounds > 0:
            pause = float(routine.rest_between_rounds)
            add("rest", pause, pause, round=rnd, name="Rest", rest_kind="rounds")

    steps: list[Step] = []
    clock = 0.0
    for index, fields in enumerate(raw):
        steps.append(Step(index=index, start=clock, **fields))
        clock += fields["estimate"]
    return Plan(routine=routine, steps=tuple(steps))
