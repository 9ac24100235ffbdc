"""`ankledesk routines …` run as a real subprocess, as a coach's shell or a script would."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

from tests.conftest import ROOT, run_cli


def test_list_json_has_every_builtin_with_its_drills_and_estimate(cli):
    result = cli("routines", "list", "--json", check=True)
    rows = json.loads(result.stdout)
    assert len(rows) == 11
    chassis = next(r for r in rows if r["id"] == "runners-chassis-circuit")
    assert chassis["drills"] == ["single-leg-rdl", "leg-extension", "banded-lunge",
                                 "step-up-balance", "swimming-back-extension",
                                 "lunge-torso-twist"]
    assert chassis["rounds"] == 4 and chassis["source"] == "built-in"
    assert 15 * 60 < chassis["estimated_seconds"] < 40 * 60
    assert result.stderr == ""


def test_show_prints_four_rounds_of_six_with_rests_and_the_total(cli):
    out = cli("routines", "show", "runners-chassis-circuit", check=True).stdout
    lines = out.splitlines()
    assert [ln for ln in lines if ln.startswith("Round ")] == [
        f"Round {n} of 4" for n in range(1, 5)]
    assert sum("Rest 60 s before round" in ln for ln in lines) == 3
    assert sum("Single-leg Romanian deadlift · LEFT · 6 reps" in ln for ln in lines) == 4
    assert sum("Lunge with torso twist · RIGHT · 12 reps" in ln for ln in lines) == 4
    assert lines[-1].split()[-1] == lines[1].split()[-1]  # total matches the estimate
    assert "Done · total" in lines[-1]


def test_show_json_step_starts_add_up(cli):
    plan = json.loads(cli("routines", "show", "pre-run-ankle-primer", "--json", check=True).stdout)
    steps = plan["steps"]
    for a, b in itertools.pairwise(steps):
        assert b["start"] == a["start"] + a["estimate"]
    assert plan["estimated_seconds"] == round(steps[-1]["start"] + steps[-1]["estimate"])


def test_unknown_routine_is_one_line_and_non_zero(cli):
    result = cli("routines", "show", "runners-chasis-circuit")
    assert result.returncode == 1
    assert result.stderr == (
        'ankledesk: no routine with id "runners-chasis-circuit"; '
        'did you mean "runners-chassis-circuit"?\n')
    assert "Traceback" not in result.stderr


def test_check_all_builtins_passes(cli):
    result = cli("routines", "check", check=True)
    assert result.stdout == "ok: 11 routines, 45 drills\n"


def test_check_a_bad_user_routine_fails_with_its_line_and_others_still_list(cli, data_dir):
    folder = data_dir / "routines"
    folder.mkdir()
    (folder / "mine.toml").write_text(
        'id = "mine"\nname = "Mine"\n[[items]]\ndrill = "leg-extension"\nseconds = "45s"\n',
        encoding="utf-8")
    (folder / "ok-one.toml").write_text(
        'id = "ok-one"\nname = "Fine"\n[[items]]\ndrill = "leg-extension"\n', encoding="utf-8")
    result = cli("routines", "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'{folder / "mine.toml"}: items[1].seconds: expected whole seconds 1–3600 (got "45s")']
    listed = cli("routines", "list", "--json")
    assert listed.returncode == 0
    assert "ok-one" in [r["id"] for r in json.loads(listed.stdout)]
    assert "mine.toml: items[1].seconds" in listed.stderr


def test_check_named_files(cli, tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('id = "good"\nname = "Good"\nrounds = 2\n[[items]]\ndrill = "toe-yoga"\n',
                    encoding="utf-8")
    clash = tmp_path / "big-toe-strength.toml"
    clash.write_text('id = "big-toe-strength"\nname = "Mine"\n[[items]]\ndrill = "toe-yoga"\n',
                     encoding="utf-8")
    result = cli("routines", "check", str(good), str(clash), str(ROOT / "routines" / "drills.toml"))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert out[0].startswith(f"{good}: ok (Good, 2 rounds, ")
    assert out[1] == f'{clash}: id: already used by a built-in routine (got "big-toe-strength")'
    assert out[2].endswith("drills.toml: ok (45 drills)")
    builtin = ROOT / "routines" / "big-toe-strength.toml"
    assert cli("routines", "check", str(builtin)).returncode == 0


def test_data_dir_flag_and_environment_both_choose_the_folder(tmp_path):
    for where in ("flag", "env"):
        folder = tmp_path / where / "routines"
        folder.mkdir(parents=True)
        (folder / f"from-{where}.toml").write_text(
            f'id = "from-{where}"\nname = "X"\n[[items]]\ndrill = "toe-yoga"\n', encoding="utf-8")
    by_flag = run_cli("--data-dir", str(tmp_path / "flag"), "routines", "list", "--json")
    by_env = run_cli("routines", "list", "--json", data_dir=tmp_path / "env")
    assert "from-flag" in by_flag.stdout and "from-env" not in by_flag.stdout
    assert "from-env" in by_env.stdout


def test_python_dash_m_and_bad_usage():
    result = subprocess.run([sys.executable, "-m", "ankledesk", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("ankledesk ")
    bad = subprocess.run([sys.executable, "-m", "ankledesk", "routines", "frobnicate"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
