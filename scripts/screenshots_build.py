"""The Build screen in pictures: empty, mid-build and showing errors, light and dark, 1280×720.

The real main window on a throwaway data folder, driven through its own widgets; the pictures
are grabbed from the screen (libvlc draws the drill clip straight into X), as `ankledesk demo`
does. Run under a display: `xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python
scripts/screenshots_build.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ankledesk.ui.app import build_window, create_application
from ankledesk.ui.theme import apply_theme
from ankledesk.ui.workout.clock import ManualClock
from screenshots import OUT, grab, settle  # the same grab as every other screen

SIZE = (1280, 720)
CIRCUIT = ("single-leg-rdl", "big-toe-raise-hold", "short-foot", "eccentric-calf-raise",
           "single-leg-eyes-closed")


def paced_workout(app: QApplication, window) -> Path:
    """The circuit saved and started: its short-foot set shows `rep 3 of 6` and the rep's
    countdown (the clock is a hand-moved one, held at 25 s into the set)."""
    build = window.build
    assert build.files.save()
    flow = window.start_routine(build.editing.id)
    assert flow is not None
    clock = window.clock
    for _ in range(400):
        step = flow.driver.view().step
        if step is not None and step.is_work and step.paced:
            break
        assert step is not None, "the circuit has no paced set"
        if step is not None and step.is_work and step.counts_up:
            flow.driver.complete()
            continue
        clock.t = flow.driver.engine.next_wake(clock.now())
        flow.driver.poll()
    clock.t += 25.0
    flow.driver.poll()
    settle(app, 2.0)
    shot = grab(window, "workout-paced-reps")
    flow.leave_now()
    settle(app, 0.3)
    return shot


def shoot(app: QApplication, theme: str) -> list[Path]:
    apply_theme(app, theme)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ankledesk-shots-") as folder:
        window = build_window(Path(folder), clock=ManualClock(1000.0))
        assert window is not None
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        window.show_page(2)
        build = window.build
        settle(app, 1.5)
        shots.append(grab(window, f"build-empty-{theme}"))

        build.settings.name.setFocus()
        build.settings.name.setText("Hill prep")
        build.settings.changed.emit("name", "Hill prep")
        build.settings.description.setText("Calf and foot strength before hill repeats.")
        build.settings.changed.emit("description", build.settings.description.text())
        build.settings.numbers["rounds"].setValue(3)
        build.settings.numbers["rest_between_drills"].setValue(10)
        for drill_id in CIRCUIT:
            build.add_drill(drill_id)
        build.items.setCurrentIndex(build.model.index(2))
        build.editor.rep_seconds.setValue(10)  # short foot: six 10 s holds, counted
        build.library_panel.search.setText("calf")
        build.library_panel.list.setCurrentRow(1)
        settle(app, 2.0)
        shots.append(grab(window, f"build-mid-{theme}"))

        if theme == "light":
            shots.append(paced_workout(app, window))
            window.show_page(2)
        build.settings.numbers["rounds"].setValue(60)
        build.settings.name.setText("")
        build.settings.changed.emit("name", "")
        build.items.setCurrentIndex(build.model.index(2))
        build.editor.rep_seconds.setValue(900)
        build.editor.cap.setValue(90)
        settle(app, 1.0)
        shots.append(grab(window, f"build-errors-{theme}"))
        build.undo.setClean()  # nothing to ask about: the folder goes away with the window
        window.close()
        build.shutdown()
        window.routines.shutdown()
        window.context.store.close()
        settle(app, 0.3)
    return shots


def main() -> int:
    app = create_application() if QApplication.instance() is None else QApplication.instance()
    OUT.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        for path in shoot(app, theme):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
