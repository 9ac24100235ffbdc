"""Preferences, kept in the data folder (QSettings, INI format) so `--data-dir` isolates them.

Every preference is a row of `core.settings.SETTINGS` (key, type, default, range); this class
only gives each row a typed attribute (`prefs.weekly_target` is an int to mypy) that reads and
writes through QSettings. Every value is checked on the way out by its row: a hand-edited or
damaged settings.ini gives the default back, never an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar, overload

from PySide6.QtCore import QSettings

from ankledesk import paths
from ankledesk.core import settings
from ankledesk.core.settings import Setting

FILE_NAME = paths.SETTINGS_FILE

T = TypeVar("T")


class _Stored(Generic[T]):
    """A Preferences attribute backed by one row of the table: reading gives the row's type
    (or its default), writing stores what the row allows and syncs the file at once."""

    def __init__(self, setting: Setting[T]) -> None:
        self.setting = setting

    @overload
    def __get__(self, prefs: None, owner: type) -> _Stored[T]: ...

    @overload
    def __get__(self, prefs: Preferences, owner: type) -> T: ...

    def __get__(self, prefs: Preferences | None, owner: type) -> _Stored[T] | T:
        if prefs is None:
            return self
        return prefs.get(self.setting)

    def __set__(self, prefs: Preferences, value: T) -> None:
        prefs.set(self.setting, value)


class Preferences:
    """The app's settings.ini, one typed attribute per row of `core.settings.SETTINGS`."""

    mirror_left = _Stored(settings.MIRROR_LEFT)
    muted = _Stored(settings.MUTED)
    cue_volume = _Stored(settings.CUE_VOLUME)
    voice_on = _Stored(settings.VOICE_ON)
    halfway_tick = _Stored(settings.HALFWAY_TICK)
    voice = _Stored(settings.VOICE)
    week_start = _Stored(settings.WEEK_START)
    weekly_target = _Stored(settings.WEEKLY_TARGET_SETTING)
    paper = _Stored(settings.PAPER)
    name = _Stored(settings.NAME)
    full_screen_display = _Stored(settings.FULL_SCREEN_DISPLAY)

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self._settings.value(setting.key, setting.default))

    def set(self, setting: Setting[T], value: T) -> None:
        self._settings.setValue(setting.key, setting.stored(value))
        self._settings.sync()
