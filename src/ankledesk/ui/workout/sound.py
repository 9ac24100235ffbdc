"""The workout's cues: a tone for each moment that matters, and a voice saying what comes next.

`CuePlayer` listens to the driver's events. Tones are played the moment the events arrive, from
QSoundEffects the app loads once, for its first workout (each plays only once its status is
Ready; one not ready yet is skipped rather than played late). Speech goes to a separate process
(voice.py) and never holds anything up: the timer, the screen and the tones do not wait for it,
a tone due while a sentence is being said still sounds, and a voice that fails leaves the tones
alone.
Missing audio never shows an error mid-workout: one line in the log says what is silent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLoggingCategory,
    QObject,
    QTimer,
    QUrl,
    Signal,
)

from ankledesk import paths
from ankledesk.core.engine import Event
from ankledesk.core.plan import Plan
from ankledesk.ui.workout.announce import by_instant, sentence_for, tone_for
from ankledesk.ui.workout.tones import TONES
from ankledesk.ui.workout.voice import Voice

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

# Qt Multimedia says, the moment it loads, that it found no PipeWire (it then plays through
# PulseAudio) and which FFmpeg it bundles: two to three lines on stderr in every run, in the
# middle of `ankledesk demo`'s one-line errors. Its real warnings stay on.
QUIET_MULTIMEDIA = "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"


def multimedia() -> ModuleType:
    """PySide6.QtMultimedia, loaded on first use (not by merely importing the workout code)."""
    QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA)
    from PySide6 import QtMultimedia

    return QtMultimedia

# The voice is mixed at this fraction of the tones' volume: speechd's 0.5 peaks near −1 dBFS
# like the tones do, louder clips.
VOICE_LEVEL = 0.5


def sounds_dir() -> Path:
    return paths.resources_dir() / "sounds"


def perceived_to_linear(volume: float) -> float:
    """A 0–1 volume slider as the ear hears it, as the linear gain QSoundEffect wants."""
    QAudio = multimedia().QAudio
    return float(QAudio.convertVolume(max(0.0, min(1.0, volume)),
                                      QAudio.VolumeScale.LogarithmicVolumeScale,
                                      QAudio.VolumeScale.LinearVolumeScale))


class ToneBank(QObject):
    """One preloaded QSoundEffect per cue in tones.TONES, shared by every workout of the app.

    Qt 6.11's QSoundEffect needs handling with care (qsoundeffectwithplayer.cpp,
    qrtaudioengine.cpp): when two of its voices end in nearby audio callbacks, the last
    reference to one can be dropped on the real-time audio thread, which then destroys a
    QSocketNotifier that belongs to the GUI thread; the GUI thread's event loop then spins on
    the dead descriptor ("QSocketNotifier: Invalid socket") and the app freezes (seen in our
    tests when 3-2-1 came 1 ms apart). And stop() or setVolume() aimed at a voice that has just
    ended on the audio thread dereferences a voice that is no longer there. So the bank plays
    one tone at a time (a tone due while another still sounds is skipped: at real speed cues are
    a second apart and at most 0.54 s long, so this only thins out fast-forwarded demos and
    rapid key presses), never calls stop(), changes the volume only between tones, and lives
    as long as the app, so no effect is destroyed mid-tone.
    """

    played = Signal(str)  # the cue, the moment play() was called on it

    _shared: ToneBank | None = None

    @classmethod
    def shared(cls) -> ToneBank:
        """The app's bank, loaded the first time a workout needs it."""
        app = QCoreApplication.instance()
        if cls._shared is None or cls._shared.parent() is not app:
            cls._shared = cls(parent=app)
        return cls._shared

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder or sounds_dir()
        self.effects: dict[str, QSoundEffect] = {}
        self.skipped = 0  # tones not played because another was still sounding
        self._said_not_ready: set[str] = set()
        self._volume: float | None = None
        qt = multimedia()
        self.has_output = bool(qt.QMediaDevices.audioOutputs())
        if not self.has_output:
            log.warning("no audio output: the workout runs without sound")
        for cue, tone in TONES.items():
            path = folder / tone.file_name
            if not path.exists():
                log.warning("cue sound missing: %s", path)
                continue
            effect = qt.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.statusChanged.connect(lambda cue=cue: self._status(cue))
            effect.playingChanged.connect(self._apply_volume)
            self.effects[cue] = effect
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.drain)

    def _status(self, cue: str) -> None:
        effect = self.effects[cue]
        # Without an output every effect fails to load: the line above already said why.
        if effect.status() == effect.Status.Error and self.has_output:
            log.warning("cue sound %s could not be loaded: %s", cue, effect.source().toString())

    @property
    def sounding(self) -> bool:
        return any(effect.isPlaying() for effect in self.effects.values())

    def set_volume(self, linear: float) -> None:
        """Takes effect now if no tone sounds, else as soon as it has ended."""
        self._volume = linear
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self._volume is None or self.sounding:
            return
        for effect in self.effects.values():
            effect.setVolume(self._volume)

    def ready(self, cue: str) -> bool:
        effect = self.effects.get(cue)
        return effect is not None and effect.status() == effect.Status.Ready

    @property
    def all_ready(self) -> bool:
        return all(self.ready(cue) for cue in self.effects)

    def play(self, cue: str) -> bool:
        if not self.ready(cue):
            if cue not in self._said_not_ready:
                self._said_not_ready.add(cue)
                log.info("cue %s not loaded yet: skipped", cue)
            return False
        if self.sounding:
            self.skipped += 1
            return False
        self._apply_volume()
        self.effects[cue].play()
        self.played.emit(cue)
        return True

    def drain(self, limit_s: float = 2.0) -> None:
        """Let a sounding tone end before the app (and its effects) goes away."""
        deadline = time.monotonic() + limit_s
        while self.sounding and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)


class CuePlayer(QObject):
    """Tones and announcements for one workout, following the driver's events."""

    tone_played = Signal(str, float)  # cue, the engine time of the events it marks
    announced = Signal(str)  # a sentence handed to the voice

    def __init__(self, plan: Plan, *, volume: float = 1.0, voice_on: bool = True,
                 halfway: bool = True, voice_name: str = "", muted: bool = False,
                 engine: str | None = None, sets_done: Callable[[], int] | None = None,
                 tones: ToneBank | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.volume = volume
        self.voice_on = voice_on
        self.halfway = halfway
        self.voice_name = voice_name
        self.muted = muted
        self.engine = engine
        self.sets_done = sets_done
        self.tones = tones or ToneBank.shared()
        self.tones.set_volume(perceived_to_linear(volume))
        self.voice: Voice | None = None
        self._last_tone: tuple[float, str] | None = None  # (engine time, cue)
        # A sentence waits for the tone of its own instant to end: the two together would sum
        # past full scale and clip (the demo's recording showed it), and each reads better alone.
        self._after_tone = QTimer(self)
        self._after_tone.setSingleShot(True)
        self._after_tone.timeout.connect(self._say_pending)
        self._pending: str | None = None

    @property
    def idle(self) -> bool:
        """Nothing waiting to be said and the voice quiet (or there is none)."""
        return self._pending is None and (self.voice is None or self.voice.idle
                                          or self.voice.failed is not None)

    def start_voice(self) -> None:
        """Start the speaking process (the window is on screen by now; nothing waits for it)."""
        if self.voice is None and self.voice_on:
            self.voice = Voice(engine=self.engine, voice=self.voice_name,
                               volume=self.volume * VOICE_LEVEL, parent=self)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted:
            self._pending = None
            self._after_tone.stop()
            if self.voice is not None:
                self.voice.stop()  # a tone already sounding is under half a second: it ends

    def on_events(self, events: list[Event]) -> None:
        """Tones, then words (for callers with nothing else listening to the driver)."""
        self.play_tones(events)
        self.announce(events)

    def _audible(self, group: list[Event]) -> list[Event]:
        return [e for e in group if self.halfway or e.kind != "halfway"]

    def play_tones(self, events: list[Event]) -> None:
        """Connect this to the driver's events first: a tone must not wait for the journal's
        durable write or the next clip (a tone 210 ms late was measured behind an fsync)."""
        if self.muted:
            return
        for group in by_instant(events):
            tone = tone_for(self._audible(group))
            if tone is not None and self.tones.play(tone):
                self._last_tone = (group[0].at, tone)
                self.tone_played.emit(tone, group[0].at)

    def announce(self, events: list[Event]) -> None:
        """Connect this last: "Workout done. 40 sets" counts the set the recorder just wrote."""
        if self.muted or self.voice is None:
            return
        for group in by_instant(events):
            sets = self.sets_done() if self.sets_done is not None else None
            sentence = sentence_for(self._audible(group), self.plan, sets)
            if sentence is None:
                continue
            self._pending = sentence
            last = self._last_tone
            if last is not None and abs(last[0] - group[0].at) < 1e-6:
                self._after_tone.start(round(TONES[last[1]].sound_seconds * 1000) + 40)
            else:
                self._after_tone.stop()
                self._say_pending()

    def _say_pending(self) -> None:
        sentence, self._pending = self._pending, None
        if sentence is not None and self.voice is not None and not self.muted:
            self.voice.say(sentence)
            self.announced.emit(sentence)

    def finish(self) -> None:
        """The workout is over: no more cues. The voice, which outlives this player, says what
        is left (the "Workout done" waiting for its chime to end), then its process exits."""
        if self.voice is None:
            return
        sentence, self._pending = self._pending, None
        if sentence is not None and self._after_tone.isActive() and not self.muted:
            self.voice.finish(sentence, self._after_tone.remainingTime())
            self.announced.emit(sentence)
        else:
            self.voice.finish()
        self._after_tone.stop()

    def shutdown(self) -> None:
        """Silence the voice now (the window is closing)."""
        self._pending = None
        self._after_tone.stop()
        if self.voice is not None:
            self.voice.shutdown()
