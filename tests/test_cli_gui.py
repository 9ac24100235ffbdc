"""The front door: `ankledesk` with no command opens the window (on the right data folder), and
`ankledesk demo` runs the real window on a fast clock, in pictures, without touching your data."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


def test_no_command_opens_the_app_on_the_data_dir_given(cli, tmp_path, data_dir):
    elsewhere = tmp_path / "elsewhere"
    result = cli("--data-dir", str(elsewhere), "--exit-after-paint", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "painted"
    # The app took that folder's lock and kept its preferences there, not in $ANKLEDESK_DATA_DIR.
    assert (elsewhere / "ankledesk.lock").exists()
    assert list(data_dir.iterdir()) == []


def test_commands_still_run_without_the_gui(cli):
    result = cli("routines", "list", check=True)
    assert "runners-chassis-circuit" in result.stdout


@pytest.mark.slow
def test_demo_records_a_session_in_its_own_folder_and_saves_every_picture(cli, tmp_path,
                                                                          data_dir):
    out = tmp_path / "pictures"
    env_display = os.environ.get("DISPLAY")
    assert env_display, "the suite runs under pytest-xvfb"
    # The whole screen: where the clip's native window once stayed where the menu bar had
    # left it (over the phase bar, old pixels below it), which a smaller window never showed.
    result = cli("demo", "--out", str(out), "--speed", "120", "--size", "1920x1080",
                 timeout=240)
    assert result.returncode == 0, result.stderr
    names = {p.stem for p in out.glob("*.png")}
    assert names == {"today", "routines", "prepare", "work-hold", "work-reps", "switch-sides",
                     "rest-next-clip", "summary", "today-after", "build", "history"}
    for picture in out.glob("*.png"):
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (1920, 1080)
        assert str(picture) in result.stdout
    for phase in ("prepare", "work-hold", "work-reps", "switch-sides", "rest-next-clip"):
        assert _window_between_bar_and_clip(QImage(str(out / f"{phase}.png"))), phase
    match = re.search(r"ankledesk --data-dir (\S+) history", result.stdout)
    assert match, result.stdout
    demo_data = Path(match.group(1))
    assert demo_data.parent == out
    history = cli("--data-dir", str(demo_data), "history", "--json", check=True)
    assert '"status": "finished"' in history.stdout
    assert list(data_dir.iterdir()) == [], "the demo never writes to the user's data"


def _window_between_bar_and_clip(image: QImage) -> bool:
    """Down the left margin of a workout picture: the phase bar, then a band of the window's
    own colour, then the clip (dark) — not the clip straight over the bar."""
    column = [image.pixelColor(20, y) for y in range(image.height() // 3)]
    below_bar = next(y for y, colour in enumerate(column) if colour != column[0])
    band = [c.lightness() for c in column[below_bar:below_bar + 6]]
    return all(value > 200 for value in band)


def test_demo_says_what_is_wrong_with_a_bad_size(cli):
    result = cli("demo", "--size", "huge")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "ankledesk: --size: expected WIDTHxHEIGHT such as 1280x720 (got 'huge')")


def test_a_mistyped_command_or_a_missing_value_is_one_error_not_the_window(cli):
    typo = cli("histroy")
    assert typo.returncode == 2
    assert "invalid choice: 'histroy'" in typo.stderr
    missing = cli("--data-dir")
    assert missing.returncode == 2
    assert missing.stderr.count("error:") == 1
    assert "--data-dir: expected one argument" in missing.stderr
