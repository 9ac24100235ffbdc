"""Hand-made histories for the report tests: session documents of the store's shape
(ankledesk.store.documents), built without running a workout, so a test can say exactly what
a week holds — a skipped set, a note in Cyrillic, sixty sessions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ankledesk.store.documents import check_session

TZ = dt.timezone(dt.timedelta(hours=1))

# (drill id, name, mode, seconds, reps, sides): the runner's chassis circuit, plus the big-toe
# hold so the chart and the ladder have something to show.
CHASSIS = [
    ("single-leg-rdl", "Single-leg Romanian deadlift", "reps", None, 6, "each"),
    ("leg-extension", "Leg extension hold", "hold", 45, None, "one"),
    ("banded-lunge", "Banded lunges", "reps", None, 12, "each"),
    ("step-up-balance", "Step-up to balance", "reps", None, 6, "each"),
    ("swimming-back-extension", "Swimming back extension", "timed", 45, None, "one"),
    ("lunge-torso-twist", "Lunge with torso twist", "reps", None, 12, "each"),
]
BIG_TOE = [("big-toe-raise-hold", "Big-toe calf-raise hold", "hold", 45, None, "each")]


def routine_snapshot(routine_id: str, name: str, items: list[tuple], rounds: int) -> dict:
    return {
        "id": routine_id, "name": name, "description": "", "rounds": rounds,
        "rest_between_rounds": 60, "rest_between_drills": 0, "prepare": 10, "side_switch": 5,
        "source": "built-in",
        "items": [{"drill": d, "name": n, "mode": m, "seconds": s, "reps": r, "sides": sides,
                   "cap": None} for d, n, m, s, r, sides in items],
    }


def session(start: dt.datetime, *, items: list[tuple] | None = None, rounds: int = 4,
            routine_id: str = "runners-chassis-circuit",
            routine_name: str = "Runner's chassis circuit", status: str = "finished",
            rpe: int | None = 6, pain: bool = False, notes: str = "",
            outcomes: dict[int, str] | None = None,
            hold_seconds: float | None = None) -> dict[str, Any]:
    """A session document: every set done at its target unless `outcomes` (step number →
    partial/skipped) says otherwise; `hold_seconds` overrides what the hold sets reached."""
    items = CHASSIS if items is None else items
    outcomes = outcomes or {}
    steps = []
    clock = start + dt.timedelta(seconds=10)
    index = 1
    for round_ in range(1, rounds + 1):
        for drill, name, mode, seconds, reps, sides in items:
            for side in (("left", "right") if sides == "each" else (None,)):
                n = len(steps)
                outcome = outcomes.get(n, "done")
                target = seconds if mode != "reps" else None
                actual = float(seconds or (reps or 0) * 3)
                if mode == "hold" and hold_seconds is not None:
                    actual = hold_seconds
                actual_reps = reps if mode == "reps" else None
                if outcome == "partial":
                    actual = round(actual / 2, 1)
                    actual_reps = (reps // 2) if mode == "reps" else None
                elif outcome == "skipped":
                    actual, actual_reps = 0.0, (0 if mode == "reps" else None)
                clock += dt.timedelta(seconds=actual + 5)
                steps.append({
                    "index": index, "round": round_, "drill_id": drill, "name": name,
                    "side": side, "mode": mode, "target_seconds": target,
                    "target_reps": reps if mode == "reps" else None,
                    "actual_seconds": actual, "actual_reps": actual_reps,
                    "outcome": outcome, "ended_at": clock.isoformat(timespec="seconds"),
                })
                index += 2
        clock += dt.timedelta(seconds=60)
    doc = {
        "id": uuid.uuid4().hex, "routine_id": routine_id, "routine_name": routine_name,
        "routine": routine_snapshot(routine_id, routine_name, items, rounds),
        "started_at": start.isoformat(timespec="seconds"),
        "ended_at": None if status == "in_progress" else clock.isoformat(timespec="seconds"),
        "status": status, "steps": steps, "rpe": rpe, "pain": pain, "notes": notes,
    }
    check_session(doc)
    return doc


def at(day: dt.date, hour: int = 7, minute: int = 30) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), TZ)


def monday(week: str) -> dt.date:
    year, number = week.split("-W")
    return dt.date.fromisocalendar(int(year), int(number), 1)


def weeks_of_history(last_week: str, weeks: int, per_week: int = 3,
                     hold_start: float = 30.0, hold_gain: float = 6.0) -> list[dict]:
    """`weeks` weeks up to `last_week`, `per_week` sessions each (Mon, Wed, Fri…), alternating
    the chassis circuit and the big-toe hold, the hold growing week by week."""
    last = monday(last_week)
    out = []
    for w in range(weeks):
        first = last - dt.timedelta(days=7 * (weeks - 1 - w))
        hold = hold_start + hold_gain * w
        for n in range(per_week):
            day = first + dt.timedelta(days=(2 * n) % 7)
            if n % 2 == 0:
                out.append(session(at(day), rpe=5 + n % 4, notes=f"week {w + 1} session {n + 1}"))
            else:
                out.append(session(at(day, 18, 5), items=BIG_TOE, rounds=4,
                                   routine_id="big-toe-strength",
                                   routine_name="Big-toe strength", hold_seconds=hold,
                                   rpe=7))
    return out


BIG_TOE_60 = [("big-toe-raise-hold", "Big-toe calf-raise hold", "hold", 60, None, "each")]
EIGHT_WEEKS_LAST = "2026-W47"
EIGHT_WEEKS_TODAY = dt.date(2026, 11, 20)  # a Friday: W47 is still open


def _vary_holds(doc: dict[str, Any], seconds: list[float]) -> dict[str, Any]:
    """Give the hold sets of `doc` these actual times, in order (left, right, left, …)."""
    holds = [s for s in doc["steps"] if s["mode"] == "hold" and s["outcome"] != "skipped"]
    for step, value in zip(holds, seconds, strict=False):
        step["actual_seconds"] = value
    return doc


def eight_weeks() -> list[dict[str, Any]]:
    """A realistic eight weeks up to EIGHT_WEEKS_LAST (W40–W47) as seen on EIGHT_WEEKS_TODAY:
    the chassis circuit and the big-toe hold two or three times a week, one week short of the
    target (W42), pain with a note (W43), notes in Japanese, Korean and with emoji (W44), the
    hold target raised from 45 s to 1:00 (from W45), a session stopped early (W46), and this
    week's sides differing with the holds past a minute (W47)."""
    first = monday(EIGHT_WEEKS_LAST) - dt.timedelta(days=7 * 7)
    out: list[dict[str, Any]] = []

    def day(week: int, weekday: int) -> dt.date:
        return first + dt.timedelta(days=7 * week + weekday)

    for week in range(8):
        hold = 38.0 + 10.5 * week
        toe = BIG_TOE if week < 5 else BIG_TOE_60
        out.append(session(at(day(week, 0)), rpe=6, notes=f"Week {week + 1}: steady."))
        if week != 2:
            out.append(session(at(day(week, 2), 18, 5), items=toe, routine_id="big-toe-strength",
                               routine_name="Big-toe strength", hold_seconds=hold, rpe=7))
        if week in (1, 4, 7):
            out.append(session(at(day(week, 4)), rpe=7, outcomes={0: "partial", 9: "skipped"}))
    out[3]["notes"] = "Felt the left calf on the step-ups."
    w43 = [s for s in out if day(3, 0) <= dt.date.fromisoformat(s["started_at"][:10])]
    w43[0].update(pain=True, rpe=8, notes="Left Achilles tight after the banded lunges; "
                  "stopped the last round early and iced it.")
    w44 = [s for s in out if day(4, 0) <= dt.date.fromisoformat(s["started_at"][:10])]
    w44[0]["notes"] = "足首が少し痛いけど最後まで頑張った。 발목 괜찮아요 💪🏃 great session ✓"
    w44[1]["routine_name"] = "Big-toe strength 大脚趾"
    out.append(session(at(day(6, 3), 19), status="abandoned", rpe=None,
                       outcomes={n: "skipped" for n in range(20, 40)},
                       notes="Gym closed early."))
    last_toe = [s for s in out if s["routine_id"] == "big-toe-strength"][-1]
    _vary_holds(last_toe, [105, 110, 111, 112, 108, 106, 112, 110])
    last_toe["steps"][-1]["outcome"] = "partial"
    last_toe["steps"][-1]["actual_seconds"] = 52.0
    return out
