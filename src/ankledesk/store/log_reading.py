"""What a printed log of some weeks is made from, read the same way for the window and the CLI.

The History page's export and `ankledesk export pdf` used to read the history differently (the
page every year in full, the command the shown weeks plus the other years' outlines), so the
same week could cost ten times more from the window and, in principle, print differently. Both
now call `read_for_log`: the years the printed weeks touch in full (a week that starts on
Sunday begins the day before its ISO Monday, and ends the day before its ISO Sunday's week
does), every other year in outline (store.digest: what the streak, the ladder and the hold
chart ask), the cut-short session if there is one, and the measurements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ankledesk.core.records import SessionView
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore

_ANY_WEEK = dt.timedelta(days=6)  # the widest a week reaches past a day it holds


@dataclass(frozen=True)
class LogReading:
    """The sessions (oldest first) and measurements a log needs, and the measurement records
    that could not be read (`file: measurements record N: what is wrong`)."""

    sessions: list[SessionView]  # the printed weeks' years in full, the others in outline
    measurements: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)


def years_of(first: dt.date, last: dt.date) -> range:
    """The years a run of days touches (the history is filed by year)."""
    return range(first.year, last.year + 1)


def read_for_log(store: SessionStore, first: dt.date, last: dt.date) -> LogReading:
    """Everything the log of the weeks holding `first` to `last` prints, whatever day the
    weeks start on."""
    full_years = years_of(first - _ANY_WEEK, last + _ANY_WEEK)
    sessions = store.view(full_years)
    reader = MeasurementLog(store)
    measured = reader.all()
    return LogReading(sessions, measured, list(reader.skipped))
