"""`ankledesk clips` as a user's shell runs it."""

from __future__ import annotations

from pathlib import Path


def test_unknown_drill_is_one_line_and_non_zero(cli) -> None:
    result = cli("clips", "render", "--drill", "no-such-drill")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no-such-drill" in lines[0]
    assert "Traceback" not in result.stderr


def test_render_one_drill_into_a_folder(cli, tmp_path: Path) -> None:
    out = tmp_path / "media"
    result = cli("clips", "render", "--drill", "toe-yoga", "--out", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    assert (out / "toe-yoga.mp4").stat().st_size > 1000
    assert "toe-yoga.mp4" in result.stdout and "KB" in result.stdout
