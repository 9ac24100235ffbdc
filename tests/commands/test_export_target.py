"""Where an export may write (issue 12, point 1; issue 20, point 1): never over the data
folder's own files (the history, the preferences, the cache, the logs, the user's clips and
routines, whatever else it holds), nor through a symlink, a hard link or a relative path to one;
over a file the user named, following a symlink and keeping its permissions; a read-only file
only with --force; `-o newdir/` is a folder. Real commands in subprocesses, bytes compared."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ankledesk.paths import SETTINGS_FILE
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


HISTORY = "part of AnkleDesk's workout history"
PREFERENCES = "AnkleDesk's own preferences"
# Every file the data folder holds, as the refusal names it: the store's, the window's
# preferences (and QSettings' lock beside them), the cache, the log, the user's clips and
# routines, and a file of the user's own left there.
OWN_FILES = {
    HISTORY_FILE: "AnkleDesk's workout history",
    JOURNAL_FILE: "AnkleDesk's record of the workout in progress",
    LOCK_FILE: "AnkleDesk's lock file",
    "history.quarantine-20261118T070000.json": "AnkleDesk's workout history",
    "history.split-20261118T070000.json": "AnkleDesk's workout history",
    "journal.corrupt-20261118T070000.json": "AnkleDesk's record of the workout in progress",
    "history/2026.json": HISTORY,
    "history/2026.digest.json": HISTORY,
    "history/measurements.json": HISTORY,
    "history/2025.quarantine-20261118T070000.json": HISTORY,
    "history/2031.json": HISTORY,
    SETTINGS_FILE: PREFERENCES,
    f"{SETTINGS_FILE}.lock": PREFERENCES,
    "cache/parsed-toml.json": "part of AnkleDesk's cache",
    "logs/ankledesk.log": "AnkleDesk's log",
    "media/user-clips.json": "one of your clips in AnkleDesk",
    "media/big-toe-raise-hold.mp4": "one of your clips in AnkleDesk",
    "routines/mine.toml": "one of your routines in AnkleDesk",
    "notes.txt": "one of the files in AnkleDesk's data folder",
}
REFUSED = "an export never writes over AnkleDesk's files"


def _own_files(folder: Path) -> dict[Path, str]:
    """Each of OWN_FILES made in `folder` (those the workouts did not make: a stand-in)."""
    made = {}
    for name, what in OWN_FILES.items():
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        if not target.exists():
            target.write_bytes(b'{"kept": true}')
        made[target] = what
    return made


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_never_writes_over_the_data_folders_files(cli, recorded: Path,
                                                            kind: str) -> None:
    for target, what in _own_files(recorded).items():
        before = _snapshot(recorded)
        run = cli(*EXPORTS[kind], "-o", str(target))
        assert (run.returncode, run.stdout) == (1, ""), target
        assert run.stderr == (f"ankledesk: {target}: that file is {what}, in the data folder "
                              f"{recorded}; {REFUSED}: choose another name\n")
        assert _snapshot(recorded) == before, target


def test_a_name_the_data_folder_keeps_is_refused_before_it_exists(cli, data_dir: Path) -> None:
    """A fresh data folder: a CSV written as settings.ini or as a new year would be read back
    as the preferences or a year of history."""
    for name in ("cache", "history", "logs", "media", "routines"):
        (data_dir / name).mkdir()
    new = {SETTINGS_FILE: f"that file is {PREFERENCES}",
           JOURNAL_FILE: "that file is AnkleDesk's record of the workout in progress",
           f"{SETTINGS_FILE}.Ab12Cd": f"that file is {PREFERENCES}"}
    for name, reason in new.items():
        run = cli("export", "csv", "-o", str(data_dir / name))
        assert run.returncode == 1 and run.stderr == (
            f"ankledesk: {data_dir / name}: {reason}, in the data folder {data_dir}; "
            f"{REFUSED}: choose another name\n")
    folders = {"cache": "AnkleDesk's cache folder", "history": "AnkleDesk's history folder",
               "logs": "AnkleDesk's log folder", "media": "AnkleDesk's folder of your clips",
               "routines": "AnkleDesk's folder of your routines"}
    for name, what in folders.items():
        target = data_dir / name / "sets.csv"
        run = cli("export", "csv", "-o", str(target))
        assert run.returncode == 1 and run.stderr == (
            f"ankledesk: {target}: that folder is {what} ({data_dir / name}); {REFUSED}: "
            "choose another folder\n")
    assert sorted(p.name for p in data_dir.rglob("*")) == sorted(folders)  # nothing written


def test_a_relative_path_to_the_preferences_is_refused(cli, recorded: Path) -> None:
    (recorded / SETTINGS_FILE).write_bytes(b"[workout]\nmuted=true\n")
    run = cli("--data-dir", "data", "export", "csv", "-o", "./data/../data/settings.ini",
              cwd=recorded.parent)
    assert run.returncode == 1 and run.stderr == (
        f"ankledesk: ./data/../data/settings.ini: that file is {PREFERENCES}, in the data "
        f"folder data; {REFUSED}: choose another name\n")
    assert (recorded / SETTINGS_FILE).read_bytes() == b"[workout]\nmuted=true\n"


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_a_link_to_any_of_the_data_folders_files_is_refused(cli, recorded: Path,
                                                            tmp_path: Path, link: str) -> None:
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    for n, (target, what) in enumerate(_own_files(recorded).items()):
        innocent = elsewhere / f"innocent-{n}.csv"
        if link == "symlink":
            innocent.symlink_to(target)
        else:
            os.link(target, innocent)
        before = _snapshot(recorded)
        run = cli("export", "csv", "-o", str(innocent))
        assert run.returncode == 1, target
        assert run.stderr == (f"ankledesk: {innocent}: that file is a {link.replace('sym', '')}"
                              f" to {what} ({target}); {REFUSED}: choose another name\n")
        assert _snapshot(recorded) == before, target
        assert innocent.is_symlink() == (link == "symlink")
        assert innocent.read_bytes() == target.read_bytes()  # still the same file


def test_a_link_into_one_of_the_data_folders_folders_is_refused(cli, recorded: Path,
                                                                tmp_path: Path) -> None:
    """A link not yet pointing at anything: the file it would make is a routine."""
    innocent = tmp_path / "innocent.toml"
    innocent.symlink_to(recorded / "routines" / "new.toml")
    (recorded / "routines").mkdir(exist_ok=True)
    run = cli("export", "csv", "-o", str(innocent))
    assert run.returncode == 1 and run.stderr == (
        f"ankledesk: {innocent}: that file is a link to one of your routines in AnkleDesk "
        f"({recorded / 'routines' / 'new.toml'}); {REFUSED}: choose another name\n")
    assert list((recorded / "routines").iterdir()) == []


def test_a_new_file_of_the_users_own_beside_the_data_folders_files_is_written(
        cli, recorded: Path) -> None:
    """Only what the data folder holds or keeps a name for is refused: a new name is not."""
    run = cli("export", "csv", "-o", str(recorded / "my-sets.csv"))
    assert run.returncode == 0, run.stderr
    assert (recorded / "my-sets.csv").read_bytes().startswith("\ufeffsession_id".encode())


@pytest.mark.parametrize("name", [HISTORY_FILE, "history/2026.json"])
def test_a_link_to_the_history_is_refused_too(cli, recorded: Path, tmp_path: Path,
                                              name: str) -> None:
    (recorded / name).parent.mkdir(exist_ok=True)
    (recorded / name).touch()
    link = tmp_path / "innocent.pdf"
    link.symlink_to(recorded / name)
    before = _snapshot(recorded)
    run = cli("export", "pdf", "-o", str(link))
    assert run.returncode == 1 and "that file is a link to" in run.stderr
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
    assert run.returncode == 1 and run.stderr == (
        f"ankledesk: {real}: that file is {HISTORY}, kept here through a link "
        f"({recorded / 'history' / '2019.json'}); {REFUSED}: choose another name\n")
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


def test_a_name_too_long_for_the_file_system_is_one_line(cli, recorded: Path,
                                                          tmp_path: Path) -> None:
    target = tmp_path / f"{'a' * 300}.csv"
    run = cli("export", "csv", "-o", str(target))
    assert (run.returncode, run.stderr) == (
        1, f"ankledesk: cannot write {target}: the name is too long for the file system; "
        "nothing was written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_routine_export_never_writes_over_the_data_folders_files(cli, recorded: Path,
                                                                   tmp_path: Path) -> None:
    """`routines export` is an export too: the same rules (it wrote the preferences over)."""
    elsewhere = tmp_path / "mail"
    elsewhere.mkdir()
    for n, (target, what) in enumerate(_own_files(recorded).items()):
        linked, hard = elsewhere / f"linked-{n}.toml", elsewhere / f"hard-{n}.toml"
        linked.symlink_to(target)
        os.link(target, hard)
        before = _snapshot(recorded)
        for named, reason in ((target, f"that file is {what}, in the data folder {recorded}"),
                              (linked, f"that file is a link to {what} ({target})"),
                              (hard, f"that file is a hard link to {what} ({target})")):
            run = cli("routines", "export", BIG_TOE, "-o", str(named))
            assert (run.returncode, run.stderr) == (
                1, f"ankledesk: {named}: {reason}; {REFUSED}: choose another name\n"), named
            assert _snapshot(recorded) == before, named
    run = cli("routines", "export", BIG_TOE, "-o", str(elsewhere / "for-sam.toml"))
    assert run.returncode == 0 and (elsewhere / "for-sam.toml").read_text().strip()
