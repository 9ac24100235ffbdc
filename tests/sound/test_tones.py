"""The committed cue sounds: what scripts/make_sounds.py makes, loud, padded, and distinct."""

from __future__ import annotations

import itertools
import math
import wave

import numpy as np
import pytest

from ankledesk.ui.workout.sound import sounds_dir
from ankledesk.ui.workout.tones import RATE, TONES, synthesise
from tests.sound.recording import dbfs, pitch


def read(cue: str) -> tuple[wave.Wave_read, np.ndarray]:
    with wave.open(str(sounds_dir() / TONES[cue].file_name)) as wav:
        frames = wav.readframes(wav.getnframes())
        params = wav.getparams()
    return params, np.frombuffer(frames, "<i2").astype(np.float64) / 32768.0


@pytest.mark.parametrize("cue", sorted(TONES))
def test_each_sound_is_the_generators_loud_and_padded(cue):
    params, samples = read(cue)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE)
    assert samples.tobytes() == (np.frombuffer(synthesise(TONES[cue]).tobytes(), "<i2")
                                 .astype(np.float64) / 32768.0).tobytes(), (
        "resources/sounds is stale: run scripts/make_sounds.py")
    assert dbfs(float(np.abs(samples).max())) == pytest.approx(TONES[cue].peak_dbfs, abs=0.05)
    last = int(np.flatnonzero(np.abs(samples) > 0)[-1])
    assert (len(samples) - 1 - last) / RATE >= 0.100  # QSoundEffect keeps the last ~15 ms back
    assert pitch(samples[: RATE * 40 // 1000]) == pytest.approx(TONES[cue].first_hz, rel=0.01)


def test_no_two_cues_start_on_nearby_pitches():
    for a, b in itertools.combinations(TONES.values(), 2):
        semitones = abs(12 * math.log2(a.first_hz / b.first_hz))
        assert semitones >= 2, f"{a.cue} and {b.cue} start only {semitones:.1f} semitones apart"
