"""The tones come out of the speakers: a short routine at real speed in the real window, the
null sink's monitor recorded, every cue found at its moment, loud, and of the right kind."""

from __future__ import annotations

from ankledesk.core.engine import Event
from ankledesk.ui.workout.clock import MonotonicClock
from ankledesk.ui.workout.tones import TONES
from tests.sound.recording import MonitorRecorder, sounds

# (seconds after the workout starts, cue) for AUDIBLE_ROUTINE: prepare 0–3, hold 3–8,
# rest 8–12, hold 12–17; 3-2-1 before each change (a 3 s prepare only has room for 2-1).
EXPECTED = [
    (1, "countdown"), (2, "countdown"), (3, "work"),
    (5, "countdown"), (6, "countdown"), (7, "countdown"), (8, "rest"),
    (9, "countdown"), (10, "countdown"), (11, "countdown"), (12, "work"),
    (14, "countdown"), (15, "countdown"), (16, "countdown"), (17, "workout_done"),
]
ONSET_WITHIN_S = 0.150
LOUDER_THAN_DBFS = -20.0


def test_every_cue_is_heard_on_time_loud_and_of_its_kind(sound_server, qtbot, make_window):
    window = make_window(MonotonicClock())
    events: list[Event] = []
    window.workout_started.connect(lambda flow: flow.driver.events.connect(events.extend))
    with MonitorRecorder(sound_server) as recording:
        flow = window.start_routine("audible-test")
        assert flow is not None
        assert flow.cues.tones.has_output
        qtbot.waitUntil(lambda: flow.summary is not None, timeout=30_000)
        qtbot.wait(round((TONES["workout_done"].sound_seconds + 0.3) * 1000))  # its chime ends
    start = events[0].at
    assert events[0].kind == "step_started" and events[0].step.kind == "prepare"
    # The engine's own moments for the expected cues (so the test checks onset vs event).
    moments = sorted({round(e.at - start, 3) for e in events
                      if e.kind in ("countdown", "workout_done", "rest")
                      or (e.kind == "step_started" and e.step.is_work)})
    assert moments == [float(s) for s, _ in EXPECTED]

    heard = sounds(recording.samples, recording.t0)
    report = "\n".join(f"  {s.start - start:7.3f} s  {s.cue or '?':13} {s.first_hz:7.1f} Hz  "
                       f"{s.rms_dbfs:6.1f} dBFS rms  {s.seconds * 1000:5.0f} ms" for s in heard)
    assert len(heard) == len(EXPECTED), f"expected {len(EXPECTED)} cues, heard:\n{report}"
    for (offset, cue), sound in zip(EXPECTED, heard, strict=True):
        due = start + offset
        assert abs(sound.start - due) <= ONSET_WITHIN_S, (
            f"{cue} due at {offset} s came {(sound.start - due) * 1000:+.0f} ms off:\n{report}")
        assert sound.cue == cue, f"at {offset} s expected {cue}:\n{report}"
        assert sound.rms_dbfs > LOUDER_THAN_DBFS, f"{cue} at {offset} s too quiet:\n{report}"
