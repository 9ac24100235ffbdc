"""A real PulseAudio daemon of our own: a null sink in a private runtime folder.

Everything the process plays (QSoundEffect through libpulse, speech-dispatcher spawned by the
voice) goes to the null sink, whose monitor `parec` records, so a test can measure what came
out of the "speakers" without any sound hardware, and nothing the tests play is ever heard.
The daemon is ready in a few hundred milliseconds. Used by the session fixture in
tests/conftest.py and by bench/bench_sound.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

SINK = "cues"
RATE = 48000


class PulseServer:
    def __init__(self) -> None:
        missing = [tool for tool in ("pulseaudio", "parec", "pactl") if not shutil.which(tool)]
        if missing:
            raise RuntimeError(
                f"the audio tests need {', '.join(missing)} (Debian packages pulseaudio and "
                "pulseaudio-utils; scripts/ensure-system-deps.sh installs them)")
        self.runtime = Path(tempfile.mkdtemp(prefix="ankledesk-pulse-"))
        self.runtime.chmod(0o700)
        self.socket = self.runtime / "native"
        self.server = f"unix:{self.socket}"
        self.log = self.runtime / "pulseaudio.log"
        self.process: subprocess.Popen | None = None

    @property
    def env(self) -> dict[str, str]:
        """What a process needs to play into this daemon (and spawn its own speechd here)."""
        return {"PULSE_SERVER": self.server, "XDG_RUNTIME_DIR": str(self.runtime)}

    def start(self, timeout: float = 10.0) -> PulseServer:
        env = {**os.environ, **self.env, "HOME": str(self.runtime)}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                ["pulseaudio", "--daemonize=no", "-n", "--exit-idle-time=-1",
                 "--use-pid-file=no", "--disallow-module-loading=no", "--log-target=stderr",
                 "--log-level=notice",
                 "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                 "-L", f"module-null-sink sink_name={SINK} rate={RATE} "
                       "sink_properties=device.description=AnkleDeskTestSink"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pulseaudio exited at start:\n{self.log.read_text()}")
            if self.socket.exists() and self.pactl("info").returncode == 0:
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"pulseaudio did not come up in {timeout} s:\n{self.log.read_text()}")

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["pactl", *args], capture_output=True, text=True,
                              env={**os.environ, **self.env}, timeout=10)

    def stop(self) -> None:
        stop_speech_dispatcher(self.runtime)
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.runtime, ignore_errors=True)


def stop_speech_dispatcher(runtime: Path) -> None:
    """End the speech-dispatcher that libspeechd spawned in `runtime` (it outlives its clients
    for a while), by the pid it wrote there."""
    pid_file = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    try:
        pid = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
