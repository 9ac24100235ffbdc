"""A short workout in the real app, in a process of its own, reported as one JSON line.

    python tests/sound/run_workout.py DATA_DIR SPEED

Used where the test needs a process whose sound set-up differs from the suite's (no sound
server at all): the app logs to DATA_DIR/logs like the real one and installs the real
excepthook, so an error dialog or an uncaught exception would show in the report.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from ankledesk.ui import app as app_module
from ankledesk.ui.workout.clock import ScaledClock

ROUTINE = "audible-test"
LIMIT_MS = 60_000
VOICE_SETTLE_S = 40.0


def main(data_dir: Path, speed: float) -> int:
    app_module.start_logging(data_dir)
    app_module.install_excepthook(data_dir)
    app = app_module.create_application()
    window = app_module.build_window(data_dir, clock=ScaledClock(speed))
    if window is None:
        return 1
    window.resize(1280, 720)
    window.show()
    flow = window.start_routine(ROUTINE)
    if flow is None:
        return 1
    report: dict = {}
    errors: list[str] = []
    flow.summary_shown.connect(lambda: QTimer.singleShot(0, flow.summary.save))
    flow.closed.connect(lambda document: (report.update(status=document["status"],
                                                         sets=len(document["steps"])),
                                          QTimer.singleShot(200, app.quit)))
    sys.excepthook, real = (lambda *exc: (errors.append(repr(exc[1])), real(*exc))), sys.excepthook
    QTimer.singleShot(LIMIT_MS, app.quit)
    app.exec()
    voice = flow.cues.voice
    # A voice may still be on its last words, or stuck on them: wait until that is settled.
    deadline = time.monotonic() + VOICE_SETTLE_S
    while voice is not None and voice.failed is None and voice.running and (
            time.monotonic() < deadline):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)
    log = app_module.log_path(data_dir).read_text(encoding="utf-8").splitlines()
    report.update(
        has_output=flow.cues.tones.has_output,
        warnings=[line.split(": ", 1)[-1] for line in log if " WARNING " in line],
        error_dialogs=len(app_module._dialogs),
        uncaught=errors,
    )
    window.context.store.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), float(sys.argv[2])))
