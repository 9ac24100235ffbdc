"""The cue tones: what each one is (notes, rhythm, level) and how it is synthesised.

One table serves three readers: scripts/make_sounds.py writes resources/sounds/<cue>.wav from
it, the cue player loads those files by the same names, and the audio tests recognise a
recorded cue by its first note's pitch. Each cue starts on a pitch no other cue starts on and
has its own rhythm (one pip, a rising or falling pair, a triple, an arpeggio), so a runner two
metres away tells them apart without looking. Plain Python (wave, math, array): no Qt, no numpy.
"""

from __future__ import annotations

import math
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

RATE = 48000
PEAK_DBFS = -1.0  # loud: it has to carry over gym music
# QSoundEffect holds back the last ~15 ms of an unpadded file and plays it before the next cue.
TRAILING_SILENCE_S = 0.12
ATTACK_S = 0.004  # a click-free start that still reads as an instant onset


@dataclass(frozen=True)
class Note:
    hz: float
    seconds: float
    gap: float = 0.0  # silence after the note, before the next one


@dataclass(frozen=True)
class Tone:
    cue: str
    notes: tuple[Note, ...]
    peak_dbfs: float = PEAK_DBFS
    ring: float = 0.35  # decay per note as a fraction of its length: 0 flat, 1 bell-like

    @property
    def first_hz(self) -> float:
        return self.notes[0].hz

    @property
    def sound_seconds(self) -> float:
        return sum(n.seconds + n.gap for n in self.notes)

    @property
    def file_name(self) -> str:
        return f"{self.cue}.wav"


def _n(hz: float, ms: float, gap_ms: float = 0.0) -> Note:
    return Note(hz, ms / 1000, gap_ms / 1000)


# Pitches are equal-tempered notes far enough apart (≥ 2 semitones between first notes) that a
# 50 ms FFT window separates them.
TONES: dict[str, Tone] = {t.cue: t for t in (
    # 3-2-1 before each change: one short, bright pip per second.
    Tone("countdown", (_n(880.0, 110),), ring=0.2),
    # WORK starts: a rising pair, the second note held.
    Tone("work", (_n(1046.5, 110, 30), _n(1568.0, 260)), ring=0.3),
    # REST starts: a falling pair, low and long.
    Tone("rest", (_n(659.3, 160, 40), _n(440.0, 340)), ring=0.5),
    # Switch sides: three quick alternating pips.
    Tone("switch", (_n(1318.5, 80, 40), _n(987.8, 80, 40), _n(1318.5, 80)), ring=0.2),
    # Round done: a major arpeggio upwards.
    Tone("round_done", (_n(523.3, 120, 10), _n(659.3, 120, 10), _n(784.0, 220)), ring=0.4),
    # Workout done: a slower, longer chime down to a held low note and back up.
    Tone("workout_done", (_n(392.0, 200, 20), _n(523.3, 200, 20), _n(659.3, 200, 20),
                          _n(784.0, 200, 20), _n(1046.5, 600)), ring=0.8),
    # Halfway through a hold: one very short high tick.
    Tone("halfway", (_n(1760.0, 70),), ring=0.1),
    # Each rep of a paced reps set: a soft, short click-like tick.
    Tone("rep", (_n(2349.3, 40),), peak_dbfs=-9.0, ring=0.1),
)}


def _note_samples(note: Note, ring: float) -> list[float]:
    count = round(note.seconds * RATE)
    attack = max(1, round(ATTACK_S * RATE))
    release = max(1, round(min(0.012, note.seconds / 4) * RATE))
    decay = max(1e-6, ring * note.seconds)
    out: list[float] = []
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, i / attack, (count - i) / release) * math.exp(-t / decay) ** 0.5
        # A fundamental with a little 2nd and 3rd harmonic: it cuts through music better than a
        # pure sine, and the fundamental stays the strongest peak (the tests' pitch check).
        phase = 2 * math.pi * note.hz * t
        value = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.1 * math.sin(3 * phase)
        out.append(value * envelope)
    out.extend([0.0] * round(note.gap * RATE))
    return out


def synthesise(tone: Tone) -> array[int]:
    """The tone as 16-bit mono samples, peak at `tone.peak_dbfs`, with trailing silence."""
    samples: list[float] = []
    for note in tone.notes:
        samples.extend(_note_samples(note, tone.ring))
    peak = max(abs(s) for s in samples)
    gain = 10 ** (tone.peak_dbfs / 20) / peak
    pcm = array("h", (round(s * gain * 32767) for s in samples))
    pcm.extend([0] * round(TRAILING_SILENCE_S * RATE))
    return pcm


def write_wav(tone: Tone, folder: Path) -> Path:
    target = folder / tone.file_name
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(synthesise(tone).tobytes())
    return target
