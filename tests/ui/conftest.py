"""Video test fixtures: generated clips and a shown VideoView, under pytest-xvfb's display.

Clips are made with PyAV once per session: solid halves of known colours, so a screen grab can
tell which clip is on screen and whether it is mirrored.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import pytest

from ankledesk.core.model import Drill
from tests.ui.windows import leave_workout, show_main_window

W, H, FPS = 640, 360, 25
RED, BLUE, GREEN, YELLOW, MAGENTA, CYAN = (
    (255, 0, 0), (0, 0, 255), (0, 200, 0), (255, 255, 0), (255, 0, 255), (0, 255, 255))
SOLIDS = {"green": GREEN, "yellow": YELLOW, "magenta": MAGENTA, "cyan": CYAN}


def make_clip(path: Path, left: tuple[int, int, int], right: tuple[int, int, int],
              seconds: float = 3.0) -> Path:
    """A 640x360 H.264 .mp4 whose left half is `left` and right half is `right`."""
    row = bytes(left) * (W // 2) + bytes(right) * (W // 2)
    picture = row * H
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        for index in range(round(seconds * FPS)):
            frame = av.VideoFrame(W, H, "rgb24")
            frame.planes[0].update(picture)
            frame.pts, frame.time_base = index, Fraction(1, FPS)
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Named test clips: 'split' (red | blue), solid colours, and the bad cases."""
    folder = tmp_path_factory.mktemp("clips")
    made = {"split": make_clip(folder / "split.mp4", RED, BLUE)}
    for name, colour in SOLIDS.items():
        made[name] = make_clip(folder / f"{name}.mp4", colour, colour)
    # a built-in style each-side clip with its ready-mirrored left version beside it
    made["sided"] = make_clip(folder / "sided.mp4", RED, BLUE)
    make_clip(folder / "sided.left.mp4", GREEN, YELLOW)
    good = made["split"].read_bytes()
    made["truncated"] = folder / "truncated.mp4"
    made["truncated"].write_bytes(good[: len(good) // 3])
    made["empty"] = folder / "empty.mp4"
    made["empty"].write_bytes(b"")
    made["text"] = folder / "notes.mp4"
    made["text"].write_text("these are my notes, not a video\n", encoding="utf-8")
    made["missing"] = folder / "missing.mp4"
    return made


@pytest.fixture(autouse=True)
def _session_qapplication(qapp):
    """One QApplication for the whole run, made before anything else asks for Qt."""
    return qapp


@pytest.fixture
def drill() -> Drill:
    return Drill(id="big-toe-raise-hold", name="Big-toe calf-raise hold", category="strength",
                 mode="hold", seconds=45, reps=None, sides="each",
                 cues=("heel high enough for a tennis ball", "press through the big toe"),
                 clip="big-toe-raise-hold.mp4")


@pytest.fixture
def view(qtbot) -> Iterator:
    """A shown 640x360 VideoView at the screen's top-left; shut down after the test."""
    from ankledesk.ui.video import VideoView

    widget = VideoView()
    qtbot.addWidget(widget)
    widget.resize(W, H)
    widget.move(0, 0)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


# --- the app --------------------------------------------------------------------------------

QUICK_ROUTINE = """\
id = "quick-test"
name = "Quick test circuit"
description = "Two rounds: a hold each side and a reps set, short enough for a test."
rounds = 2
rest_between_rounds = 6
rest_between_drills = 0
prepare = 3
side_switch = 2

[[items]]
drill = "big-toe-raise-hold"
seconds = 5
sides = "each"

[[items]]
drill = "ankle-squat"
reps = 4
"""


@pytest.fixture
def quick_routine(data_dir: Path) -> str:
    """A short custom routine in the test's data folder (real drills, real clips)."""
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    (folder / "quick-test.toml").write_text(QUICK_ROUTINE, encoding="utf-8")
    return "quick-test"


@pytest.fixture
def clock():
    from ankledesk.ui.workout.clock import ManualClock

    return ManualClock(1000.0)


@pytest.fixture
def window(qtbot, data_dir: Path, clock, quick_routine) -> Iterator:
    """The real main window on the test's data folder, on a clock the test moves."""
    win = show_main_window(qtbot, data_dir, clock)
    yield win
    # Closed here, not by qtbot: a window closed mid-workout asks first (as it should).
    leave_workout(win)
    win.close()
    win.deleteLater()
    win.context.store.close()


def run_to(flow, predicate, limit: int = 500) -> None:
    """Move the clock from wake-up to wake-up (as the timer would) until `predicate()`,
    pressing Done on a reps set after 8 s of it."""
    for _ in range(limit):
        if predicate():
            return
        engine = flow.driver.engine
        view = engine.view(flow.clock.now())
        if view.state == "running" and view.step.counts_up and view.elapsed >= 8:
            flow.driver.complete()
            continue
        wake = engine.next_wake(flow.clock.now())
        if wake is None:
            break
        flow.clock.t = wake
        flow.driver.poll()
    assert predicate(), "the workout never got there"


def step_kind(flow) -> str:
    view = flow.driver.view()
    return view.phase
