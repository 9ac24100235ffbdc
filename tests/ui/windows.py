"""The real main window, opened and closed the way every window test needs it."""

from __future__ import annotations

from pathlib import Path


def show_main_window(qtbot, data_dir: Path, clock, *, activate: bool = True):
    """Build the window on `data_dir` and `clock`, show it at 1280×720 at the top left and
    wait until it is on screen (and, with `activate`, until keys go to it)."""
    from ankledesk.ui.app import build_window

    win = build_window(data_dir, clock=clock)
    assert win is not None
    win.move(0, 0)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    if activate:
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)  # keys and shortcuts go to the active window
    return win


def leave_workout(win) -> None:
    """End a workout still running without the question a close would ask (as it should)."""
    if win.flow is not None and not win.flow.saved:
        win.flow.leave_now()
