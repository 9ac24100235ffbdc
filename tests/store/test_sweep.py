"""Nothing is left behind: the temp file of an atomic write cut short by a real SIGKILL (a
digest write, the split, `simulate`) is swept by the next writer to open the data folder, and
nothing that is not ours, or that another AnkleDesk is still writing, is ever touched.

The kills land exactly between a temp file's fsync and its rename: the writer is started with
ANKLEDESK_PAUSE_BEFORE_RENAME=K, says `temp written: <file>` for each write and waits at the
K-th, and every K of a whole run is tried in turn.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ankledesk import paths
from ankledesk.store.history import HISTORY_DIR, HISTORY_FILE
from ankledesk.store.session_store import SessionStore
from ankledesk.store.storage import PAUSE_BEFORE_RENAME_ENV, PAUSE_ENV
from tests.conftest import ROOT
from tests.store.helpers import dead_pid
from tests.store.hostile import file_text, good_sessions

ROUTINE = """\
id = "one-set"
name = "One set"
rounds = 1
rest_between_rounds = 0
rest_between_drills = 0
prepare = 3
side_switch = 2

[[items]]
drill = "ankle-squat"
reps = 4
"""
SIMULATE = ["simulate", "one-set", "--speed", "5000", "--abandon-leftover"]
SPLITTER = ["measure", "big-toe-hold", "--left", "30"]  # a writer: it splits history.json
YEAR = dt.date.today().year


def _env(data_dir: Path, pause: int | None) -> dict[str, str]:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    env.pop(PAUSE_ENV, None)
    env.pop(PAUSE_BEFORE_RENAME_ENV, None)
    if pause is not None:
        env[PAUSE_BEFORE_RENAME_ENV] = str(pause)
    return env


def _start(data_dir: Path, args: list[str], pause: int | None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "ankledesk", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(data_dir, pause), cwd=ROOT)


def _run(data_dir: Path, args: list[str], pause: int | None = None) -> str:
    """The command to its end; its stderr."""
    proc = _start(data_dir, args, pause)
    out, err = proc.communicate("", timeout=60)
    assert proc.returncode == 0, f"{args}: {out}\n{err}"
    return err


def _writes(err: str) -> list[str]:
    return [line.removeprefix("temp written: ") for line in err.splitlines()
            if line.startswith("temp written: ")]


def _paused_at(data_dir: Path, args: list[str], k: int) -> subprocess.Popen[str]:
    """The command, stopped with the temp file of its k-th write on disk, not renamed."""
    proc = _start(data_dir, args, k)
    assert proc.stderr is not None
    seen = 0
    while seen < k:
        line = proc.stderr.readline()
        assert line, f"{args} ended before its write {k}"
        seen += line.startswith("temp written: ")
    return proc


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaped: its pid is gone
    assert proc.returncode == -signal.SIGKILL


def _temps(data_dir: Path, planted: dict[Path, bytes] | None = None) -> list[Path]:
    """Every file under the data folder named like a temp file, but those planted."""
    return sorted(p for p in data_dir.rglob(".*.tmp")
                  if p.is_file() and not p.is_symlink() and p not in (planted or {}))


def _plant_foreign(data_dir: Path, outside: Path) -> dict[Path, bytes]:
    """Files that are not ours (or not ours to remove), by path with their bytes."""
    history = data_dir / HISTORY_DIR
    routines = data_dir / "routines"
    history.mkdir(exist_ok=True)
    routines.mkdir(exist_ok=True)
    target = outside / "elsewhere.txt"
    target.write_bytes(b"someone else's file\n")
    planted = {
        history / "notes.tmp": b"my notes",
        history / f"{YEAR}.json.tmp": b"a copy I made",
        history / f".{YEAR}.json.part": b"an export's temp file",
        history / ".syncthing.abcdefgh.tmp": b"a sync tool's temp file",
        history / f".{YEAR}.json.sync.tmp": b"not named as ours",
        data_dir / f".settings.ini.{dead_pid()}.tmp": b"no random part: not ours",
        routines / "draft.toml.tmp": b"id = 'draft'",
        target: target.read_bytes(),
    }
    for path, data in planted.items():
        path.write_bytes(data)
    link = history / f".{YEAR}.json.{dead_pid()}.linkname.tmp"  # named as ours, but a link
    link.symlink_to(target)
    folder = routines / f".x.toml.{dead_pid()}.foldername.tmp"
    folder.mkdir()
    planted[link] = b"link"
    planted[folder] = b"folder"
    return planted


def _unchanged(planted: dict[Path, bytes]) -> None:
    for path, data in planted.items():
        if data == b"link":
            assert path.is_symlink(), path
        elif data == b"folder":
            assert path.is_dir(), path
        else:
            assert path.read_bytes() == data, path


@pytest.fixture
def one_set(data_dir: Path) -> Path:
    (data_dir / "routines").mkdir(exist_ok=True)
    (data_dir / "routines" / "one-set.toml").write_text(ROUTINE, encoding="utf-8")
    return data_dir


def test_a_simulate_killed_at_any_write_leaves_no_temp_file_after_the_next_start(
        one_set: Path, tmp_path: Path) -> None:
    data_dir = one_set
    planted = _plant_foreign(data_dir, tmp_path)
    _run(data_dir, SIMULATE)  # the year file made: every later run writes the same files
    writes = _writes(_run(data_dir, SIMULATE, pause=0))
    # The journal at the start and for the set, the year file, then its digest.
    assert {"journal.json", f"{YEAR}.json", f"{YEAR}.digest.json"} <= set(writes)
    for k, name in enumerate(writes, start=1):
        _kill(_paused_at(data_dir, SIMULATE, k))
        left = _temps(data_dir)
        assert [p.name for p in left if p.name.startswith(f".{name}.")], (k, name, left)
        _run(data_dir, SIMULATE)  # the next start: a writer
        assert _temps(data_dir, planted) == [], (k, name)
        _unchanged(planted)
    with SessionStore.open(data_dir, read_only=True) as store:
        assert store.sessions()  # the runs were stored all along


def test_a_split_killed_at_any_write_leaves_no_temp_file_after_the_next_start(
        data_dir: Path, tmp_path: Path) -> None:
    template = tmp_path / "template"
    template.mkdir()
    docs = [*good_sessions(3, start=dt.date(YEAR - 1, 5, 1)),
            *good_sessions(3, start=dt.date(YEAR, 1, 5))]
    rows = [(str(n + 1), json.dumps({**d, "id": f"s{n}"})) for n, d in enumerate(docs)]
    (template / HISTORY_FILE).write_text(file_text(rows), encoding="utf-8")
    writes = _writes(_run(_copy(template, tmp_path / "count"), SPLITTER, pause=0))
    assert {f"{YEAR - 1}.json", f"{YEAR - 1}.digest.json", f"{YEAR}.json"} <= set(writes)
    for k, name in enumerate(writes, start=1):
        folder = _copy(template, tmp_path / f"kill-{k}")
        planted = _plant_foreign(folder, tmp_path / f"kill-{k}-outside")
        _kill(_paused_at(folder, SPLITTER, k))
        assert _temps(folder), (k, name)
        _run(folder, SPLITTER)  # the next writer finishes the split
        assert _temps(folder, planted) == [], (k, name)
        assert not (folder / HISTORY_FILE).exists()
        _unchanged(planted)


def _copy(template: Path, folder: Path) -> Path:
    shutil.copytree(template, folder)
    (folder.parent / f"{folder.name}-outside").mkdir()
    return folder


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The pid of a real process that stays alive until the test is over."""
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                            stdin=subprocess.PIPE)
    yield proc.pid
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


def test_the_next_writer_sweeps_only_what_no_process_is_writing(data_dir: Path,
                                                               live_pid: int) -> None:
    history, routines = data_dir / HISTORY_DIR, data_dir / "routines"
    cache, media = data_dir / "cache", data_dir / "media"
    for folder in (history, routines, cache, media):
        folder.mkdir()
    dead = dead_pid()
    stale = [
        history / f".{YEAR}.json.{dead}.abcdefgh.tmp",          # its writer is gone
        history / f".{YEAR}.digest.json.{dead}.abcdefgh.tmp",
        history / f".{YEAR}.json.qwertyui.tmp",                  # an older AnkleDesk's, old
        routines / f".mine.toml.{dead}.abcdefgh.tmp",
        cache / f".parsed-toml.json.{dead}.abcdefgh.tmp",
        media / f".user-clips.json.{live_pid}.abcdefgh.tmp",     # only the lock's holder
        data_dir / f".journal.json.{live_pid}.abcdefgh.tmp",     # writes these folders
        data_dir / ".journal.json.zxcvbnma.tmp",
    ]
    in_use = [
        history / f".{YEAR}.json.{live_pid}.abcdefgh.tmp",      # another data folder's writer
        routines / f".mine.toml.{live_pid}.abcdefgh.tmp",        # a `routines import`
        history / f".{YEAR}.json.asdfghjk.tmp",                  # an older AnkleDesk's, fresh
        data_dir / f".journal.json.{os.getpid()}.abcdefgh.tmp",  # this process's own
    ]
    for path in stale + in_use:
        path.write_bytes(b"half a file")
    hour_ago = time.time() - 3700
    os.utime(history / f".{YEAR}.json.qwertyui.tmp", (hour_ago, hour_ago))
    with SessionStore.open(data_dir, read_only=True):
        pass  # a reader changes nothing
    assert all(p.exists() for p in stale)
    with SessionStore.open(data_dir):
        pass
    assert [p for p in stale if p.exists()] == []
    assert all(p.read_bytes() == b"half a file" for p in in_use)


def test_a_shared_history_keeps_the_temp_file_another_data_folder_is_writing(
        one_set: Path, tmp_path: Path) -> None:
    """Two data folders, one history/ through a symlink: the second, opened while the first
    is between its temp file and its rename, leaves that temp file, and the first then
    stores its session. (A writer opening the second waits for the history folder's lock,
    which the first holds through its write: that wait is test_shared_history's.)"""
    first = one_set
    second = tmp_path / "second"
    second.mkdir()
    (first / HISTORY_DIR).mkdir()
    (second / HISTORY_DIR).symlink_to(first / HISTORY_DIR)
    writes = _writes(_run(first, ["simulate", "one-set", "--speed", "5000"], pause=0))
    k = writes.index(f"{YEAR}.json", len(writes) - 3) + 1  # the session going into its year
    proc = _paused_at(first, ["simulate", "one-set", "--speed", "5000"], k)
    try:
        (temp,) = [p for p in _temps(first) if p.name.startswith(f".{YEAR}.json.")]
        with SessionStore.open(second, read_only=True) as store:
            assert len(store.sessions()) == 1  # the first run's
        assert temp.exists()
        out, err = proc.communicate("\n", timeout=60)  # let it rename
    finally:
        if proc.poll() is None:
            _kill(proc)
    assert proc.returncode == 0, err
    assert "saved to the history" in out
    with SessionStore.open(second, read_only=True) as store:
        assert len(store.sessions()) == 2
    assert _temps(first) == []
