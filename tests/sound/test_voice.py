"""The spoken announcements: the exact sentences of a routine (QTextToSpeech's mock engine, in
the real window), real speech from speech-dispatcher on the null sink, tones that do not wait
for it, and tones alone when there is no voice."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import numpy as np

from ankledesk.core.engine import Event
from ankledesk.core.plan import Plan, expand
from ankledesk.library import open_library
from ankledesk.ui.workout import voice as voice_module
from ankledesk.ui.workout.clock import ManualClock
from ankledesk.ui.workout.sound import CuePlayer
from ankledesk.ui.workout.tones import TONES
from tests.sound.conftest import SPOKEN
from tests.sound.pulse import RATE
from tests.sound.recording import MonitorRecorder, dbfs, sounds


def plan_of(data_dir: Path, routine_id: str) -> Plan:
    return expand(open_library(data_dir).routines[routine_id])


def test_a_routine_is_announced_in_exactly_these_words(qtbot, make_window):
    clock = ManualClock(1000.0)
    window = make_window(clock)
    announced: list[str] = []
    window.workout_started.connect(
        lambda flow: flow.cues.announced.connect(lambda text: announced.append(text)))
    flow = window.start_routine("spoken-test")
    assert flow is not None
    voice = flow.cues.voice
    assert voice is not None and voice.engine == "mock"
    spoken: list[str] = []  # the first sentence waits for the voice to be ready: not missed
    voice.spoken.connect(lambda text: spoken.append(text))
    qtbot.waitUntil(lambda: voice.is_ready, timeout=20_000)
    driver = flow.driver
    while flow.summary is None:
        qtbot.waitUntil(lambda: flow.cues.idle, timeout=10_000)  # each said to its end
        if driver.engine.step.counts_up:
            driver.complete()
            continue
        clock.t = driver.engine.next_wake(clock.now())
        driver.poll()
    # "Workout done" waits for its chime, then goes out as the workout's voice process ends.
    qtbot.waitUntil(lambda: len(spoken) >= len(SPOKEN), timeout=15_000)
    assert announced == SPOKEN
    assert spoken == SPOKEN


def test_speech_dispatcher_is_heard_and_a_tone_due_meanwhile_still_sounds(
        sound_server, qtbot, data_dir, routines, monkeypatch):
    player = CuePlayer(plan_of(data_dir, "spoken-test"), engine="speechd")
    player.start_voice()
    voice = player.voice
    assert voice is not None
    try:
        qtbot.waitUntil(lambda: voice.is_ready or voice.failed is not None, timeout=30_000)
        assert voice.failed is None
        assert voice.voice_name.startswith("English"), voice.voice_name  # not the C locale's
        qtbot.waitUntil(lambda: player.tones.all_ready, timeout=5_000)
        step = player.plan.steps[0]
        with MonitorRecorder(sound_server) as recording:
            qtbot.wait(200)
            with qtbot.waitSignal(voice.speaking, timeout=10_000):
                voice.say("Rest, 60 seconds. Next: step up to balance, 8 each side.")
            qtbot.wait(600)  # well into the sentence
            tone_due = time.monotonic()
            player.on_events([Event("countdown", tone_due, step, count=3)])
            with qtbot.waitSignal(voice.spoken, timeout=20_000):
                pass
            qtbot.wait(300)
    finally:
        player.shutdown()
    samples, t0 = recording.samples, recording.t0
    heard = sounds(samples, t0)
    speech = sum(s.seconds for s in heard)
    assert speech > 1.5, f"only {speech:.2f} s of sound recorded"
    # The voice alone (before the pip is mixed in: the two together may sum past full scale).
    due = round((tone_due - t0) * RATE)
    peak = dbfs(float(np.abs(samples[:due]).max()))
    assert -12 < peak < -0.1, f"speech peaks at {peak:.1f} dBFS (quiet, or clipping)"
    # The countdown pip rises out of the speech at once: 880 Hz in the 100 ms after it was due
    # is far stronger than in the 100 ms before.
    window = RATE // 10

    def band(segment: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(segment * np.hanning(len(segment))))
        freqs = np.fft.rfftfreq(len(segment), 1 / RATE)
        hz = TONES["countdown"].first_hz
        return float(spectrum[(freqs > hz - 15) & (freqs < hz + 15)].max())

    before, after = band(samples[due - window: due]), band(samples[due + 240: due + 240 + window])
    assert after > 10 * before, f"880 Hz: {before:.1f} before the pip, {after:.1f} after"


def test_without_a_voice_the_tones_carry_on(sound_server, qtbot, data_dir, routines, caplog):
    caplog.set_level(logging.INFO, logger="ankledesk")
    player = CuePlayer(plan_of(data_dir, "spoken-test"), engine="no-such-engine")
    player.start_voice()
    voice = player.voice
    assert voice is not None
    try:
        with qtbot.waitSignal(voice.unavailable, timeout=20_000) as why:
            pass
        assert "no-such-engine" in why.args[0]
        qtbot.waitUntil(lambda: player.tones.all_ready, timeout=5_000)
        step = player.plan.steps[1]
        with MonitorRecorder(sound_server) as recording:
            qtbot.wait(100)
            player.on_events([Event("step_started", 0.0, step)])  # a work tone, a sentence
            qtbot.wait(700)
    finally:
        player.shutdown()
    heard = sounds(recording.samples, recording.t0)
    assert [s.cue for s in heard] == ["work"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith("voice off, tones only:"), warnings


def test_speech_stuck_in_speaking_is_given_up_and_the_tones_carry_on(
        sound_server, qtbot, data_dir, routines, caplog, monkeypatch):
    caplog.set_level(logging.INFO, logger="ankledesk")
    stuck = Path(__file__).with_name("stuck_voice_host.py")
    monkeypatch.setattr(voice_module, "host_command", lambda *_: [sys.executable, str(stuck)])
    player = CuePlayer(plan_of(data_dir, "spoken-test"))
    player.start_voice()
    voice = player.voice
    assert voice is not None
    try:
        qtbot.waitUntil(lambda: voice.is_ready, timeout=10_000)
        qtbot.waitUntil(lambda: player.tones.all_ready, timeout=5_000)
        switch = next(s for s in player.plan.steps if s.kind == "switch")
        started = time.monotonic()
        with qtbot.waitSignal(voice.unavailable, timeout=20_000) as why:
            player.on_events([Event("step_started", 0.0, switch),
                              Event("switch_sides", 0.0, switch)])
        assert why.args[0] == "speech stuck in Speaking: 'Switch sides.'"
        # Given up after the sentence's allowance, not at once and not never.
        allowance = voice_module.SPEAK_TIMEOUT_BASE_S + 13 * voice_module.SPEAK_TIMEOUT_PER_CHAR_S
        assert allowance <= time.monotonic() - started < allowance + 3
        with MonitorRecorder(sound_server) as recording:
            qtbot.wait(100)
            player.on_events([Event("countdown", 5.0, switch, count=2)])
            qtbot.wait(400)
        assert [s.cue for s in sounds(recording.samples, recording.t0)] == ["countdown"]
        assert player.idle  # nothing waits on a voice that is gone
    finally:
        player.shutdown()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == ["voice off, tones only: speech stuck in Speaking: 'Switch sides.'"]
