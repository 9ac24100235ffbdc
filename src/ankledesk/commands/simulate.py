"""`ankledesk simulate ROUTINE`: a whole workout without a GUI, recorded like a real one.

The real engine runs against the real store on a virtual clock: every `--speed` virtual
seconds take one real second, the loop sleeps until the engine's next wake-up exactly as the
Qt timer would, and reps sets are marked *Done* at their target after their estimated time.
It is how the crash tests kill a workout half-way, and a quick way to fill a history.

Times recorded are those of the virtual clock, anchored at the real start: a 25-minute circuit
run at `--speed 200` ends 25 minutes after it started in the history, as it would have at the
gym, even though it took 8 seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from ankledesk.commands.autopilot import drive
from ankledesk.commands.routines import find_routine
from ankledesk.core.engine import Engine
from ankledesk.core.model import Routine
from ankledesk.core.plan import expand
from ankledesk.core.progress import active_seconds
from ankledesk.core.records import SessionRecord, StepRecord
from ankledesk.core.terminal import shown
from ankledesk.core.timefmt import clock
from ankledesk.errors import UserError
from ankledesk.library import open_library
from ankledesk.store.documents import WallClock, parse_time, routine_from_snapshot
from ankledesk.store.session_store import ActiveSession, SessionStore

# Exit status of --stop-after-steps: the process ends without any clean-up, like a crash.
STOPPED_EXIT = 3


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a number above 0")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def wall_time(text: str) -> dt.datetime:
    """`2026-09-14T07:30` (or a date) as an aware time, local if no offset is given."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date or time such as 2026-09-14T07:30: {text!r}") from None
    return (moment if moment.tzinfo else moment.astimezone()).replace(microsecond=0)


def _rpe(text: str) -> int:
    value = _positive_int(text)
    if value > 10:
        raise argparse.ArgumentTypeError("RPE goes from 1 to 10")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "simulate", help="run a routine on a fast virtual clock and record it in the history",
        description="Run ROUTINE with the real workout engine and history, without a window: "
        "reps sets complete at their target, and one line is printed per finished set. "
        "If an earlier workout was cut short (a crash, a kill, --stop-after-steps) its "
        "session is still waiting in the journal: continue it with --resume, or keep it as "
        "abandoned and start afresh with --abandon-leftover; without either, nothing is run.",
    )
    p.add_argument("routine_id", nargs="?", metavar="ROUTINE",
                   help="routine id (optional with --resume)")
    p.add_argument("--speed", type=_positive_float, default=1.0, metavar="N",
                   help="run N times faster than real time (default 1)")
    p.add_argument("--stop-after-steps", type=_positive_int, metavar="K",
                   help=f"stop dead after K more finished sets are durably recorded, leaving "
                   f"the session in the journal exactly as a crash would (exit status "
                   f"{STOPPED_EXIT})")
    leftover = p.add_mutually_exclusive_group()
    leftover.add_argument("--resume", action="store_true",
                          help="continue the cut-short session at the set after the last one "
                          "finished")
    leftover.add_argument("--abandon-leftover", action="store_true",
                          help="keep a cut-short session as abandoned, then run ROUTINE")
    p.add_argument("--rpe", type=_rpe, metavar="1-10", help="effort to record at the end")
    p.add_argument("--pain", action="store_true", help="record that it hurt")
    p.add_argument("--notes", default="", help="notes to record with the session")
    p.add_argument("--at", type=wall_time, metavar="WHEN",
                   help="record the workout as started at WHEN (e.g. 2026-09-14T07:30) instead "
                   "of now: how a test or a screenshot fills months of history")
    p.add_argument("--hold", type=_positive_float, metavar="SECONDS",
                   help="the simulated runner holds every hold set for SECONDS (as if pressing "
                   "+10 s) instead of its target")
    p.set_defaults(func=cmd_simulate)


def step_line(record: StepRecord, rounds: int) -> str:
    """`round 2/4 · Banded lunges · left · 12 reps · done`."""
    if record["mode"] == "reps":
        amount = f"{record['actual_reps'] or 0} reps"
    else:
        amount = f"{record['actual_seconds']:.0f} s"
    side = f" · {record['side']}" if record["side"] else ""
    return (f"round {record['round']}/{rounds} · {shown(record['name'])}{side} · {amount} · "
            f"{record['outcome']}")


def _describe_leftover(doc: SessionRecord) -> str:
    sets = len(doc["steps"])
    return (f'the workout "{shown(doc["routine_name"])}" started {doc["started_at"]} was '
            f"cut short after {sets} set{'s' if sets != 1 else ''}")


def cmd_simulate(args: argparse.Namespace) -> int:
    routine = None
    if not args.resume:
        if not args.routine_id:
            raise UserError("name the routine to simulate (`ankledesk routines list`), or "
                            "use --resume", exit_code=2)
        routine = find_routine(open_library(args.data_dir), args.routine_id)

    with SessionStore.open(args.data_dir) as store:
        for notice in store.notices:
            print(f"warning: {shown(notice)}", file=sys.stderr)
        wall = WallClock(0.0, args.at) if args.at else WallClock.now(0.0)
        if args.resume:
            if store.leftover is None:
                raise UserError(store.no_leftover_reason())
            if args.routine_id and args.routine_id != store.leftover["routine_id"]:
                raise UserError(f'the cut-short workout is "{store.leftover["routine_id"]}", '
                                f'not "{args.routine_id}"')
            routine = routine_from_snapshot(store.leftover["routine"])
            # The virtual clock runs ahead of the real one: resume after the last set, not
            # before it, so the session's times still read in order.
            ends = [parse_time(s["ended_at"]) for s in store.leftover["steps"]]
            wall = WallClock(0.0, max([wall.wall_at, *ends]))
            active = store.resume(wall)
        else:
            if store.leftover is not None:
                if not args.abandon_leftover:
                    raise UserError(f"{_describe_leftover(store.leftover)}: continue it with "
                                    "--resume, or keep it as abandoned with --abandon-leftover")
                kept = store.abandon_leftover()
                print(f"kept {shown(kept['routine_name'])} of {kept['started_at']} as abandoned "
                      f"({len(kept['steps'])} sets)")
            assert routine is not None  # found above, before the lock was taken
            active = store.begin(routine, wall)
        said = len(store.notices)
        status = _run(routine, active, args)
        for notice in store.notices[said:]:  # what the finish did (a conflicted copy merged)
            print(f"warning: {shown(notice)}", file=sys.stderr)
        return status


def _run(routine: Routine, active: ActiveSession, args: argparse.Namespace) -> int:
    plan = expand(routine)
    rounds = routine.rounds
    start = active.resume_index
    sets = len(plan.work_steps)
    name = shown(routine.name)
    if start >= len(plan.steps):
        # Cut short after its very last set, before it could be stored as finished.
        print(f"{name} was cut short after its last set ({len(active.steps)} of {sets} sets "
              "done): storing it as finished", flush=True)
        return _finished(active, name, args, at=0.0)
    if args.resume:
        print(f"resuming {name} at step {start + 1} of {len(plan.steps)} "
              f"({len(active.steps)} of {sets} sets already done)", flush=True)
    else:
        print(f"started {name}: {sets} sets in {rounds} round"
              f"{'s' if rounds != 1 else ''}, about {clock(plan.total)} at real speed",
              flush=True)

    recorded = 0
    finished_at = 0.0
    for events in drive(Engine(plan), args.speed, index=start, hold=args.hold):
        for event in events:
            if event.kind == "step_finished" and event.step.is_work:
                record = active.record(event)
                assert record is not None  # every finished work step is recorded
                print(step_line(record, rounds), flush=True)
                recorded += 1
                if args.stop_after_steps and recorded >= args.stop_after_steps:
                    os._exit(STOPPED_EXIT)  # no clean-up at all: exactly what a crash leaves
            elif event.kind == "workout_done":
                finished_at = event.at
    return _finished(active, name, args, at=finished_at)


def _finished(active: ActiveSession, name: str, args: argparse.Namespace, at: float) -> int:
    # What was typed before a refused finish (kept in the journal) stands unless given again.
    kept = active.document
    doc = active.finish(at=at, rpe=kept["rpe"] if args.rpe is None else args.rpe,
                        pain=args.pain or kept["pain"], notes=args.notes or kept["notes"],
                        drill_notes=kept.get("drill_notes"))
    steps = doc["steps"]
    counts = {o: sum(1 for s in steps if s["outcome"] == o) for o in ("done", "partial",
                                                                       "skipped")}
    detail = ", ".join(f"{n} {o}" for o, n in counts.items() if n)
    print(f"finished {shown(name)}: {len(steps)} sets ({detail or 'none'}), "
          f"{clock(active_seconds(doc))} active; saved to the history as session {doc['id']}")
    return 0
