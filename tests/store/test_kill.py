"""Real crashes: `ankledesk simulate` killed with SIGKILL at random moments, then resumed.

A real subprocess and a real SIGKILL, so nothing in our process can tidy up: whatever the kill
interrupts (a journal write, the move into history, the lock) must leave files that parse, hold
every set the process had reported finished, and resume at the set after the last one stored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ankledesk import paths
from ankledesk.commands.simulate import step_line
from ankledesk.core.plan import expand
from ankledesk.library import open_library
from ankledesk.store.history import year_file
from ankledesk.store.journal import JOURNAL_FILE, RESUME_KEY
from ankledesk.store.session_store import SessionStore
from tests.conftest import ROOT, run_cli

ROUTINE = "runners-chassis-circuit"
SPEED = "2000"  # the 25-minute circuit in under a second
RESUME_SPEED = "20000"
KILLS = 32
MAX_ATTEMPTS = 100
SEED = 20261118


def _simulate(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "ankledesk", "simulate", ROUTINE, "--speed", SPEED],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _year(data_dir: Path) -> Path:
    """The year file the workouts of this test go to (they start now)."""
    return year_file(data_dir, dt.date.today().year)


def _files_parse(data_dir: Path) -> dict | None:
    """Both files are whole JSON (the year file once there is one); returns the journal's
    session, if there is a journal."""
    if _year(data_dir).exists():  # created when the first session is stored
        json.loads(_year(data_dir).read_text(encoding="utf-8"))
    journal = data_dir / JOURNAL_FILE
    if not journal.exists():
        return None
    sessions = json.loads(journal.read_text(encoding="utf-8"))["sessions"]
    return next(iter(sessions.values()), None)


def test_sigkill_at_random_moments_loses_nothing_and_resumes(data_dir: Path) -> None:
    rng = random.Random(SEED)
    routine = open_library(data_dir).routine(ROUTINE)
    work = [s.index for s in expand(routine).work_steps]
    rounds = routine.rounds
    known: dict[str, list[dict]] = {}  # every session stored so far, by id: never lost
    kills = resumed = attempts = 0
    printed_counts: list[int] = []  # sets reported before each kill, shown with -s
    latest = 1.0  # seconds; shrinks whenever a run was over before its kill came

    while kills < KILLS and attempts < MAX_ATTEMPTS:
        attempts += 1
        proc = _simulate(data_dir)
        time.sleep(rng.uniform(0.02, latest))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        if proc.returncode == -signal.SIGKILL:
            kills += 1
        else:
            assert proc.returncode == 0, _err
            latest *= 0.8
        printed = [line for line in out.splitlines() if line.startswith("round ")]

        # 1. Both files parse, and the store opens them without moving anything aside.
        if not _year(data_dir).exists() and not (data_dir / JOURNAL_FILE).exists():
            assert not printed, "sets were reported but neither a history nor a journal exists"
            continue
        leftover = _files_parse(data_dir)
        with SessionStore.open(data_dir, read_only=True) as store:
            assert store.notices == []
            stored = {s["id"]: s for s in store.history.sessions()}

        # 2. Nothing stored before is lost or changed.
        for sid, steps in known.items():
            assert stored[sid]["steps"] == steps

        # 3. Every set printed as finished is stored, in order (journal or history).
        new = [s for sid, s in stored.items() if sid not in known]
        assert len(new) <= 1
        if leftover is not None and leftover["id"] in stored:
            leftover = None  # killed between the history write and the journal removal
        if new and leftover is None:
            session = new[0]
            assert session["status"] == "finished"
            assert [s["index"] for s in session["steps"]] == work
        elif leftover is not None:
            session = leftover
        else:
            assert not printed  # killed before the session's journal existed
            continue
        printed_counts.append(len(printed))
        lines = [step_line(s, rounds) for s in session["steps"]]
        assert lines[:len(printed)] == printed
        known.update({s["id"]: s["steps"] for s in new})

        # 4. --resume continues at the set after the last stored one and finishes.
        if leftover is None:
            continue
        done_before = leftover["steps"]
        expected_start = done_before[-1]["index"] + 1 if done_before else 0
        assert leftover[RESUME_KEY] == expected_start
        result = run_cli("simulate", "--resume", "--speed", RESUME_SPEED, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        again = [line for line in result.stdout.splitlines() if line.startswith("round ")]
        assert len(again) == len([i for i in work if i >= expected_start])
        assert not (data_dir / JOURNAL_FILE).exists()
        with SessionStore.open(data_dir, read_only=True) as store:
            finished = {s["id"]: s for s in store.history.sessions()}[leftover["id"]]
        assert finished["status"] == "finished"
        assert [s["index"] for s in finished["steps"]] == work
        assert finished["steps"][:len(done_before)] == done_before
        known[leftover["id"]] = finished["steps"]
        resumed += 1

    print(f"{kills} kills in {attempts} runs, {resumed} resumed; sets printed before each "
          f"kill: {sorted(printed_counts)}")
    assert kills == KILLS
    assert resumed > 0
