"""The drawing surface: an offscreen Qt app, the bundled fonts, the palette and the camera.

Clips must render identically on every machine, so the app runs on the offscreen platform and
text uses the DejaVu fonts shipped in resources/, never whatever the system happens to have.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication

from ankledesk import paths

# Everything is laid out in a 640x360 design space (cameras, line widths, fonts) and painted
# at PIXEL_SCALE times that: a 1280x720 clip is the same picture, drawn sharp for full screen.
WIDTH, HEIGHT = 640, 360
PIXEL_SCALE = 2
PIXEL_WIDTH, PIXEL_HEIGHT = WIDTH * PIXEL_SCALE, HEIGHT * PIXEL_SCALE

BACKGROUND = QColor("#1c2430")
FLOOR = QColor("#263140")
FLOOR_LINE = QColor("#3d4b5e")
FIGURE = QColor("#e9eef4")
FIGURE_FAR = QColor("#8d99a8")
ACCENT = QColor("#ff8a3d")
ACCENT_FAR = QColor("#c7642a")
ACCENT_EDGE = QColor("#b84f12")
SOLE = QColor("#8f3a0a")  # the sole, seen edge-on or tilted, in front and 3/4 views
SOLE_PLAIN = QColor("#aab4c1")
PROP = QColor("#5d6f86")
PROP_EDGE = QColor("#7f92aa")
BAND = QColor("#3ccf8e")
BALL = QColor("#d4ec4a")
TEXT = QColor("#f5f7fa")
CAPTION_BAR = QColor(10, 14, 20)  # opaque: nothing in the scene shows through the text bars
TRAIL = QColor(255, 138, 61, 150)


@cache
def app() -> QGuiApplication:
    """The process's QGuiApplication, created offscreen if none exists yet."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


@cache
def font_family(bold: bool) -> str:
    """Register the bundled DejaVu font once and return its family name."""
    app()
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / name))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"cannot load the bundled font {name}")
    return families[0]


def font(pixel_size: int, bold: bool = False) -> QFont:
    f = QFont(font_family(bold))
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@dataclass(frozen=True)
class Camera:
    """Metres -> pixels: `x` is the world x drawn at the centre, `ground` the floor's pixel row."""

    x: float = 0.0
    ground: float = 300.0
    scale: float = 140.0

    def px(self, p: tuple[float, float]) -> QPointF:
        return QPointF(WIDTH / 2 + (p[0] - self.x) * self.scale, self.ground - p[1] * self.scale)

    def size(self, metres: float, minimum: float = 1.0) -> float:
        return max(minimum, metres * self.scale)
