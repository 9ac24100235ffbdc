"""What the app says once its window is on screen: the store's notices (through the window,
which also tells later ones) and the question about a workout that was cut short. Loaded after
the first paint (message boxes are not needed to show the window).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from ankledesk.ui.main_window import MainWindow


def offer_resume(window: MainWindow) -> None:
    """A workout was cut short (a crash, a flat battery): resume it, or keep it as it is."""
    store = window.context.store
    leftover = store.leftover
    if leftover is None or store.read_only:
        return
    sets = len(leftover["steps"])
    started = dt.datetime.fromisoformat(leftover["started_at"])
    box = QMessageBox(QMessageBox.Icon.Question, "A workout was cut short",
                      f"“{leftover['routine_name']}”, started {started:%a %-d %b at %H:%M}, "
                      f"stopped after {sets} set{'s' if sets != 1 else ''}. "
                      "Every finished set is saved.", parent=window)
    box.setObjectName("resumeBox")
    resume = box.addButton("Resume where it stopped", QMessageBox.ButtonRole.AcceptRole)
    resume.setObjectName("resumeButton")
    keep = box.addButton("Keep as stopped early", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepButton")
    box.setDefaultButton(resume)
    box.exec()
    answer = box.clickedButton()
    if answer is resume:
        window.resume_leftover()
    elif answer is keep:
        window.context.abandon_leftover()
    # No answer: the app is closing (SIGTERM, Ctrl-C); the question waits for the next start.


def after_shown(window: MainWindow) -> None:
    window.say_new_notices(at_start=True)
    offer_resume(window)
