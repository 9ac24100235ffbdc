"""The big green Start: green with white words, a lighter green under the pointer, the orange
ring with the keyboard on it, and the palette's grey when it cannot be pressed."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from ankledesk.ui.style import ACCENT, ACCENT_HOVER, FOCUS_RING, start_button


def _picture(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _whitest(image: QImage) -> QColor:
    """The lightest pixel of the button: its words."""
    return max((image.pixelColor(x, y) for x in range(image.width())
                for y in range(0, image.height(), 2)), key=lambda c: c.lightness())


def test_the_start_button_in_each_state(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 140)
    button = start_button("Start ▶")
    button.setParent(host)
    button.setGeometry(20, 20, 300, 80)
    host.show()
    qtbot.waitExposed(host)
    inside = QPoint(12, 40)  # left of the words, clear of the rounded corners and the ring

    resting = _picture(button)
    assert resting.pixelColor(inside) == QColor(ACCENT)
    assert _whitest(resting) == QColor("white")

    qtbot.mouseMove(button, QPoint(150, 40))
    qtbot.waitUntil(button.underMouse)
    qtbot.waitUntil(lambda: _picture(button).pixelColor(inside) == QColor(ACCENT_HOVER))

    qtbot.mouseMove(host, QPoint(380, 130))
    qtbot.waitUntil(lambda: not button.underMouse())
    qtbot.waitUntil(lambda: _picture(button).pixelColor(inside) == QColor(ACCENT))

    host.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert _picture(button).pixelColor(QPoint(150, 1)) == QColor(FOCUS_RING)

    button.setEnabled(False)
    disabled = _picture(button)
    assert disabled.pixelColor(inside) != QColor(ACCENT)
    assert _whitest(disabled) != QColor("white")  # grey words on grey, not white on green
