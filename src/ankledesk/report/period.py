"""The seven days a weekly log covers, and how they are named on paper.

With the default Monday start a period is exactly an ISO 8601 week (`2026-W47`). A user who
starts the week on Sunday gets Sunday to Saturday; the period is still named after the ISO
week most of its days belong to (that of its fourth day), so `--week 2026-W47` means the
same week whatever the start day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")
MONDAY = 0


@dataclass(frozen=True, order=True)
class Period:
    """Seven days from `first`."""

    first: dt.date

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=6)

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range(7)]

    @property
    def iso(self) -> tuple[int, int]:
        """(ISO year, ISO week) of the period's fourth day."""
        middle = (self.first + dt.timedelta(days=3)).isocalendar()
        return middle.year, middle.week

    @property
    def label(self) -> str:
        """`2026-W47`."""
        year, week = self.iso
        return f"{year}-W{week:02d}"

    @property
    def title(self) -> str:
        """`Week 47, 2026`."""
        year, week = self.iso
        return f"Week {week}, {year}"

    @property
    def dates(self) -> str:
        """`Mon 16 – Sun 22 Nov 2026`."""
        return date_span(self.first, self.last)

    def next(self) -> Period:
        return Period(self.first + dt.timedelta(days=7))


def day_name(day: dt.date) -> str:
    """`Mon`, in English whatever the locale (strftime's %a follows it)."""
    return DAY_NAMES[day.weekday()]


def date_span(first: dt.date, last: dt.date) -> str:
    """`Mon 16 – Sun 22 Nov 2026`: months and years written only where they change."""
    if first.year != last.year:
        start = f"{day_name(first)} {short_date(first)} {first.year}"
    elif first.month != last.month:
        start = f"{day_name(first)} {short_date(first)}"
    else:
        start = f"{day_name(first)} {first.day}"
    return f"{start} – {day_name(last)} {short_date(last)} {last.year}"


def short_date(day: dt.date) -> str:
    """`16 Nov`, in English whatever the locale (Qt sets the C library's locale)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def period_of(day: dt.date, week_start: int = MONDAY) -> Period:
    """The period holding `day` for weeks that start on `week_start` (0 Monday … 6 Sunday)."""
    if not 0 <= week_start <= 6:
        raise ValueError("week_start is a weekday number, 0 (Monday) to 6 (Sunday)")
    return Period(day - dt.timedelta(days=(day.weekday() - week_start) % 7))


def periods(first: dt.date, last: dt.date, week_start: int = MONDAY) -> list[Period]:
    """Every period from the one holding `first` to the one holding `last`, in order."""
    current, end = period_of(first, week_start), period_of(last, week_start)
    if end < current:
        raise ValueError("the range ends before it starts")
    out = []
    while current <= end:
        out.append(current)
        current = current.next()
    return out
