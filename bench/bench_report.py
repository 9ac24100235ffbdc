"""PDF build time: one weekly log and a 52-week range, from a year of realistic history.

The history is generated from the real routines: each week the runner's chassis circuit
twice (4 rounds, 40 sets, a short note) and the big-toe hold once (8 sets, the hold growing
week by week, so every section draws a chart), about 156 sessions and 5,200 sets in all. Each
figure is the median of a few builds of the whole PDF, bytes in memory (writing the file is
the store's kind of cost, not the layout's).
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.model import Routine
from ankledesk.report import range_log, weekly_log

from common import Row, median

WEEKS = 52
RUNS = 5
LAST_MONDAY = dt.date(2026, 11, 16)
TZ = dt.timezone(dt.timedelta(hours=1))

NOTES = """
## Report

A year of generated history (52 weeks × the chassis circuit twice and the big-toe hold once:
156 sessions, about 5,200 sets), built from the real routines. `weekly_log` builds the last
week's PDF (its streak, chart and hints read the whole year); `range_log` builds all 52 weeks
in one PDF (a cover, then a section per week). Median of five builds, in memory.
"""


def _session(routine: Routine, start: dt.datetime, hold: float, note: str) -> dict[str, Any]:
    steps, clock, index = [], start, 0
    for round_ in range(1, routine.rounds + 1):
        for item in routine.items:
            for side in (("left", "right") if item.sides == "each" else (None,)):
                seconds = hold if item.mode == "hold" else float(item.seconds or 3 * item.reps)
                clock += dt.timedelta(seconds=seconds + 5)
                steps.append({
                    "index": index, "round": round_, "drill_id": item.drill_id,
                    "name": routine.drills[item.drill_id].name, "side": side,
                    "mode": item.mode,
                    "target_seconds": None if item.mode == "reps" else item.seconds,
                    "target_reps": item.reps if item.mode == "reps" else None,
                    "actual_seconds": seconds,
                    "actual_reps": item.reps if item.mode == "reps" else None,
                    "outcome": "done" if index % 17 else "partial",
                    "ended_at": clock.isoformat(timespec="seconds"),
                })
                index += 2
    return {
        "id": uuid.uuid4().hex, "routine_id": routine.id, "routine_name": routine.name,
        "routine": routine.to_snapshot(), "started_at": start.isoformat(timespec="seconds"),
        "ended_at": clock.isoformat(timespec="seconds"), "status": "finished", "steps": steps,
        "rpe": 6, "pain": False, "notes": note,
    }


def history() -> list[dict[str, Any]]:
    library = load_library(paths.builtin_routines_dir())
    circuit = library.routine("runners-chassis-circuit")
    toe = library.routine("big-toe-strength")
    out = []
    for week in range(WEEKS):
        monday = LAST_MONDAY - dt.timedelta(days=7 * (WEEKS - 1 - week))
        hold = 30.0 + 1.5 * week
        for day, routine in ((0, circuit), (2, toe), (4, circuit)):
            start = dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(7, 30), TZ)
            out.append(_session(routine, start, hold,
                                f"Week {week + 1}: felt steady, calves a little tight."))
    return out


def _median_time(build) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        size = len(build())
        times.append(time.perf_counter() - started)
    return median(times), size


def run() -> list[Row]:
    sessions = history()
    sets = sum(len(s["steps"]) for s in sessions)
    first = LAST_MONDAY - dt.timedelta(days=7 * (WEEKS - 1))
    week_s, week_bytes = _median_time(
        lambda: weekly_log(sessions, LAST_MONDAY, name="Bench Runner"))
    range_s, range_bytes = _median_time(
        lambda: range_log(sessions, first, LAST_MONDAY, name="Bench Runner"))
    what = f"{len(sessions)} sessions, {sets} sets in history"
    return [
        Row("report", f"weekly log PDF, median of {RUNS} ({what}; {week_bytes // 1024} KiB)",
            f"{week_s:.3f} s", budget="≤ 0.5 s", ok=week_s <= 0.5),
        Row("report", f"52-week range PDF, median of {RUNS} ({range_bytes // 1024} KiB)",
            f"{range_s:.2f} s", budget="≤ 6 s", ok=range_s <= 6.0),
    ]
