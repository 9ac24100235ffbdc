"""Building, merging and checking session documents, and mapping the engine's clock to the wall.

The document's shape is declared once, as `SessionRecord` and `StepRecord` in
`ankledesk.core.records` (with an example there); this module makes new ones from a routine and
the engine's events, and checks that one read from disk really has that shape before anything
relies on it. The engine's clock is monotonic and means nothing on a wall, so a session maps it
to wall time once, when it starts (`WallClock`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any, get_args

from ankledesk.core.engine import Event
from ankledesk.core.model import MODES, Drill, Routine, RoutineItem, Side
from ankledesk.core.records import (
    OUTCOMES,
    SESSION_KEYS,
    STATUSES,
    STEP_KEYS,
    SessionRecord,
    StepRecord,
)

SCHEMA_VERSION = 2

SIDES: tuple[Side | None, ...] = (*get_args(Side), None)


class ShapeError(ValueError):
    """A document is not a session document of this schema."""


def now_local() -> dt.datetime:
    """Now, as an aware datetime in the machine's local offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    """ISO 8601 with the UTC offset, to the second: `2026-11-18T07:30:05+01:00`."""
    return moment.isoformat(timespec="seconds")


def parse_time(text: str) -> dt.datetime:
    """The inverse of iso(); always aware."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ShapeError(f"time without a UTC offset: {text!r}")
    return moment


@dataclass(frozen=True)
class WallClock:
    """Maps the engine's monotonic seconds to wall time, anchored when the session (re)starts."""

    engine_at: float
    wall_at: dt.datetime

    @classmethod
    def now(cls, engine_now: float) -> WallClock:
        return cls(engine_now, now_local())

    def __call__(self, engine_time: float) -> dt.datetime:
        return self.wall_at + dt.timedelta(seconds=engine_time - self.engine_at)


def new_session(routine: Routine, started: dt.datetime | None = None) -> SessionRecord:
    """A fresh in-progress session document for `routine`."""
    return {
        "id": uuid.uuid4().hex,
        "routine_id": routine.id,
        "routine_name": routine.name,
        "routine": routine.to_snapshot(),
        "started_at": iso(started or now_local()),
        "ended_at": None,
        "status": "in_progress",
        "steps": [],
        "rpe": None,
        "pain": False,
        "notes": "",
    }


def step_record(event: Event, wall: WallClock) -> StepRecord:
    """The history record of a finished work step, from the engine's step_finished event."""
    step = event.step
    if event.kind != "step_finished" or not step.is_work:
        raise ValueError("only a finished work step goes to the history")
    if step.drill_id is None or step.mode is None or event.outcome is None:
        raise ValueError("a work step's event carries its drill, mode and outcome")
    counts_up = step.mode == "reps"
    return {
        "index": step.index,
        "round": step.round,
        "drill_id": step.drill_id,
        "name": step.name,
        "side": step.side,
        "mode": step.mode,
        "target_seconds": None if counts_up else step.seconds,
        "target_reps": step.target_reps if counts_up else None,
        "actual_seconds": round(event.actual_seconds or 0.0, 2),
        "actual_reps": event.actual_reps if counts_up else None,
        "outcome": event.outcome,
        "ended_at": iso(wall(event.at)),
    }


def merge_step(steps: list[StepRecord], record: StepRecord) -> list[StepRecord]:
    """`steps` with `record` in plan order, replacing an earlier record of the same index."""
    kept = [s for s in steps if s.get("index") != record["index"]]
    kept.append(record)
    kept.sort(key=lambda s: s["index"])
    return kept


def routine_from_snapshot(snapshot: dict[str, Any]) -> Routine:
    """Rebuild the routine exactly as it was run, so a resumed session follows the same plan
    even if the routine file or the drill catalogue changed since."""
    items = tuple(
        RoutineItem(drill_id=i["drill"], mode=i["mode"], seconds=i.get("seconds"),
                    reps=i.get("reps"), sides=i["sides"], cap=i.get("cap"),
                    rep_seconds=i.get("rep_seconds"))
        for i in snapshot["items"]
    )
    drills = {
        i["drill"]: Drill(id=i["drill"], name=i.get("name") or i["drill"], category="",
                          mode=i["mode"], seconds=i.get("seconds"), reps=i.get("reps"),
                          sides=i["sides"])
        for i in snapshot["items"]
    }
    return Routine(
        id=snapshot["id"], name=snapshot["name"], items=items,
        description=snapshot.get("description", ""), rounds=snapshot["rounds"],
        rest_between_rounds=snapshot["rest_between_rounds"],
        rest_between_drills=snapshot["rest_between_drills"], prepare=snapshot["prepare"],
        side_switch=snapshot["side_switch"], source=snapshot.get("source", "built-in"),
        drills=drills,
    )


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise ShapeError(what)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_step(step: Any, where: str) -> None:
    """Raise ShapeError unless `step` is a step record of the current schema."""
    _expect(isinstance(step, dict), f"{where} is not an object")
    missing = [k for k in STEP_KEYS if k not in step]
    _expect(not missing, f"{where} lacks {', '.join(missing)}")
    _expect(isinstance(step["index"], int) and step["index"] >= 0, f"{where}.index")
    _expect(isinstance(step["round"], int), f"{where}.round")
    _expect(isinstance(step["drill_id"], str), f"{where}.drill_id")
    _expect(isinstance(step["name"], str), f"{where}.name")
    _expect(step["side"] in SIDES, f"{where}.side")
    _expect(step["mode"] in MODES, f"{where}.mode")
    _expect(step["outcome"] in OUTCOMES, f"{where}.outcome")
    _expect(_number(step["actual_seconds"]), f"{where}.actual_seconds")
    for key in ("target_seconds", "target_reps", "actual_reps"):
        _expect(step[key] is None or _number(step[key]), f"{where}.{key}")
    _expect(isinstance(step["ended_at"], str), f"{where}.ended_at")


def check_session(doc: Any, where: str = "session") -> None:
    """Raise ShapeError unless `doc` is a session document of the current schema."""
    _expect(isinstance(doc, dict), f"{where} is not an object")
    missing = [k for k in SESSION_KEYS if k not in doc]
    _expect(not missing, f"{where} lacks {', '.join(missing)}")
    for key in ("id", "routine_id", "routine_name", "started_at", "notes"):
        _expect(isinstance(doc[key], str), f"{where}.{key}")
    _expect(isinstance(doc["routine"], dict), f"{where}.routine")
    _expect(doc["status"] in STATUSES, f"{where}.status")
    for key in ("started_at", "ended_at"):
        if doc[key] is not None:
            try:
                parse_time(doc[key])
            except (TypeError, ValueError) as exc:
                raise ShapeError(f"{where}.{key}: {exc}") from None
    rpe = doc["rpe"]
    _expect(rpe is None or (type(rpe) is int and 1 <= rpe <= 10), f"{where}.rpe")
    _expect(isinstance(doc["pain"], bool), f"{where}.pain")
    _expect(isinstance(doc["steps"], list), f"{where}.steps")
    drill_notes = doc.get("drill_notes", {})
    _expect(isinstance(drill_notes, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in drill_notes.items()),
        f"{where}.drill_notes")
    for n, step in enumerate(doc["steps"]):
        check_step(step, f"{where}.steps[{n}]")
