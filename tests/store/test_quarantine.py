"""One bad record costs only itself; hostile JSON is kept aside, never fatal (issue 12, points
2 and 3). Every case is a real file in a real data folder read by the real command in a
subprocess; the original bytes are compared after each reader, and the bad record's bytes are
looked for after each writer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.journal import JOURNAL_FILE
from tests.report.pdfcheck import page_texts
from tests.store.helpers import year_path
from tests.store.hostile import (
    JOURNAL_META,
    aside_files,
    file_text,
    good_sessions,
    history_text,
    kept_anywhere,
    quarantine_files,
)

BIG_TOE = "big-toe-strength"
FAST = "20000"
BAD = 7  # the planted session's place among the good ones


def _ids(run) -> list[str]:
    assert run.returncode == 0, run.stderr
    return [doc["id"] for doc in json.loads(run.stdout)]


def _simulate(cli) -> None:
    run = cli("simulate", BIG_TOE, "--speed", FAST)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr


def test_one_session_with_rpe_11_among_22_costs_only_itself(cli, data_dir: Path,
                                                            tmp_path: Path) -> None:
    docs = good_sessions(22)
    bad = json.dumps({**docs[BAD], "rpe": 11})
    original = history_text(docs, {BAD: bad}).encode()
    path = year_path(data_dir)
    path.write_bytes(original)
    good_ids = [d["id"] for n, d in enumerate(docs) if n != BAD]

    run = cli("history", "--json")
    assert _ids(run) == good_ids
    [quarantine] = quarantine_files(data_dir)
    assert bad.encode() in quarantine.read_bytes()
    [warning] = run.stderr.splitlines()  # one line, naming both files and the field
    assert str(path) in warning and str(quarantine) in warning and "rpe" in warning
    assert path.read_bytes() == original  # a reader changes nothing

    # A PDF of those weeks prints the 21 good sessions (not "Nothing was logged", exit 0).
    pdf = tmp_path / "log.pdf"
    run = cli("export", "pdf", "--week", "2026-W36", "--to", "2026-W39", "-o", str(pdf))
    assert run.returncode == 0, run.stderr
    assert str(quarantine) in run.stderr
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "Nothing was logged" not in text.split("Week 2026-W37")[-1]
    run = cli("export", "csv", "-o", str(tmp_path / "sets.csv"))
    assert run.returncode == 0 and "(21 sessions, 42 sets)" in run.stdout
    assert quarantine_files(data_dir) == [quarantine]  # read again: the same copy, not another
    assert path.read_bytes() == original

    _simulate(cli)  # the next workout keeps the good ones and the bad one's bytes
    ids = _ids(cli("history", "--json"))
    assert ids[:21] == good_ids and len(ids) == 22
    assert bad.encode() in quarantine.read_bytes()
    assert bad.encode() not in path.read_bytes()
    assert cli("history").stderr == ""  # said once, then the history is whole again


HOSTILE_NUMBERS = {
    "NaN": ('"rpe":5', '"rpe":NaN'),
    "Infinity": ('"actual_seconds":45.0', '"actual_seconds":Infinity'),
    "-Infinity": ('"actual_seconds":45.0', '"actual_seconds":-Infinity'),
    "1e400": ('"actual_seconds":45.0', '"actual_seconds":1e400'),
    "a 400-digit integer": ('"round":1', '"round":1' + "0" * 400),
    "a 5000-digit integer": ('"round":1', '"round":1' + "0" * 5000),
}


def _compact(doc: dict) -> str:
    return json.dumps(doc, separators=(",", ":"))


@pytest.mark.parametrize("case", sorted(HOSTILE_NUMBERS))
def test_hostile_numbers_in_history_are_kept_aside_and_work_goes_on(cli, data_dir: Path,
                                                                    case: str) -> None:
    docs = good_sessions(4)
    plain, hostile = HOSTILE_NUMBERS[case]
    bad = _compact(docs[1]).replace(plain, hostile, 1)
    assert bad != _compact(docs[1])
    original = history_text(docs, {1: bad}).encode()
    path = year_path(data_dir)
    path.write_bytes(original)

    run = cli("history", "--json")
    assert _ids(run) == [docs[0]["id"], docs[2]["id"], docs[3]["id"]]
    assert "Traceback" not in run.stderr
    [quarantine] = quarantine_files(data_dir)
    assert bad.encode() in quarantine.read_bytes()
    assert path.read_bytes() == original

    _simulate(cli)  # today every command exited 70, and simulate could not store the workout
    assert len(_ids(cli("history", "--json"))) == 4
    assert kept_anywhere(data_dir, bad)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_nesting_100000_deep_costs_only_its_session(cli, data_dir: Path) -> None:
    docs = good_sessions(3)
    bad = _compact(docs[1])[:-1] + ',"extra":' + _nested(100_000) + "}"
    original = history_text(docs, {1: bad}).encode()
    (year_path(data_dir)).write_bytes(original)
    for command in (("history", "--json"), ("history", "summary", "--week", "2026-W36")):
        run = cli(*command)
        assert run.returncode == 0 and "RecursionError" not in run.stderr, run.stderr
    assert _ids(cli("history", "--json")) == [docs[0]["id"], docs[2]["id"]]
    assert (year_path(data_dir)).read_bytes() == original
    _simulate(cli)
    assert len(_ids(cli("history", "--json"))) == 3
    [quarantine] = quarantine_files(data_dir)
    assert bad.encode() in quarantine.read_bytes()


@pytest.mark.parametrize("second_key", ["1", "01"])
def test_a_repeated_session_key_keeps_both_sessions(cli, data_dir: Path,
                                                    second_key: str) -> None:
    """Today TinyDB keeps one of the two and the next workout drops the other for good."""
    docs = good_sessions(3)
    texts = [json.dumps(d) for d in docs]
    original = file_text([("1", texts[0]), (second_key, texts[1]), ("2", texts[2])]).encode()
    path = year_path(data_dir)
    path.write_bytes(original)
    good = [d["id"] for d in docs]
    run = cli("history", "--json")
    assert _ids(run) == good
    assert f'"{second_key}" → 3' in run.stderr and "all shown" in run.stderr
    assert path.read_bytes() == original
    run = cli("simulate", BIG_TOE, "--speed", FAST)
    assert run.returncode == 0
    [copy] = sorted(path.parent.glob("2026.duplicate-keys-*.json"))
    assert copy.read_bytes() == original and str(copy) in run.stderr
    assert _ids(cli("history", "--json"))[:3] == good
    assert sorted(json.loads(path.read_text())["sessions"]) == ["1", "2", "3", "4"]
    assert cli("history").stderr == ""


def test_a_repeated_key_inside_a_session_costs_that_session(cli, data_dir: Path) -> None:
    docs = good_sessions(2)
    bad = _compact(docs[0])[:-1] + ',"rpe":9}'  # "rpe" twice: which one is meant?
    original = history_text(docs, {0: bad}).encode()
    (year_path(data_dir)).write_bytes(original)
    assert _ids(cli("history", "--json")) == [docs[1]["id"]]
    _simulate(cli)
    assert kept_anywhere(data_dir, bad)


@pytest.mark.parametrize("case", ["NaN", "1e400", "deep"])
def test_hostile_json_in_the_journal_costs_only_its_part_and_the_workout_resumes(
        cli, data_dir: Path, case: str) -> None:
    """Today the whole journal was set aside and the cut-short workout could not be resumed;
    now only the hostile part is (store.salvage reads a journal set by set)."""
    doc = {**good_sessions(1)[0], "status": "in_progress", "ended_at": None, "resume_index": 3}
    text = _compact(doc)
    deep = _nested(100_000)
    bad = {"NaN": text.replace('"rpe":5', '"rpe":NaN'),
           "1e400": text.replace('"actual_seconds":45.0', '"actual_seconds":1e400', 1),
           "deep": text[:-1] + ',"extra":' + deep + "}"}[case]
    hostile_part = {"NaN": "NaN", "1e400": _compact(doc["steps"][0]).replace(
        '"actual_seconds":45.0', '"actual_seconds":1e400'), "deep": deep}[case]
    original = file_text([("1", bad)], meta=JOURNAL_META).encode()
    journal = data_dir / JOURNAL_FILE
    journal.write_bytes(original)
    run = cli("history")
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert journal.read_bytes() == original
    run = cli("simulate", "--resume", "--speed", FAST)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    [aside] = aside_files(data_dir, "journal")
    assert aside.read_bytes() == original  # byte for byte
    [quarantine] = quarantine_files(data_dir, "journal")
    assert hostile_part.encode() in quarantine.read_bytes()
    [stored] = json.loads(cli("history", "--json").stdout)
    kept = doc["steps"][1:] if case == "1e400" else doc["steps"]
    assert stored["id"] == doc["id"] and stored["steps"][:len(kept)] == kept


NOT_FILES = ["a FIFO", "a folder", "a symlink loop"]


def _plant(path: Path, kind: str) -> None:
    if kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "a folder":
        path.mkdir()
        (path / "inside.txt").write_text("kept")
    else:
        loop = path.with_name("loop-partner")
        os.symlink(loop, path)
        os.symlink(path, loop)


def _same_kind(path: Path, kind: str) -> bool:
    if kind == "a FIFO":
        import stat

        return stat.S_ISFIFO(os.lstat(path).st_mode)
    if kind == "a folder":
        return (path / "inside.txt").read_text() == "kept"
    return path.is_symlink()


@pytest.mark.parametrize("name", [HISTORY_FILE, "history/2026.json", JOURNAL_FILE])
@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_data_file_that_is_not_a_file_never_hangs_and_is_set_aside(
        cli, data_dir: Path, name: str, kind: str) -> None:
    path = data_dir / name
    path.parent.mkdir(exist_ok=True)
    _plant(path, kind)
    run = cli("history", timeout=20)  # today: a FIFO hangs, a loop or a folder crashes
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert str(path) in run.stderr
    assert _same_kind(path, kind)  # a reader leaves it alone
    run = cli("simulate", BIG_TOE, "--speed", FAST, timeout=30)
    assert run.returncode == 0, run.stderr
    [aside] = aside_files(data_dir, Path(name).stem)
    assert _same_kind(aside, kind)
    assert str(aside) in run.stderr
    assert len(_ids(cli("history", "--json"))) == 1
