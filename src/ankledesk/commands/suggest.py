"""`ankledesk suggest --sign SIGN …` / `--list`: the self-check from the shell.

The signs and the programs that address each are data (routines/self-check.toml), the same the
History screen's self-check shows; this prints the programs for the signs given, those that
address most of them first.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ankledesk import paths
from ankledesk.core.model import Routine
from ankledesk.core.selfcheck import SELF_CHECK_FILE, Sign, load_self_check, suggestions
from ankledesk.errors import UserError
from ankledesk.library import open_library

USAGE_EXIT = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "suggest", help="programs for the self-check's signs (--sign heels-lift-early …)",
        description="The self-check: signs of limited ankle mobility or weak foot control. "
        "--list shows the signs; --sign (repeatable) prints the programs that address them.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--sign", action="append", metavar="SIGN", dest="signs",
                      help="a sign's id from --list (repeat for several)")
    what.add_argument("--list", action="store_true", help="the signs and their programs")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_suggest)


def load_signs(data_dir: Path) -> tuple[list[Sign], dict[str, Routine]]:
    """The self-check's signs and the routines, or UserError naming what is wrong in the file."""
    routines = open_library(data_dir).routines
    signs, problems = load_self_check(paths.builtin_routines_dir() / SELF_CHECK_FILE, routines)
    if problems:
        raise UserError(str(problems[0]))
    return signs, routines


def cmd_suggest(args: argparse.Namespace) -> int:
    signs, routines = load_signs(args.data_dir)
    if args.list:
        if args.json:
            print(json.dumps([{"id": s.id, "text": s.text, "why": s.why,
                               "programs": list(s.programs)} for s in signs],
                             indent=2, ensure_ascii=False))
            return 0
        for s in signs:
            print(f"{s.id:<20} {s.text}")
            print(f"{'':<20} programs: {', '.join(s.programs)}")
        return 0
    known = {s.id for s in signs}
    unknown = [s for s in args.signs if s not in known]
    if unknown:
        raise UserError(f'--sign "{unknown[0]}": not a sign of the self-check; '
                        f"one of {', '.join(sorted(known))} (see --list)", exit_code=USAGE_EXIT)
    found = suggestions(signs, args.signs, routines)
    if args.json:
        print(json.dumps([{"routine_id": f.routine_id, "name": f.name,
                           "signs": [s.id for s in f.signs]} for f in found],
                         indent=2, ensure_ascii=False))
        return 0
    for f in found:
        print(f"{f.routine_id:<34} {f.name} — for: {'; '.join(s.text.lower() for s in f.signs)}")
    return 0
