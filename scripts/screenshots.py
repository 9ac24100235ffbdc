"""`make screenshots`: every screen and workout phase, at 1280×720 and 1920×1080, light and
dark, into docs/screenshots/ (look at them after every UI change).

Each size and theme is one `ankledesk demo` run: the real window on a real routine, at a fast
clock, photographed from the screen (libvlc draws straight into X, so the root window is what
is grabbed, not QWidget.grab()). Then the video view's own states (mirrored, cue card).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ankledesk import paths
from ankledesk.core.loader import load_drills
from ankledesk.ui.video import VideoView

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
RUNS = [(size, theme) for size in ("1280x720", "1920x1080") for theme in ("light", "dark")]


def demo_shots() -> None:
    for size, theme in RUNS:
        result = subprocess.run(
            [sys.executable, "-m", "ankledesk", "demo", "--out", str(OUT), "--size", size,
             "--theme", theme, "--prefix", f"{size}-{theme}-", "--speed", "40"],
            capture_output=True, text=True, timeout=600)
        for folder in OUT.glob("data-*"):
            shutil.rmtree(folder)  # the demo's session: not a picture
        if result.returncode != 0:
            raise SystemExit(f"demo at {size} {theme} failed:\n{result.stderr}")
        print("\n".join(line.strip() for line in result.stdout.splitlines()
                        if line.strip().endswith(".png")))


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def grab(view: VideoView, name: str) -> Path:
    origin = view.mapToGlobal(QPoint(0, 0))
    image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    target = OUT / f"{name}.png"
    image.copy(QRect(origin.x(), origin.y(), view.width(), view.height())).save(str(target))
    return target


def video_shots() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    drills, _ = load_drills(paths.builtin_routines_dir() / "drills.toml")
    media = paths.builtin_media_dir()
    view = VideoView()
    view.resize(1280, 720)
    view.move(0, 0)
    view.show()
    settle(app, 0.3)
    shots = [
        ("video-big-toe-hold-right", drills["big-toe-raise-hold"], False, 1.6),
        ("video-big-toe-hold-left", drills["big-toe-raise-hold"], True, 1.6),
        ("video-single-leg-rdl", drills["single-leg-rdl"], False, 1.2),
    ]
    for name, drill, mirrored, at in shots:
        view.show_drill(drill, media / (drill.clip or ""), mirrored=mirrored)
        settle(app, at)
        print(grab(view, name))
    view.show_drill(drills["toe-yoga"], media / "no-such-clip.mp4")
    settle(app, 0.5)
    print(grab(view, "video-cue-card"))
    view.shutdown()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    demo_shots()
    video_shots()
    return 0


if __name__ == "__main__":
    sys.exit(main())
