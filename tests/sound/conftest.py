"""Audio test fixtures: short routines in the test's data folder and the real app window.

The session's PulseAudio daemon (tests/conftest.py) is where everything plays; tests record its
monitor with tests/sound/recording.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.windows import leave_workout, show_main_window

# prepare 3 s, a 5 s hold, a 4 s rest, a 5 s hold: every kind of tone but the halfway tick
# (holds under 10 s have none), in 17 s.
AUDIBLE_ROUTINE = """\
id = "audible-test"
name = "Audible test"
rounds = 1
rest_between_rounds = 0
rest_between_drills = 4
prepare = 3
side_switch = 0

[[items]]
drill = "big-toe-raise-hold"
seconds = 5
sides = "one"

[[items]]
drill = "wall-dorsiflexion-hold"
seconds = 5
sides = "one"
"""

# Two rounds of an each-side reps set and a 45 s hold, with every kind of announcement.
SPOKEN_ROUTINE = """\
id = "spoken-test"
name = "Spoken test"
rounds = 2
rest_between_rounds = 60
rest_between_drills = 30
prepare = 10
side_switch = 5

[[items]]
drill = "banded-lunge"
reps = 12
sides = "each"

[[items]]
drill = "big-toe-raise-hold"
seconds = 45
sides = "one"
"""

# What SPOKEN_ROUTINE is announced as, from start to end (6 sets done).
SPOKEN = [
    "Round 1 of 2. Next: Banded lunges, 12 each side.",
    "Switch sides.",
    "Rest, 30 seconds. Next: Big-toe calf-raise hold, 45 seconds.",
    "Halfway.",
    "Rest, 60 seconds. Round 2 of 2. Next: Banded lunges, 12 each side.",
    "Switch sides.",
    "Rest, 30 seconds. Next: Big-toe calf-raise hold, 45 seconds.",
    "Halfway.",
    "Workout done. 6 sets.",
]


@pytest.fixture
def routines(data_dir: Path) -> Path:
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    (folder / "audible-test.toml").write_text(AUDIBLE_ROUTINE, encoding="utf-8")
    (folder / "spoken-test.toml").write_text(SPOKEN_ROUTINE, encoding="utf-8")
    return folder


@pytest.fixture
def make_window(qapp, qtbot, data_dir: Path, routines: Path) -> Iterator[Callable]:
    """`make_window(clock)`: the real main window on this test's data folder, shown."""
    made = []

    def make(clock):
        window = show_main_window(qtbot, data_dir, clock, activate=False)
        made.append(window)
        return window

    yield make
    # Closed here rather than by qtbot: a window still in a workout asks before closing.
    for window in made:
        leave_workout(window)
        if window.flow is not None:
            window.flow.cues.shutdown()
        window.close()
        window.context.store.close()
        window.deleteLater()
