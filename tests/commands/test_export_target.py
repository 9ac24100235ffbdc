"""Where an export may write (issue 12, point 1): never over the data folder's own files; over a
file the user named, following a symlink and keeping its permissions; a read-only file only
with --force; `-o newdir/` is a folder. Real commands in subprocesses, bytes compared."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import LOCK_FILE

BIG_TOE = "big-toe-strength"
EXPORTS = {
    "pdf": ("export", "pdf"),
    "csv": ("export", "csv"),
    "blank": ("export", "blank", "--routine", BIG_TOE),
}


@pytest.fixture
def recorded(cli, data_dir: Path) -> Path:
    """A data folder with one finished workout and a cut-short one in the journal."""
    assert cli("simulate", BIG_TOE, "--speed", "20000").returncode == 0
    assert cli("simulate", BIG_TOE, "--speed", "20000", "--stop-after-steps", "2").returncode == 3
    assert (data_dir / JOURNAL_FILE).exists()
    return data_dir


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


OWN_FILES = [HISTORY_FILE, JOURNAL_FILE, LOCK_FILE, "history.quarantine-20261118T070000.json",
             "history.split-20261118T070000.json", "history/2026.json",
             "history/2026.digest.json", "history/measurements.json",
             "history/2025.quarantine-20261118T070000.json", "history/2031.json",
             "routines/mine.toml"]


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_never_writes_over_the_data_folders_files(cli, recorded: Path,
                                                            kind: str) -> None:
    for name in OWN_FILES:
        target = recorded / name
        target.parent.mkdir(exist_ok=True)
        if not target.exists():
            target.write_bytes(b'{"kept": true}')
        before = _snapshot(recorded)
        run = cli(*EXPORTS[kind], "-o", str(target))
        assert run.returncode == 1, name
        assert run.stderr == (f"ankledesk: {target} is one of AnkleDesk's own files in the "
                              f"data folder {recorded}; an export never writes over them: "
                              "choose another name\n")
        assert _snapshot(recorded) == before, name


@pytest.mark.parametrize("name", [HISTORY_FILE, "history/2026.json"])
def test_a_link_to_the_history_is_refused_too(cli, recorded: Path, tmp_path: Path,
                                              name: str) -> None:
    (recorded / name).parent.mkdir(exist_ok=True)
    (recorded / name).touch()
    link = tmp_path / "innocent.pdf"
    link.symlink_to(recorded / name)
    before = _snapshot(recorded)
    run = cli("export", "pdf", "-o", str(link))
    assert run.returncode == 1 and "AnkleDesk's own files" in run.stderr
    assert _snapshot(recorded) == before


def test_a_year_file_kept_elsewhere_through_a_link_is_refused(cli, recorded: Path,
                                                               tmp_path: Path) -> None:
    """A year file symlinked into a synced folder: its target is the store's too."""
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "2019.json"
    real.write_bytes(b'{"kept": true}')
    (recorded / "history").mkdir(exist_ok=True)
    (recorded / "history" / "2019.json").symlink_to(real)
    run = cli("export", "csv", "-o", str(real))
    assert run.returncode == 1 and "AnkleDesk's own files" in run.stderr
    assert real.read_bytes() == b'{"kept": true}'


def test_a_symlink_the_user_named_is_followed_and_stays_a_link(cli, recorded: Path,
                                                               tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "week.csv"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "week.csv"
    link.symlink_to(real)
    run = cli("export", "csv", "-o", str(link))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith("\ufeffsession_id".encode())
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's permissions are kept


def test_a_read_only_file_needs_force(cli, recorded: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.pdf"
    out.write_bytes(b"my old log")
    out.chmod(0o444)
    run = cli("export", "pdf", "-o", str(out))
    assert (run.returncode, run.stderr) == (
        1, f"ankledesk: {out} is read-only; use --force to replace it anyway\n")
    assert out.read_bytes() == b"my old log"
    run = cli("export", "pdf", "-o", str(out), "--force")
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o444  # still read-only, as the user set it


def test_a_trailing_slash_means_a_folder(cli, recorded: Path, tmp_path: Path) -> None:
    missing = tmp_path / "newdir"
    run = cli("export", "csv", "-o", f"{missing}/")
    assert (run.returncode, run.stderr) == (
        1, f"ankledesk: cannot write {missing}/: the folder {missing}/ does not exist\n")
    assert not os.path.lexists(missing)  # no file called newdir
    missing.mkdir()
    run = cli("export", "csv", "-o", f"{missing}/")
    assert run.returncode == 1 and "is a folder; give a file name" in run.stderr
    assert list(missing.iterdir()) == []
