"""Test-wide isolation: every test gets its own data folder, so no test ever reads or writes a
real user's history, routines or clips (the picard pattern)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ankledesk import paths

ROOT = Path(__file__).resolve().parent.parent


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
