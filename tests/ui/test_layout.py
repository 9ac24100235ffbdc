"""The workout screen at 800×600, 1280×720 and 1920×1080, and in full screen: nothing overlaps,
nothing is cut off, and the countdown is readable from across the room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.ui.conftest import run_to

# Leaf widgets we check: what the user reads or presses.
READABLE = (QLabel, QAbstractButton)


def shown_leaves(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() == 0:
            continue
        name = widget.objectName()
        if isinstance(widget, READABLE) or name in ("countdown", "progressRing", "phaseBar",
                                                    "workoutVideo"):
            found.append(widget)
    return found


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def check_layout(screen: QWidget) -> None:
    window_rect = screen.window().rect()
    leaves = shown_leaves(screen)
    assert len(leaves) > 10
    rects = {w: global_rect(w) for w in leaves}
    for widget, rect in rects.items():
        label = f"{widget.objectName() or type(widget).__name__} {rect}"
        assert window_rect.contains(rect), f"{label} sticks out of the window"
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            needed = widget.fontMetrics().horizontalAdvance(widget.text())
            assert needed <= widget.contentsRect().width(), f"{label} cuts its text"
        if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            assert needed <= widget.height() + 2, f"{label} cuts its wrapped text"
        if isinstance(widget, QAbstractButton):
            needed = widget.fontMetrics().horizontalAdvance(widget.text()) + 8
            assert needed <= widget.width(), f"{label} cuts its caption"
    for a, ra in rects.items():
        for b, rb in rects.items():
            if a is b or a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            assert not ra.intersects(rb), (
                f"{a.objectName() or type(a).__name__} {ra} overlaps "
                f"{b.objectName() or type(b).__name__} {rb}")


@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (1920, 1080), (3840, 2160)])
def test_nothing_overlaps_or_is_cut_off(qtbot, window, size):
    window.resize(*size)
    flow = window.start_routine("quick-test")
    screen = flow.workout_screen
    phases = {}
    for phase, reached in (
        ("prepare", lambda: True),
        ("work-hold", lambda: flow.driver.view().phase == "work"),
        ("switch", lambda: flow.driver.view().phase == "switch"),
        ("work-reps", lambda: flow.driver.view().step.mode == "reps"),
        ("rest", lambda: flow.driver.view().phase == "rest"),
    ):
        run_to(flow, reached)
        if phase == "rest":
            screen.ask_to_stop()  # the stop question takes room too
        QApplication.processEvents()
        assert window.size().width() == size[0]
        check_layout(screen)
        phases[phase] = screen.countdown.digit_pixel_size()
    assert min(phases.values()) >= size[1] * 0.12  # readable in a window, too


def test_full_screen_countdown_is_over_a_fifth_of_the_height(qtbot, window):
    flow = window.start_routine("quick-test")
    window.toggle_full_screen()
    screen_size = QGuiApplication.primaryScreen().geometry().size()
    qtbot.waitUntil(lambda: window.size() == screen_size)
    QApplication.processEvents()
    for reached in (lambda: flow.driver.view().phase == "work",
                    lambda: flow.driver.view().step.mode == "reps"):
        run_to(flow, reached)
        QApplication.processEvents()
        digits = flow.workout_screen.countdown.digit_pixel_size()
        assert digits >= 0.22 * window.height(), (digits, window.height())
        check_layout(flow.workout_screen)
    window.toggle_full_screen()
    qtbot.waitUntil(lambda: not window.isFullScreen())
