"""Splitting history.json into one file per year (issue 12, point 9): real subprocesses killed
with a real SIGKILL right after each durable step of the split, and at random moments; after
each, a reader sees every session exactly once, and the next writer finishes the split with
every session, every measurement and the bad session's bytes kept."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import HISTORY_FILE, year_file
from ankledesk.store.merging import derived_id
from ankledesk.store.session_store import SessionStore
from ankledesk.store.storage import PAUSE_ENV
from tests.conftest import ROOT
from tests.store.hostile import file_text, good_sessions, kept_anywhere

YEARS = (2024, 2025, 2026)
MEASURED = [
    {"id": f"m{n}", "kind": "knee-to-wall", "taken_at": f"{year}-03-04T07:30:00+01:00",
     "left": 9.0 + n, "right": 10.0, "session_id": None}
    for n, year in enumerate(YEARS)
]
RANDOM_KILLS = 6
SEED = 20261121


def _legacy(folder: Path) -> tuple[list[dict], str]:
    """A history.json of three years: 4 good sessions a year, two different sessions under
    one id, one session with `rpe: 11`, and a measurement a year. Returns the sessions that
    must come out (the second of the two under one id with an id of its own, issue 20 point 4)
    and the bad session's text."""
    docs = []
    for year in YEARS:
        docs += [{**d, "id": f"{year}-{d['id']}"}
                 for d in good_sessions(4, start=dt.date(year, 5, 1))]
    twin = {**docs[1], "notes": "the same id, another session"}
    bad = json.dumps({**docs[-1], "id": "bad", "rpe": 11})
    rows = [(str(n + 1), json.dumps(d)) for n, d in enumerate([*docs, twin])]
    rows.append((str(len(rows) + 1), bad))
    text = file_text(rows)
    tables = json.loads(text)
    tables["measurements"] = {str(n + 1): m for n, m in enumerate(MEASURED)}
    (folder / HISTORY_FILE).write_text(json.dumps(tables), encoding="utf-8")
    return [*docs, {**twin, "id": derived_id(twin)}], bad


def _env(folder: Path, pause: str | None) -> dict[str, str]:
    env = {**os.environ, paths.DATA_DIR_ENV: str(folder)}
    env.pop(PAUSE_ENV, None)
    if pause is not None:
        env[PAUSE_ENV] = pause
    return env


WRITER = ["measure", "big-toe-hold", "--left", "30"]


def _writer(folder: Path, pause: str | None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "ankledesk", *WRITER],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(folder, pause), cwd=ROOT)


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ankledesk", *args], capture_output=True,
                          text=True, env=_env(folder, None), cwd=ROOT, timeout=60)


def _canonical(docs: list[dict]) -> list[str]:
    return sorted(json.dumps(d, sort_keys=True) for d in docs)


def _checkpoints(template: Path, tmp_path: Path) -> list[str]:
    """The durable steps of one whole split, as the writer reports them."""
    folder = tmp_path / "count"
    shutil.copytree(template, folder)
    proc = _writer(folder, "0")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return [line for line in err.splitlines() if line.startswith("checkpoint: ")]


def _untimed(step: str) -> str:
    """A checkpoint without the time stamp in a set-aside file's name."""
    return re.sub(r"-\d{8}T\d{6}(-\d+)?", "", step)


def _check(folder: Path, expected: list[dict], bad: str) -> None:
    """What a reader sees, what the next writer leaves."""
    seen = _cli(folder, "history", "--json")
    assert seen.returncode == 0, seen.stderr
    assert _canonical(json.loads(seen.stdout)) == _canonical(expected)  # each exactly once
    done = _cli(folder, *WRITER)  # finishes the split if it was cut short
    assert done.returncode == 0, done.stderr
    seen = _cli(folder, "history", "--json")
    assert _canonical(json.loads(seen.stdout)) == _canonical(expected)
    assert seen.stderr == ""  # the history is whole again: nothing more to say
    assert not (folder / HISTORY_FILE).exists()
    assert len(list(folder.glob("history.split-*.json"))) == 1
    assert kept_anywhere(folder, bad)  # the bad session's bytes, exactly
    measured = json.loads(_cli(folder, "history", "measures", "--json").stdout)
    originals = [m for m in measured if m["id"] in {x["id"] for x in MEASURED}]
    assert sorted(originals, key=lambda m: m["id"]) == MEASURED
    with SessionStore.open(folder, read_only=True) as store:
        for year in YEARS:  # each session in the file of its year
            years = {d["started_at"][:4] for d in store.sessions(years=[year])}
            assert years == {str(year)}


def test_a_split_killed_after_any_durable_step_ends_with_every_session_once(
        tmp_path: Path) -> None:
    template = tmp_path / "template"
    template.mkdir()
    expected, bad = _legacy(template)
    steps = _checkpoints(template, tmp_path)
    # The quarantine copy, history.json rewritten without the bad session, three years and
    # their digests, the measurements, the rename; then the measurement of the command itself.
    assert [s for s in steps if "renamed" in s] == ["checkpoint: renamed"]
    assert {f"checkpoint: wrote {year}.json" for year in YEARS} <= set(steps)
    for n in range(len(steps)):
        folder = tmp_path / f"kill-{n}"
        shutil.copytree(template, folder)
        proc = _writer(folder, str(n + 1))  # waits after the (n+1)-th step
        assert proc.stderr is not None
        seen = 0
        while seen <= n:
            line = proc.stderr.readline()
            assert line, f"the writer ended before step {n + 1}"
            seen += line.startswith("checkpoint: ")
        assert _untimed(line.strip()) == _untimed(steps[n])
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        _check(folder, expected, bad)


def test_a_split_killed_at_random_moments_ends_with_every_session_once(tmp_path: Path) -> None:
    template = tmp_path / "template"
    template.mkdir()
    expected, bad = _legacy(template)
    rng = random.Random(SEED)
    for n in range(RANDOM_KILLS):
        folder = tmp_path / f"random-{n}"
        shutil.copytree(template, folder)
        proc = _writer(folder, None)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        _check(folder, expected, bad)


def test_a_reader_never_splits_and_sees_each_session_once(tmp_path: Path) -> None:
    folder = tmp_path / "viewer"
    folder.mkdir()
    expected, _ = _legacy(folder)
    before = (folder / HISTORY_FILE).read_bytes()
    seen = _cli(folder, "history", "--json")
    assert _canonical(json.loads(seen.stdout)) == _canonical(expected)
    assert "could not be read" in seen.stderr  # the rpe 11 session, named
    assert (folder / HISTORY_FILE).read_bytes() == before
    assert not year_file(folder, 2026).exists()


def test_the_year_files_keep_the_permissions_given_to_history_json(data_dir: Path) -> None:
    """A history made readable to a group (a sync tool, a coach's account) stays so."""
    _legacy(data_dir)
    os.chmod(data_dir / HISTORY_FILE, 0o640)
    with SessionStore.open(data_dir) as store:
        [notice] = [n for n in store.notices if "was split" in n]
    assert "(13 sessions of 2024–2026)" in notice  # 12, and the twin; the bad one is kept aside
    for year in YEARS:
        assert os.stat(year_file(data_dir, year)).st_mode & 0o777 == 0o640
    # A new year later takes them too (from the latest year's file).
    os.chmod(year_file(data_dir, 2026), 0o644)
    with SessionStore.open(data_dir) as store:
        assert store.history.year(2031, create=True) is not None
    assert os.stat(year_file(data_dir, 2031)).st_mode & 0o777 == 0o644
