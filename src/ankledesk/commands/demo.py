"""`ankledesk demo`: what `make run` shows on a machine without a display.

It lists the routines and runs the real engine through a short routine, sped up, printing the
cues a person would hear — so a headless machine still shows the product working. It writes no
history: a demo must never leave sessions in a user's log.
"""

from __future__ import annotations

import argparse

from ankledesk.commands.autopilot import drive
from ankledesk.commands.routines import cmd_list, find_routine
from ankledesk.core.engine import Engine, Event
from ankledesk.core.plan import expand
from ankledesk.core.timefmt import clock
from ankledesk.library import open_library

DEMO_ROUTINE = "pre-run-ankle-primer"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="the headless demo: the library, then a workout sped up")
    p.add_argument("--routine", default=DEMO_ROUTINE, metavar="ID")
    p.add_argument("--speed", type=float, default=60.0, help="times real time (default 60)")
    p.set_defaults(func=cmd_demo, json=False)


def _say(event: Event, elapsed: float) -> str | None:
    step = event.step
    stamp = f"[{clock(elapsed):>5}]"
    if event.kind == "step_started":
        return f"{stamp} {step.kind.upper():<8} {step.describe()}"
    if event.kind == "countdown":
        return f"{stamp}          {event.count}…"
    if event.kind == "round_done":
        return f"{stamp}          round {step.round} done"
    if event.kind == "workout_done":
        return f"{stamp} DONE     workout complete"
    return None


def cmd_demo(args: argparse.Namespace) -> int:
    print("AnkleDesk routines:")
    cmd_list(args)
    routine = find_routine(open_library(args.data_dir), args.routine)
    plan = expand(routine)
    speed = max(1.0, args.speed)
    print(f"\nRunning “{routine.name}” at {speed:g}× speed "
          f"({clock(plan.total)} of workout; reps sets count as done at their estimate):")
    for events in drive(Engine(plan), speed):
        for event in events:
            line = _say(event, event.at)
            if line:
                print(line, flush=True)
    return 0
