"""`ankledesk routines list | show | check | import | export`: the library as a coach or a script
sees it, and routine files that travel between people."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from ankledesk import paths
from ankledesk.core.loader import DRILLS_FILE, Library, load_drills, load_routine_file
from ankledesk.core.model import Routine
from ankledesk.core.plan import Plan, expand
from ankledesk.core.problems import Problem
from ankledesk.core.terminal import shown
from ankledesk.core.timefmt import clock
from ankledesk.errors import UserError
from ankledesk.library import open_library
from ankledesk.routine_files import FileProblems, export_routine, import_routine, read_incoming


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("routines", help="list, show and check routines")
    commands = parser.add_subparsers(dest="routines_command", metavar="ACTION", required=True)

    p = commands.add_parser("list", help="every routine the app would load")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    p = commands.add_parser("show", help="a routine's expanded plan with each step's start time")
    p.add_argument("routine_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_show)

    p = commands.add_parser("check", help="validate routine files (default: all the app loads)")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_check)

    p = commands.add_parser("import", help="copy a routine file into your routines, checked")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--as", dest="as_id", metavar="ID",
                   help="import under this id (when the file's id is already taken)")
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("export", help="write a routine's file for someone else to import")
    p.add_argument("routine_id", metavar="ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=cmd_export)


def _warn(library: Library) -> None:
    for problem in library.problems:
        print(f"warning: {problem}", file=sys.stderr)


def find_routine(library: Library, routine_id: str) -> Routine:
    routine = library.routine(routine_id)
    if routine is None:
        hint = difflib.get_close_matches(routine_id, list(library.routines), n=1)
        extra = f'; did you mean "{hint[0]}"?' if hint else "; `ankledesk routines list` shows them"
        raise UserError(f'no routine with id "{routine_id}"{extra}')
    return routine


def cmd_list(args: argparse.Namespace) -> int:
    library = open_library(args.data_dir)
    rows: list[dict[str, Any]] = []
    for routine in library.routines.values():
        rows.append({
            "id": routine.id,
            "name": routine.name,
            "rounds": routine.rounds,
            "drills": routine.drill_ids,
            "estimated_seconds": round(expand(routine).total),
            "source": routine.source,
        })
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max((len(r["id"]) for r in rows), default=2)
        for r in rows:
            origin = "" if r["source"] == "built-in" else f"  [{r['source']}]"
            print(f"{r['id']:<{width}}  {clock(r['estimated_seconds']):>7}  "
                  f"{r['rounds']:>2} × {len(r['drills'])} drills  {shown(r['name'])}{origin}")
    _warn(library)
    return 0


def plan_json(plan: Plan) -> dict[str, Any]:
    routine = plan.routine
    return {
        "id": routine.id,
        "name": routine.name,
        "rounds": routine.rounds,
        "estimated_seconds": round(plan.total),
        "steps": [
            {
                "index": s.index, "start": s.start, "kind": s.kind, "round": s.round,
                "drill": s.drill_id, "name": s.name, "mode": s.mode, "side": s.side,
                "seconds": s.seconds, "reps": s.target_reps, "estimate": s.estimate,
                "rest_kind": s.rest_kind, "label": s.describe(),
            }
            for s in plan.steps
        ],
    }


def cmd_show(args: argparse.Namespace) -> int:
    library = open_library(args.data_dir)
    plan = expand(find_routine(library, args.routine_id))
    if args.json:
        print(json.dumps(plan_json(plan), indent=2, ensure_ascii=False))
        return 0
    routine = plan.routine
    print(f"{shown(routine.name)} ({routine.id})")
    print(f"{routine.rounds} rounds of {len(routine.items)} drills · "
          f"rest {routine.rest_between_rounds} s between rounds · "
          f"estimated {clock(plan.total)}")
    current_round = 0
    for step in plan.steps:
        if step.kind != "prepare" and step.round != current_round and step.rest_kind != "rounds":
            current_round = step.round
            print(f"Round {current_round} of {routine.rounds}")
        print(f"  {clock(step.start):>7}  {shown(step.describe())}")
    print(f"  {clock(plan.total):>7}  Done · total {clock(plan.total)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if not args.files:
        library = open_library(args.data_dir)
        for problem in library.problems:
            print(problem)
        if library.problems:
            return 1
        print(f"ok: {len(library.routines)} routines, {len(library.drills)} drills")
        return 0

    builtin = paths.builtin_routines_dir()
    library = open_library(args.data_dir)
    failed = False
    for path in args.files:
        if path.name == DRILLS_FILE:
            drills, problems = load_drills(path)
            label = f"{len(drills)} drills"
        else:
            routine, problems = load_routine_file(path, library.drills)
            label = ""
            if routine is not None:
                clash = library.routine(routine.id)
                own_file = clash is not None and clash.source == "built-in" and \
                    path.resolve() == (builtin / f"{routine.id}.toml").resolve()
                if clash is not None and clash.source == "built-in" and not own_file:
                    problems = [Problem(path, "id", "already used by a built-in routine",
                                        routine.id)]
                label = f"{routine.name}, {routine.rounds} rounds, {clock(expand(routine).total)}"
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
        if not problems:
            print(f"{shown(path)}: ok ({shown(label)})")
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    library = open_library(args.data_dir)
    try:
        incoming = read_incoming(args.file, library)
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    target = import_routine(incoming, library, args.data_dir, as_id=args.as_id)
    routine_id = args.as_id or incoming.routine.id
    print(f'imported "{incoming.routine.name}" as {routine_id} ({target})')
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    routine = find_routine(open_library(args.data_dir), args.routine_id)
    target = export_routine(routine, args.output, args.data_dir)
    print(f'exported "{routine.name}" to {target}')
    return 0
