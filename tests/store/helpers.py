"""Small helpers shared by the store and command tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ankledesk.store.history import HISTORY_DIR
from ankledesk.store.session_store import MEASUREMENTS_FILE


def dead_pid() -> int:
    """The pid of a process that has certainly exited (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def year_path(data_dir: Path, year: int = 2026) -> Path:
    """The history's file for `year` (its folder created), where a test plants a year's text."""
    folder = data_dir / HISTORY_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{year}.json"


def measurements_path(data_dir: Path) -> Path:
    return data_dir / HISTORY_DIR / MEASUREMENTS_FILE


def history_bytes(data_dir: Path) -> dict[str, bytes]:
    """Every file of the history folder by name, to compare before and after."""
    folder = data_dir / HISTORY_DIR
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}
