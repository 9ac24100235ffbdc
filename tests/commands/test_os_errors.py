"""Every OS error gets a sentence and advice, never `internal error: OSError` (issue 12,
point 7). The errors are real: a full tmpfs and a read-only remount in a private mount
namespace (`unshare`), folders the user may not write to (a user namespace in which we are an
ordinary user, so root's override does not apply), a data folder that is a file, a lock held
by a process that wrote no pid, SIGTERM and Ctrl-C sent to real processes."""

from __future__ import annotations

import fcntl
import json
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ankledesk.store.history import HISTORY_DIR, HISTORY_FILE
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE
from tests.conftest import ROOT
from tests.store.hostile import good_sessions, history_text

BIG_TOE = "big-toe-strength"
FAST = "20000"
PYTHON = shlex.quote(sys.executable)


def _cli_line(data_dir: str, *args: str) -> str:
    quoted = " ".join(shlex.quote(a) for a in args)
    return f"{PYTHON} -m ankledesk --data-dir {shlex.quote(data_dir)} {quoted}"


def _namespace(script: str, *unshare: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script in fresh namespaces; what it prints is the test's evidence."""
    return subprocess.run(["unshare", *unshare, "sh", "-c", script], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder outside pytest's 0700 tmp root, reachable from another user namespace."""
    folder = Path(tempfile.mkdtemp(prefix="ankledesk-oserr-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def _mount_point(shared_tmp: Path) -> tuple[Path, Path, str]:
    """(where the tmpfs goes, where the script leaves its evidence, the data folder)."""
    mount = shared_tmp / "mnt"
    evidence = shared_tmp / "evidence"
    mount.mkdir()
    evidence.mkdir()
    return mount, evidence, f"{mount}/data"


YEAR = f"{HISTORY_DIR}/2026.json"  # where good_sessions are filed


def test_a_full_disk_says_so_and_the_sets_are_safe_in_the_journal(shared_tmp: Path) -> None:
    mount, evidence, data = _mount_point(shared_tmp)
    big = history_text(good_sessions(100))  # about 130 kB: finishing rewrites all of it
    (shared_tmp / "history.json").write_text(big)
    script = f"""
        mount -t tmpfs -o size=512k tmpfs {mount}
        mkdir -p {data}/{HISTORY_DIR}
        cp {shared_tmp}/history.json {data}/{YEAR}
        head -c $((512*1024 - $(stat -c %s {data}/{YEAR}) - 40*1024)) /dev/zero \
            > {mount}/filler
        {_cli_line(data, "simulate", BIG_TOE, "--speed", FAST)} \
            > {evidence}/out1 2> {evidence}/err1; echo $? > {evidence}/rc1
        cp {data}/{JOURNAL_FILE} {evidence}/journal.json
        cmp {data}/{YEAR} {shared_tmp}/history.json && echo same > {evidence}/history
        rm {mount}/filler
        {_cli_line(data, "simulate", "--resume", "--speed", FAST)} \
            > {evidence}/out2 2> {evidence}/err2; echo $? > {evidence}/rc2
        {_cli_line(data, "history", "--json")} > {evidence}/history.json
    """
    run = _namespace(script, "-rm")
    assert run.returncode == 0, run.stderr
    err1 = (evidence / "err1").read_text()
    assert (evidence / "rc1").read_text().strip() == "1"
    assert err1 == (f"ankledesk: the disk is full (writing {data}/{YEAR}): free some "
                    f"space and try again; your finished sets are safe in "
                    f"{data}/{JOURNAL_FILE}\n")
    [cut_short] = json.loads((evidence / "journal.json").read_text())["sessions"].values()
    assert len(cut_short["steps"]) == 8  # every set is in the journal
    assert (evidence / "history").read_text() == "same\n"  # the year file untouched
    assert (evidence / "rc2").read_text().strip() == "0", (evidence / "err2").read_text()
    stored = json.loads((evidence / "history.json").read_text())
    [resumed] = [doc for doc in stored if doc["id"] == cut_short["id"]]
    assert len(stored) == 101 and len(resumed["steps"]) == 8


def test_a_read_only_file_system_says_so(shared_tmp: Path) -> None:
    mount, evidence, data = _mount_point(shared_tmp)
    script = f"""
        mount -t tmpfs tmpfs {mount}
        {_cli_line(data, "simulate", BIG_TOE, "--speed", FAST)} > /dev/null
        mount -o remount,ro {mount}
        {_cli_line(data, "simulate", BIG_TOE, "--speed", FAST)} \
            > {evidence}/out 2> {evidence}/err; echo $? > {evidence}/rc
        {_cli_line(data, "history")} > {evidence}/list 2> {evidence}/list-err
    """
    run = _namespace(script, "-rm")
    assert run.returncode == 0, run.stderr
    assert (evidence / "rc").read_text().strip() == "1"
    assert (evidence / "err").read_text() == (
        f"ankledesk: {data}/{LOCK_FILE} is on a read-only file system: remount it read-write, "
        "or use another folder (--data-dir); nothing already saved was changed\n")
    assert (evidence / "list").read_text().count("Big-toe strength  finished") == 1


def _as_ordinary_user(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as uid 1000 in a user namespace: no capability overrides file modes."""
    line = f"{PYTHON} -m ankledesk {' '.join(shlex.quote(a) for a in args)}"
    return _namespace(line, "-U", "--map-user=1000", "--map-group=1000")


def test_a_mode_555_folder_is_named_not_a_temp_file(shared_tmp: Path) -> None:
    data = shared_tmp / "data"
    data.mkdir()
    (data / HISTORY_FILE).write_text(history_text(good_sessions(2)))
    (data / LOCK_FILE).write_text("")
    data.chmod(0o555)
    before = (data / HISTORY_FILE).read_bytes()
    run = _as_ordinary_user("--data-dir", str(data), "simulate", BIG_TOE, "--speed", FAST)
    assert run.returncode == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"ankledesk: permission denied: cannot create files in the folder "
                           f"{data} (mode 555); it belongs to ")
    assert ".tmp" not in line and "Change its permissions (chmod, chown)" in line
    assert (data / HISTORY_FILE).read_bytes() == before


def test_a_folder_of_another_user_names_the_owner(shared_tmp: Path) -> None:
    if os.geteuid() == 0:
        theirs = shared_tmp / "theirs"
        theirs.mkdir()
        os.chown(theirs, 12345, 12345)  # outside the namespace's map: shown as nobody
        owner = "nobody"
    else:
        theirs, owner = Path("/var/lib"), "nobody"  # root's, seen from the namespace
    data = theirs / "data"
    run = _as_ordinary_user("--data-dir", str(data), "simulate", BIG_TOE, "--speed", FAST)
    assert run.returncode == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"ankledesk: permission denied: cannot create files in the folder "
                           f"{theirs} (mode 755); it belongs to {owner} and you are ")
    assert not data.exists()


@pytest.mark.parametrize("command", [("simulate", BIG_TOE, "--speed", FAST), ("history",)])
def test_a_data_folder_that_is_a_file(cli, tmp_path: Path, command: tuple[str, ...]) -> None:
    not_a_folder = tmp_path / "data-file"
    not_a_folder.write_bytes(b"my notes")
    run = cli("--data-dir", str(not_a_folder), *command)
    assert run.returncode == 1
    assert run.stderr == (f"ankledesk: the data folder {not_a_folder} is a file, not a folder: "
                          "move that file away or use another folder (--data-dir); nothing "
                          "already saved was changed\n")
    assert not_a_folder.read_bytes() == b"my notes"


def test_a_lock_held_without_a_pid_says_the_holder_is_unknown(cli, data_dir: Path) -> None:
    path = data_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held, but no pid written yet
        run = cli("simulate", BIG_TOE, "--speed", FAST)
    finally:
        os.close(fd)
    assert run.returncode == 1
    assert run.stderr == (f"ankledesk: AnkleDesk is already running on {data_dir} (holder "
                          "unknown: it has not written its pid yet, or the lock file was "
                          "emptied); close it first, or use another folder (--data-dir)\n")


def test_sigterm_says_one_line_and_leaves_the_session_resumable(cli, data_dir: Path) -> None:
    env = {**os.environ, "ANKLEDESK_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "ankledesk", "simulate", BIG_TOE,
                             "--speed", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)
    try:
        assert proc.stdout.readline().startswith("started ")
        assert proc.stdout.readline().startswith("round 1/")  # one set durably recorded
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 143
    assert err == ("ankledesk: stopped (SIGTERM); anything already recorded is kept, and a "
                   "workout cut short can be resumed\n")
    assert (data_dir / LOCK_FILE).read_text() == ""  # released on the way out
    run = cli("simulate", "--resume", "--speed", FAST)
    assert run.returncode == 0, run.stderr
    [doc] = json.loads(cli("history", "--json").stdout)
    assert doc["status"] == "finished" and len(doc["steps"]) == 8


def _startup_seconds() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.monotonic() - started


def test_ctrl_c_during_start_up_never_prints_a_traceback(data_dir: Path) -> None:
    """SIGINT at moments spread over the start-up (imports of TinyDB, reportlab, the
    commands): one line, exit 130, or the command finished first; never a traceback."""
    env = {**os.environ, "ANKLEDESK_DATA_DIR": str(data_dir)}
    bare = _startup_seconds()
    outcomes = []
    for n in range(8):
        proc = subprocess.Popen([sys.executable, "-m", "ankledesk", "history"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env, cwd=ROOT)
        time.sleep(bare * 2 + n * 0.04)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err
        # -SIGINT: it landed before Python itself was up (its default action: a silent exit).
        assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, err)
        if proc.returncode == -signal.SIGINT:
            assert err == ""
        if proc.returncode == 130:
            assert err.startswith("ankledesk: interrupted") and err.count("\n") == 1
        outcomes.append(proc.returncode)
    assert 130 in outcomes  # at least one landed during start-up
