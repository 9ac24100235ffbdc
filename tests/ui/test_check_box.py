"""The big check box (the pain tick, the self-check): toggled by the box, the words and Space,
and drawn so that checked and unchecked differ at a glance, in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from ankledesk.ui.style import ACCENT
from ankledesk.ui.widgets.check_box import CheckBox


@pytest.fixture
def box(qtbot):
    widget = CheckBox("Something hurt", 26)
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre_of_box(widget: CheckBox) -> QColor:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image.pixelColor(2 + widget.box // 2, widget.height() // 2)


def test_the_box_and_the_words_toggle_it(qtbot, box):
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 10,
                                                                box.height() // 2))
    assert not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


@pytest.mark.parametrize("window, base", [("#f1f3f4", "#ffffff"), ("#202124", "#1b1d20")])
def test_checked_is_the_work_green_and_unchecked_the_field_colour(qtbot, box, window, base):
    palette = box.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    box.setPalette(palette)
    assert centre_of_box(box).name() == QColor(base).name()
    box.setChecked(True)
    # The tick runs through the box, so sample beside it: the corner is the fill.
    image = box.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.pixelColor(2 + 6, box.height() // 2 - box.box // 2 + 6).name() == ACCENT


def test_the_size_leaves_room_for_the_whole_label(box):
    words = box.fontMetrics().horizontalAdvance(box.text())
    assert box.sizeHint().width() >= box.box + words
    assert box.sizeHint().height() >= box.box
