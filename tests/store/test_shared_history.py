"""A history shared by two data folders or two machines never loses a session, and an edit
touches one session (issue 20, points 3 and 4). Real files, real processes: two writers whose
`history/` links to one folder finishing at the same moments; sync tools' conflicted copies
merged on the next write and kept; a year file copied or hard-linked; two sessions under one
id from the split of history.json."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ankledesk.errors import UserError
from ankledesk.store import lock as lock_module
from ankledesk.store.documents import WallClock
from ankledesk.store.edits import edit_session
from ankledesk.store.history import HISTORY_DIR, HISTORY_FILE, year_file
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.lock import FOLDER_LOCK_FILE
from ankledesk.store.merging import derived_id
from ankledesk.store.session_store import SessionStore
from tests.conftest import ROOT
from tests.store.hostile import file_text, good_sessions, history_text
from tests.store.shared_writer import ROUTINE
from tests.store.strategies import step

ROUNDS = 100  # two writers: 200 finishes
YEAR = dt.date.today().year


def _writer(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.store.shared_writer", str(folder)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _say(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdin is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()


def _hear(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def _shared(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Two data folders whose history/ is a link to one synced folder."""
    synced = tmp_path / "Syncthing" / "ankledesk"
    synced.mkdir(parents=True)
    folders = [tmp_path / "laptop", tmp_path / "desktop"]
    for folder in folders:
        folder.mkdir()
        (folder / HISTORY_DIR).symlink_to(synced, target_is_directory=True)
    return synced, folders


def test_two_data_folders_finishing_at_once_into_one_history_lose_nothing(
        tmp_path: Path) -> None:
    synced, folders = _shared(tmp_path)
    writers = [_writer(folder) for folder in folders]
    saved: list[str] = []
    try:
        for _ in range(ROUNDS):
            for proc in writers:
                _say(proc, "next")
            for proc in writers:
                assert _hear(proc) == "ready"
            for proc in writers:  # both finish at the same moment
                _say(proc, "go")
            for proc in writers:
                said = _hear(proc)
                assert said.startswith("saved "), said
                saved.append(said.removeprefix("saved "))
        for proc in writers:
            _say(proc, "stop")
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
    finally:
        for proc in writers:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert len(saved) == 2 * ROUNDS == len(set(saved))
    for folder in folders:  # every session reported saved is there, once, for both
        with SessionStore.open(folder, read_only=True) as store:
            ids = [doc["id"] for doc in store.sessions()]
            assert store.notices == []
        assert sorted(ids) == sorted(saved)
        with SessionStore.open(folder, read_only=True) as store:  # the digest agrees
            assert sorted(doc["id"] for doc in store.view([])) == sorted(saved)
    assert sorted(p.name for p in synced.iterdir()) == [
        FOLDER_LOCK_FILE, f"{YEAR}.digest.json", f"{YEAR}.json"]  # no temp file left


def _holder(folder: Path) -> subprocess.Popen[str]:
    """Another process holding the shared folder's history lock (the OS lock on its lock
    file, its pid written in it) until it is killed."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, time
        fd = os.open({str(folder / FOLDER_LOCK_FILE)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)  # over a longer pid a writer left there, as FolderLock does
        os.write(fd, str(os.getpid()).encode())
        print("held", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert _hear(proc) == "held"
    return proc


def test_a_finish_waits_for_the_shared_folder_then_says_who_holds_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced, (folder, _) = _shared(tmp_path)
    monkeypatch.setattr(lock_module, "FOLDER_LOCK_WAIT", 0.2, raising=False)
    store = SessionStore.open(folder)
    active = store.begin(ROUTINE, WallClock.now(0.0))
    before = {p.name: p.read_bytes() for p in synced.iterdir() if p.name != FOLDER_LOCK_FILE}
    holder = _holder(synced)
    try:
        with pytest.raises(UserError) as refused:
            active.finish(rpe=6)
    finally:
        holder.kill()
        holder.wait()
    message = str(refused.value)
    assert message == (f"the folder {synced}: another AnkleDesk (pid {holder.pid}) kept it "
                       "locked for more than 0.2 s while writing; nothing was written, try "
                       f"again; your finished sets are safe in {folder / JOURNAL_FILE}")
    after = {p.name: p.read_bytes() for p in synced.iterdir() if p.name != FOLDER_LOCK_FILE}
    assert after == before  # nothing written
    done = active.finish(rpe=6)  # the holder gone: the same finish goes through
    store.close()
    with SessionStore.open(folder, read_only=True) as reader:
        assert [d["id"] for d in reader.sessions()] == [done["id"]]


# -- sync tools' conflicted copies --------------------------------------------------------

COPIES = {
    "Syncthing": f"{YEAR}.sync-conflict-20261207-101112-ABCDEFG.json",
    "Nextcloud": f"{YEAR} (conflicted copy 2026-12-07 101112).json",
    "Nextcloud with a user": f"{YEAR} (conflicted copy Ana 2026-12-07 101112).json",
    "Dropbox": f"{YEAR} (Laptop's conflicted copy 2026-12-07).json",
    "ownCloud before 2.5": f"{YEAR}_conflict-20261207-101112.json",
}


def _versions() -> tuple[list[dict], list[dict]]:
    """The year file's sessions and the copy's: one the same in both, one the copy holds more
    sets of, one whose notes only the year file changed, one only the copy has."""
    same, longer, edited, only_copy = good_sessions(4, start=dt.date(YEAR, 1, 5))
    more = {**longer, "steps": [*longer["steps"], step(4, "heel-raise", mode="timed")]}
    return ([same, longer, {**edited, "notes": "edited on the laptop"}],
            [same, more, edited, only_copy])


@pytest.mark.parametrize("tool", list(COPIES))
def test_a_conflicted_copy_is_shown_then_merged_on_the_next_write_and_kept(
        tool: str, cli, data_dir: Path) -> None:
    mine, theirs = _versions()
    folder = data_dir / HISTORY_DIR
    folder.mkdir()
    year = year_file(data_dir, YEAR)
    year.write_text(history_text(mine), encoding="utf-8")
    copy = folder / COPIES[tool]
    copy.write_text(history_text(theirs), encoding="utf-8")
    original = copy.read_bytes()

    seen = cli("history", "--json")  # a reader shows the copy's sessions too, and says so
    assert seen.returncode == 0, seen.stderr
    assert sorted(d["id"] for d in json.loads(seen.stdout)) == sorted(d["id"] for d in theirs)
    assert f"{copy} is a sync tool's conflicted copy of {year.name}" in seen.stderr
    assert copy.read_bytes() == original and copy.exists()  # a reader changes nothing

    with SessionStore.open(data_dir) as store:
        active = store.begin(ROUTINE, WallClock.now(0.0))
        done = active.finish()
        notices = store.notices
    assert not copy.exists()
    [kept] = folder.glob(f"{copy.stem}.merged-*.json")
    assert kept.read_bytes() == original  # set aside byte for byte, never deleted
    assert any(f"{copy} (a sync tool's conflicted copy of {year.name}) was merged into it: "
               f"1 session added, 1 more complete than the version there; the copy is kept "
               f"as {kept}" == n for n in notices), notices
    with SessionStore.open(data_dir, read_only=True) as store:
        stored = {d["id"]: d for d in store.sessions()}
        assert store.notices == []  # merged: nothing more to say
    assert sorted(stored) == sorted([*(d["id"] for d in theirs), done["id"]])
    assert stored[theirs[1]["id"]] == theirs[1]  # the more complete version
    assert stored[mine[2]["id"]] == mine[2]  # a tie: the year file's edit
    assert stored[theirs[3]["id"]] == theirs[3]
    again = cli("history", "--json")  # merged once: the kept copy is not read again
    assert len(json.loads(again.stdout)) == 5 and again.stderr == ""


def test_names_that_only_look_like_a_conflicted_copy_are_not_merged(data_dir: Path) -> None:
    folder = data_dir / HISTORY_DIR
    folder.mkdir()
    stray = good_sessions(1, start=dt.date(YEAR, 2, 1))
    for name in (f"{YEAR} (copy).json", f"{YEAR}.sync-conflict-20261207-101112-ABC.merged-"
                 "20261207T101500.json", f"{YEAR}.corrupt-20261207T101112.json"):
        (folder / name).write_text(history_text(stray), encoding="utf-8")
    with SessionStore.open(data_dir) as store:
        store.begin(ROUTINE, WallClock.now(0.0)).finish()
        assert len(store.sessions()) == 1
    assert len(list(folder.glob("*.merged-*.json"))) == 1


# -- one id in two year files ---------------------------------------------------------------

@pytest.mark.parametrize("how", ["copy", "hard link"])
def test_a_session_in_two_year_files_is_shown_once_with_a_notice(how: str, cli,
                                                                 data_dir: Path) -> None:
    docs = good_sessions(3, start=dt.date(YEAR, 3, 1))
    this = year_file(data_dir, YEAR)
    this.parent.mkdir()
    this.write_text(history_text(docs), encoding="utf-8")
    other = year_file(data_dir, YEAR - 1)
    if how == "copy":
        shutil.copy(this, other)
    else:
        os.link(this, other)
    seen = cli("history", "--json")
    assert seen.returncode == 0, seen.stderr
    assert [d["id"] for d in json.loads(seen.stdout)] == [d["id"] for d in docs]
    assert (f"3 sessions are in more than one year file ({other.name}, {this.name}): each is "
            "shown once") in seen.stderr
    with SessionStore.open(data_dir, read_only=True) as store:
        assert [d["id"] for d in store.view([YEAR])] == [d["id"] for d in docs]
        assert [d["id"] for d in store.view([])] == [d["id"] for d in docs]  # outlines too


# -- two sessions under one id ------------------------------------------------------------

def _twins() -> tuple[dict, dict, dict]:
    first, other = good_sessions(2, start=dt.date(YEAR, 4, 1))
    twin = {**first, "notes": "another session under the same id", "rpe": 8}
    return first, twin, other


def _edit_first(data_dir: Path, session_id: str) -> None:
    with SessionStore.open(data_dir) as store:
        edit_session(store, session_id, rpe=3, pain=True, notes="sore next morning")


def test_the_split_gives_two_sessions_under_one_id_ids_of_their_own(data_dir: Path) -> None:
    first, twin, other = _twins()
    rows = [(str(n + 1), json.dumps(d)) for n, d in enumerate([first, other, twin])]
    (data_dir / HISTORY_FILE).write_text(file_text(rows), encoding="utf-8")
    _edit_first(data_dir, first["id"])  # the split runs as the writer opens the folder
    with SessionStore.open(data_dir, read_only=True) as store:
        stored = {d["id"]: d for d in store.sessions()}
    assert stored == {
        first["id"]: {**first, "rpe": 3, "pain": True, "notes": "sore next morning"},
        other["id"]: other,
        derived_id(twin): {**twin, "id": derived_id(twin)},  # untouched by the edit
    }
    [split] = data_dir.glob("history.split-*.json")
    assert split.read_text(encoding="utf-8") == file_text(rows)


def test_a_split_year_file_with_one_id_twice_gets_ids_of_their_own_before_an_edit(
        cli, data_dir: Path) -> None:
    first, twin, other = _twins()
    path = year_file(data_dir, YEAR)
    path.parent.mkdir()
    text = file_text([(str(n + 1), json.dumps(d)) for n, d in enumerate([first, twin, other])])
    path.write_text(text, encoding="utf-8")
    seen = cli("history", "--json")  # a reader shows the ids the writer will give
    assert sorted(d["id"] for d in json.loads(seen.stdout)) == sorted(
        [first["id"], other["id"], derived_id(twin)])
    assert "different sessions share an id" in seen.stderr
    assert path.read_text(encoding="utf-8") == text
    _edit_first(data_dir, first["id"])
    with SessionStore.open(data_dir, read_only=True) as store:
        stored = {d["id"]: d for d in store.sessions()}
    assert stored[derived_id(twin)] == {**twin, "id": derived_id(twin)}
    assert stored[first["id"]]["notes"] == "sore next morning"
    assert stored[other["id"]] == other
    [kept] = path.parent.glob(f"{YEAR}.duplicate-ids-*.json")
    assert kept.read_text(encoding="utf-8") == text  # the file as it was
    with SessionStore.open(data_dir) as store:  # said once, then nothing more
        store.sessions()
        assert store.notices == []


def test_a_session_shown_from_a_conflicted_copy_can_be_edited(data_dir: Path) -> None:
    mine, theirs = _versions()
    year = year_file(data_dir, YEAR)
    year.parent.mkdir()
    year.write_text(history_text(mine), encoding="utf-8")
    copy = year.parent / COPIES["Syncthing"]
    copy.write_text(history_text(theirs), encoding="utf-8")
    _edit_first(data_dir, theirs[3]["id"])  # only the copy holds it
    with SessionStore.open(data_dir, read_only=True) as store:
        stored = {d["id"]: d for d in store.sessions()}
    assert stored[theirs[3]["id"]] == {**theirs[3], "rpe": 3, "pain": True,
                                       "notes": "sore next morning"}
    assert len(stored) == 4 and not copy.exists()


def test_a_damaged_conflicted_copy_costs_only_its_damage_and_keeps_its_bytes(
        data_dir: Path) -> None:
    mine, theirs = _versions()
    year = year_file(data_dir, YEAR)
    year.parent.mkdir()
    year.write_text(history_text(mine), encoding="utf-8")
    half = year.parent / COPIES["Nextcloud"]
    half.write_text(history_text(theirs)[:-40], encoding="utf-8")  # cut short mid-sync
    bad = year.parent / COPIES["Dropbox"]
    bad.write_text(history_text(theirs, planted={0: json.dumps({**theirs[0], "rpe": 11})}),
                   encoding="utf-8")
    texts = {half: half.read_bytes(), bad: bad.read_bytes()}
    with SessionStore.open(data_dir) as store:
        store.begin(ROUTINE, WallClock.now(0.0)).finish()
        notices = "\n".join(store.notices)
        ids = {d["id"] for d in store.sessions()}
    assert {d["id"] for d in theirs} <= ids  # the bad copy's good sessions merged
    # The copy cut mid-sync is salvaged like any half-bad file: its intact sessions are read
    # and merged, the cut one is kept byte for byte, and the copy itself is kept as it was.
    [cut_merged] = year.parent.glob(f"{half.stem}.merged-*.json")
    [cut_part] = year.parent.glob(f"{half.stem}.quarantine-*.json")
    [merged] = year.parent.glob(f"{bad.stem}.merged-*.json")
    assert cut_merged.read_bytes() == texts[half] and merged.read_bytes() == texts[bad]
    assert "the file ends inside it" in cut_part.read_text("utf-8")
    assert f"{half} was damaged near byte" in notices
    assert f"{half} (a sync tool's conflicted copy of 2026.json) was merged into it" in notices
    assert "1 session could not be read (session 1.rpe" in notices
