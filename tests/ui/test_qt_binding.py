"""The Qt binding itself: a regression guard for the PySide6 build we pin.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that returns
nothing, and CPython aborts ("deallocating None") after a few thousand painted frames. That
makes a gym session crash mid-workout, so an upgrade that brings it back must fail here.
"""

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_void_qt_calls_do_not_release_none(qapp):
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(5000):
            painter.setPen(QColor(10, 20, 30))
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before, f"None lost {before - after} references in 5000 setPen calls"
