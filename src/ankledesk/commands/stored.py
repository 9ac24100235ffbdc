"""The history as the read-only commands (`history`, `export`) see it, with its warnings.

One place opens the store without its lock, reads the years a command shows (in full) and, if
it asks, the others in outline (their digests: enough for the streak and the ladder), prints
every notice (files set aside, sessions kept in quarantine) as a `warning:` line on stderr, and
refuses to go on when nothing at all could be read, so a broken history never turns into an
empty report that exits 0.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ankledesk.core.records import SessionRecord
from ankledesk.core.terminal import shown
from ankledesk.errors import UserError
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore

EVERY_YEAR = None


def years_of(first: dt.date, last: dt.date) -> range:
    """The years a run of days touches (the history is filed by year)."""
    return range(first.year, last.year + 1)


def read_history(data_dir: Path, years: Iterable[int] | None = EVERY_YEAR, *,
                 outline_others: bool = False, measurements: bool = True
                 ) -> tuple[list[SessionRecord], list[dict[str, Any]]]:
    """The sessions of `years` (default every year), oldest first, in full; with
    `outline_others`, the other years' sessions in outline too (store.digest); and the
    measurements. UserError if the files read had sessions and none could be read."""
    store = SessionStore.open(data_dir, read_only=True)
    try:
        if years is not EVERY_YEAR and outline_others:
            sessions = store.view(years)
        else:
            sessions = store.sessions(years=years)
        measured: list[dict[str, Any]] = []
        skipped: list[str] = []
        if measurements:
            log = MeasurementLog(store)
            measured = log.all()
            skipped = log.skipped
        for notice in store.notices:
            print(f"warning: {shown(notice)}", file=sys.stderr)
        for line in skipped:
            print(f"warning: skipped {shown(line)}", file=sys.stderr)
        if store.unreadable and not sessions:
            raise UserError(f"nothing could be read from {store.history.unreadable_file} "
                            "(see the warning above); nothing was written")
        return sessions, measured
    finally:
        store.close()


def read_sessions(data_dir: Path, years: Iterable[int] | None = EVERY_YEAR, *,
                  outline_others: bool = False) -> list[SessionRecord]:
    """The sessions alone (see read_history)."""
    return read_history(data_dir, years, outline_others=outline_others,
                        measurements=False)[0]
