"""`ankledesk measure`, `history measures` and `suggest`, as a shell runs them."""

from __future__ import annotations

import csv
import io
import json

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.selfcheck import SELF_CHECK_FILE, load_self_check
from tests.report.pdfcheck import page_texts
from tests.simulated_history import run


def test_measure_then_list_as_text_and_json(cli):
    first = cli("measure", "knee-to-wall", "--left", "9.5", "--right", "11",
                "--at", "2026-11-18T07:30+01:00")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("recorded Knee to wall: left 9.5 cm · right 11 cm")
    assert cli("measure", "big-toe-hold", "--left", "1:35", "--at",
               "2026-11-19T07:30+01:00").returncode == 0
    listed = cli("history", "measures")
    assert listed.stdout.splitlines() == [
        "2026-11-18 07:30  Knee to wall: left 9.5 cm · right 11 cm",
        "2026-11-19 07:30  Big-toe hold: left 1:35"]
    docs = json.loads(cli("history", "measures", "--json").stdout)
    assert [(d["kind"], d["left"], d["right"]) for d in docs] == [
        ("knee-to-wall", 9.5, 11.0), ("big-toe-hold", 95.0, None)]
    only = json.loads(cli("history", "measures", "--json", "--kind", "big-toe-hold").stdout)
    assert len(only) == 1


def test_bad_measurements_get_one_line_and_a_usage_exit(cli):
    cases = {
        ("knee-to-wall",): "ankledesk: give --left, --right or both",
        ("knee-to-wall", "--left", "45"):
            "ankledesk: knee-to-wall: left: Knee-to-wall distance is 0–30 cm, got 45",
    }
    for args, line in cases.items():
        result = cli("measure", *args)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [line]
    typo = cli("measure", "big-toe-hold", "--left", "1:75")
    assert typo.returncode == 2 and "not a number: '1:75'" in typo.stderr
    assert "Traceback" not in typo.stderr
    assert cli("history", "measures").stdout.startswith("no measurements recorded yet")


def test_measurements_appear_in_the_pdf_and_the_measurements_csv(cli, tmp_path, data_dir):
    run(data_dir, "simulate", "big-toe-strength", "--speed", "1000000")
    assert cli("measure", "balance-eyes-closed", "--left", "18", "--right", "21").returncode == 0
    pdf = tmp_path / "week.pdf"
    assert cli("export", "pdf", "-o", str(pdf)).returncode == 0
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "Measurements" in text and "Single-leg balance, eyes closed 18 s 21 s" in text
    csv_path = tmp_path / "m.csv"
    result = cli("export", "csv", "--measurements", "-o", str(csv_path))
    assert result.returncode == 0 and "(1 measurements)" in result.stdout
    head, row = csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")))
    assert head == ["measurement_id", "taken_at", "kind", "name", "unit", "left", "right",
                    "session_id"]
    assert row[2:] == ["balance-eyes-closed", "Single-leg balance, eyes closed", "s", "18.0",
                       "21.0", ""]


def test_every_sign_suggests_the_programs_the_mapping_names(cli):
    routines = load_library(paths.builtin_routines_dir()).routines
    signs, _ = load_self_check(paths.builtin_routines_dir() / SELF_CHECK_FILE, routines)
    listed = json.loads(cli("suggest", "--list", "--json").stdout)
    assert [(s["id"], s["programs"]) for s in listed] == [(s.id, list(s.programs))
                                                          for s in signs]
    for sign in signs:
        found = json.loads(cli("suggest", "--sign", sign.id, "--json").stdout)
        assert [f["routine_id"] for f in found] == list(sign.programs)
    text = cli("suggest", "--sign", "heels-lift-early", "--sign", "toes-grip").stdout
    assert text.splitlines()[0].startswith("ankle-mobility-foundations")
    assert "heels lift early in squats or lunges; toes grip or claw when tired" in text


def test_an_unknown_sign_is_one_line(cli):
    result = cli("suggest", "--sign", "sore-knees")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith('ankledesk: --sign "sore-knees": not a sign of the self-check')


def test_simulate_records_the_workout_at_the_given_time_with_the_given_hold(cli):
    result = cli("simulate", "big-toe-strength", "--speed", "1000000",
                 "--at", "2026-09-14T07:30+02:00", "--hold", "70")
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(cli("history", "--json").stdout)
    assert doc["started_at"] == "2026-09-14T07:30:00+02:00"
    assert [s["actual_seconds"] for s in doc["steps"]] == [70.0] * 8
    assert all(s["outcome"] == "done" for s in doc["steps"])
    bad = cli("simulate", "big-toe-strength", "--at", "next tuesday")
    assert bad.returncode == 2 and "not a date or time such as 2026-09-14T07:30" in bad.stderr
