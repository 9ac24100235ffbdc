"""Every preference the app keeps, declared once: its key in settings.ini, its type, default,
range and the words the Preferences dialog shows for it.

`ui.preferences.Preferences` (typed reading and writing over QSettings) and
`ui.preferences_dialog` (one control per row) are both built from `SETTINGS`, so a new setting
is one row here and a range or default is never written twice. The table is Qt-free so that
the command line can read the same defaults. Each row also says how a stored value is read
back: a hand-edited or damaged settings.ini gives the default, never an exception.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from ankledesk.core.progress import WEEKLY_TARGET
from ankledesk.core.weeks import DEFAULT_START, WEEK_STARTS, WeekStart

T = TypeVar("T")
C = TypeVar("C", bound=str)  # a Choice's options: plain words, or a Literal of them

_TRUE_WORDS = ("1", "true", "yes", "on")
_FALSE_WORDS = ("0", "false", "no", "off")


# No __eq__, __hash__ or __repr__: the table never compares or prints a row, and each
# generated method is an exec at import, on the way to the window's first paint.
@dataclass(frozen=True, eq=False, repr=False)
class Setting(ABC, Generic[T]):
    """One preference. `name` is its attribute on Preferences; `key` its place in
    settings.ini (`section/name`); `label` what the dialog says; `in_dialog` False for a
    setting changed elsewhere (mute is a key on the workout screen)."""

    name: str
    key: str
    default: T
    label: str
    in_dialog: bool

    @abstractmethod
    def read(self, raw: object) -> T:
        """The stored value as this setting's type; anything unusable gives the default."""

    @abstractmethod
    def stored(self, value: T) -> object:
        """What is written to settings.ini for `value` (clamped or defaulted to the range)."""


@dataclass(frozen=True, eq=False, repr=False)
class Flag(Setting[bool]):
    """On or off; a check box whose text is the label."""

    def read(self, raw: object) -> bool:
        if isinstance(raw, str):
            word = raw.strip().lower()
            if word in _TRUE_WORDS:
                return True
            if word in _FALSE_WORDS:
                return False
            return self.default
        return bool(raw)

    def stored(self, value: bool) -> object:
        return bool(value)


@dataclass(frozen=True, eq=False, repr=False)
class Number(Setting[int]):
    """A whole number from `low` to `high`; shown as a spin box (with `suffix`) or a slider."""

    low: int = 0
    high: int = 0
    suffix: str = ""
    control: Literal["spin", "slider"] = "spin"

    def read(self, raw: object) -> int:
        try:
            value = int(str(raw))
        except ValueError:
            return self.default
        return value if self.low <= value <= self.high else self.default

    def stored(self, value: int) -> object:
        return max(self.low, min(self.high, int(value)))


@dataclass(frozen=True, eq=False, repr=False)
class Choice(Setting[C]):
    """One of `options` (as stored), each shown as the matching entry of `shown`."""

    options: tuple[C, ...] = ()
    shown: tuple[str, ...] = ()

    def read(self, raw: object) -> C:
        value = str(raw).strip().lower()
        return next((option for option in self.options if option == value), self.default)

    def stored(self, value: C) -> object:
        return value if value in self.options else self.default


@dataclass(frozen=True, eq=False, repr=False)
class Text(Setting[str]):
    """Free text. `strip_read` / `strip_write`: spaces around it dropped when read / written.
    `control`: a line to type in, or a list of what the machine has (its screens, its voices)
    with `empty` the entry for the empty value."""

    strip_read: bool = False
    strip_write: bool = False
    control: Literal["line", "screen", "voice"] = "line"
    empty: str = ""

    def read(self, raw: object) -> str:
        value = str(raw)
        return value.strip() if self.strip_read else value

    def stored(self, value: str) -> object:
        return value.strip() if self.strip_write else value


MIRROR_LEFT = Flag("mirror_left", "workout/mirror_left", True,
                   "Mirror the clip for the left side", in_dialog=True)
WEEK_START: Choice[WeekStart] = Choice(
    "week_start", "week/start", DEFAULT_START, "Week starts on", in_dialog=True,
    options=tuple(WEEK_STARTS), shown=tuple(start.capitalize() for start in WEEK_STARTS))
WEEKLY_TARGET_SETTING = Number("weekly_target", "week/target", WEEKLY_TARGET, "Weekly target",
                               in_dialog=True, low=1, high=14, suffix=" sessions a week")
PAPER: Choice[str] = Choice("paper", "print/paper", "a4", "Paper for printed logs", in_dialog=True,
               options=("a4", "letter"), shown=("A4", "Letter"))
FULL_SCREEN_DISPLAY = Text("full_screen_display", "display/full_screen", "", "Full screen on",
                           in_dialog=True, control="screen", empty="The screen the window is on")
CUE_VOLUME = Number("cue_volume", "sound/volume", 100, "Cue volume", in_dialog=True,
                    low=0, high=100, control="slider")
VOICE_ON = Flag("voice_on", "sound/voice", True, "Announce what comes next aloud",
                in_dialog=True)
HALFWAY_TICK = Flag("halfway_tick", "sound/halfway", True, "Tick halfway through a hold",
                    in_dialog=True)
VOICE = Text("voice", "sound/voice_name", "", "Voice", in_dialog=True, strip_read=True,
             strip_write=True, control="voice", empty="Automatic (the first English voice)")
NAME = Text("name", "print/name", "", "Your name", in_dialog=True, strip_write=True,
            empty="printed on your logs")
MUTED = Flag("muted", "workout/muted", False, "Mute the cues", in_dialog=False)

# In the dialog's order, top to bottom.
SETTINGS: tuple[Setting[Any], ...] = (
    MIRROR_LEFT, WEEK_START, WEEKLY_TARGET_SETTING, PAPER, FULL_SCREEN_DISPLAY, CUE_VOLUME,
    VOICE_ON, HALFWAY_TICK, VOICE, NAME, MUTED,
)
