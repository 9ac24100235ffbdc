"""Preferences, kept in the data folder (QSettings, INI format) so `--data-dir` isolates them.

Every value has a default and is checked on the way out: a hand-edited or damaged settings.ini
gives the default back, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ankledesk import paths
from ankledesk.core.progress import WEEKLY_TARGET

FILE_NAME = paths.SETTINGS_FILE
WEEK_STARTS = ("monday", "sunday")
PAPERS = ("a4", "letter")


class Preferences:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: object) -> object:
        return self._settings.value(key, default)

    def _bool(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if isinstance(value, str):
            word = value.strip().lower()
            if word in ("1", "true", "yes", "on"):
                return True
            if word in ("0", "false", "no", "off"):
                return False
            return default
        return bool(value)

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(str(self._get(key, default)))
        except ValueError:
            return default
        return value if low <= value <= high else default

    def _choice(self, key: str, default: str, options: tuple[str, ...]) -> str:
        value = str(self._get(key, default)).strip().lower()
        return value if value in options else default

    def _set(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def mirror_left(self) -> bool:
        """Show the left side's clip mirrored (the figure works the leg you are working)."""
        return self._bool("workout/mirror_left", True)

    @mirror_left.setter
    def mirror_left(self, value: bool) -> None:
        self._set("workout/mirror_left", bool(value))

    @property
    def muted(self) -> bool:
        return self._bool("workout/muted", False)

    @muted.setter
    def muted(self, value: bool) -> None:
        self._set("workout/muted", bool(value))

    @property
    def cue_volume(self) -> int:
        """Cue volume in percent of full scale (tones; the voice follows it)."""
        return self._int("sound/volume", 100, 0, 100)

    @cue_volume.setter
    def cue_volume(self, value: int) -> None:
        self._set("sound/volume", max(0, min(100, int(value))))

    @property
    def voice_on(self) -> bool:
        """Announce what comes next aloud (where the system has a text-to-speech voice)."""
        return self._bool("sound/voice", True)

    @voice_on.setter
    def voice_on(self, value: bool) -> None:
        self._set("sound/voice", bool(value))

    @property
    def halfway_tick(self) -> bool:
        return self._bool("sound/halfway", True)

    @halfway_tick.setter
    def halfway_tick(self, value: bool) -> None:
        self._set("sound/halfway", bool(value))

    @property
    def voice(self) -> str:
        """The voice's name as the speech engine lists it; empty: the first English voice."""
        return str(self._get("sound/voice_name", "")).strip()

    @voice.setter
    def voice(self, value: str) -> None:
        self._set("sound/voice_name", value.strip())

    @property
    def week_start(self) -> str:
        return self._choice("week/start", "monday", WEEK_STARTS)

    @week_start.setter
    def week_start(self, value: str) -> None:
        self._set("week/start", value if value in WEEK_STARTS else "monday")

    @property
    def weekly_target(self) -> int:
        return self._int("week/target", WEEKLY_TARGET, 1, 14)

    @weekly_target.setter
    def weekly_target(self, value: int) -> None:
        self._set("week/target", max(1, min(14, int(value))))

    @property
    def paper(self) -> str:
        return self._choice("print/paper", "a4", PAPERS)

    @paper.setter
    def paper(self, value: str) -> None:
        self._set("print/paper", value if value in PAPERS else "a4")

    @property
    def name(self) -> str:
        """The name printed on logs for a physio."""
        return str(self._get("print/name", ""))

    @name.setter
    def name(self, value: str) -> None:
        self._set("print/name", value.strip())

    @property
    def full_screen_display(self) -> str:
        """The screen's name to go full screen on; empty: the one the window is on."""
        return str(self._get("display/full_screen", ""))

    @full_screen_display.setter
    def full_screen_display(self, value: str) -> None:
        self._set("display/full_screen", value)
