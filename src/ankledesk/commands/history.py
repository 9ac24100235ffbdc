"""`ankledesk history`: the workouts done, as a list, JSON, CSV or a weekly summary.

It only reads: no lock is taken, so it works while the app records a workout, and a broken or
newer file is reported, never moved or changed (the next workout does that).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys

from ankledesk.commands.dates import parse_date, parse_week, usage
from ankledesk.commands.stored import read_history, read_sessions, read_view, years_of
from ankledesk.commands.terminal import cell, safe_json
from ankledesk.core.measures import KINDS, describe, taken
from ankledesk.core.progress import (
    WEEKLY_TARGET,
    IsoWeek,
    Streak,
    WeekSummary,
    active_seconds,
    oldest_first,
    progression_hints,
    sessions_between,
    started,
    target_verdict,
    to_json,
    week_summary,
    weekly_streak,
)
from ankledesk.core.records import SessionRecord
from ankledesk.core.terminal import shown
from ankledesk.core.timefmt import duration_text
from ankledesk.library import open_library
from ankledesk.report.csv_export import COLUMNS
from ankledesk.report.csv_export import rows as csv_rows


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "history", help="workouts done: list, --json, --csv, or `history summary --week W`",
        description="List the recorded workouts, oldest first (a workout cut short and not yet "
        "resumed shows as in_progress). --json prints the session documents; --csv prints one "
        "row per set, with its session's columns repeated.",
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--week", metavar="YYYY-Www", help="one ISO week, e.g. 2026-W47")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day (YYYY-MM-DD), included")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD), included")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the session documents as JSON")
    fmt.add_argument("--csv", action="store_true", help="one CSV row per set")
    p.set_defaults(func=cmd_list)

    actions = p.add_subparsers(dest="history_command", metavar="ACTION")
    s = actions.add_parser("summary", help="one ISO week: sessions, active time, per drill")
    s.add_argument("--week", dest="summary_week", metavar="YYYY-Www",
                   help="the ISO week (default: this week)")
    s.add_argument("--target", type=int, default=WEEKLY_TARGET, metavar="N",
                   help=f"weekly target in sessions (default {WEEKLY_TARGET})")
    s.add_argument("--json", dest="summary_json", action="store_true",
                   help="machine-readable output")
    s.set_defaults(func=cmd_summary)

    m = actions.add_parser("measures", help="measurements taken: knee-to-wall, balance, holds")
    m.add_argument("--kind", choices=list(KINDS), help="only this kind")
    m.add_argument("--json", dest="measures_json", action="store_true",
                   help="the measurement documents as JSON")
    m.set_defaults(func=cmd_measures)


def _days(args: argparse.Namespace) -> tuple[dt.date, dt.date] | None:
    """The days asked for (None: all of them)."""
    if args.week and (args.date_from or args.date_to):
        raise usage("use either --week or --from/--to, not both")
    if args.week:
        week = parse_week(args.week)
        return week.monday, week.sunday
    if args.date_from or args.date_to:
        first = parse_date(args.date_from, "--from") if args.date_from else dt.date.min
        last = parse_date(args.date_to, "--to") if args.date_to else dt.date.max
        if first > last:
            raise usage(f"--from {first} is after --to {last}")
        return first, last
    return None


def _session_line(doc: SessionRecord) -> str:
    steps = doc["steps"]
    outcomes = {o: sum(1 for s in steps if s["outcome"] == o) for o in ("done", "partial",
                                                                         "skipped")}
    detail = ", ".join(f"{n} {o}" for o, n in outcomes.items() if n) or "no sets"
    extras = []
    if doc.get("rpe") is not None:
        extras.append(f"RPE {doc['rpe']}")
    if doc.get("pain"):
        extras.append("pain")
    tail = f"  {' · '.join(extras)}" if extras else ""
    return (f"{started(doc):%Y-%m-%d %H:%M}  {shown(doc['routine_name'])}  {doc['status']}  "
            f"{len(steps)} sets ({detail})  {duration_text(active_seconds(doc))} active{tail}")


def _write_csv(sessions: list[SessionRecord]) -> None:
    """The same columns as `ankledesk export csv`: one row per set (see report.csv_export)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([cell(value) for value in row] for row in csv_rows(sessions))


def cmd_list(args: argparse.Namespace) -> int:
    action = getattr(args, "history_command", None)
    if action:
        return {"summary": cmd_summary, "measures": cmd_measures}[action](args)
    days = _days(args)
    if days is None:
        chosen = oldest_first(read_sessions(args.data_dir))
    else:
        # Only the years of those days are read: a week costs its year, not ten.
        chosen = sessions_between(read_sessions(args.data_dir, years_of(*days)), *days)
    if args.json:
        print(safe_json(chosen))
    elif args.csv:
        _write_csv(chosen)
    elif not chosen:
        print("no workouts recorded" + (" in that period" if args.week or args.date_from
                                          or args.date_to else " yet"))
    else:
        for doc in chosen:
            print(_session_line(doc))
    return 0


def _hold(seconds: float | None) -> str:
    return "—" if seconds is None else duration_text(seconds)


def _print_summary(summary: WeekSummary, streak: Streak, hints: list[str]) -> None:
    print(f"Week {summary.week} ({summary.first_day:%a %d %b} – {summary.last_day:%a %d %b %Y})")
    parts = [f"{summary.finished} finished"]
    if summary.abandoned:
        parts.append(f"{summary.abandoned} abandoned")
    if summary.in_progress:
        parts.append(f"{summary.in_progress} cut short")
    verdict = target_verdict(summary.finished, summary.target, streak.open)
    print(f"sessions: {summary.sessions} ({', '.join(parts)}) · {verdict} · active "
          f"{duration_text(summary.active_seconds)} · streak {streak.wording}")
    if summary.mean_rpe is not None or summary.pain_sessions:
        print(f"mean RPE {summary.mean_rpe if summary.mean_rpe is not None else '—'} · "
              f"sessions with pain: {summary.pain_sessions}")
    if summary.drills:
        width = max(len(shown(r.name)) for r in summary.drills)
        print(f"{'drill':<{width}}  done  partial  skipped  best hold  reps")
        for r in summary.drills:
            reps = r.total_reps if r.mode == "reps" else "—"
            print(f"{shown(r.name):<{width}}  {r.sets_done:>4}  {r.sets_partial:>7}  "
                  f"{r.sets_skipped:>7}  {_hold(r.best_hold_seconds):>9}  {reps:>4}")
    for hint in hints:
        print(f"next step: {shown(hint)}")


def cmd_summary(args: argparse.Namespace) -> int:
    week = (parse_week(args.summary_week) if args.summary_week
            else IsoWeek.of(dt.date.today()))
    target = args.target
    if target < 1:
        raise usage("--target is at least 1 session a week")
    # The week's years in full; the others in outline, which is all the streak and the
    # ladder ask of them.
    sessions = read_view(args.data_dir, years_of(week.monday, week.sunday))
    summary = week_summary(sessions, week, target=target)
    upto = [s for s in sessions if started(s).date() <= week.sunday]
    streak = weekly_streak(sessions, target=target, through=week)
    library = open_library(args.data_dir)
    hints = progression_hints(upto, library.drills)
    if args.summary_json:
        print(safe_json({**to_json(summary), "streak_weeks": streak.weeks,
                         "streak": streak.wording, "week_over": not streak.open,
                         "progression": to_json(hints)}))
    else:
        _print_summary(summary, streak, [h.message for h in hints])
    return 0


def cmd_measures(args: argparse.Namespace) -> int:
    """The measurements, oldest first."""
    docs = read_history(args.data_dir, years=())[1]
    if args.kind:
        docs = [d for d in docs if d["kind"] == args.kind]
    if args.measures_json:
        print(safe_json(docs))
    elif not docs:
        print("no measurements recorded yet (`ankledesk measure knee-to-wall --left 9.5 "
              "--right 11`)")
    else:
        for doc in docs:
            print(f"{taken(doc):%Y-%m-%d %H:%M}  {shown(describe(doc))}")
    return 0
