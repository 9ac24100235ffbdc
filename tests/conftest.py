"""Test-wide isolation: every test gets its own data folder, so no test ever reads or writes a
real user's history, routines or clips (the picard pattern); the whole session plays its sound
into a private PulseAudio daemon's null sink, never into a real sound card."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ankledesk import paths
from ankledesk.ui.workout.voice import ENGINE_ENV
from tests.sound.pulse import PulseServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def sound_server() -> Iterator[PulseServer]:
    """A real PulseAudio daemon with a null sink, for the whole session.

    Its address goes into the environment before any QApplication exists (Qt Multimedia reads
    it once), so every cue the suite plays lands on the null sink, where the audio tests record
    it. Speech uses QTextToSpeech's `mock` engine unless a test asks for a real one. A machine
    without pulseaudio fails here, loudly, instead of skipping the audio tests.
    """
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        raise RuntimeError("a QApplication exists before the sound server: it would play "
                           "into the real sound card and the audio tests could not hear it")
    server = PulseServer().start()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in server.env.items():
            patch.setenv(name, value)
        patch.setenv(ENGINE_ENV, "mock")
        yield server
    server.stop()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


def run_cli(*args: str, data_dir: Path | None = None, check: bool = False,
            timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m ankledesk ARGS` as a real subprocess, as a user's shell would."""
    env = dict(os.environ)
    if data_dir is not None:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "ankledesk", *args], capture_output=True, text=True,
        env=env, timeout=timeout, cwd=cwd or ROOT,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"ankledesk {' '.join(args)} failed:\n{result.stderr}")
    return result


@pytest.fixture
def cli(data_dir: Path):
    """`cli("routines", "list")` → CompletedProcess, against this test's data folder."""

    def call(*args: str, **kw) -> subprocess.CompletedProcess[str]:
        kw.setdefault("data_dir", data_dir)
        return run_cli(*args, **kw)

    return call
