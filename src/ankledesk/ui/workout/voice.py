"""The app's side of the spoken announcements: a voice_host process, told what to say.

Nothing here ever waits: the process starts in the background, sentences are written to its
stdin, its replies arrive as readyRead. When the voice cannot be had (no engine, an engine in
the Error state, no English voice, the process dying, or speech stuck in Speaking past its time,
which is what speech-dispatcher does when there is no sound server), `unavailable` says why
once, the process is stopped, and the workout carries on with tones alone.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

# Choose a speech engine other than the platform's default (Qt's plug-in names: speechd,
# flite, darwin, sapi, winrt, mock); the test suite uses QTextToSpeech's own `mock`.
ENGINE_ENV = "ANKLEDESK_TTS_ENGINE"
START_TIMEOUT_S = 20.0  # speechd's first start measures 1.5–2.7 s here, more on a busy machine
BEGIN_TIMEOUT_S = 6.0  # said → Speaking
# Speaking → done: the sentence at a slow talker's pace, plus slack.
SPEAK_TIMEOUT_BASE_S = 2.5
SPEAK_TIMEOUT_PER_CHAR_S = 0.09  # espeak-ng at its default rate: 0.07


# A voice whose workout is over lives on, with its process and its deadlines, until its last
# sentence is said (or it is caught stuck), even after the workout's widgets are gone; the app
# waits this long for it when quitting.
LAST_WORDS_WAIT_MS = 4000
_last_words: set[Voice] = set()
_waits_at_quit = False


def _outlive_workout(voice: Voice) -> None:
    global _waits_at_quit
    app = QCoreApplication.instance()
    if app is None:
        return
    if not _waits_at_quit:
        app.aboutToQuit.connect(_wait_for_last_words)
        _waits_at_quit = True
    voice.setParent(app)
    _last_words.add(voice)


def _wait_for_last_words() -> None:
    for voice in list(_last_words):
        voice.wait(LAST_WORDS_WAIT_MS)


@atexit.register
def _stop_the_rest() -> None:
    """A process that never ran an event loop to its end (a test session) still stops its
    voices before Qt tears them down mid-sentence."""
    for voice in list(_last_words):
        with contextlib.suppress(RuntimeError):  # already deleted along with the app
            voice.shutdown()


def default_engine() -> str:
    return os.environ.get(ENGINE_ENV, "").strip()


def host_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "ankledesk.ui.workout.voice_host", *args]


def start_host(process: QProcess, command: list[str]) -> None:
    """Start `command` holding none of the app's file descriptors: QProcess hands the child
    every descriptor not marked close-on-exec, and a voice process holding some of libvlc's
    made the next libvlc_media_player_stop() hang for good (seen in the tests, not without
    the voice)."""
    if hasattr(process, "setUnixProcessParameters"):  # Qt ≥ 6.6 on Unix
        process.setUnixProcessParameters(QProcess.UnixProcessFlag.CloseFileDescriptors)
    process.start(command[0], command[1:])


class Voice(QObject):
    """One speaking process. `say()` is fire-and-forget; a newer sentence replaces one that has
    not begun yet (the host's rule)."""

    ready = Signal(str)  # the voice's name
    speaking = Signal(str)
    spoken = Signal(str)
    unavailable = Signal(str)  # why, in one line

    def __init__(self, *, engine: str | None = None, voice: str = "", volume: float = 0.5,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = default_engine() if engine is None else engine
        self.voice_name = ""
        self.is_ready = False
        self.failed: str | None = None
        self.closing = False  # finish() was called: no more sentences, the process may end
        self._exited = False
        self._holding_last = False  # finish() was given last words that are not sent yet
        self._waiting: str | None = None  # said, not yet spoken
        self._queued: str | None = None  # said before the host was ready
        self._buffer = b""
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._timed_out)
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._process_error)
        args = ["--volume", f"{max(0.0, min(1.0, volume)):.3f}"]
        if self.engine:
            args += ["--engine", self.engine]
        if voice:
            args += ["--voice", voice]
        start_host(self._process, host_command(*args))
        self._arm(START_TIMEOUT_S, "the voice did not start")

    # -- what the cue player calls ---------------------------------------------------------

    @property
    def idle(self) -> bool:
        """Ready, with nothing said that has not been spoken (the tests wait for this)."""
        return self.is_ready and self._waiting is None and self._queued is None

    def say(self, text: str) -> None:
        if self.failed is not None or self.closing:
            return
        if not self.is_ready:
            self._queued = text  # only the latest is still true when the voice comes
            return
        self._say(text)

    def _say(self, text: str) -> None:
        self._send({"say": text})
        if self._waiting is None:
            self._waiting = text
            self._arm(BEGIN_TIMEOUT_S, f"speech did not begin: {text!r}")
        else:
            self._waiting = text  # replaces the one waiting in the host

    def stop(self) -> None:
        """Silence now (mute): the sentence being said stops, none waits (nor is waited for)."""
        self._queued = self._waiting = None
        self._deadline.stop()
        if self.is_ready and self.failed is None and not self.closing:
            self._send({"stop": True})

    def finish(self, last_words: str | None = None, after_ms: int = 0) -> None:
        """No more sentences but `last_words` (said `after_ms` from now: "Workout done" waits
        for its chime): the host says them, then exits by itself. This object outlives the
        workout's widgets until then, and its deadlines still run: a voice stuck on its last
        words is given up (and stopped) as before. A sentence still waiting for the voice to
        start is said once it has."""
        self.closing = True
        if not self.running:
            return
        _outlive_workout(self)
        if last_words is not None:
            QTimer.singleShot(max(0, after_ms), self, lambda: self._say_last(last_words))
            self._holding_last = True
        elif self.is_ready:
            self._process.closeWriteChannel()

    def _say_last(self, text: str) -> None:
        self._holding_last = False
        if self.failed is not None:
            return
        if self.is_ready:
            self._say(text)
            self._process.closeWriteChannel()
        else:
            self._queued = text  # said, then the channel closed, once the voice is ready

    def wait(self, limit_ms: int) -> None:
        """Let the last words go out and the process end (at most `limit_ms`, then stop it).
        Runs the event loop meanwhile: the last words may still be waiting for their moment."""
        deadline = time.monotonic() + limit_ms / 1000
        while self.running and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self.running:  # ended meanwhile (given up, say), and perhaps deleted
                break
            self._process.waitForFinished(20)
        if self.running:
            self.shutdown()

    @property
    def running(self) -> bool:
        # Not the QProcess's state: once finished after finish(), it deletes itself.
        return not self._exited

    def shutdown(self) -> None:
        """Stop now (the app is closing)."""
        self._let_go()
        if self.running:
            self._process.kill()
            self._process.waitForFinished(1000)

    # -- internals -----------------------------------------------------------------------

    def _let_go(self) -> None:
        """From now on the process ending is expected, not a failure."""
        self._queued = None
        self._deadline.stop()
        if self.failed is None:
            self.failed = "closed"

    def _send(self, message: dict[str, Any]) -> None:
        self._process.write((json.dumps(message) + "\n").encode())

    def _arm(self, seconds: float, why: str) -> None:
        self._deadline_why = why
        self._deadline.start(round(seconds * 1000))

    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            try:
                message = json.loads(raw)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        if "ready" in message:
            self.is_ready = True
            self._deadline.stop()
            info = message["ready"]
            self.voice_name = str(info.get("voice", ""))
            log.info("voice: %s (%s, %s)", self.voice_name, info.get("engine"),
                     info.get("locale"))
            self.ready.emit(self.voice_name)
            if self._queued is not None:
                text, self._queued = self._queued, None
                self._say(text)
            if self.closing and not self._holding_last:
                self._process.closeWriteChannel()
        elif "speaking" in message:
            text = str(message["speaking"])
            self.speaking.emit(text)
            if text == self._waiting:
                limit = SPEAK_TIMEOUT_BASE_S + SPEAK_TIMEOUT_PER_CHAR_S * len(text)
                self._arm(limit, f"speech stuck in Speaking: {text!r}")
        elif "spoken" in message or "interrupted" in message:
            text = str(message.get("spoken", message.get("interrupted")))
            if "spoken" in message:
                self.spoken.emit(text)
            if text == self._waiting:
                self._waiting = None
                self._deadline.stop()
            elif self._waiting is not None:
                self._arm(BEGIN_TIMEOUT_S, f"speech did not begin: {self._waiting!r}")
        elif "error" in message:
            self._give_up(str(message["error"]))

    def _timed_out(self) -> None:
        self._give_up(self._deadline_why)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._exited = True
        if self in _last_words:  # its workout is gone: nobody else will delete it
            _last_words.discard(self)
            self.deleteLater()
        if self.closing and code == 0 and status == QProcess.ExitStatus.NormalExit:
            self._deadline.stop()  # said its last words and left, as asked
            return
        if self.failed is None:
            err = bytes(self._process.readAllStandardError().data()).decode(errors="replace")
            last = next((x for x in reversed(err.strip().splitlines()) if x.strip()), "")
            self._give_up(f"the voice process ended (exit {code}){': ' + last if last else ''}")

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._give_up(f"the voice process could not start ({self._process.errorString()})")

    def _give_up(self, why: str) -> None:
        if self.failed is not None:
            return
        self.failed = why
        self.is_ready = False
        self._waiting = self._queued = None
        self._deadline.stop()
        log.warning("voice off, tones only: %s", why)
        self.shutdown()
        self.unavailable.emit(why)


class VoiceList(QObject):
    """The engine's English voices, fetched in the background (the preferences dialog)."""

    listed = Signal(list)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        engine = default_engine() if engine is None else engine
        self._process = QProcess(self)
        self._process.finished.connect(self._finished)
        start_host(self._process, host_command("--list", *(["--engine", engine] if engine else [])))

    def _finished(self, *_: object) -> None:
        voices: list[str] = []
        for raw in bytes(self._process.readAllStandardOutput().data()).splitlines():
            try:
                message = json.loads(raw)
            except ValueError:
                continue
            if isinstance(message, dict) and isinstance(message.get("voices"), list):
                voices = [str(v) for v in message["voices"]]
        self.listed.emit(voices)

    def shutdown(self) -> None:
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)
