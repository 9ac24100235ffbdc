"""The CSV export: one row per set, each carrying its session's fields, for a spreadsheet.

The columns are those of `ankledesk history --csv` (session columns, then the step record's
keys in the store's order), so a sheet built on one reads the other. A session with no sets
still gets one row, with the set columns empty, so nothing recorded goes missing. The file is
UTF-8 with a byte-order mark: without it Excel reads a Cyrillic or accented note as mojibake,
and every other CSV reader skips the mark.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ankledesk.report.inputs import Progress, Session, report_progress

SESSION_COLUMNS = ("session_id", "started_at", "session_ended_at", "routine_id",
                   "routine_name", "status", "rpe", "pain", "notes")
STEP_COLUMNS = ("index", "round", "drill_id", "name", "side", "mode", "target_seconds",
                "target_reps", "actual_seconds", "actual_reps", "outcome", "ended_at")
COLUMNS = SESSION_COLUMNS + STEP_COLUMNS


def _blank(value: Any) -> Any:
    return "" if value is None else value


def rows(sessions: Iterable[Session]) -> Iterable[list[Any]]:
    """The data rows (no header), oldest session first as given."""
    for doc in sessions:
        head = [doc["id"], doc["started_at"], _blank(doc.get("ended_at")), doc["routine_id"],
                doc.get("routine_name", ""), doc["status"], _blank(doc.get("rpe")),
                "yes" if doc.get("pain") else "no", doc.get("notes", "")]
        steps = doc.get("steps", [])
        if not steps:
            yield head + [""] * len(STEP_COLUMNS)
        for step in steps:
            yield head + [_blank(step.get(key)) for key in STEP_COLUMNS]


def csv_bytes(sessions: list[Session], progress: Progress | None = None) -> bytes:
    """The whole CSV file (header first) as UTF-8 bytes with a byte-order mark."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for n, doc in enumerate(sessions):
        writer.writerows(rows([doc]))
        report_progress(progress, n + 1, len(sessions))
    if not sessions:
        report_progress(progress, 0, 0)
    return out.getvalue().encode("utf-8-sig")
