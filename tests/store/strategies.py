"""Hypothesis strategies and plain builders for session documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ankledesk.core.model import Routine
from ankledesk.store.documents import iso
from tests.core.factories import simple

SNAPSHOT = simple().to_snapshot()

# Any text a person could type, including emoji, quotes and RTL marks; no lone surrogates,
# which cannot be UTF-8.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m)))
moments = st.builds(
    lambda day, seconds, tz: dt.datetime.combine(day, dt.time(), tz) + dt.timedelta(
        seconds=seconds),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.integers(0, 86_399), offsets)
seconds = st.floats(min_value=0, max_value=36_000, allow_nan=False, allow_infinity=False)


@st.composite
def steps(draw: st.DrawFn, index: int) -> dict[str, Any]:
    mode = draw(st.sampled_from(["hold", "timed", "reps"]))
    reps = mode == "reps"
    return {
        "index": index,
        "round": draw(st.integers(1, 50)),
        "drill_id": draw(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,3}", fullmatch=True)),
        "name": draw(text),
        "side": draw(st.sampled_from(["left", "right", None])),
        "mode": mode,
        "target_seconds": None if reps else draw(st.integers(1, 3600).map(float)),
        "target_reps": draw(st.integers(1, 500)) if reps else None,
        "actual_seconds": draw(seconds),
        "actual_reps": draw(st.integers(0, 500)) if reps else None,
        "outcome": draw(st.sampled_from(["done", "partial", "skipped"])),
        "ended_at": iso(draw(moments)),
    }


@st.composite
def sessions(draw: st.DrawFn, status: str | None = None) -> dict[str, Any]:
    indices = sorted(draw(st.sets(st.integers(0, 400), max_size=12)))
    start = draw(moments)
    status = status or draw(st.sampled_from(["finished", "abandoned", "in_progress"]))
    return {
        "id": draw(st.uuids()).hex,
        "routine_id": "test-circuit",
        "routine_name": draw(text),
        "routine": SNAPSHOT,
        "started_at": iso(start),
        "ended_at": None if status == "in_progress" else iso(
            start + dt.timedelta(seconds=draw(st.integers(0, 20_000)))),
        "status": status,
        "steps": [draw(steps(i)) for i in indices],
        "rpe": draw(st.none() | st.integers(1, 10)),
        "pain": draw(st.booleans()),
        "notes": draw(text),
    }


def session_at(when: str, *, status: str = "finished", steps: list[dict] | None = None,
               routine: Routine | None = None, **extra: Any) -> dict[str, Any]:
    """A hand-made session starting at `when` (ISO, with offset)."""
    snapshot = (routine or simple()).to_snapshot()
    return {
        "id": f"s-{when}-{status}", "routine_id": snapshot["id"],
        "routine_name": snapshot["name"], "routine": snapshot, "started_at": when,
        "ended_at": None if status == "in_progress" else when, "status": status,
        "steps": steps or [], "rpe": None, "pain": False, "notes": "", **extra,
    }


def step(index: int, drill_id: str, *, mode: str = "hold", outcome: str = "done",
         seconds: float = 45.0, reps: int | None = None, side: str | None = None,
         name: str | None = None, round: int = 1) -> dict[str, Any]:
    counts_up = mode == "reps"
    return {
        "index": index, "round": round, "drill_id": drill_id, "name": name or drill_id,
        "side": side, "mode": mode,
        "target_seconds": None if counts_up else 45.0,
        "target_reps": (reps or 10) if counts_up else None,
        "actual_seconds": seconds, "actual_reps": reps if counts_up else None,
        "outcome": outcome, "ended_at": "2026-11-18T07:31:00+01:00",
    }
