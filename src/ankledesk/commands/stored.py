"""The history as the read-only commands (`history`, `export`) see it, with its warnings.

One place opens the store without its lock, prints every notice (files set aside, sessions kept
in quarantine) as a `warning:` line on stderr, and refuses to go on when nothing at all could be
read, so a broken history never turns into an empty report that exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ankledesk.core.records import SessionRecord
from ankledesk.core.terminal import shown
from ankledesk.errors import UserError
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore


def read_history(data_dir: Path) -> tuple[list[SessionRecord], list[dict[str, Any]]]:
    """Every readable session, oldest first, and the measurements; UserError if the history
    had sessions and none of them could be read."""
    store = SessionStore.open(data_dir, read_only=True)
    try:
        for notice in store.notices:
            print(f"warning: {shown(notice)}", file=sys.stderr)
        sessions = store.sessions()
        if store.unreadable and not sessions:
            raise UserError(f"nothing could be read from {store.history.path} "
                            "(see the warning above); nothing was written")
        log = MeasurementLog(store)
        measured = log.all()
        for skipped in log.skipped:
            print(f"warning: skipped {shown(skipped)}", file=sys.stderr)
        return sessions, measured
    finally:
        store.close()


def read_sessions(data_dir: Path) -> list[SessionRecord]:
    """The sessions alone (see read_history)."""
    return read_history(data_dir)[0]
