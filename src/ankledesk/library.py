"""The routine library the app uses: the shipped routines, then the user's own folder."""

from __future__ import annotations

from pathlib import Path

from ankledesk import paths
from ankledesk.core.loader import Library, load_library


def open_library(data_dir: Path) -> Library:
    return load_library(paths.builtin_routines_dir(), paths.user_routines_dir(data_dir))
