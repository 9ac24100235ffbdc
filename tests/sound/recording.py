"""Record the null sink's monitor with parec and find what was played: onsets, levels, pitch.

Clock alignment: parec hands over blocks as the sink renders them, each read stamped with
time.monotonic(). Sample i was played at t0 + i / RATE, where t0 is the earliest
`read time − samples so far / RATE` over all reads (a read can only come late, never early),
so onsets are on the same clock as the engine's events, to within about one block (5 ms).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass

import numpy as np

from ankledesk.ui.workout.tones import TONES
from tests.sound.pulse import RATE, SINK, PulseServer

BLOCK_MS = 5
FRAME = RATE // 1000 * 2  # 2 ms analysis frames
ON_DBFS = -40.0  # a frame this loud is sound …
QUIET_S = 0.07  # … and this much below it separates two cues (notes of one cue are closer)


class MonitorRecorder:
    """`with MonitorRecorder(server) as rec: …` then rec.samples, rec.t0."""

    def __init__(self, server: PulseServer) -> None:
        self.server = server
        self._chunks: list[tuple[float, bytes]] = []
        self._process: subprocess.Popen | None = None
        self._thread: threading.Thread | None = None
        self.samples = np.zeros(0)
        self.t0 = 0.0

    def __enter__(self) -> MonitorRecorder:
        self._process = subprocess.Popen(
            ["parec", "-d", f"{SINK}.monitor", f"--latency-msec={BLOCK_MS}", "--format=s16le",
             f"--rate={RATE}", "--channels=1", "--raw"],
            stdout=subprocess.PIPE, env={**os.environ, **self.server.env})
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 5
        while not self._chunks and time.monotonic() < deadline:  # recording for real
            time.sleep(0.005)
        if not self._chunks:
            raise RuntimeError("parec delivered nothing in 5 s")
        return self

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        while True:
            block = self._process.stdout.read1(65536)
            if not block:
                return
            self._chunks.append((time.monotonic(), block))

    def __exit__(self, *_: object) -> None:
        assert self._process is not None and self._thread is not None
        self._process.terminate()
        self._process.wait(5)
        self._thread.join(5)
        data = b"".join(block for _, block in self._chunks)
        data = data[: len(data) // 2 * 2]
        self.samples = np.frombuffer(data, "<i2").astype(np.float64) / 32768.0
        count, offsets = 0, []
        for stamp, block in self._chunks:
            count += len(block) // 2
            offsets.append(stamp - count / RATE)
        self.t0 = min(offsets)

    def at(self, index: int) -> float:
        return self.t0 + index / RATE


@dataclass(frozen=True)
class Sound:
    start: float  # monotonic seconds
    seconds: float
    rms_dbfs: float
    peak_dbfs: float
    first_hz: float

    @property
    def cue(self) -> str | None:
        """The cue whose first note this sound starts on (within 4 %), if any."""
        for tone in TONES.values():
            if abs(self.first_hz - tone.first_hz) <= 0.04 * tone.first_hz:
                return tone.cue
        return None


def dbfs(value: float) -> float:
    return 20 * np.log10(max(value, 1e-12))


def pitch(samples: np.ndarray) -> float:
    """The strongest frequency (Hz) in `samples`: Hann window, zero-padded FFT, parabolic peak."""
    windowed = samples * np.hanning(len(samples))
    size = 1 << 16
    spectrum = np.abs(np.fft.rfft(windowed, size))
    spectrum[: int(100 * size / RATE)] = 0  # ignore DC and rumble
    k = int(np.argmax(spectrum))
    if 0 < k < len(spectrum) - 1:
        a, b, c = np.log(spectrum[k - 1: k + 2] + 1e-12)
        k = k + 0.5 * (a - c) / (a - 2 * b + c)
    return float(k * RATE / size)


def sounds(samples: np.ndarray, t0: float) -> list[Sound]:
    """Every separate sound in a recording: where it starts, how long and loud it is, and the
    pitch of its first 40 ms."""
    frames = len(samples) // FRAME
    if frames == 0:
        return []
    energy = np.sqrt(np.mean(samples[: frames * FRAME].reshape(frames, FRAME) ** 2, axis=1))
    loud = 20 * np.log10(np.maximum(energy, 1e-12)) > ON_DBFS
    quiet_frames = round(QUIET_S * RATE / FRAME)
    found: list[Sound] = []
    i = 0
    while i < frames:
        if not loud[i]:
            i += 1
            continue
        start = i
        last = i
        while i < frames and i - last <= quiet_frames:
            if loud[i]:
                last = i
            i += 1
        first = start * FRAME
        # The exact onset: the first sample above a tenth of the sound's peak in its frame.
        segment = samples[first: (last + 1) * FRAME]
        over = np.flatnonzero(np.abs(segment) >= 0.1 * np.abs(segment).max())
        onset = first + (int(over[0]) if len(over) else 0)
        body = samples[onset: (last + 1) * FRAME]
        found.append(Sound(
            start=t0 + onset / RATE,
            seconds=len(body) / RATE,
            rms_dbfs=dbfs(float(np.sqrt(np.mean(body ** 2)))),
            peak_dbfs=dbfs(float(np.abs(body).max())),
            first_hz=pitch(samples[onset: onset + RATE * 40 // 1000]),
        ))
    return found
