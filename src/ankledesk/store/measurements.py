"""Measurements in `history/measurements.json`, written with the same atomic, fsynced storage.

They live in the history folder beside the year files, so a backup of that folder is a backup
of everything; they are few (a handful a week), so one file holds them all. Before the split
into years they were a table of history.json, which a reader still reads until the first
writer moves them (store.split). A record this app cannot read (edited by hand, from a newer
app) is skipped on reading and counted in `skipped`, never dropped from the file.

    log = MeasurementLog(store)
    log.add("knee-to-wall", left=9.5, right=11.0)       # one durable write
    for doc in log.all(): ...                            # oldest first
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tinydb.table import Table

from ankledesk.core.measures import KINDS, MeasurementError, check_measurement, check_value
from ankledesk.errors import UserError
from ankledesk.store.documents import iso, now_local, uuid4_hex
from ankledesk.store.session_store import SessionStore
from ankledesk.store.split import MEASUREMENTS_TABLE


class MeasurementLog:
    """The measurements of a data folder's history (read-only if the store is)."""

    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self.skipped: list[str] = []

    def _sources(self) -> list[tuple[Path, Table]]:
        opened = self._store.measurements_file()
        legacy = self._store.history.legacy  # not split yet: a reader sees both
        return [(opened.path, opened.db.table(MEASUREMENTS_TABLE))] + (
            [(legacy.path, legacy.opened.db.table(MEASUREMENTS_TABLE))] if legacy else [])

    def all(self) -> list[dict[str, Any]]:
        """Every readable measurement, oldest first; unreadable ones are listed in `skipped`
        as `record N: what is wrong`."""
        docs: list[dict[str, Any]] = []
        self.skipped = []
        for path, table in self._sources():
            for record in table.all():
                try:
                    check_measurement(record)
                except MeasurementError as exc:
                    self.skipped.append(f"{path}: measurements record {record.doc_id}: {exc}")
                    continue
                if dict(record) not in docs:
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
        opened = self._store.measurements_file(create=True)
        with self._store.history.writing(opened.path):  # a history/ shared with another folder
            opened.db.table(MEASUREMENTS_TABLE).insert(doc)  # re-read first if replaced
        return doc

    def _check_writable(self) -> None:
        if self._store.lock is None:
            raise RuntimeError("this store was opened read-only")
        opened = self._store.measurements_file(create=True)
        if opened.read_only:
            raise UserError(f"{opened.path} is read-only (written by a newer AnkleDesk); "
                            "update AnkleDesk to record measurements")
