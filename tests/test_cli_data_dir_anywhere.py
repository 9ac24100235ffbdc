"""`--data-dir` works before the command and after it, at every depth, as the README says of
every command: `ankledesk history --data-dir X` used to exit 2 ("unrecognized arguments")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

PRIMER = "pre-run-ankle-primer"


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    """A data folder with one finished primer in it, recorded with the flag after the
    command (and the environment pointing elsewhere, at the test's empty folder)."""
    folder = tmp_path / "given"
    run_cli("simulate", PRIMER, "--speed", "2000", "--data-dir", str(folder), check=True)
    return folder


def sessions_in(folder: Path) -> list[str]:
    """Session ids of every year file in the folder: what was written where."""
    ids: list[str] = []
    for year in sorted((folder / "history").glob("[0-9][0-9][0-9][0-9].json")):
        ids += [doc["id"] for doc in json.loads(year.read_text("utf-8"))["sessions"].values()]
    return ids


def test_simulate_writes_into_the_folder_named_after_the_command(recorded, data_dir):
    assert len(sessions_in(recorded)) == 1
    assert not (data_dir / "history").exists()  # the environment's folder is untouched


@pytest.mark.parametrize("where", ["after", "before"])
def test_history_reads_the_folder_named_either_side_of_the_command(recorded, where):
    flag = ["--data-dir", str(recorded)]
    args = [*flag, "history", "--json"] if where == "before" else ["history", "--json", *flag]
    result = run_cli(*args, check=True)
    assert [s["id"] for s in json.loads(result.stdout)] == sessions_in(recorded)


def test_an_action_of_a_command_takes_it_too(recorded):
    week = json.loads(run_cli("history", "--json", "--data-dir", str(recorded),
                              check=True).stdout)[0]["started_at"]
    from datetime import datetime

    iso = datetime.fromisoformat(week).isocalendar()
    summary = run_cli("history", "summary", "--week", f"{iso.year}-W{iso.week:02d}", "--json",
                      "--data-dir", str(recorded), check=True)
    assert json.loads(summary.stdout)["sessions"] == 1
    target = recorded.parent / "sets.csv"
    run_cli("export", "csv", "-o", str(target), "--data-dir", str(recorded), check=True)
    assert target.read_text("utf-8").count(PRIMER) == 6  # one row per set of the session


def test_routines_of_the_named_folder_are_listed(tmp_path):
    folder = tmp_path / "coach"
    (folder / "routines").mkdir(parents=True)
    mine = run_cli("routines", "export", PRIMER, "-o", str(folder / "routines" / "mine.toml"),
                   check=True)
    assert mine.returncode == 0
    text = (folder / "routines" / "mine.toml").read_text("utf-8")
    (folder / "routines" / "mine.toml").write_text(
        text.replace(f'id = "{PRIMER}"', 'id = "my-primer"'), "utf-8")
    listed = json.loads(run_cli("routines", "list", "--json", "--data-dir", str(folder),
                                check=True).stdout)
    assert "my-primer" in [r["id"] for r in listed]
    plain = json.loads(run_cli("routines", "list", "--json", check=True).stdout)
    assert "my-primer" not in [r["id"] for r in plain]


def test_the_one_after_the_command_wins_over_the_one_before(recorded, tmp_path):
    empty = tmp_path / "empty"
    result = run_cli("--data-dir", str(empty), "history", "--json", "--data-dir",
                     str(recorded), check=True)
    assert len(json.loads(result.stdout)) == 1


def test_it_is_in_every_commands_help():
    for command in (["history"], ["history", "summary"], ["routines", "list"],
                    ["export", "pdf"], ["simulate"], ["demo"]):
        out = run_cli(*command, "--help", check=True).stdout
        assert "--data-dir DIR" in out, command
