"""The process that speaks: one QTextToSpeech, driven by JSON lines on stdin.

Why a process of its own: QTextToSpeech's constructor blocks for 1.5–2.7 s while the speechd
plug-in starts speech-dispatcher and lists its voices, and PySide6 holds Python's GIL for the
whole call, so even a worker thread would freeze the app's timer and its tones for that long
(measured). Here it costs the app nothing; a voice that hangs or crashes takes only this process
down, and the app carries on with tones.

    python -m ankledesk.ui.workout.voice_host [--engine NAME] [--voice NAME] [--volume 0-1]
    python -m ankledesk.ui.workout.voice_host --list [--engine NAME]

In (one JSON object per line): {"say": text}, {"stop": true}.
Out: {"ready": {"engine", "voice", "locale"}} once, then {"speaking": text}, {"spoken": text},
{"interrupted": text} (stopped), {"dropped": text} (replaced by a newer sentence before it
began); {"error": reason} if the engine fails (then the process exits).
With --list: {"voices": [names of English voices]} and exit.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

# Where no voice is named: the system's English if it has one, else these, in order.
ENGLISH_LOCALES = ("en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_NZ", "en_IN", "en_ZA")
# speechd maps 0–1 to its −100…100; 0.5 is its normal level, louder clips (measured: 1.0 peaks
# at 0 dBFS and flattens the tops, 0.5 peaks at −0.9 dBFS).
DEFAULT_VOLUME = 0.5
LAST_WORDS_LIMIT_S = 15.0


def emit(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def english_locales(tts: QTextToSpeech) -> list[QLocale]:
    """The engine's English locales, the system's own first, then ENGLISH_LOCALES' order."""
    found = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.English]
    system = QLocale.system().name()
    order = {name: i for i, name in enumerate(ENGLISH_LOCALES)}
    return sorted(found, key=lambda loc: (loc.name() != system, order.get(loc.name(), 99),
                                          loc.name()))


def english_voices(tts: QTextToSpeech) -> list[QVoice]:
    voices: list[QVoice] = []
    for locale in english_locales(tts):
        tts.setLocale(locale)
        # espeak-ng lists each voice again with every variant ("English (America)+Max"): the
        # plain voice comes first, the variants after it.
        listed = sorted(tts.availableVoices(), key=lambda v: ("+" in v.name(), v.name()))
        voices.extend(v for v in listed if v.name() not in {x.name() for x in voices})
    return voices


def choose_voice(tts: QTextToSpeech, wanted: str) -> QVoice | None:
    """The named voice if the engine has it, else the first plain English voice (the default
    under the C locale is not English: espeak-ng's is Bishnupriya Manipuri)."""
    voices = english_voices(tts)
    for voice in voices:
        if voice.name() == wanted:
            return voice
    return voices[0] if voices else None


class Speaker(QObject):
    """Says one sentence at a time, each to its end. A sentence that arrives while another is
    being said waits; a newer one replaces it while it waits (only the latest is still true).
    Nothing is cut mid-word: interrupting races with the engines' asynchronous state changes
    (speechd reports Speaking only once the daemon has begun), and the sentences are short."""

    line = Signal(str)
    closed = Signal()

    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        self.current: str | None = None  # handed to the engine, not yet finished
        self.started = False  # the engine has said Speaking for `current`
        self.stopped = False
        self.pending: str | None = None
        self.last_words = False  # stdin closed: finish what is being said, then exit
        tts.stateChanged.connect(self._state)
        self.line.connect(self._command)
        self.closed.connect(self._closed)

    def _closed(self) -> None:
        self.last_words = True
        if self.current is None:
            QCoreApplication.quit()
        else:  # however the engine behaves, do not outlive the app for long
            QTimer.singleShot(round(LAST_WORDS_LIMIT_S * 1000), QCoreApplication.quit)

    def _command(self, raw: str) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            return
        if "say" in message:
            self.say(str(message["say"]))
        elif message.get("stop"):
            if self.pending is not None:
                emit({"dropped": self.pending})
                self.pending = None
            if self.current is not None:
                self.stopped = True
                self.tts.stop()

    def say(self, text: str) -> None:
        if self.current is not None:
            if self.pending is not None:
                emit({"dropped": self.pending})
            self.pending = text
            return
        self.current, self.started, self.stopped = text, False, False
        self.tts.say(text)

    def _state(self, state: QTextToSpeech.State) -> None:
        if self.current is None:
            return
        if state == QTextToSpeech.State.Speaking and not self.started:
            self.started = True
            emit({"speaking": self.current})
        elif state == QTextToSpeech.State.Ready and (self.started or self.stopped):
            emit({"interrupted" if self.stopped else "spoken": self.current})
            self.current = None
            if self.pending is not None:
                text, self.pending = self.pending, None
                self.say(text)
            elif self.last_words:
                QCoreApplication.quit()
        elif state == QTextToSpeech.State.Error:
            emit({"error": self.tts.errorString() or "the speech engine failed"})
            QCoreApplication.exit(1)


def _read_stdin(speaker: Speaker) -> None:
    for raw in sys.stdin:
        speaker.line.emit(raw)
    speaker.closed.emit()  # the app closed our stdin (or died): say what is left, then exit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="voice_host")
    parser.add_argument("--engine", default="")
    parser.add_argument("--voice", default="")
    parser.add_argument("--volume", type=float, default=DEFAULT_VOLUME)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    app = QCoreApplication(sys.argv[:1])
    tts = QTextToSpeech(args.engine, app) if args.engine else QTextToSpeech(app)
    if tts.state() == QTextToSpeech.State.Error:
        emit({"error": f"{tts.engine() or 'default'} engine: {tts.errorString()}"})
        return 1
    if args.list:
        names = [v.name() for v in english_voices(tts)]
        # espeak-ng's hundreds of "+variant" voices would bury the real ones in a list.
        emit({"voices": [n for n in names if "+" not in n] or names})
        return 0
    voice = choose_voice(tts, args.voice)
    if voice is None:
        emit({"error": f"the {tts.engine()} engine has no English voice"})
        return 1
    tts.setLocale(voice.locale())
    tts.setVoice(voice)
    tts.setVolume(max(0.0, min(1.0, args.volume)))
    speaker = Speaker(tts)
    emit({"ready": {"engine": tts.engine(), "voice": tts.voice().name(),
                    "locale": tts.locale().name()}})
    threading.Thread(target=_read_stdin, args=(speaker,), daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
