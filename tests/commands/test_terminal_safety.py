"""The terminal and spreadsheets are safe from user text (issue 12, point 8): control characters
in names and notes are escaped in what the CLI prints, CSV cells that would start a formula are
prefixed, and weeks at the calendar's ends get one clear line. Real commands, real files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ankledesk.commands.terminal import safe_json
from ankledesk.core.terminal import shown
from ankledesk.report.csv_export import csv_bytes
from ankledesk.store.history import HISTORY_FILE
from tests.store.hostile import file_text, good_sessions
from tests.store.strategies import session_at, step

ESC_NAME = "Evil \x1b]0;pwned\x07\x1b[2J circuit \u202eevil\x9b31m"
CONTROLS = ["\x1b", "\x07", "\x9b", "\u202e", "\r"]


def _no_controls(text: str) -> None:
    for char in CONTROLS:
        assert char not in text, repr(char)


@pytest.fixture
def hostile_routine(data_dir: Path) -> str:
    """A user routine whose name is an escape-sequence attack (TOML's \\u escapes)."""
    folder = data_dir / "routines"
    folder.mkdir()
    escaped = ESC_NAME.encode("unicode_escape").decode().replace("\\x", "\\u00")
    (folder / "evil.toml").write_text(
        f'id = "evil"\nname = "{escaped}"\nrounds = 1\n\n[[items]]\n'
        'drill = "big-toe-raise-hold"\nseconds = 5\nsides = "one"\n')
    return "evil"


def test_control_characters_never_reach_the_terminal(cli, hostile_routine: str) -> None:
    notes = "fine\x1b[31m red \x9b0m\r\n=HYPERLINK(\"http://x\")"
    run = cli("simulate", hostile_routine, "--speed", "20000", "--notes", notes)
    assert run.returncode == 0, run.stderr
    _no_controls(run.stdout)
    assert shown(ESC_NAME) in run.stdout
    for command in (("history",), ("history", "--json"), ("history", "--csv"),
                    ("history", "summary")):
        printed = cli(*command)
        assert printed.returncode == 0, printed.stderr
        _no_controls(printed.stdout)
    [doc] = json.loads(cli("history", "--json").stdout)
    assert doc["notes"] == notes and doc["routine_name"] == ESC_NAME  # the data is intact


def test_a_hostile_key_in_a_warning_is_escaped(cli, data_dir: Path) -> None:
    [doc] = good_sessions(1)
    text = file_text([("1", json.dumps(doc)), ("\x1b[2J", json.dumps({**doc, "id": "x"}))])
    (data_dir / HISTORY_FILE).write_text(text)
    run = cli("history")
    assert run.returncode == 0
    _no_controls(run.stderr)
    assert "\\x1b[2J" in run.stderr


FORMULAS = ["=HYPERLINK(\"http://evil\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
            "\tstarts with a tab", "\rstarts with a CR"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_csv_cells_that_would_start_a_formula_are_prefixed(cli, data_dir: Path,
                                                           tmp_path: Path,
                                                           payload: str) -> None:
    doc = session_at("2026-11-16T07:00:00+01:00", notes=payload, routine_name=payload,
                     steps=[step(0, "toe-hold", name=payload)])
    rows = list(csv.reader(io.StringIO(csv_bytes([doc]).decode("utf-8-sig"), newline="")))
    header, row = rows[0], rows[1]
    for column in ("notes", "routine_name", "name"):
        assert row[header.index(column)] == "'" + payload
    assert row[header.index("actual_seconds")] == "45.0"  # numbers are left alone


def test_the_exported_csv_file_is_prefixed_too(cli, data_dir: Path, tmp_path: Path) -> None:
    run = cli("simulate", "big-toe-strength", "--speed", "20000", "--notes", "=1+1")
    assert run.returncode == 0
    out = tmp_path / "sets.csv"
    assert cli("export", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert {r["notes"] for r in rows} == {"'=1+1"}
    shown = list(csv.DictReader(io.StringIO(cli("history", "--csv").stdout, newline="")))
    assert {r["notes"] for r in shown} == {"'=1+1"}


@pytest.mark.parametrize("args", [
    ("history", "--week", "0000-W01"), ("history", "--week", "9999-W52"),
    ("history", "summary", "--week", "0001-W01"), ("history", "summary", "--week", "99999-W01"),
    ("export", "pdf", "--week", "9999-W52", "-o", "{out}"),
    ("export", "pdf", "--week", "0001-W01", "-o", "{out}"),
    ("export", "pdf", "--week", "2020-W01", "--to", "9998-W52", "-o", "{out}"),
    ("export", "blank", "--routine", "big-toe-strength", "--week", "9999-W52", "-o", "{out}"),
])
def test_weeks_out_of_range_get_one_clear_line(cli, tmp_path: Path, args: tuple) -> None:
    out = tmp_path / "out.pdf"
    run = cli(*(a.format(out=out) for a in args))
    assert run.returncode == 2, run.stderr
    [line] = run.stderr.splitlines()
    assert line.startswith("ankledesk: --") and "Error" not in line
    assert not out.exists()


def test_safe_json_is_the_same_data() -> None:
    value = {"notes": "a\x9bb\u2028c\u202ed\x7f", "emoji": "👍🏽\u200d"}
    text = safe_json(value)
    assert json.loads(text) == value
    assert "\x9b" not in text and "\u2028" not in text and "\u200d" in text
