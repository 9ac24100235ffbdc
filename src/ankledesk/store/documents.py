"""Building, merging and checking session documents, and mapping the engine's clock to the wall.

The document's shape is declared once, as `SessionRecord` and `StepRecord` in
`ankledesk.core.records` (with an example there); this module makes new ones from a routine and
the engine's events, and checks that one read from disk really has that shape before anything
relies on it. The engine's clock is monotonic and means nothing on a wall, so a session maps it
to wall time once, when it starts (`WallClock`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

from ankledesk.core.model import MODES, Drill, Routine, RoutineItem, Side
from ankledesk.core.records import (
    OUTCOMES,
    SESSION_KEYS,
    STATUSES,
    STEP_KEYS,
    SessionRecord,
    StepRecord,
)

if TYPE_CHECKING:
    from ankledesk.core.engine import Event

SCHEMA_VERSION = 2

SIDES: tuple[Side | None, ...] = (*get_args(Side), None)
_STEP_KEY_SET = frozenset(STEP_KEYS)


class ShapeError(ValueError):
    """A document is not a session document of this schema."""


def uuid4_hex() -> str:
    """A new session's or measurement's id. uuid (and the platform module it loads) is
    imported here, when one is made, not on the way to the app's first paint."""
    import uuid

    return uuid.uuid4().hex


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
        "id": uuid4_hex(),
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


def _shown(value: Any) -> str:
    """A found value for a message: short, and never the whole of a huge one."""
    try:
        text = repr(value)
    except ValueError:  # an integer of more digits than Python will print
        return "a number too long to show"
    return text if len(text) <= 40 else text[:37] + "…"


def _field(ok: bool, where: str, expected: str, value: Any) -> None:
    """`session 3.rpe: expected a whole number 1–10 or null, found 11`."""
    if not ok:
        raise ShapeError(f"{where}: expected {expected}, found {_shown(value)}")


MAX_AMOUNT = 10_000_000
"""Above any seconds, reps, round or index a person could record (a hand edit or a corrupt
byte is what writes `1e300`); larger numbers would overflow the reports' arithmetic."""


def _number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and 0 <= value <= MAX_AMOUNT)


def _whole(value: Any, low: int = 0, high: int = MAX_AMOUNT) -> bool:
    return type(value) is int and low <= value <= high


def _time(value: Any, where: str) -> None:
    try:
        parse_time(value)
    except (TypeError, ValueError) as exc:
        raise ShapeError(f"{where}: {exc}") from None


def _step_ok(step: Any) -> bool:
    """The checks of check_step without building a single message: ten years of history hold
    60,000 steps, and a valid one should cost a few comparisons."""
    try:
        return (type(step) is dict and len(step.keys() & _STEP_KEY_SET) == len(STEP_KEYS)
                and _whole(step["index"]) and _whole(step["round"])
                and type(step["drill_id"]) is str and type(step["name"]) is str
                and step["side"] in SIDES and step["mode"] in MODES
                and step["outcome"] in OUTCOMES and _number(step["actual_seconds"])
                and (step["target_seconds"] is None or _number(step["target_seconds"]))
                and (step["target_reps"] is None or _number(step["target_reps"]))
                and (step["actual_reps"] is None or _number(step["actual_reps"]))
                and _time_ok(step["ended_at"]))
    except TypeError:  # an unhashable side, mode or outcome
        return False


def _time_ok(value: Any) -> bool:
    try:
        return parse_time(value) is not None
    except (TypeError, ValueError):
        return False


def check_step(step: Any, where: str) -> None:
    """Raise ShapeError unless `step` is a step record of the current schema."""
    if _step_ok(step):
        return
    _expect(isinstance(step, dict), f"{where} is not an object")
    missing = [k for k in STEP_KEYS if k not in step]
    _expect(not missing, f"{where} lacks {', '.join(missing)}")
    _field(_whole(step["index"]), f"{where}.index", "a whole number", step["index"])
    _field(_whole(step["round"]), f"{where}.round", "a whole number", step["round"])
    for key in ("drill_id", "name"):
        _field(isinstance(step[key], str), f"{where}.{key}", "text", step[key])
    _field(step["side"] in SIDES, f"{where}.side", "left, right or null", step["side"])
    _field(step["mode"] in MODES, f"{where}.mode", " or ".join(MODES), step["mode"])
    _field(step["outcome"] in OUTCOMES, f"{where}.outcome", " or ".join(OUTCOMES),
           step["outcome"])
    amount = f"a number 0–{MAX_AMOUNT}"
    _field(_number(step["actual_seconds"]), f"{where}.actual_seconds", amount,
           step["actual_seconds"])
    for key in ("target_seconds", "target_reps", "actual_reps"):
        _field(step[key] is None or _number(step[key]), f"{where}.{key}", f"{amount} or null",
               step[key])
    _time(step["ended_at"], f"{where}.ended_at")


def check_session(doc: Any, where: str = "session") -> None:
    """Raise ShapeError unless `doc` is a session document of the current schema."""
    _expect(isinstance(doc, dict), f"{where} is not an object")
    missing = [k for k in SESSION_KEYS if k not in doc]
    _expect(not missing, f"{where} lacks {', '.join(missing)}")
    for key in ("id", "routine_id", "routine_name", "started_at", "notes"):
        if type(doc[key]) is not str:
            _field(False, f"{where}.{key}", "text", doc[key])
    _field(isinstance(doc["routine"], dict), f"{where}.routine", "an object", doc["routine"])
    _field(doc["status"] in STATUSES, f"{where}.status", " or ".join(STATUSES), doc["status"])
    for key in ("started_at", "ended_at"):
        if doc[key] is not None:
            _time(doc[key], f"{where}.{key}")
    rpe = doc["rpe"]
    _field(rpe is None or _whole(rpe, 1, 10), f"{where}.rpe", "a whole number 1–10 or null",
           rpe)
    _field(isinstance(doc["pain"], bool), f"{where}.pain", "true or false", doc["pain"])
    _field(isinstance(doc["steps"], list), f"{where}.steps", "a list", doc["steps"])
    drill_notes = doc.get("drill_notes", {})
    _field(isinstance(drill_notes, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in drill_notes.items()),
        f"{where}.drill_notes", "an object of texts by drill id", drill_notes)
    for n, step in enumerate(doc["steps"]):
        if not _step_ok(step):
            check_step(step, f"{where}.steps[{n}]")


SNAPSHOT_SECONDS = ("rest_between_rounds", "rest_between_drills", "prepare", "side_switch")


def check_snapshot(snapshot: Any, where: str = "routine") -> None:
    """Raise ShapeError unless `snapshot` rebuilds a routine the engine can run again: what a
    resume needs, checked when the journal is opened rather than half-way into a resume."""
    _expect(isinstance(snapshot, dict), f"{where} is not an object")
    for key in ("id", "name"):
        _field(isinstance(snapshot.get(key), str), f"{where}.{key}", "text", snapshot.get(key))
    _field(_whole(snapshot.get("rounds"), 1, 50), f"{where}.rounds", "a whole number 1–50",
           snapshot.get("rounds"))
    for key in SNAPSHOT_SECONDS:
        _field(_whole(snapshot.get(key), 0, 3600), f"{where}.{key}", "whole seconds 0–3600",
               snapshot.get(key))
    items = snapshot.get("items")
    _field(isinstance(items, list) and bool(items), f"{where}.items", "a list of drills",
           items)
    for n, item in enumerate(items):
        at = f"{where}.items[{n}]"
        _expect(isinstance(item, dict), f"{at} is not an object")
        drill = item.get("drill")
        _field(isinstance(drill, str) and bool(drill), f"{at}.drill", "a drill id", drill)
        _field(item.get("mode") in MODES, f"{at}.mode", " or ".join(MODES), item.get("mode"))
        _field(item.get("sides") in ("one", "each"), f"{at}.sides", "one or each",
               item.get("sides"))
        amount = "reps" if item["mode"] == "reps" else "seconds"
        _field(_whole(item.get(amount), 1, 3600), f"{at}.{amount}", "a whole number 1–3600",
               item.get(amount))
        for key in ("seconds", "reps", "cap"):
            _field(item.get(key) is None or _whole(item[key], 1, 3600), f"{at}.{key}",
                   "a whole number 1–3600 or null", item.get(key))
