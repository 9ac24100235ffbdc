"""`ankledesk routines import FILE [--as ID]` and `routines export ID -o FILE`, run as a coach's
shell would: files travel between two data folders unchanged, and every refusal is one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ankledesk import paths
from tests.conftest import ROOT, run_cli

MINE = """\
# for Sam, by hand
id = "sam-tuesday"
name = "Sam's Tuesday"
rounds = 3   # not four

[[items]]
drill = "short-foot"
rep_seconds = 10
"""


def test_export_from_one_folder_and_import_into_another_unchanged(tmp_path):
    coach, athlete = tmp_path / "coach", tmp_path / "athlete"
    (coach / "routines").mkdir(parents=True)
    athlete.mkdir()
    (coach / "routines" / "sam (1).toml").write_text(MINE, encoding="utf-8")
    sent = tmp_path / "sent.toml"
    out = run_cli("routines", "export", "sam-tuesday", "-o", str(sent), data_dir=coach,
                  check=True)
    assert out.stdout == f'exported "Sam\'s Tuesday" to {sent}\n'
    assert sent.read_text("utf-8") == MINE
    got = run_cli("routines", "import", str(sent), data_dir=athlete, check=True)
    target = athlete / "routines" / "sam-tuesday.toml"
    assert got.stdout == f'imported "Sam\'s Tuesday" as sam-tuesday ({target})\n'
    assert target.read_text("utf-8") == MINE
    assert run_cli("routines", "check", data_dir=athlete, check=True).stdout.startswith("ok: 12")
    # a second import of the same file: the id is taken, one line, nothing overwritten
    again = run_cli("routines", "import", str(sent), data_dir=athlete)
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr.strip().splitlines() == [
        f'ankledesk: {sent}: id: already used by {target} (got "sam-tuesday"); '
        "import it under another id with --as NEW-ID"]


def test_import_a_builtins_id_under_another_id_keeps_the_comments(tmp_path, cli, data_dir):
    builtin = ROOT / "routines" / "big-toe-strength.toml"
    clash = cli("routines", "import", str(builtin))
    assert clash.returncode == 1
    assert "id: already used by a built-in routine" in clash.stderr
    assert "\n" not in clash.stderr.strip()
    bad = cli("routines", "import", str(builtin), "--as", "My Toe")
    assert (bad.returncode, bad.stderr.strip()) == (
        2, 'ankledesk: --as: expected lowercase letters, digits and hyphens (got "My Toe")')
    ok = cli("routines", "import", str(builtin), "--as", "my-big-toe", check=True)
    assert "as my-big-toe" in ok.stdout
    text = (data_dir / "routines" / "my-big-toe.toml").read_text("utf-8")
    assert text.replace('id = "my-big-toe"', 'id = "big-toe-strength"') == builtin.read_text(
        "utf-8")


def test_a_broken_file_is_refused_with_the_check_lines(cli, data_dir, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "bad"\nname = "Bad"\n[[items]]\ndrill = "short-foot"\ncap = 0\n',
                   encoding="utf-8")
    result = cli("routines", "import", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}: items[1].cap: expected whole seconds 1–3600 (got 0)"]
    assert not (data_dir / "routines").exists()
    missing = cli("routines", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1
    assert missing.stdout.strip().endswith("cannot read the file (No such file or directory)")


def test_export_refusals_are_one_line(cli, tmp_path):
    unknown = cli("routines", "export", "no-such", "-o", str(tmp_path / "x.toml"))
    assert unknown.returncode == 1 and 'no routine with id "no-such"' in unknown.stderr
    nowhere = cli("routines", "export", "big-toe-strength", "-o",
                  str(tmp_path / "missing" / "x.toml"))
    assert nowhere.returncode == 1
    assert nowhere.stderr.strip().endswith(f"{tmp_path / 'missing'}: no such folder")
    builtin = cli("routines", "export", "big-toe-strength", "-o", str(tmp_path), check=False)
    assert builtin.returncode == 1 and "is a folder" in builtin.stderr
    fine = cli("routines", "export", "big-toe-strength", "-o", str(tmp_path / "b.toml"))
    assert fine.returncode == 0
    assert (tmp_path / "b.toml").read_bytes() == (
        ROOT / "routines" / "big-toe-strength.toml").read_bytes()


def test_an_id_ending_in_a_newline_is_refused_in_one_line(cli, data_dir, tmp_path):
    sent = tmp_path / "sent.toml"
    sent.write_text(MINE, encoding="utf-8")
    given = cli("routines", "import", str(sent), "--as", "abc\n")
    assert (given.returncode, given.stdout, given.stderr) == (
        2, "", 'ankledesk: --as: expected lowercase letters, digits and hyphens (got "abc\\n")\n')
    written = tmp_path / "newline.toml"
    written.write_text(MINE.replace('"sam-tuesday"', '"abc\\n"'), encoding="utf-8")
    inside = cli("routines", "import", str(written))
    assert (inside.returncode, inside.stdout) == (
        1, f'{written}: id: expected lowercase letters, digits and hyphens (got "abc\\n")\n')
    assert not (data_dir / "routines").exists()
    (data_dir / "routines").mkdir()
    (data_dir / "routines" / "newline.toml").write_bytes(written.read_bytes())
    listed = cli("routines", "list")
    assert listed.returncode == 0
    assert "abc" not in listed.stdout
    assert listed.stderr.splitlines() == [
        f"warning: {data_dir / 'routines' / 'newline.toml'}: id: expected lowercase letters, "
        'digits and hyphens (got "abc\\n")']


def test_a_file_already_holding_the_name_is_said_for_what_it_is(cli, data_dir, tmp_path):
    sent = tmp_path / "sent.toml"
    sent.write_text(MINE, encoding="utf-8")
    folder = data_dir / "routines"
    folder.mkdir()
    target = folder / "sam-tuesday.toml"
    target.write_text(MINE.replace('"sam-tuesday"', '"other-id"'), encoding="utf-8")
    held = cli("routines", "import", str(sent))
    assert (held.returncode, held.stderr) == (1, (
        f'ankledesk: {target} already exists (it holds the routine "other-id"); pick another '
        "id with --as NEW-ID\n"))
    target.write_text("not toml [", encoding="utf-8")
    broken = cli("routines", "import", str(sent))
    assert (broken.returncode, broken.stderr) == (1, (
        f"ankledesk: {target} already exists (it does not load; `ankledesk routines check` "
        "says why); pick another id with --as NEW-ID\n"))
    assert target.read_text("utf-8") == "not toml ["


# The real command line in a real process, held at the start line once everything is loaded,
# so that two of them run their import at the same moment (which a shell starting them one
# after the other only manages now and then).
RACER = """\
import sys
from ankledesk.entry import main
import ankledesk.cli, ankledesk.commands.routines, ankledesk.routine_files
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(sys.argv[1:]))
"""
PAIRS = 40


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_two_imports_of_one_id_at_once_one_is_imported_whole_and_the_other_refused(tmp_path):
    sent = []
    for who in ("Ann", "Bob"):
        path = tmp_path / f"{who}.toml"
        path.write_text(MINE.replace("Sam's Tuesday", f"{who}'s Tuesday"), encoding="utf-8")
        sent.append(path)
    lost = []
    for n in range(PAIRS):
        data = tmp_path / f"data-{n}"
        data.mkdir()
        env = {**os.environ, paths.DATA_DIR_ENV: str(data)}
        racers = [subprocess.Popen([sys.executable, "-c", RACER, "routines", "import",
                                    str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
                  for path in sent]
        try:
            for racer in racers:
                assert racer.stdout.readline() == "ready\n"
            for racer in racers:
                racer.stdin.write("go\n")
                racer.stdin.flush()
            said = [racer.communicate(timeout=60) for racer in racers]
        finally:
            for racer in racers:
                racer.kill()
                racer.wait()
        codes = [racer.returncode for racer in racers]
        target = data / "routines" / "sam-tuesday.toml"
        if sorted(codes) != [0, 1]:
            lost.append((n, codes, said))
            continue
        won = codes.index(0)
        assert said[won] == (f'imported "{("Ann", "Bob")[won]}\'s Tuesday" as sam-tuesday '
                             f"({target})\n", "")
        out, err = said[1 - won]
        assert out == "" and err.count("\n") == 1 and str(target) in err
        assert target.read_bytes() == sent[won].read_bytes()
        assert os.listdir(data / "routines") == ["sam-tuesday.toml"]
    assert lost == []
