"""One writer per data folder: a second holder is refused by pid, a dead one is taken over."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ankledesk.store import lock as lock_module
from ankledesk.store.lock import LOCK_FILE, AlreadyRunning, DataLock, pid_alive
from tests.conftest import ROOT
from tests.store.helpers import dead_pid


def test_the_lock_records_its_pid_and_empties_on_release(data_dir: Path) -> None:
    with DataLock(data_dir) as held:
        assert held.held
        assert (data_dir / LOCK_FILE).read_text().strip() == str(os.getpid())
    assert (data_dir / LOCK_FILE).read_text() == ""


def test_a_second_holder_is_told_who_runs(data_dir: Path) -> None:
    with DataLock(data_dir), pytest.raises(AlreadyRunning) as caught:
        DataLock(data_dir).acquire()
    assert str(caught.value) == (f"AnkleDesk is already running on {data_dir} "
                                 f"(pid {os.getpid()}); close it first, or use another folder "
                                 "(--data-dir)")
    assert caught.value.pid == os.getpid()


def test_a_lock_held_by_another_process_is_refused(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from ankledesk.store.lock import DataLock
            DataLock({str(data_dir)!r}).acquire()
            print("held", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning, match=rf"\(pid {holder.pid}\)"):
            DataLock(data_dir).acquire()
    finally:
        holder.communicate("", timeout=30)
    with DataLock(data_dir):  # free again once the holder has exited
        pass


def test_a_stale_lock_from_a_dead_process_is_taken_over(data_dir: Path) -> None:
    dead = dead_pid()
    assert not pid_alive(dead)
    (data_dir / LOCK_FILE).write_text(f"{dead}\n")
    with DataLock(data_dir):
        assert (data_dir / LOCK_FILE).read_text().strip() == str(os.getpid())


def test_without_os_locks_the_pid_decides(data_dir: Path, monkeypatch) -> None:
    def unsupported(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module, "_os_lock", unsupported)
    (data_dir / LOCK_FILE).write_text(f"{dead_pid()}\n")
    with DataLock(data_dir):
        pass  # a dead pid: taken over
    parent = os.getppid()
    (data_dir / LOCK_FILE).write_text(f"{parent}\n")
    with pytest.raises(AlreadyRunning, match=rf"\(pid {parent}\)"):
        DataLock(data_dir).acquire()


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(0)
    assert not pid_alive(dead_pid())
