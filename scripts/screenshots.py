"""`make screenshots`: render every screen AnkleDesk has, under a virtual display, to PNG.

libvlc draws straight into the X window, so the pictures are grabbed from the screen (Xvfb has
no compositor: the root window holds what is shown), not with QWidget.grab(). Today the screens
are the demo-clip view's states; each new screen adds its shot here.
"""

from __future__ import annotations

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
SIZE = (1280, 720)


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


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    drills, _ = load_drills(paths.builtin_routines_dir() / "drills.toml")
    media = paths.builtin_media_dir()
    view = VideoView()
    view.resize(*SIZE)
    view.move(0, 0)
    view.show()
    settle(app, 0.3)
    shots = [
        ("video-big-toe-hold-right", drills["big-toe-raise-hold"], False, 1.6),
        ("video-big-toe-hold-left", drills["big-toe-raise-hold"], True, 1.6),
        ("video-single-leg-rdl", drills["single-leg-rdl"], False, 1.2),
    ]
    for name, drill, mirrored, at in shots:
        view.show_drill(drill, media / drill.clip, mirrored=mirrored)
        settle(app, at)
        print(grab(view, name))
    view.show_drill(drills["toe-yoga"], media / "no-such-clip.mp4")
    settle(app, 0.5)
    print(grab(view, "video-cue-card"))
    view.showFullScreen()
    view.setGeometry(QGuiApplication.primaryScreen().geometry())  # Xvfb has no window manager
    view.show_drill(drills["banded-lunge"], media / drills["banded-lunge"].clip)
    settle(app, 1.2)
    print(grab(view, "video-full-screen"))
    view.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
