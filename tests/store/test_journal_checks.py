"""Journals that pass the shape check but would break a resume are set aside when opened, and
the user can start a new workout; a newer journal says so; a resume after the last set
finishes the session (issue 12, point 6). Real files, real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ankledesk.core.plan import expand
from ankledesk.library import open_library
from ankledesk.store.documents import SCHEMA_VERSION
from ankledesk.store.journal import JOURNAL_FILE
from tests.store.hostile import aside_files

BIG_TOE = "big-toe-strength"
FAST = "20000"


@pytest.fixture
def journal_doc(cli, data_dir: Path) -> dict:
    """A real cut-short session: the journal `simulate --stop-after-steps 2` leaves."""
    run = cli("simulate", BIG_TOE, "--speed", FAST, "--stop-after-steps", "2")
    assert run.returncode == 3
    return json.loads((data_dir / JOURNAL_FILE).read_text())


def _break(tables: dict, change) -> bytes:
    [doc] = tables["sessions"].values()
    change(doc)
    return json.dumps(tables).encode()


BREAKS = {
    "an empty routine snapshot": lambda d: d.update(routine={}),
    'rounds: "4"': lambda d: d["routine"].update(rounds="4"),
    "an unknown mode": lambda d: d["routine"]["items"][0].update(mode="yoga"),
    "resume_index -1": lambda d: d.update(resume_index=-1),
    'resume_index "3"': lambda d: d.update(resume_index="3"),
    "no items": lambda d: d["routine"].update(items=[]),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_journal_that_would_break_resume_is_set_aside(cli, data_dir: Path, journal_doc: dict,
                                                        case: str) -> None:
    original = _break(journal_doc, BREAKS[case])
    journal = data_dir / JOURNAL_FILE
    journal.write_bytes(original)
    resume = cli("simulate", "--resume", "--speed", FAST)
    assert "Traceback" not in resume.stderr and "internal error" not in resume.stderr
    assert resume.returncode == 1
    [aside] = aside_files(data_dir, "journal")
    assert aside.read_bytes() == original
    assert f"{journal} could not be read" in resume.stderr and str(aside) in resume.stderr
    assert resume.stderr.splitlines()[-1] == (
        "ankledesk: there is no cut-short workout to resume")
    run = cli("simulate", BIG_TOE, "--speed", FAST)  # a new workout starts at once
    assert run.returncode == 0, run.stderr


def test_a_set_that_fails_its_checks_costs_only_itself(cli, data_dir: Path,
                                                       journal_doc: dict) -> None:
    """Issue 20, point 5: the whole journal was set aside for one set's `ended_at: "soon"`
    and the workout could not be resumed; now the other set is kept and it resumes."""
    good = journal_doc["sessions"]["1"]["steps"][1]
    original = _break(journal_doc, lambda d: d["steps"][0].update(ended_at="soon"))
    journal = data_dir / JOURNAL_FILE
    journal.write_bytes(original)
    resume = cli("simulate", "--resume", "--speed", FAST)
    assert resume.returncode == 0, resume.stderr
    assert "(1 of 8 sets already done)" in resume.stdout
    [aside] = aside_files(data_dir, "journal")
    assert aside.read_bytes() == original
    [quarantine] = sorted(data_dir.glob("journal.quarantine-*.json"))
    assert b'"ended_at": "soon"' in quarantine.read_bytes()
    [warning] = resume.stderr.splitlines()
    assert "kept its session with 1 set, 1 set aside" in warning and "soon" in warning
    [stored] = json.loads(cli("history", "--json").stdout)
    assert stored["steps"][0] == good and len(stored["steps"]) == 7


def test_a_newer_journal_says_so(cli, data_dir: Path, journal_doc: dict) -> None:
    journal_doc["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    raw = json.dumps(journal_doc).encode()
    journal = data_dir / JOURNAL_FILE
    journal.write_bytes(raw)
    run = cli("simulate", "--resume", "--speed", FAST)
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == (
        f"ankledesk: the cut-short workout in {journal} was recorded by a newer AnkleDesk; "
        "update AnkleDesk to resume it (the file is left as it is)")
    assert journal.read_bytes() == raw


def test_resuming_after_the_last_set_finishes_the_session(cli, data_dir: Path,
                                                          journal_doc: dict) -> None:
    plan = expand(open_library(data_dir).routine(BIG_TOE))
    [doc] = journal_doc["sessions"].values()
    doc["resume_index"] = len(plan.steps)
    (data_dir / JOURNAL_FILE).write_text(json.dumps(journal_doc))
    run = cli("simulate", "--resume", "--speed", FAST)
    assert run.returncode == 0, run.stderr
    assert f"step {len(plan.steps) + 1} of" not in run.stdout
    assert run.stdout.splitlines()[0] == (
        "Big-toe strength was cut short after its last set (2 of 8 sets done): storing it as "
        "finished")
    [stored] = json.loads(cli("history", "--json").stdout)
    assert stored["status"] == "finished" and len(stored["steps"]) == 2
    assert not (data_dir / JOURNAL_FILE).exists()
