"""A year file or the whole history folder that is a symlink (kept in a synced folder) stays a
symlink and keeps receiving sessions; a dangling link is reported, never replaced; modes
survive writes (issue 12, points 4 and 9). Real commands in subprocesses."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

from ankledesk.store.history import year_file
from ankledesk.store.lock import FOLDER_LOCK_FILE

BIG_TOE = "big-toe-strength"


def _this_year(data_dir: Path) -> Path:
    """The year file a workout done now goes to."""
    return year_file(data_dir, dt.date.today().year)


def _simulate(cli):
    return cli("simulate", BIG_TOE, "--speed", "20000")


def test_a_symlinked_history_keeps_receiving_sessions(cli, data_dir: Path,
                                                      tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox" / "ankledesk"
    synced.mkdir(parents=True)
    assert _simulate(cli).returncode == 0
    link = _this_year(data_dir)
    real = synced / link.name
    link.rename(real)
    real.chmod(0o640)
    link.symlink_to(real)
    for _ in range(2):
        run = _simulate(cli)
        assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert len(json.loads(real.read_text())["sessions"]) == 3
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    # No temp file left in the synced folder; the lock of the history it holds stays.
    assert [p.name for p in synced.glob(".*")] == [FOLDER_LOCK_FILE]
    assert len(json.loads(cli("history", "--json").stdout)) == 3


def test_a_dangling_history_link_is_reported_not_replaced(cli, data_dir: Path,
                                                          tmp_path: Path) -> None:
    link = _this_year(data_dir)
    link.parent.mkdir()
    gone = tmp_path / "unmounted" / link.name
    link.symlink_to(gone)
    run = _simulate(cli)
    assert run.returncode == 1
    assert run.stderr == (f"ankledesk: {link} is a link to {gone}, which does not exist (a "
                          "synced or external folder that is not mounted?); nothing was "
                          "changed: reconnect it, or remove the link to start a new file\n")
    viewer = cli("history")
    assert viewer.returncode == 1 and f"{link} is a link to {gone}" in viewer.stderr
    assert link.is_symlink() and os.readlink(link) == str(gone) and not gone.exists()
    assert sorted(p.name for p in data_dir.iterdir()) == ["ankledesk.lock", "history"]
    assert list(link.parent.iterdir()) == [link]


def test_the_history_keeps_its_mode_across_writes(cli, data_dir: Path) -> None:
    assert _simulate(cli).returncode == 0
    path = _this_year(data_dir)
    path.chmod(0o644)
    assert _simulate(cli).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_symlinked_history_folder_keeps_receiving_sessions(cli, data_dir: Path,
                                                             tmp_path: Path) -> None:
    """The whole history folder kept in a synced folder: the link stays, the files go there."""
    synced = tmp_path / "Dropbox" / "history"
    synced.mkdir(parents=True)
    link = data_dir / "history"
    link.symlink_to(synced)
    for _ in range(2):
        run = _simulate(cli)
        assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == str(synced)
    year = synced / _this_year(data_dir).name
    assert len(json.loads(year.read_text())["sessions"]) == 2
    assert len(json.loads(cli("history", "--json").stdout)) == 2
    run = cli("export", "csv", "-o", str(year))  # the synced files are the store's own
    assert run.returncode == 1 and "never writes over AnkleDesk's files" in run.stderr
