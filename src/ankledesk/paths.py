"""Where AnkleDesk's files live.

Built-in data (routines/, media/, resources/) sits at the top of a source checkout and under
`ankledesk/_data/` in an installed wheel; user data lives in platformdirs' data folder unless
`--data-dir` or ANKLEDESK_DATA_DIR points elsewhere, which is what keeps tests away from a real
user's history.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ankledesk"
DATA_DIR_ENV = "ANKLEDESK_DATA_DIR"
SETTINGS_FILE = "settings.ini"
"""The window's preferences (ui/preferences.py), at the top of the data folder."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The shipped folder `name` (routines, media or resources), installed or in a checkout."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def builtin_routines_dir() -> Path:
    return builtin_dir("routines")


def builtin_media_dir() -> Path:
    return builtin_dir("media")


def resources_dir() -> Path:
    return builtin_dir("resources")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: the override, else $ANKLEDESK_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no folder is given (a few ms off every other start)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_routines_dir(base: Path) -> Path:
    return base / "routines"


def user_media_dir(base: Path) -> Path:
    return base / "media"


def logs_dir(base: Path) -> Path:
    return base / "logs"


def cache_dir(base: Path) -> Path:
    return base / "cache"


def left_side_clip(clip: Path) -> Path:
    """Where a clip's ready-mirrored version for the left side lives: `<stem>.left<suffix>`.

    Built-in clips carry their drill name and cue as text, which VLC's hflip would print
    backwards; the generator therefore renders each-side drills a second time, figure mirrored
    and text readable, and the player prefers that file over flipping.
    """
    return clip.with_name(f"{clip.stem}.left{clip.suffix}")
