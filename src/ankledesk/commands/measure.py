"""`ankledesk measure KIND --left X --right Y`: record a measurement from the shell.

The same measurements the app takes after a workout's summary (knee-to-wall in cm, single-leg
balance with eyes closed and the longest big-toe hold in seconds), stored in the history
folder's measurements.json with the same durable write. Seconds may be typed as `95` or `1:35`.
It takes the data folder's lock, so it waits for nobody: with the app open it says so and
stores nothing. `ankledesk history measures` lists them.
"""

from __future__ import annotations

import argparse
import sys

from ankledesk.commands.simulate import wall_time
from ankledesk.core.measures import KINDS, MeasurementError, describe
from ankledesk.errors import UserError
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore

USAGE_EXIT = 2


def amount(text: str) -> float:
    """`9.5`, `95` or `1:35` (minutes:seconds) as a number; ArgumentTypeError otherwise."""
    try:
        if ":" in text:
            minutes, seconds = text.split(":", 1)
            if not seconds.isdigit() or len(seconds) != 2 or int(seconds) > 59:
                raise ValueError
            return int(minutes) * 60 + int(seconds)
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = "; ".join(f"{k.id} ({k.name}, {k.unit})" for k in KINDS.values())
    p = sub.add_parser(
        "measure", help="record a measurement: knee-to-wall, balance-eyes-closed, big-toe-hold",
        description=f"Record one measurement, left side, right side or both. Kinds: {kinds}. "
        "Seconds can be written 95 or 1:35. List them with `ankledesk history measures`.")
    p.add_argument("kind", choices=list(KINDS), metavar="KIND",
                   help=f"one of {', '.join(KINDS)}")
    p.add_argument("--left", type=amount, metavar="X", help="the left side's value")
    p.add_argument("--right", type=amount, metavar="X", help="the right side's value")
    p.add_argument("--at", type=wall_time, metavar="WHEN",
                   help="when it was measured (default now), e.g. 2026-11-18T07:30")
    p.set_defaults(func=cmd_measure)


def cmd_measure(args: argparse.Namespace) -> int:
    if args.left is None and args.right is None:
        raise UserError("give --left, --right or both", exit_code=USAGE_EXIT)
    with SessionStore.open(args.data_dir) as store:
        for notice in store.notices:
            print(f"warning: {notice}", file=sys.stderr)
        try:
            doc = MeasurementLog(store).add(args.kind, left=args.left, right=args.right,
                                            taken_at=args.at)
        except MeasurementError as exc:
            raise UserError(f"{args.kind}: {exc}", exit_code=USAGE_EXIT) from None
    print(f"recorded {describe(doc)} ({doc['taken_at']})")
    return 0
