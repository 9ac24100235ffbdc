"""Video: step switch → the next clip's frames flowing, ours vs a plain libvlc player.

Both run in this process, on the same virtual display and the same clips. "Frames flowing" is
the first MediaPlayerTimeChanged after the switch, stamped on libvlc's thread. Ours: the next
clip is preloaded (primed and paused on the hidden surface) during the step, as the workout
screen does, then `show_drill`. Plain: `set_media` + `play()` on one player with libvlc's
default options. Memory: VmRSS growth over 200 of our switches, after the first 10.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from common import Row, ms, percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

WARMUP = 10
TIMED = 100
MEMORY = 200
TIMEOUT_S = 10.0

NOTES = """
## Video

Step switch → frames flowing is the time from the switch call to the new clip's first
`MediaPlayerTimeChanged`, stamped on libvlc's own thread, over 100 switches after 10 warm-up
ones, on a virtual X display (Xvfb, software OpenGL). Ours preloads the next step's clip on a
second, hidden player (started, then paused on its first frames: demuxer, decoder and video
output already exist) and the switch raises that surface and unpauses it; the primed clip uses
libavformat's demuxer, because after a resume libvlc's mp4 demuxer sleeps on its 250 ms
read-ahead before it reports time. The baseline is one player doing `set_media` + `play()` with
libvlc's defaults (300 ms file caching). Memory is VmRSS after 210 switches minus after 10.
"""


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _clips(folder: Path) -> list[Path]:
    """Four shipped clips if media/ has them, else generated solid-colour ones."""
    shipped = sorted((ROOT / "media").glob("*.mp4"))
    if len(shipped) >= 4:
        return shipped[:4]
    from tests.ui.conftest import SOLIDS, make_clip

    return [make_clip(folder / f"{name}.mp4", rgb, rgb) for name, rgb in SOLIDS.items()]


def _pump(app, until: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + TIMEOUT_S
    while not until():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def _ours(app, clips: list[Path]) -> tuple[list[float], float]:
    from ankledesk.core.model import Drill
    from ankledesk.ui.video import VideoView

    drill = Drill(id="bench", name="Bench", category="drill", mode="timed", seconds=30,
                  reps=None, sides="each", cues=("steady",))
    view = VideoView()
    view.resize(640, 360)
    view.show()
    flowed: list[str] = []
    view.frames_flowing.connect(flowed.append)
    view.show_drill(drill, clips[0])
    _pump(app, lambda: bool(flowed))
    latencies: list[float] = []
    base = 0.0
    for step in range(1, WARMUP + MEMORY + 1):
        clip, mirrored = clips[step % len(clips)], step % 4 == 0
        view.preload(drill, clip, mirrored)
        _pump(app, view.next_is_primed)
        flowed.clear()
        view.show_drill(drill, clip, mirrored)
        if not _pump(app, lambda: bool(flowed)):
            raise RuntimeError(f"switch {step}: no frames from {clip}")
        if step > WARMUP and len(latencies) < TIMED:
            latencies.append(view.last_switch_seconds or 0.0)
        if step == WARMUP:
            base = _rss_mb()
    growth = _rss_mb() - base
    view.shutdown()
    view.deleteLater()
    return latencies, growth


def _plain(app, clips: list[Path]) -> list[float]:
    import vlc
    from PySide6.QtWidgets import QFrame

    from ankledesk.ui.video import attach_window

    frame = QFrame()
    frame.resize(640, 360)
    frame.show()
    instance = vlc.Instance(["--quiet"])
    player = instance.media_player_new()
    attach_window(player, int(frame.winId()))
    first = threading.Event()
    stamp = [0.0]

    def on_time(_event) -> None:  # libvlc thread: record the moment, nothing else
        if not first.is_set():
            stamp[0] = time.perf_counter()
            first.set()

    events = player.event_manager()
    events.event_attach(vlc.EventType.MediaPlayerTimeChanged, on_time)
    latencies: list[float] = []
    for step in range(WARMUP + TIMED):
        media = instance.media_new(str(clips[step % len(clips)]), "input-repeat=65535")
        first.clear()
        started = time.perf_counter()
        player.set_media(media)
        player.play()
        media.release()
        if not _pump(app, first.is_set):
            raise RuntimeError(f"plain switch {step}: no frames")
        if step >= WARMUP:
            latencies.append(stamp[0] - started)
    events.event_detach(vlc.EventType.MediaPlayerTimeChanged)
    player.stop()
    player.release()
    instance.release()
    frame.close()
    return latencies


def run() -> list[Row]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        clips = _clips(Path(tmp))
        ours, growth = _ours(app, clips)
        plain = _plain(app, clips)
    name = "video: step switch → frames flowing"
    return [
        Row(name, "p50", ms(percentile(ours, 50)), ms(percentile(plain, 50))),
        Row(name, "p95", ms(percentile(ours, 95)), ms(percentile(plain, 95)), "≤ 50 ms",
            percentile(ours, 95) <= 0.050),
        Row("video: memory over 200 switches", "RSS growth", f"{growth:.1f} MB",
            "after the first 10", "≤ 15 MB", growth <= 15.0),
    ]
