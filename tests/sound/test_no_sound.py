"""Without a sound server the workout still runs to its end: no error dialog, no exception,
one line in the log for the missing audio output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ankledesk.ui.workout.voice import ENGINE_ENV
from tests.conftest import ROOT

SPEED = 4.0  # the 17 s routine in about 4 s


def test_the_workout_runs_to_its_end_with_no_sound_server(data_dir, routines):
    runtime = Path(tempfile.mkdtemp(prefix="ankledesk-nosound-"))
    runtime.chmod(0o700)
    env = {**os.environ, "PULSE_SERVER": f"unix:{runtime}/no-server-here",
           "XDG_RUNTIME_DIR": str(runtime), ENGINE_ENV: "mock"}
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "sound" / "run_workout.py"), str(data_dir),
             str(SPEED)], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == "finished" and report["sets"] == 2, report
    assert report["error_dialogs"] == 0 and report["uncaught"] == [], report
    assert report["has_output"] is False
    assert report["warnings"] == ["no audio output: the workout runs without sound"]
    assert "Traceback" not in result.stderr
