"""The session document: the one shape the journal, history.json, the CLI and the reports share.

A session document is plain JSON (schema version `SCHEMA_VERSION`):

    {
      "id": "3f2c…",                       # uuid4 hex, stable across a crash and a resume
      "routine_id": "runners-chassis-circuit",
      "routine_name": "Runner's chassis circuit",
      "routine": {…},                      # Routine.to_snapshot(): the routine as it was run
      "started_at": "2026-11-18T07:30:05+01:00",
      "ended_at": "2026-11-18T07:55:40+01:00" | null,   # null while in progress
      "status": "finished" | "abandoned" | "in_progress",
      "steps": [                           # finished work steps, in plan order
        {"index": 3, "round": 1, "drill_id": "banded-lunge", "name": "Banded lunges",
         "side": "left" | "right" | null, "mode": "hold" | "timed" | "reps",
         "target_seconds": 45.0 | null, "target_reps": 12 | null,
         "actual_seconds": 36.0, "actual_reps": 12 | null,
         "outcome": "done" | "partial" | "skipped", "ended_at": "2026-11-18T07:31:15+01:00"}
      ],
      "rpe": 1..10 | null, "pain": false, "notes": "",
      "drill_notes": {"banded-lunge": "left knee caved in round 3"}   # optional, per drill
    }

`index` is the step's place in the expanded plan; a step run again after *Previous* replaces
the record with the same index instead of adding a second one. Times are ISO 8601 with the
local UTC offset, to the second. The engine's clock is monotonic and means nothing on a wall, so
a session maps it to wall time once, when it starts (`WallClock`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from ankledesk.core.engine import Event
from ankledesk.core.model import Drill, Routine, RoutineItem

SCHEMA_VERSION = 2

STATUSES = ("finished", "abandoned", "in_progress")
OUTCOMES = ("done", "partial", "skipped")
MODES = ("hold", "timed", "reps")
SIDES = ("left", "right", None)

SESSION_KEYS = ("id", "routine_id", "routine_name", "routine", "started_at", "ended_at",
                "status", "steps", "rpe", "pain", "notes")
STEP_KEYS = ("index", "round", "drill_id", "name", "side", "mode", "target_seconds",
             "target_reps", "actual_seconds", "actual_reps", "outcome", "ended_at")


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


def new_session(routine: Routine, started: dt.datetime | None = None) -> dict[str, Any]:
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


def step_record(event: Event, wall: WallClock) -> dict[str, Any]:
    """The history record of a finished work step, from the engine's step_finished event."""
    step = event.step
    if event.kind != "step_finished" or not step.is_work:
        raise ValueError("only a finished work step goes to the history")
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


def merge_step(steps: list[dict[str, Any]], record: dict[str, Any]) -> list[dict[str, Any]]:
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
                    reps=i.get("reps"), sides=i["sides"], cap=i.get("cap"))
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
