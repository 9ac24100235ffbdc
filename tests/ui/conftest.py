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
