"""Digests never hang, crash or lie (issue 20, point 6), tried as a user meets them: real year
files and digests on disk, real `ankledesk` processes, each with a bounded timeout (a command
that hangs on a FIFO fails its test instead of hanging the suite).

- A FIFO (or a folder) where a digest should be is never read: the commands answer from the
  year file, and the next workout moves it aside and writes the digest again.
- A digest damaged under a stamp that still matches, a digest whose sessions were edited
  (forged), and an old digest beside an edited year file are all rebuilt from the year file.
- A session filed in the wrong year file (`0000.json`, or a 2025 session in 2026.json) is
  counted in its own year by every command alike, and the next write moves it to its file.
- Names in history/ the store does not know get one notice each and are left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ankledesk.store.digest import digest_path, outline, write_digest
from ankledesk.store.history import History, year_file
from ankledesk.store.storage import PAUSE_ENV
from tests.store import strategies

TIMEOUT = 60
WEEK = "2026-W10"  # the last of 107 weeks in a row, from 2024 into 2026
STREAK = 107


def _session(day: dt.date, n: int) -> dict:
    doc = strategies.session_at(f"{day}T07:00:00+01:00", steps=[
        strategies.step(0, "big-toe-raise-hold", seconds=20.0 + n % 7),
        strategies.step(1, "calf-raise", mode="reps", reps=10)])
    return {**doc, "id": f"{day}-{n}", "ended_at": f"{day}T07:30:00+01:00"}


def _streak_history(folder: Path) -> list[dict]:
    """Two sessions a week (the weekly target) for 107 weeks through WEEK, each year's file
    and digest written as a finish writes them."""
    last = dt.date(2026, 3, 2)  # Monday of 2026-W10
    docs = []
    for week in range(STREAK):
        monday = last - dt.timedelta(days=7 * week)
        docs += [_session(monday, 2 * week), _session(monday + dt.timedelta(days=2),
                                                      2 * week + 1)]
    history = History(folder, writable=True)
    for year in sorted({int(d["started_at"][:4]) for d in docs}):
        found = history.year(year, create=True)
        assert found is not None
        found.insert_all([d for d in docs if int(d["started_at"][:4]) == year])
        history.record_digest(year)
    return docs


def _summary(cli, week: str = WEEK) -> dict:
    run = cli("history", "summary", "--week", week, "--json", timeout=TIMEOUT)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return json.loads(run.stdout)


def _export(cli, tmp_path: Path, week: str = WEEK):
    out = tmp_path / "log.pdf"
    run = cli("export", "pdf", "--week", week, "-o", str(out), timeout=TIMEOUT)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    return run


def _finish(cli) -> None:
    """The next write: a workout done now."""
    run = cli("simulate", "big-toe-strength", "--speed", "20000", timeout=TIMEOUT)
    assert run.returncode == 0, run.stderr


def _digest(folder: Path, year: int) -> Path:
    return digest_path(year_file(folder, year))


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_a_fifo_or_a_folder_for_a_digest_is_never_read(cli, data_dir: Path, tmp_path: Path,
                                                       make) -> None:
    _streak_history(data_dir)
    path = _digest(data_dir, 2025)
    path.unlink()
    make(path)
    found = _summary(cli)  # a FIFO read would block here until the timeout
    assert found["streak_weeks"] == STREAK
    export = _export(cli, tmp_path)
    assert f"warning: {path}" in export.stderr  # said, and left as it is by a reader
    assert not path.is_file()
    _finish(cli)  # a writer moves it aside (never deletes it) and makes the digest again
    assert json.loads(path.read_bytes())["sessions"]
    assert len(list(path.parent.glob("2025.digest.corrupt-*.json"))) == 1
    assert _summary(cli)["streak_weeks"] == STREAK


def test_the_window_opens_beside_a_fifo_digest(cli, data_dir: Path) -> None:
    """Today reads the other years' digests as it first paints: the window paints, and (it
    writes) moves the FIFO aside and makes the digest again."""
    _streak_history(data_dir)
    path = _digest(data_dir, 2025)
    path.unlink()
    os.mkfifo(path)
    run = cli("--exit-after-paint", timeout=90)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "painted"
    assert json.loads(path.read_bytes())["sessions"]
    assert len(list(path.parent.glob("2025.digest.corrupt-*.json"))) == 1


def _tamper(path: Path, change) -> None:
    """Edit a digest's sessions, keeping its stamp and the fields around it as they were."""
    found = json.loads(path.read_bytes())
    found["sessions"] = change(found["sessions"])
    path.write_text(json.dumps(found))


DAMAGES = [  # each crashes or misleads the commands when believed
    lambda sessions: [{**s, "status": "weird"} for s in sessions],
    lambda sessions: [{**s, "started_at": s["started_at"][:19]} for s in sessions],  # naive
    lambda sessions: [{**s, "started_at": "yesterday"} for s in sessions],
]
DAMAGE_IDS = ["status", "no-offset", "not-a-time"]


@pytest.mark.parametrize("damage", DAMAGES, ids=DAMAGE_IDS)
def test_a_damaged_digest_under_a_matching_stamp_is_rebuilt(cli, data_dir: Path,
                                                             tmp_path: Path, damage) -> None:
    _streak_history(data_dir)
    _tamper(_digest(data_dir, 2025), damage)
    assert _summary(cli)["streak_weeks"] == STREAK
    _export(cli, tmp_path)


@pytest.mark.parametrize("damage", DAMAGES[:2], ids=DAMAGE_IDS[:2])
def test_bad_outlines_under_a_matching_stamp_and_check_are_rebuilt(
        cli, data_dir: Path, tmp_path: Path, damage) -> None:
    """Outlines that are not what `outline` makes (an AnkleDesk with a bug wrote them), in a
    digest whose stamp and check both hold: each is checked, and the year file read."""
    docs = _streak_history(data_dir)
    path = year_file(data_dir, 2025)
    write_digest(path, damage([outline(d) for d in docs if d["started_at"][:4] == "2025"]))
    assert _summary(cli)["streak_weeks"] == STREAK
    _export(cli, tmp_path)


def test_a_forged_digest_is_not_believed(cli, data_dir: Path, tmp_path: Path) -> None:
    """Sessions taken out of a digest whose stamp still matches: the streak is the truth."""
    _streak_history(data_dir)
    _tamper(_digest(data_dir, 2025), lambda sessions: sessions[:3])
    assert _summary(cli)["streak_weeks"] == STREAK


def test_an_edited_year_file_is_never_trusted_to_its_old_digest(cli, data_dir: Path) -> None:
    """An edit that keeps the year file's size, inode and modification time (an editor that
    writes in place and sets the time back, a copy with `cp -p`): the digest made before it
    is not believed."""
    _streak_history(data_dir)
    path = year_file(data_dir, 2025)
    before = path.stat()
    raw = path.read_bytes()
    # June's sessions moved to January: the same length, and June's weeks are empty now.
    edited = raw.replace(b'"started_at":"2025-06-', b'"started_at":"2025-01-')
    assert edited != raw and len(edited) == len(raw)
    with path.open("r+b") as fh:  # in place: the same inode
        fh.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino, before.st_size, before.st_mtime_ns)
    assert _summary(cli)["streak_weeks"] < 52  # since the empty June


# -- misfiled sessions ----------------------------------------------------------------------

MISFILED_WEEK = "2025-W30"
MISFILED_DAY = dt.date(2025, 7, 23)  # a Wednesday of 2025-W30


def _misfiled(folder: Path, into: int) -> dict:
    """A history of two years with one 2025 session filed in `into`'s file instead."""
    history = History(folder, writable=True)
    for day in (dt.date(2025, 3, 5), dt.date(2026, 1, 14)):
        history.add(_session(day, 0))
    stray = _session(MISFILED_DAY, 1)
    found = history.year(into, create=True)
    assert found is not None
    found.insert_all([stray])  # by hand, as if moved there
    history.record_digest(into)
    return stray


def _week_ids(cli) -> list[str]:
    run = cli("history", "--week", MISFILED_WEEK, "--json", timeout=TIMEOUT)
    assert run.returncode == 0, run.stderr
    return [d["id"] for d in json.loads(run.stdout)]


def _ids_in(path: Path) -> list[str]:
    return [d["id"] for d in json.loads(path.read_bytes())["sessions"].values()]


@pytest.mark.parametrize("into", [0, 2026], ids=["0000.json", "2026.json"])
def test_a_misfiled_session_counts_alike_everywhere_and_moves_on_the_next_write(
        cli, data_dir: Path, tmp_path: Path, into: int) -> None:
    stray = _misfiled(data_dir, into)
    wrong = year_file(data_dir, into)
    for _ in range(2):  # before the next write, and after it
        assert _week_ids(cli) == [stray["id"]]
        summary = _summary(cli, MISFILED_WEEK)
        assert summary["sessions"] == 1 and summary["finished"] == 1
        assert summary["active_seconds"] > 0  # from the full document, not an outline
        _export(cli, tmp_path, MISFILED_WEEK)
        everything = cli("history", "--json", timeout=TIMEOUT)
        assert [d["id"] for d in json.loads(everything.stdout)].count(stray["id"]) == 1
        _finish(cli)
        assert stray["id"] not in _ids_in(wrong)
        assert _ids_in(year_file(data_dir, 2025)).count(stray["id"]) == 1
    moved = json.loads(year_file(data_dir, 2025).read_bytes())["sessions"]
    assert [d for d in moved.values() if d["id"] == stray["id"]] == [stray]  # as it was


def test_a_misfiled_session_edited_before_it_moves_is_kept_once(data_dir: Path) -> None:
    """An edit is a write: the session moves to its year's file with the edit, once."""
    from ankledesk.store.edits import edit_session
    from ankledesk.store.session_store import SessionStore

    stray = _misfiled(data_dir, 2026)
    with SessionStore.open(data_dir) as store:
        edit_session(store, stray["id"], rpe=6, pain=False, notes="moved")
    assert stray["id"] not in _ids_in(year_file(data_dir, 2026))
    kept = [d for d in json.loads(year_file(data_dir, 2025).read_bytes())["sessions"].values()
            if d["id"] == stray["id"]]
    assert [(d["rpe"], d["notes"]) for d in kept] == [(6, "moved")]


# -- names the store does not know ----------------------------------------------------------

def test_names_the_store_does_not_know_are_each_said_and_left_alone(cli, data_dir: Path) -> None:
    _misfiled(data_dir, 2025)
    folder = data_dir / "history"
    strays = {"99999.json": b'{"hello": 1}', "abcd.json": b"not even json"}
    for name, data in strays.items():
        (folder / name).write_bytes(data)
    for args in (["history"], ["history", "summary", "--week", MISFILED_WEEK]):
        run = cli(*args, timeout=TIMEOUT)
        assert run.returncode == 0, run.stderr
        for name in strays:
            lines = [line for line in run.stderr.splitlines() if name in line]
            assert lines == [f"warning: {folder / name}: not a year file (a year file is "
                             "named like 2026.json), left as it is"], run.stderr
    _finish(cli)
    assert {name: (folder / name).read_bytes() for name in strays} == strays


OURS_IN_HISTORY = [  # what the store itself leaves in history/, with every tool it meets
    ".ankledesk-history.lock",
    ".2026.json.4242.abcd1234.tmp", ".2026.digest.json.4242.abcd1234.tmp",
    "2026.sync-conflict-20261207-101112-ABCDEFG.json",
    "2026 (conflicted copy 2026-12-07 101112).json",
    "2026 (Laptop's conflicted copy 2026-12-07).json",
    "2026_conflict-20261207-101112.json",
    "2026.sync-conflict-20261207-101112-ABCDEFG.merged-20261207T101500.json",
    "2026_conflict-20261207-101112.merged-20261207T101500.json",
    "2026_conflict-20261207-101112.corrupt-20261207T101500.json",
    "2026.duplicate-ids-20261207T101112.json", "2026.duplicate-keys-20261207T101112.json",
    "2026.corrupt-20261207T101112.json", "2026.quarantine-20261207T101112-1.json",
    "2026.digest.json", "2026.digest.corrupt-20261207T101112.json",
    "measurements.json", "measurements.corrupt-20261207T101112.json",
]


def test_the_stores_own_names_are_never_called_unknown(data_dir: Path) -> None:
    """The folder's lock, our temp files, sync tools' conflicted copies and everything set
    aside (merged, corrupt, quarantined, duplicate ids) say nothing as the folder is listed."""
    folder = data_dir / "history"
    folder.mkdir()
    for name in OURS_IN_HISTORY:
        (folder / name).write_bytes(b"{}")
    for writable in (False, True):
        history = History(data_dir, writable=writable)
        assert history.years() == [2026]  # the conflicted copies' year
        assert [n for n in history.notices if "not a year file" in n] == []


def _shared_pair(tmp_path: Path) -> list[Path]:
    """Two data folders whose history/ is one folder (see test_shared_history)."""
    synced = tmp_path / "synced"
    synced.mkdir()
    folders = [tmp_path / "laptop", tmp_path / "desktop"]
    for folder in folders:
        folder.mkdir()
        (folder / "history").symlink_to(synced, target_is_directory=True)
    return folders


def test_a_move_in_a_shared_history_keeps_what_the_other_writer_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other data folder stores a session in the misfiled session's year after this one
    read that file: the move re-reads it first and writes under the folder's lock."""
    from ankledesk.store.history import YearFile

    laptop, desktop = _shared_pair(tmp_path)
    stray = _misfiled(laptop, 2026)
    here = History(laptop, writable=True)
    assert [d["id"] for d in here.sessions()].count(stray["id"]) == 1  # every file read
    there = History(desktop, writable=True)  # an AnkleDesk that does not refile, say
    theirs = _session(dt.date(2025, 9, 10), 2)
    with there.writing(year_file(desktop, 2025)):
        found = there.year(2025)
        assert found is not None
        found.add(theirs)

    held: list[str] = []

    def under_lock(name: str):
        real = getattr(YearFile, name)

        def locked(self: YearFile, docs: list) -> None:
            assert any(lock.held for lock in here._locks.values()), name
            held.append(name)
            real(self, docs)
        return locked

    for name in ("insert_all", "remove_sessions"):
        monkeypatch.setattr(YearFile, name, under_lock(name))
    here.add(_session(dt.date(2026, 2, 4), 3))
    assert held == ["insert_all", "remove_sessions"]
    ids_2025 = _ids_in(year_file(laptop, 2025))
    assert theirs["id"] in ids_2025 and ids_2025.count(stray["id"]) == 1
    assert stray["id"] not in _ids_in(year_file(laptop, 2026))
    assert any("it was moved to" in n for n in here.notices)


def test_a_move_killed_between_its_two_writes_loses_nothing(cli, data_dir: Path,
                                                            tmp_path: Path) -> None:
    """SIGKILL right after the misfiled session reached its year's file, before it left the
    wrong one: it is in both, shown once, and the next write finishes the move; the workout
    whose finish was cut short resumes."""
    stray = _misfiled(data_dir, 2026)
    template = tmp_path / "template"
    shutil.copytree(data_dir, template)
    args = [sys.executable, "-m", "ankledesk", "simulate", "big-toe-strength", "--speed",
            "20000"]
    env = {**os.environ, PAUSE_ENV: "0"}
    counted = subprocess.run(args, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    steps = [line for line in counted.stderr.splitlines() if line.startswith("checkpoint: ")]
    at = steps.index("checkpoint: wrote 2025.json") + 1
    assert steps[at:].index("checkpoint: wrote 2026.json") >= 0  # then the source
    shutil.rmtree(data_dir)
    shutil.copytree(template, data_dir)
    proc = subprocess.Popen(args, env={**env, PAUSE_ENV: str(at)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        passed = 0
        while passed < at:
            line = proc.stderr.readline()
            assert line, "the writer ended before the chosen step"
            passed += line.startswith("checkpoint: ")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=TIMEOUT)
    assert stray["id"] in _ids_in(year_file(data_dir, 2025))
    assert stray["id"] in _ids_in(year_file(data_dir, 2026))
    assert _week_ids(cli) == [stray["id"]]
    assert _summary(cli, MISFILED_WEEK)["sessions"] == 1
    resumed = cli("simulate", "--resume", "--speed", "20000", timeout=TIMEOUT)
    assert resumed.returncode == 0, resumed.stderr
    assert stray["id"] not in _ids_in(year_file(data_dir, 2026))
    assert _ids_in(year_file(data_dir, 2025)).count(stray["id"]) == 1
    everything = json.loads(cli("history", "--json", timeout=TIMEOUT).stdout)
    assert len(everything) == 4  # 2025, 2026, the stray and the workout resumed
