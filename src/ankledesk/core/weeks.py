"""Which seven days make a week: the one model Today, History, the commands and the printed
logs all count in.

A user starts the week on Monday (the default, so a week is exactly an ISO 8601 week) or on
Sunday. Whatever the start, a week is named after the ISO week most of its days belong to
(that of its fourth day), so `2026-W47` means the same week on every screen and page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

WeekStart = Literal["monday", "sunday"]

WEEK_STARTS: dict[WeekStart, int] = {"monday": 0, "sunday": 6}
"""The days a week may start on (the preference's values), and the weekday each one is."""

DEFAULT_START: WeekStart = "monday"


def week_start_named(text: str) -> WeekStart:
    """`monday`/`mon`, `sunday`/`sun` (any case) as a WeekStart; ValueError for anything else."""
    word = text.strip().lower()
    for name in WEEK_STARTS:
        if word in (name, name[:3]):
            return name
    raise ValueError(f'"{text}" is not a day a week starts on (monday or sunday)')


def week_start_or_default(value: object) -> WeekStart:
    """A stored preference as a WeekStart: anything not one of them reads as the default."""
    for name in WEEK_STARTS:
        if value == name:
            return name
    return DEFAULT_START


@dataclass(frozen=True, order=True)
class Week:
    """Seven days from `first`."""

    first: dt.date

    @classmethod
    def of(cls, day: dt.date, start: WeekStart = DEFAULT_START) -> Week:
        """The week holding `day`, for weeks that start on `start`."""
        return cls(day - dt.timedelta(days=(day.weekday() - WEEK_STARTS[start]) % 7))

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=6)

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range(7)]

    @property
    def iso(self) -> tuple[int, int]:
        """(ISO year, ISO week) of the week's fourth day."""
        middle = (self.first + dt.timedelta(days=3)).isocalendar()
        return middle.year, middle.week

    @property
    def label(self) -> str:
        """`2026-W47`."""
        year, week = self.iso
        return f"{year}-W{week:02d}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def next(self) -> Week:
        return Week(self.first + dt.timedelta(days=7))

    def previous(self) -> Week:
        return Week(self.first - dt.timedelta(days=7))

    def holding(self, day: dt.date) -> Week:
        """The week holding `day` that starts on the weekday this one starts on."""
        return Week(day - dt.timedelta(days=(day - self.first).days % 7))

    def back(self, weeks: int) -> Week:
        """The week `weeks` before this one."""
        return Week(self.first - dt.timedelta(days=7 * weeks))


def weeks_from(first: dt.date, last: dt.date, start: WeekStart = DEFAULT_START) -> list[Week]:
    """Every week from the one holding `first` to the one holding `last`, in order; ValueError
    when the range ends before it starts."""
    current, end = Week.of(first, start), Week.of(last, start)
    if end < current:
        raise ValueError("the range ends before it starts")
    out = []
    while current <= end:
        out.append(current)
        current = current.next()
    return out
