"""Measurements in history.json's own table, written with the same atomic, fsynced storage.

They live beside the sessions (table `measurements`) so a backup of history.json is a backup of
everything, and an older AnkleDesk that does not know the table leaves it alone (TinyDB rewrites
every table it read). A record this app cannot read (edited by hand, from a newer app) is
skipped on reading and counted in `skipped`, never dropped from the file.

    log = MeasurementLog(store)
    log.add("knee-to-wall", left=9.5, right=11.0)       # one durable write
    for doc in log.all(): ...                            # oldest first
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ankledesk.core.measures import KINDS, MeasurementError, check_measurement, check_value
from ankledesk.errors import UserError
from ankledesk.store.documents import iso, now_local, uuid4_hex
from ankledesk.store.session_store import SessionStore

MEASUREMENTS_TABLE = "measurements"


class MeasurementLog:
    """The measurements of a data folder's history (read-only if the store is)."""

    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._table = store.history.opened.db.table(MEASUREMENTS_TABLE)
        self.skipped: list[str] = []

    def all(self) -> list[dict[str, Any]]:
        """Every readable measurement, oldest first; unreadable ones are listed in `skipped`
        as `record N: what is wrong`."""
        docs, self.skipped = [], []
        for record in self._table.all():
            try:
                check_measurement(record)
            except MeasurementError as exc:
                self.skipped.append(f"{self._store.history.path}: measurements record "
                                    f"{record.doc_id}: {exc}")
                continue
            docs.append(dict(record))
        return sorted(docs, key=lambda d: dt.datetime.fromisoformat(d["taken_at"]))

    def add(self, kind: str, *, left: float | None = None, right: float | None = None,
            taken_at: dt.datetime | None = None, session_id: str | None = None
            ) -> dict[str, Any]:
        """Check and store one measurement (one durable write); MeasurementError if a value is
        wrong, UserError if the history cannot be written."""
        if kind not in KINDS:
            raise MeasurementError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
        doc: dict[str, Any] = {
            "id": uuid4_hex(), "kind": kind,
            "taken_at": iso(taken_at or now_local()),
            "left": check_value(KINDS[kind], "left", left),
            "right": check_value(KINDS[kind], "right", right),
            "session_id": session_id,
        }
        check_measurement(doc)
        self._check_writable()
        self._table.insert(doc)
        return doc

    def _check_writable(self) -> None:
        if self._store.lock is None:
            raise RuntimeError("this store was opened read-only")
        if self._store.history.read_only:
            raise UserError(f"{self._store.history.path} is read-only (written by a newer "
                            "AnkleDesk); update AnkleDesk to record measurements")
