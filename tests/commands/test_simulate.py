"""`ankledesk simulate` as a user's shell runs it: real subprocesses, real files."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import year_file
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE
from tests.conftest import ROOT
from tests.store.helpers import dead_pid

CIRCUIT = "runners-chassis-circuit"
CIRCUIT_SETS = 40
BIG_TOE = "big-toe-strength"
BIG_TOE_SETS = 8
FAST = "20000"


def _sets(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("round ")]


def test_the_circuit_at_speed_200_ends_up_in_history(cli) -> None:
    """The issue's acceptance run."""
    run = cli("simulate", CIRCUIT, "--speed", "200", "--rpe", "7", "--notes", "légère")
    assert run.returncode == 0, run.stderr
    lines = _sets(run.stdout)
    assert len(lines) == CIRCUIT_SETS
    assert lines[0] == "round 1/4 · Single-leg Romanian deadlift · left · 6 reps · done"
    assert "round 1/4 · Leg extensions · 45 s · done" in lines
    assert run.stdout.splitlines()[-1].startswith("finished Runner's chassis circuit: 40 sets")
    shown = cli("history", "--json")
    assert shown.returncode == 0, shown.stderr
    [doc] = json.loads(shown.stdout)
    assert (doc["routine_id"], doc["status"], doc["rpe"], doc["notes"]) == (
        CIRCUIT, "finished", 7, "légère")
    assert len(doc["steps"]) == CIRCUIT_SETS
    assert all(s["outcome"] == "done" for s in doc["steps"])
    assert doc["routine"]["rounds"] == 4


def test_a_stopped_run_blocks_a_new_one_until_resumed(cli, data_dir: Path) -> None:
    stopped = cli("simulate", BIG_TOE, "--speed", FAST, "--stop-after-steps", "3")
    assert stopped.returncode == 3
    assert len(_sets(stopped.stdout)) == 3
    assert (data_dir / JOURNAL_FILE).exists()

    blocked = cli("simulate", BIG_TOE, "--speed", FAST)
    assert blocked.returncode == 1
    [message] = blocked.stderr.splitlines()
    assert "cut short after 3 sets" in message and "--resume" in message
    assert "--abandon-leftover" in message

    wrong = cli("simulate", CIRCUIT, "--resume", "--speed", FAST)
    assert wrong.returncode == 1 and f'"{BIG_TOE}"' in wrong.stderr

    resumed = cli("simulate", "--resume", "--speed", FAST)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith("resuming Big-toe strength at step 7 of 16 (3 of 8 sets")
    assert len(_sets(resumed.stdout)) == BIG_TOE_SETS - 3
    [doc] = json.loads(cli("history", "--json").stdout)
    assert [s["side"] for s in doc["steps"]] == ["left", "right"] * 4
    assert not (data_dir / JOURNAL_FILE).exists()

    nothing = cli("simulate", "--resume")
    assert nothing.returncode == 1
    assert nothing.stderr == "ankledesk: there is no cut-short workout to resume\n"


def test_abandon_leftover_keeps_it_and_starts_afresh(cli) -> None:
    assert cli("simulate", BIG_TOE, "--speed", FAST, "--stop-after-steps", "2").returncode == 3
    run = cli("simulate", BIG_TOE, "--speed", FAST, "--abandon-leftover")
    assert run.returncode == 0, run.stderr
    assert "as abandoned (2 sets)" in run.stdout
    docs = json.loads(cli("history", "--json").stdout)
    assert [(d["status"], len(d["steps"])) for d in docs] == [
        ("abandoned", 2), ("finished", BIG_TOE_SETS)]


def test_bad_arguments_are_one_line(cli) -> None:
    for args, needle in [
        (("simulate", "no-such-routine"), 'no routine with id "no-such-routine"'),
        (("simulate",), "name the routine"),
    ]:
        run = cli(*args)
        assert run.returncode != 0
        assert len(run.stderr.splitlines()) == 1 and needle in run.stderr
        assert "Traceback" not in run.stderr
    for bad in ("0", "-3", "fast"):
        run = cli("simulate", BIG_TOE, "--speed", bad)
        assert run.returncode == 2 and "Traceback" not in run.stderr


def test_a_second_writer_is_refused_and_writes_nothing(cli, data_dir: Path) -> None:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    first = subprocess.Popen(
        [sys.executable, "-m", "ankledesk", "simulate", CIRCUIT, "--speed", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert first.stdout.readline().startswith("started ")
        files = {p.name: p.read_bytes() for p in data_dir.iterdir()}
        second = cli("simulate", BIG_TOE, "--speed", FAST)
        assert second.returncode == 1
        assert second.stderr == (f"ankledesk: AnkleDesk is already running on {data_dir} "
                                 f"(pid {first.pid}); close it first, or use another folder "
                                 "(--data-dir)\n")
        assert second.stdout == ""
        assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == files
        # Reading needs no lock: the running workout shows as in progress.
        [doc] = json.loads(cli("history", "--json").stdout)
        assert doc["status"] == "in_progress" and doc["routine_id"] == CIRCUIT
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=30)
    assert first.returncode == 130


def test_a_stale_lock_is_taken_over(cli, data_dir: Path) -> None:
    (data_dir / LOCK_FILE).write_text(f"{dead_pid()}\n")
    run = cli("simulate", BIG_TOE, "--speed", FAST)
    assert run.returncode == 0, run.stderr
    assert year_file(data_dir, dt.date.today().year).exists()
