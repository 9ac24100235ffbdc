"""`ankledesk history`: listing, filters, JSON, CSV, the weekly summary, and bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from ankledesk.store.history import HISTORY_FILE, History
from tests.store.strategies import session_at, step

SESSIONS = [
    session_at("2026-11-16T07:00:00+01:00", rpe=6, steps=[
        step(1, "big-toe-raise-hold", seconds=60, side="left", name="Big-toe calf-raise hold"),
        step(3, "big-toe-raise-hold", seconds=125, side="right",
             name="Big-toe calf-raise hold"),
    ]),
    session_at("2026-11-19T18:30:00+01:00", status="abandoned", pain=True, steps=[
        step(1, "banded-lunge", mode="reps", reps=12, seconds=40, name="Banded lunges"),
    ]),
    session_at("2026-11-24T07:00:00+01:00", notes='said "ouch", then, fine'),
]


@pytest.fixture
def stored(data_dir: Path) -> list[dict]:
    history = History(data_dir, writable=True)
    for doc in reversed(SESSIONS):
        history.add(doc)
    return SESSIONS


def test_an_empty_history_says_so(cli) -> None:
    run = cli("history")
    assert (run.returncode, run.stdout) == (0, "no workouts recorded yet\n")
    assert json.loads(cli("history", "--json").stdout) == []


def test_the_list_is_oldest_first_one_line_each(cli, stored) -> None:
    run = cli("history")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2026-11-16 07:00  Test circuit  finished  2 sets (2 done)")
    assert lines[0].endswith("RPE 6")
    assert "abandoned" in lines[1] and lines[1].endswith("pain")


def test_json_by_week_and_by_dates(cli, stored) -> None:
    week = json.loads(cli("history", "--week", "2026-W47", "--json").stdout)
    assert week == SESSIONS[:2]
    days = json.loads(cli("history", "--from", "2026-11-19", "--to", "2026-11-24",
                          "--json").stdout)
    assert [d["started_at"] for d in days] == [s["started_at"] for s in SESSIONS[1:]]
    since = json.loads(cli("history", "--from", "2026-11-20", "--json").stdout)
    assert since == SESSIONS[2:]
    assert cli("history", "--week", "2026-W40").stdout == "no workouts recorded in that period\n"


def test_csv_has_one_row_per_set(cli, stored) -> None:
    run = cli("history", "--csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 2 + 1 + 1  # a session without sets still gets its row
    assert rows[0]["drill_id"] == "big-toe-raise-hold" and rows[0]["actual_seconds"] == "60"
    assert rows[2]["actual_reps"] == "12" and rows[2]["pain"] == "yes"
    assert rows[3]["notes"] == 'said "ouch", then, fine' and rows[3]["drill_id"] == ""


def test_the_weekly_summary(cli, stored) -> None:
    run = cli("history", "summary", "--week", "2026-W47")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("Week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)")
    # W47 (16–22 Nov 2026) ended with 1 of 2; while it was still going it was "to go".
    if dt.date.today() > dt.date(2026, 11, 22):
        assert "sessions: 2 (1 finished, 1 abandoned) · missed: 1 of 2 · " in out
        assert "streak 0 weeks, broken: this week missed the target (1 of 2)" in out
    else:
        assert "sessions: 2 (1 finished, 1 abandoned) · 1 more to go for 2 · " in out
        assert "streak 0 weeks, this week still open (1 of 2 so far)" in out
    assert "Big-toe calf-raise hold     2        0        0       2:05     —" in out
    assert "next step: Big-toe calf-raise hold: you held 2:05 (goal 2:00). " \
           "Time to try Weighted big-toe hold." in out
    data = json.loads(cli("history", "summary", "--week", "2026-W47", "--json").stdout)
    assert (data["sessions"], data["finished"], data["active_seconds"]) == (2, 1, 225.0)
    assert [d["drill_id"] for d in data["drills"]] == ["big-toe-raise-hold", "banded-lunge"]
    assert data["progression"][0]["next_drill_id"] == "big-toe-raise-hold-weighted"
    assert data["streak_weeks"] == 0


@pytest.mark.parametrize("args", [
    ("history", "--week", "2026-47"),
    ("history", "--week", "2026-W60"),
    ("history", "--from", "18/11/2026"),
    ("history", "--from", "2026-11-20", "--to", "2026-11-01"),
    ("history", "--week", "2026-W47", "--from", "2026-11-01"),
    ("history", "summary", "--week", "last week"),
    ("history", "--json", "--csv"),
])
def test_bad_input_is_one_line_and_exit_2(cli, args) -> None:
    run = cli(*args)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith(("ankledesk: ", "ankledesk history"))


def test_a_broken_history_is_reported_and_left_alone(cli, data_dir: Path) -> None:
    (data_dir / HISTORY_FILE).write_text('{"meta": {"1": ')
    run = cli("history")
    assert run.returncode == 1  # nothing at all could be read: not an empty list and exit 0
    assert run.stderr.startswith(f"warning: {data_dir / HISTORY_FILE} cannot be read")
    assert run.stderr.splitlines()[-1].startswith("ankledesk: nothing could be read from")
    assert (data_dir / HISTORY_FILE).read_text() == '{"meta": {"1": '
