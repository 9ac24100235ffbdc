"""The session document: the one shape the journal, the history, the CLI and the reports share.

Defined here, in the bottom layer, so the store writes it, `core.progress` and the reports read
it and the commands print it against one declaration a type checker can hold them to. The
checks of a document read from disk and the functions that build one live in
`ankledesk.store.documents`; the CSV export's columns are derived from these keys.

A session document is plain JSON (its schema version is `store.documents.SCHEMA_VERSION`):

    {"id": "3f2c…", "routine_id": "runners-chassis-circuit",
     "routine_name": "Runner's chassis circuit", "routine": {…Routine.to_snapshot()…},
     "started_at": "2026-11-18T07:30:05+01:00", "ended_at": "…" | null, "status": "finished",
     "steps": [{"index": 3, "round": 1, "drill_id": "banded-lunge", "name": "Banded lunges",
                "side": "left", "mode": "hold", "target_seconds": 45.0, "target_reps": null,
                "actual_seconds": 36.0, "actual_reps": null, "outcome": "partial",
                "ended_at": "2026-11-18T07:31:15+01:00"}],
     "rpe": 7 | null, "pain": false, "notes": "",
     "drill_notes": {"banded-lunge": "left knee caved in round 3"}}   # optional

`index` is the step's place in the expanded plan; a step run again after *Previous* replaces
the record with the same index instead of adding a second one. Times are ISO 8601 with the
local UTC offset, to the second. A session belongs to the day it started on.
"""

# No `from __future__ import annotations` here: TypedDict reads NotRequired from the evaluated
# annotations, which is how SESSION_KEYS leaves the optional keys out.
from collections.abc import Iterable
from typing import Any, Literal, NotRequired, TypedDict, TypeGuard, get_args

from ankledesk.core.model import Mode, Side

Status = Literal["finished", "abandoned", "in_progress"]
# How a set ended; the engine decides it, the document keeps it.
Outcome = Literal["done", "partial", "skipped"]

STATUSES: tuple[Status, ...] = get_args(Status)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)


class StepRecord(TypedDict):
    """One finished work step (set), in plan order within its session."""

    index: int                    # the step's place in the expanded plan
    round: int
    drill_id: str
    name: str                     # the drill's name when it was run
    side: Side | None             # None: a drill done on one side only
    mode: Mode
    target_seconds: float | None  # hold and timed sets (None for reps)
    target_reps: int | None       # reps sets (None for hold and timed)
    actual_seconds: float         # active time, pauses not counted
    actual_reps: int | None       # reps sets only
    outcome: Outcome
    ended_at: str                 # ISO 8601 with the UTC offset


class SessionRecord(TypedDict):
    """One workout, finished, abandoned or in progress. The key order is the CSV's column
    order (`report.csv_export`), the nested `routine`, `steps` and `drill_notes` aside."""

    id: str                       # uuid4 hex, stable across a crash and a resume
    started_at: str               # ISO 8601 with the UTC offset
    ended_at: str | None          # None while in progress
    routine_id: str
    routine_name: str
    status: Status
    rpe: int | None               # effort 1–10, if given
    pain: bool
    notes: str
    routine: dict[str, Any]       # Routine.to_snapshot(): the routine exactly as it was run
    steps: list[StepRecord]
    drill_notes: NotRequired[dict[str, str]]  # drill id → a note on it, only where one was made


class OutlineStep(TypedDict):
    """One drill of a session in outline: its best set (a hold's longest, with the highest
    target of the session; for the other modes the best outcome)."""

    drill_id: str
    mode: Mode
    outcome: Outcome
    name: NotRequired[str]                     # holds only
    actual_seconds: NotRequired[float]         # holds only
    target_seconds: NotRequired[float | None]  # holds only


class SessionOutline(TypedDict):
    """A session cut down to what the questions about every year ask (the streak, the ladder,
    the hold chart, the last day a routine was done): what `store.digest` keeps of the years
    a view does not show in full. It has no sets, active time, effort or notes, so nothing
    that counts those may be given one (`in_full`)."""

    id: str
    routine_id: str
    routine_name: str
    started_at: str
    status: Status
    steps: list[OutlineStep]


SessionView = SessionRecord | SessionOutline
"""A session as a view of every year gives it: in full in the years shown, in outline in the
others (`SessionStore.view`)."""


def is_full(session: SessionView) -> TypeGuard[SessionRecord]:
    """Whether `session` is a whole document (an outline has no routine snapshot)."""
    return "routine" in session


def in_full(sessions: Iterable[SessionView]) -> list[SessionRecord]:
    """`sessions` as whole documents, for what counts sets, time, effort or notes; ValueError
    naming the first one that is only an outline (its year was not read in full: a caller's
    mistake, never something to count from)."""
    full: list[SessionRecord] = []
    for session in sessions:
        if not is_full(session):
            raise ValueError(f"session {session['id']} of {session['started_at']} is an "
                             "outline: read its year in full to count from it")
        full.append(session)
    return full


def _required(record: type[Any]) -> tuple[str, ...]:
    """A record's required keys, in declaration order."""
    return tuple(key for key in record.__annotations__ if key in record.__required_keys__)


SESSION_KEYS: tuple[str, ...] = _required(SessionRecord)
STEP_KEYS: tuple[str, ...] = _required(StepRecord)
