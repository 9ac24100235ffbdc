"""Cue latency: from the engine's event to the tone's onset on a real PulseAudio sink.

1. Ours: the real WorkoutDriver (precise QTimer, engine deadlines) on a clock running 1.5x real
   time (cues 0.67 s apart, so no tone is still sounding when the next is due), with the
   CuePlayer connected as the workout flow connects it; a private PulseAudio daemon's null sink
   is recorded with parec and each tone's onset found in the recording. Latency = onset minus
   the engine's due time of the event it marks (timer wake-up + driver + QSoundEffect + sink).
2. Baseline in the same run: bare QSoundEffect.play() called from a QTimer, onset minus the
   moment of the call (what QSoundEffect and the sink alone cost).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import Row, ms, percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

CUES = 50
BASELINE_PLAYS = 30
SPEED = 1.5
BUDGET_P95_S = 0.030

NOTES = """
## Sound

A private PulseAudio daemon with a null sink (tests/sound/pulse.py); its monitor recorded with
`parec --latency-msec=5` and onsets found where the 2 ms RMS first rises above −40 dBFS, then
the first sample above a tenth of the tone's peak (tests/sound/recording.py). The recording's
clock is aligned with time.monotonic() to within one 5 ms block. "Ours" runs a routine of 4 s
holds (3-2-1 and a work tone each second of engine time) through the real WorkoutDriver and
CuePlayer at 1.5x; the baseline plays a QSoundEffect directly from a timer.
"""

ROUTINE = """\
id = "bench-cues"
name = "Bench cues"
rounds = 1
rest_between_rounds = 0
rest_between_drills = 0
prepare = 4
side_switch = 0
""" + "".join("""
[[items]]
drill = "big-toe-raise-hold"
seconds = 4
sides = "one"
""" for _ in range(13))


def _measure(server, app) -> tuple[list[float], list[float], int]:
    from PySide6.QtCore import QTimer

    from ankledesk import paths
    from ankledesk.core.loader import load_library
    from ankledesk.core.plan import expand
    from ankledesk.ui.workout.clock import ScaledClock
    from ankledesk.ui.workout.driver import WorkoutDriver
    from ankledesk.ui.workout.sound import CuePlayer, ToneBank
    from tests.sound.recording import MonitorRecorder, sounds

    folder = Path(tempfile.mkdtemp(prefix="ankledesk-bench-cues-"))
    (folder / "bench-cues.toml").write_text(ROUTINE, encoding="utf-8")
    plan = expand(load_library(paths.builtin_routines_dir(), folder).routine("bench-cues"))
    shutil.rmtree(folder, ignore_errors=True)
    bank = ToneBank.shared()
    deadline = time.monotonic() + 10
    while not bank.all_ready and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)

    # 1. Ours.
    clock = ScaledClock(SPEED)
    driver = WorkoutDriver(plan, clock)
    player = CuePlayer(plan, voice_on=False, tones=bank)
    driver.events.connect(player.play_tones)
    due: list[float] = []  # real monotonic times the played tones were due
    played_at = clock_to_real(clock)
    player.tone_played.connect(lambda _cue, at: due.append(played_at(at)))
    with MonitorRecorder(server) as rec:
        driver.start()
        while len(due) < CUES and driver.engine.state != "finished":
            app.processEvents()
            time.sleep(0.001)
        driver.stop()
        _settle(app, 0.8)
    heard = [s.start for s in sounds(rec.samples, rec.t0)]
    ours = _match(due[:CUES], heard)

    # 2. Baseline: QSoundEffect.play() straight from a timer.
    effect = bank.effects["countdown"]
    calls: list[float] = []

    def play() -> None:
        calls.append(time.monotonic())
        effect.play()

    with MonitorRecorder(server) as rec:
        for i in range(BASELINE_PLAYS):
            QTimer.singleShot(200 + i * 400, play)
        _settle(app, 0.2 + BASELINE_PLAYS * 0.4 + 0.6)
    baseline = _match(calls, [s.start for s in sounds(rec.samples, rec.t0)])
    return ours, baseline, bank.skipped


def clock_to_real(clock):
    """Engine seconds on a ScaledClock → the monotonic time they came (clock never held)."""
    start_real = time.monotonic() - clock.now() / clock.speed

    def convert(engine_seconds: float) -> float:
        return start_real + engine_seconds / clock.speed

    return convert


def _settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)


def _match(due: list[float], onsets: list[float]) -> list[float]:
    """Each due time's latency to the first onset at or after it (−5 ms: alignment)."""
    latencies = []
    for moment in due:
        after = [o for o in onsets if o >= moment - 0.005]
        if after and after[0] - moment < 0.5:
            latencies.append(after[0] - moment)
    return latencies


def run() -> list[Row]:
    from tests.sound.pulse import PulseServer

    server = PulseServer().start()
    os.environ.update(server.env)  # before Qt Multimedia first looks for a sound server
    try:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance() or QCoreApplication([])
        ours, baseline, skipped = _measure(server, app)
    finally:
        server.stop()
    p95 = percentile(ours, 95) if ours else float("inf")
    return [
        Row("cue tone: engine event → onset on the sink",
            f"p50 / p95 over {len(ours)} of {CUES} cues"
            + (f", {skipped} skipped by the player" if skipped else ""),
            f"{ms(percentile(ours, 50))} / {ms(p95)}" if ours else "none heard",
            f"bare QSoundEffect.play() → onset: {ms(percentile(baseline, 50))} / "
            f"{ms(percentile(baseline, 95))} ({len(baseline)} plays)" if baseline else "none",
            "p95 ≤ 30 ms", ok=bool(ours) and len(ours) == CUES and p95 <= BUDGET_P95_S
            and skipped == 0),
    ]
