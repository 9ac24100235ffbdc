"""`ankledesk history`: the workouts done, as a list, JSON, CSV or a weekly summary.

It only reads: no lock is taken, so it works while the app records a workout, and a broken or
newer file is reported, never moved or changed (the next workout does that).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

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
    sessions_in_week,
    started,
    target_verdict,
    to_json,
    week_summary,
    weekly_streak,
)
from ankledesk.core.records import SessionRecord
from ankledesk.core.terminal import shown
from ankledesk.core.timefmt import clock
from ankledesk.errors import UserError
from ankledesk.library import open_library
from ankledesk.report.csv_export import COLUMNS
from ankledesk.report.csv_export import rows as csv_rows
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore

USAGE_EXIT = 2


def register(sub: argparse._SubParsersAction) -> None:
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


def _usage(message: str) -> UserError:
    return UserError(message, exit_code=USAGE_EXIT)


def _week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        raise _usage(str(exc)) from None


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _usage(f'{option} "{text}" is not a date such as 2026-11-18') from None


def _sessions(args: argparse.Namespace) -> list[SessionRecord]:
    store = SessionStore.open(args.data_dir, read_only=True)
    for notice in store.notices:
        print(f"warning: {shown(notice)}", file=sys.stderr)
    return store.sessions()


def _select(args: argparse.Namespace, sessions: list[SessionRecord]) -> list[SessionRecord]:
    if args.week and (args.date_from or args.date_to):
        raise _usage("use either --week or --from/--to, not both")
    if args.week:
        return sessions_in_week(sessions, _week(args.week))
    if args.date_from or args.date_to:
        first = _date(args.date_from, "--from") if args.date_from else dt.date.min
        last = _date(args.date_to, "--to") if args.date_to else dt.date.max
        if first > last:
            raise _usage(f"--from {first} is after --to {last}")
        return sessions_between(sessions, first, last)
    return oldest_first(sessions)


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
            f"{len(steps)} sets ({detail})  {clock(active_seconds(doc))} active{tail}")


def _write_csv(sessions: list[SessionRecord]) -> None:
    """The same columns as `ankledesk export csv`: one row per set (see report.csv_export)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(csv_rows(sessions))


def cmd_list(args: argparse.Namespace) -> int:
    action = getattr(args, "history_command", None)
    if action:
        return {"summary": cmd_summary, "measures": cmd_measures}[action](args)
    chosen = _select(args, _sessions(args))
    if args.json:
        print(json.dumps(chosen, indent=2, ensure_ascii=False))
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
    return "—" if seconds is None else clock(seconds)


def _print_summary(summary: WeekSummary, streak: Streak, hints: list[str]) -> None:
    print(f"Week {summary.week} ({summary.first_day:%a %d %b} – {summary.last_day:%a %d %b %Y})")
    parts = [f"{summary.finished} finished"]
    if summary.abandoned:
        parts.append(f"{summary.abandoned} abandoned")
    if summary.in_progress:
        parts.append(f"{summary.in_progress} cut short")
    verdict = target_verdict(summary.finished, summary.target, streak.open)
    print(f"sessions: {summary.sessions} ({', '.join(parts)}) · {verdict} · active "
          f"{clock(summary.active_seconds)} · streak {streak.wording}")
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
    week = _week(args.summary_week) if args.summary_week else IsoWeek.of(dt.date.today())
    target = args.target
    if target < 1:
        raise _usage("--target is at least 1 session a week")
    sessions = _sessions(args)
    summary = week_summary(sessions, week, target=target)
    upto = [s for s in sessions if started(s).date() <= week.sunday]
    streak = weekly_streak(sessions, target=target, through=week)
    library = open_library(args.data_dir)
    hints = progression_hints(upto, library.drills)
    if args.summary_json:
        print(json.dumps({**to_json(summary), "streak_weeks": streak.weeks,
                          "streak": streak.wording, "week_over": not streak.open,
                          "progression": to_json(hints)}, indent=2, ensure_ascii=False))
    else:
        _print_summary(summary, streak, [h.message for h in hints])
    return 0


def read_history(data_dir: Path) -> tuple[list[SessionRecord], list[dict[str, Any]]]:
    """The sessions and the measurements, read-only (no lock): notices and records that
    cannot be read are named on stderr, nothing on disk changes."""
    store = SessionStore.open(data_dir, read_only=True)
    try:
        for notice in store.notices:
            print(f"warning: {shown(notice)}", file=sys.stderr)
        log = MeasurementLog(store)
        measured = log.all()
        for skipped in log.skipped:
            print(f"warning: skipped {shown(skipped)}", file=sys.stderr)
        return store.sessions(), measured
    finally:
        store.close()


def cmd_measures(args: argparse.Namespace) -> int:
    """The measurements, oldest first."""
    docs = read_history(args.data_dir)[1]
    if args.kind:
        docs = [d for d in docs if d["kind"] == args.kind]
    if args.measures_json:
        print(json.dumps(docs, indent=2, ensure_ascii=False))
    elif not docs:
        print("no measurements recorded yet (`ankledesk measure knee-to-wall --left 9.5 "
              "--right 11`)")
    else:
        for doc in docs:
            print(f"{taken(doc):%Y-%m-%d %H:%M}  {describe(doc)}")
    return 0
