"""The app's fonts: the shipped DejaVu Sans, so the big digits look the same on every machine.

DejaVu Sans has tabular (equal-width) figures, and the `tnum` feature is asked for as well, so a
countdown going from 1:11 to 1:10 never shifts sideways.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from ankledesk import paths

log = logging.getLogger(__name__)

FAMILY = "DejaVu Sans"
_installed = False


def install_fonts() -> None:
    """Register the shipped fonts once (they are small; this costs a few milliseconds)."""
    global _installed
    if _installed:
        return
    folder = paths.resources_dir() / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            log.warning("could not load the font %s", folder / name)
    _installed = True


def digits_font(pixel_size: int) -> QFont:
    """Bold, tabular figures at `pixel_size` (the font's em in pixels)."""
    install_fonts()
    font = QFont(FAMILY)
    font.setPixelSize(max(1, pixel_size))
    font.setWeight(QFont.Weight.Bold)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def text_font(pixel_size: int, bold: bool = False) -> QFont:
    install_fonts()
    font = QFont(FAMILY)
    font.setPixelSize(max(1, pixel_size))
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font
