"""Weeks and days typed on the command line, checked once for every command.

Python's dates end at years 1 and 9999, and a week's log looks back (the progression chart, the
streak) and ahead (the week's Sunday, the next Monday): a week at either end would overflow
half-way through a report. So a week must lie in years 2–9998, and a printed range is at most
ten years long; anything else is one clear line (exit status 2), never an OverflowError.
"""

from __future__ import annotations

import datetime as dt
import re

from ankledesk.core.progress import IsoWeek
from ankledesk.errors import UserError

USAGE_EXIT = 2
FIRST_YEAR = 2
LAST_YEAR = 9998
MAX_RANGE_WEEKS = 520
_YEAR = re.compile(r"^\s*(\d+)\s*-?\s*[Ww]")


def usage(message: str) -> UserError:
    """A mistake on the command line: one line, exit status 2."""
    return UserError(message, exit_code=USAGE_EXIT)


def parse_week(text: str, option: str = "--week") -> IsoWeek:
    """`2026-W47` as an IsoWeek within years 2–9998, or a usage error saying what is wrong."""
    year = _YEAR.match(text)
    if year and not FIRST_YEAR <= int(year[1]) <= LAST_YEAR:
        raise usage(f'{option} "{text}": the year must be {FIRST_YEAR}–{LAST_YEAR} (a log '
                    "reads the weeks around its own, and the calendar stops at 1 and 9999)")
    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        raise usage(f"{option}: {exc}") from None


def parse_date(text: str, option: str) -> dt.date:
    """`2026-11-18` as a date, or a usage error naming the option."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise usage(f'{option} "{text}" is not a date such as 2026-11-18') from None


def check_range(first: IsoWeek, last: IsoWeek) -> None:
    """A printable range of weeks: in order and at most MAX_RANGE_WEEKS long."""
    if last < first:
        raise usage(f"--to {last} is before --week {first}")
    weeks = (last.monday - first.monday).days // 7 + 1
    if weeks > MAX_RANGE_WEEKS:
        raise usage(f"--week {first} --to {last} is {weeks} weeks; a log covers at most "
                    f"{MAX_RANGE_WEEKS} weeks (ten years): split it")
