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


# A start up to the first paint that then reports which of PySide6's lazily made types exist.
# Imported in the entry point's order (the Qt-free layers, then the app), run through the CLI.
REPORT_AT_FIRST_PAINT = """
import sys
import ankledesk.entry as entry
from ankledesk.ui.before_qt import import_qt_free_first
import_qt_free_first()
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
import ankledesk.ui.app as app
made = {}
painted = app.FirstPaint._painted
def report(self):
    for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets):
        made.update({name: module.__name__ for name in module.__dict__})
    painted(self)
app.FirstPaint._painted = report
entry.main(["--data-dir", sys.argv[1], "--exit-after-paint"])
print(" ".join(sorted(made)))
"""


@pytest.fixture(scope="module")
def types_at_first_paint(tmp_path_factory) -> set[str]:
    data = tmp_path_factory.mktemp("data")
    result = subprocess.run([sys.executable, "-c", REPORT_AT_FIRST_PAINT, str(data)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    painted, made = result.stdout.splitlines()
    assert painted == "painted"
    return set(made.split())


def test_the_first_paint_goes_without_qts_namespace(types_at_first_paint):
    """Building `Qt` (all its ~90 enums) is the largest single cost after PySide6 itself; the
    first screen's painted widgets place and colour their words without it (ui/painting.py)."""
    assert "QWidget" in types_at_first_paint  # the report does see the types made
    assert "Qt" not in types_at_first_paint
    # and two more that an overload PySide6 weighs would build: QStyle's enums, QIcon's
    assert {"QStyle", "QIcon"} & types_at_first_paint == set()


# Which modules PySide6's import hook reads the source of, once the window's modules load.
READ_BY_THE_HOOK = """
import importlib, sys
from ankledesk.ui.before_qt import QT_FREE_FIRST, import_qt_free_first
for name in QT_FREE_FIRST:
    importlib.import_module(name)
before = set(sys.modules)  # everything loaded before PySide6
import_qt_free_first()
feature = sys.modules["PySide6.support.feature"]
read = []
uses_pyside = feature._mod_uses_pyside
def reading(module):
    read.append(module.__name__)
    return uses_pyside(module)
feature._mod_uses_pyside = reading
import ankledesk.ui.app
print(len(before), " ".join(name for name in read if name in before))
"""


def test_pyside6s_hook_does_not_read_what_was_loaded_before_it():
    result = subprocess.run([sys.executable, "-c", READ_BY_THE_HOOK],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded_before, *read_again = result.stdout.split()
    assert int(loaded_before) > 100  # the standard library and the Qt-free layers
    assert read_again == []


def test_the_private_table_is_written_only_into_the_pyside6_it_was_read_against():
    """before_qt writes into PySide6's private import table: an upgrade must be read first."""
    import PySide6

    from ankledesk.ui import before_qt

    assert PySide6.__version__ == before_qt.CHECKED_WITH_PYSIDE6, (
        "PySide6 changed: read its shibokensupport/feature.py, check that pyside_feature_dict "
        "still takes -1 for 'not a PySide6 module', then move CHECKED_WITH_PYSIDE6 on")
