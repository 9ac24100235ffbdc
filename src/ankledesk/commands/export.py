"""`ankledesk export pdf | blank | csv`: the printable logs and the spreadsheet, from the shell.

The commands only parse, read the history (read-only: an export never takes the data
folder's lock, so it works while the app is open) and hand over to `ankledesk.report`, which
the GUI calls too. The file the user names is written all at once (temp file, then
os.replace): a failed export leaves whatever was there before, never half a PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ankledesk import report  # its functions load on first use: reportlab only for exports
from ankledesk.commands.dates import check_range, parse_date, parse_week, usage
from ankledesk.commands.routines import find_routine
from ankledesk.commands.stored import read_history, years_of
from ankledesk.core import measures
from ankledesk.core.progress import WEEKLY_TARGET, IsoWeek, sessions_between
from ankledesk.core.terminal import shown
from ankledesk.errors import UserError
from ankledesk.library import open_library
from ankledesk.report.paper import PAPER_NAMES
from ankledesk.store.advice import explain
from ankledesk.store.export_target import check_target

WEEK_STARTS = {"mon": 0, "sun": 6}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="printable PDF logs, a blank sheet, or CSV")
    commands = parser.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    p = commands.add_parser("pdf", help="the weekly log of a week, or of a range of weeks")
    p.add_argument("--week", metavar="W", help="ISO week such as 2026-W47 (default: this week)")
    p.add_argument("--to", dest="to_week", metavar="W",
                   help="last week of a range (a cover, then one section per week)")
    _common(p)
    p.add_argument("--target", type=int, default=WEEKLY_TARGET, metavar="N",
                   help=f"weekly target in sessions (default {WEEKLY_TARGET})")
    p.add_argument("--week-start", choices=sorted(WEEK_STARTS), default="mon",
                   help="first day of the week in the grid (default mon)")
    p.set_defaults(func=cmd_pdf)

    p = commands.add_parser("blank", help="a blank sheet of a routine for a week, to fill in")
    p.add_argument("--routine", required=True, metavar="ID", help="routine id")
    p.add_argument("--week", metavar="W", help="ISO week (default: next week)")
    _common(p)
    p.add_argument("--week-start", choices=sorted(WEEK_STARTS), default="mon",
                   help="first day of the week on the sheet (default mon)")
    p.set_defaults(func=cmd_blank)

    p = commands.add_parser("csv", help="one row per set, with its session's fields")
    p.add_argument("--measurements", action="store_true",
                   help="the measurements instead (knee-to-wall, balance, big-toe hold), one "
                   "row each")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, 2026-11-01")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, 2026-11-30")
    _output_options(p)
    p.set_defaults(func=cmd_csv)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--paper", type=str.lower, choices=PAPER_NAMES, default="a4",
                   help="paper size (default a4)")
    p.add_argument("--name", default=None, help="your name, printed in the header")
    _output_options(p)


def _output_options(p: argparse.ArgumentParser) -> None:
    # A string, not a Path: Path("newdir/") drops the slash that says "a folder".
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true",
                   help="replace the output file even if it is read-only")


def _week(text: str | None, default: dt.date, option: str = "--week") -> IsoWeek:
    return IsoWeek.of(default) if text is None else parse_week(text, option)


def _date(text: str | None, option: str, default: dt.date) -> dt.date:
    return default if text is None else parse_date(text, option)


def _output(args: argparse.Namespace) -> Path:
    """The file to write, by the rules History's Export follows too (store/export_target.py)."""
    return check_target(args.data_dir, args.output, replace_read_only=args.force)


def _save(args: argparse.Namespace, data: bytes) -> None:
    """Write the file, checked once more: a long PDF gives time for the target to change."""
    path = _output(args)
    try:
        report.save_atomic(path, data)
    except OSError as exc:
        raise UserError(f"cannot write {path}: "
                        f"{explain(exc, safe='the file named was not changed')}") from None


def cmd_pdf(args: argparse.Namespace) -> int:
    output = _output(args)
    first = _week(args.week, dt.date.today())
    last = _week(args.to_week, first.monday, "--to") if args.to_week else first
    check_range(first, last)
    if args.target < 1:
        raise usage("--target is at least 1 session")
    # The weeks printed, in full (a week started on Sunday begins the day before its ISO
    # Monday); every other year in outline, for the streak, the ladder and the hold chart.
    shown_years = years_of(first.monday - dt.timedelta(days=6), last.sunday)
    history, measured = read_history(args.data_dir, shown_years, outline_others=True)
    drills = open_library(args.data_dir).drills
    options = {"paper": args.paper, "name": args.name, "target": args.target,
               "week_start": WEEK_STARTS[args.week_start], "drills": drills,
               "measurements": measured}
    if last == first:
        data = report.weekly_log(history, first.monday, **options)
        what = str(first)
    else:
        data = report.range_log(history, first.monday, last.monday, **options)
        what = f"{first} to {last}"
    _save(args, data)
    print(f"wrote {shown(output)} ({what}, {args.paper})")
    return 0


def cmd_blank(args: argparse.Namespace) -> int:
    output = _output(args)
    routine = find_routine(open_library(args.data_dir), args.routine)
    week = _week(args.week, dt.date.today() + dt.timedelta(days=7))
    data = report.blank_sheet(routine, week.monday, paper=args.paper, name=args.name,
                       week_start=WEEK_STARTS[args.week_start])
    _save(args, data)
    print(f"wrote {shown(output)} ({shown(routine.name)}, {week}, {args.paper})")
    return 0


def cmd_csv(args: argparse.Namespace) -> int:
    output = _output(args)
    first = _date(args.date_from, "--from", dt.date.min)
    last = _date(args.date_to, "--to", dt.date.max)
    if first > last:
        raise usage(f"--from {first} is after --to {last}")
    history, measured = read_history(args.data_dir, () if args.measurements
                                     else years_of(first, last))
    if args.measurements:
        taken = measures.between(measured, first, last)
        _save(args, report.measurements_csv_bytes(taken))
        print(f"wrote {shown(output)} ({len(taken)} measurements)")
        return 0
    chosen = sessions_between(history, first, last)
    _save(args, report.csv_bytes(chosen))
    sets = sum(len(s.get("steps", [])) for s in chosen)
    print(f"wrote {shown(output)} ({len(chosen)} sessions, {sets} sets)")
    return 0
