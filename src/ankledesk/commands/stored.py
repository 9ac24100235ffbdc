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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ankledesk.core.records import SessionRecord, SessionView
from ankledesk.core.terminal import shown
from ankledesk.errors import UserError
from ankledesk.store.log_reading import LogReading, read_for_log, years_of
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore

__all__ = ["EVERY_YEAR", "read_history", "read_log", "read_sessions", "read_view", "years_of"]

EVERY_YEAR = None


def read_history(data_dir: Path, years: Iterable[int] | None = EVERY_YEAR, *,
                 measurements: bool = True
                 ) -> tuple[list[SessionRecord], list[dict[str, Any]]]:
    """The sessions of `years` (default every year), oldest first, in full, and the
    measurements. UserError if the files read had sessions and none could be read."""
    with _reading(data_dir) as store:
        sessions = store.sessions(years=years)
        measured: list[dict[str, Any]] = []
        skipped: list[str] = []
        if measurements:
            log = MeasurementLog(store)
            measured = log.all()
            skipped = log.skipped
        _said(store, sessions, skipped)
        return sessions, measured


def read_view(data_dir: Path, full_years: Iterable[int]) -> list[SessionView]:
    """Every session, oldest first: `full_years` in full, the other years in outline
    (store.digest: all the streak and the ladder ask of them), with read_history's warnings."""
    with _reading(data_dir) as store:
        sessions = store.view(full_years)
        _said(store, sessions, [])
        return sessions


def read_log(data_dir: Path, first: dt.date, last: dt.date) -> LogReading:
    """What the printed log of the weeks holding `first` to `last` is made from: the same read
    as the window's export (store.log_reading), with the warnings of read_history."""
    with _reading(data_dir) as store:
        reading = read_for_log(store, first, last)
        _said(store, reading.sessions, reading.skipped)
        return reading


@contextmanager
def _reading(data_dir: Path) -> Iterator[SessionStore]:
    store = SessionStore.open(data_dir, read_only=True)
    try:
        yield store
    finally:
        store.close()


def _said(store: SessionStore, sessions: Sequence[SessionView], skipped: list[str]) -> None:
    """Every notice as a warning line; UserError when nothing at all could be read."""
    for notice in store.notices:
        print(f"warning: {shown(notice)}", file=sys.stderr)
    for line in skipped:
        print(f"warning: skipped {shown(line)}", file=sys.stderr)
    if store.unreadable and not sessions:
        raise UserError(f"nothing could be read from {store.history.unreadable_file} "
                        "(see the warning above); nothing was written")


def read_sessions(data_dir: Path, years: Iterable[int] | None = EVERY_YEAR
                  ) -> list[SessionRecord]:
    """The sessions alone (see read_history)."""
    return read_history(data_dir, years, measurements=False)[0]
