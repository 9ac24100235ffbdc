"""A few months of history made by `ankledesk simulate` (and `ankledesk measure`), for the
History tests, the screenshots and the benchmark: the real engine and the real store, each
workout recorded at its own date with `simulate --at`.

Sixteen weeks back from this week: a big-toe hold session every Tuesday whose holds grow from
45 s to 2:05 (reaching 2:00 in the last two weeks: the ladder's hint), a circuit every
Thursday (the runner's chassis circuit and the mobility foundations in turn), a primer on some
Saturdays, two weeks off (gaps), one session with pain, and measurements every few weeks whose
latest knee-to-wall shows the left side 18 % behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

from ankledesk.cli import main

WEEKS_BACK = 16
WEEKS_OFF = (11, 6)  # weeks back with no training at all
PAIN_WEEK = 9
# Measurements: weeks back -> (kind, left, right)
MEASURES = {
    16: [("knee-to-wall", 7.0, 9.5)],
    14: [("balance-eyes-closed", 8, 10)],
    12: [("knee-to-wall", 7.5, 10.0)],
    10: [("big-toe-hold", 75, 80)],
    8: [("knee-to-wall", 8.0, 10.5), ("balance-eyes-closed", 12, 14)],
    4: [("knee-to-wall", 8.5, 11.0)],
    3: [("big-toe-hold", 110, 115)],
    2: [("balance-eyes-closed", 18, 20)],
    0: [("knee-to-wall", 9.0, 11.0)],
}


def hold_for(weeks_back: int) -> int:
    """The Tuesday big-toe hold: 45 s sixteen weeks ago, 2:00 last week, 2:05 this week."""
    return min(45 + (WEEKS_BACK - weeks_back) * 5, 125)


def run(data_dir: Path, *args: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--data-dir", str(data_dir), *args])
    if code != 0:
        raise AssertionError(f"ankledesk {' '.join(args)} failed ({code}):\n{out.getvalue()}")


def at(day: dt.date, hour: int, minute: int = 0) -> str:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone().isoformat()


def this_monday(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=today.weekday())


def build(data_dir: Path, today: dt.date | None = None) -> Path:
    """Fill `data_dir` with the history above (weeks counted back from `today`'s week)."""
    monday = this_monday(today or dt.date.today())
    fast = ("--speed", "1000000")
    for back in range(WEEKS_BACK, -1, -1):
        week = monday - dt.timedelta(weeks=back)
        for kind, left, right in MEASURES.get(back, []):
            run(data_dir, "measure", kind, "--left", str(left), "--right", str(right),
                "--at", at(week, 7, 5))
        if back in WEEKS_OFF:
            continue
        if back == 0:  # this week so far: Monday's hold
            run(data_dir, "simulate", "big-toe-strength", *fast, "--at", at(week, 7, 30),
                "--hold", str(hold_for(0)), "--rpe", "7")
            continue
        run(data_dir, "simulate", "big-toe-strength", *fast,
            "--at", at(week + dt.timedelta(days=1), 7, 30), "--hold", str(hold_for(back)),
            "--rpe", str(5 + back % 3))
        circuit = "runners-chassis-circuit" if back % 2 == 0 else "ankle-mobility-foundations"
        extra = ["--pain", "--notes", "Left Achilles sore after the lunges; stopped them"] \
            if back == PAIN_WEEK else ["--notes", "Felt strong" if back % 4 == 0 else ""]
        run(data_dir, "simulate", circuit, *fast, "--at", at(week + dt.timedelta(days=3), 18),
            "--rpe", str(6 + back % 3), *extra)
        if back % 3 == 0:
            run(data_dir, "simulate", "pre-run-ankle-primer", *fast,
                "--at", at(week + dt.timedelta(days=5), 9, 15))
    return data_dir
