"""`ankledesk routines import FILE [--as ID]` and `routines export ID -o FILE`, run as a coach's
shell would: files travel between two data folders unchanged, and every refusal is one line."""

from __future__ import annotations

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
