"""Engine timing: zero drift under random polling, and real-time lateness with a busy core.

1. The real 4-round chassis circuit on a simulated clock polled at random intervals (0.01–3 s):
   every countdown step must end exactly at its start + its length — drift exactly zero.
2. A 60 s run in real time on time.monotonic(), sleeping until the engine's next_wake() the way
   the Qt adapter's precise timer does, while another process keeps a second core busy: how late
   each event is seen after it was due (p50/p99/max), and how far the end lands from the plan.
"""

from __future__ import annotations

import multiprocessing
import random
import time

from ankledesk import paths
from ankledesk.core.engine import Engine
from ankledesk.core.loader import load_library
from ankledesk.core.model import Drill, Routine, RoutineItem
from ankledesk.core.plan import expand

from common import Row, ms, percentile

NOTES = """
## Engine

The simulated run polls the real runner's chassis circuit at random intervals (seeded) and
completes each reps set after a random time; it compares every countdown step's end with its own
start plus its length. The real-time run is a 60 s all-countdown routine (prepare, holds each
side with switch pauses, a timed set, a round rest) driven by `time.sleep` until `next_wake()`,
with a busy-looping process on the other core; lateness is when the poll saw an event minus when
it was due.
"""


def simulated_drift(seed: int = 7) -> tuple[float, int, int]:
    lib = load_library(paths.builtin_routines_dir())
    plan = expand(lib.routine("runners-chassis-circuit"))
    rng = random.Random(seed)
    eng = Engine(plan)
    now, polls, worst, steps = 0.0, 0, 0.0, 0
    events = eng.start(now)
    while eng.state != "finished":
        now += rng.uniform(0.01, 3.0)
        polls += 1
        events = eng.poll(now)
        if eng.state == "running" and eng.step.counts_up and rng.random() < 0.1:
            events += eng.complete(now)
        for e in events:
            if e.kind == "step_finished" and not e.step.counts_up:
                steps += 1
                start = e.at - e.actual_seconds
                worst = max(worst, abs(e.at - (start + e.step.seconds)))
    return worst, polls, steps


def _burn(stop_at: float) -> None:
    x = 0
    while time.monotonic() < stop_at:
        x = (x * 31 + 7) % 1000003


def sixty_second_routine() -> Routine:
    hold = Drill("bench-hold", "Bench hold", "strength", "hold", 8, None, "each")
    timed = Drill("bench-timed", "Bench timed", "mobility", "timed", 6, None, "one")
    return Routine(
        id="bench", name="Bench", rounds=2, rest_between_rounds=4, rest_between_drills=0,
        prepare=8, side_switch=2,
        items=(RoutineItem("bench-hold", "hold", 8, None, "each"),
               RoutineItem("bench-timed", "timed", 6, None, "one")),
        drills={"bench-hold": hold, "bench-timed": timed},
    )


def real_time_run() -> tuple[list[float], float, float]:
    plan = expand(sixty_second_routine())
    assert plan.total == 60
    burner = multiprocessing.Process(target=_burn, args=(time.monotonic() + plan.total + 5,))
    burner.start()
    try:
        eng = Engine(plan)
        start = time.monotonic()
        eng.start(start)
        lateness: list[float] = []
        end_seen = end_at = 0.0
        while eng.state != "finished":
            wake = eng.next_wake(time.monotonic())
            time.sleep(max(0.0, wake - time.monotonic()))
            now = time.monotonic()
            for e in eng.poll(now):
                lateness.append(now - e.at)
                if e.kind == "workout_done":
                    end_seen, end_at = now, e.at
    finally:
        burner.terminate()
        burner.join()
    planned_end = start + plan.total
    return lateness, end_seen - planned_end, end_at - planned_end


def run() -> list[Row]:
    drift, polls, steps = simulated_drift()
    late, seen_drift, engine_drift = real_time_run()
    p99 = percentile(late, 99)
    return [
        Row("engine: simulated 4-round chassis circuit, random polls",
            f"max drift over {steps} countdown steps, {polls} polls", f"{drift:.6f} s",
            budget="exactly 0", ok=drift == 0.0),
        Row("engine: 60 s real time, other core busy", f"p50 event lateness ({len(late)} events)",
            ms(percentile(late, 50)), baseline="deadline"),
        Row("engine: 60 s real time, other core busy", "p99 event lateness", ms(p99),
            baseline="deadline", budget="≤ 25 ms", ok=p99 <= 0.025),
        Row("engine: 60 s real time, other core busy", "max event lateness", ms(max(late)),
            baseline="deadline"),
        Row("engine: 60 s real time, other core busy", "end drift (seen / scheduled)",
            f"{ms(seen_drift)} / {ms(engine_drift)}", budget="≤ 25 ms",
            ok=abs(seen_drift) <= 0.025 and engine_drift == 0.0),
    ]
