"""How days and weeks are named on paper (which days a week holds is core.weeks')."""

from __future__ import annotations

import datetime as dt

from ankledesk.core.weeks import Week

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")


def week_title(week: Week) -> str:
    """`Week 47, 2026`."""
    year, number = week.iso
    return f"Week {number}, {year}"


def week_dates(week: Week) -> str:
    """`Mon 16 – Sun 22 Nov 2026`."""
    return date_span(week.first, week.last)


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
