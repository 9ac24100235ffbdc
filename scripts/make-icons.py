"""Render resources/icons/ankledesk.svg to the PNG sizes desktops and launchers ask for.

Run after changing the SVG: `.venv/bin/python scripts/make-icons.py`. The PNGs are committed
(hicolor theme sizes; Windows and macOS launchers take the 256 and 512 ones).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "ankledesk.svg"))
    if not renderer.isValid():
        print("ankledesk.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"ankledesk-{size}.png"
        image.save(str(target))
        print(target)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
