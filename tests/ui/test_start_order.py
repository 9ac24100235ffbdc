"""What a real start of the window imports, and in which order (read from `python -X importtime`).

The way to the first paint is kept short by what is *not* loaded (libvlc, QtDBus, QtCharts,
reportlab, the workout's code) and by loading the Qt-free layers before PySide6, which reads
the source of every module imported after it (ankledesk/ui/before_qt.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ankledesk import paths

ROOT = Path(__file__).resolve().parents[2]

NOT_BEFORE_THE_FIRST_PAINT = (
    "vlc",                      # libvlc: the clip views are made on first show
    "PySide6.QtDBus",           # the screen-saver inhibitor: made for the first workout
    "PySide6.QtCharts",         # the History page's charts
    "PySide6.QtMultimedia",     # the cue sounds
    "PySide6.QtTextToSpeech",   # the voice
    "reportlab",                # printing
    "ankledesk.ui.workout.flow",
    "ankledesk.ui.preferences_dialog",
    "ankledesk.ui.error_dialog",
    "ankledesk.ui.after_start",     # the notices and the resume question
)


@pytest.fixture(scope="module")
def start_imports(tmp_path_factory) -> list[str]:
    """Module names in the order their import finished, for one start to the first paint."""
    data = tmp_path_factory.mktemp("data")
    env = {**os.environ, paths.DATA_DIR_ENV: str(data)}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ankledesk", "--exit-after-paint"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "painted"
    names = [line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
             if line.startswith("import time:") and "|" in line and "[us]" not in line]
    assert len(names) > 50
    return names


def test_the_qt_free_layers_are_loaded_before_pyside6(start_imports):
    first_qt = next(i for i, name in enumerate(start_imports)
                    if name.startswith(("shiboken6", "PySide6")))
    late = [name for name in start_imports[first_qt:]
            if name.startswith(("ankledesk.core", "ankledesk.store", "ankledesk.library"))]
    assert late == [], "add these to ankledesk/ui/before_qt.py's QT_FREE_FIRST"


def test_nothing_a_later_screen_needs_is_loaded_before_the_first_paint(start_imports):
    loaded = set(start_imports)
    assert [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in loaded] == []
