"""The CSV export: one row per set, each carrying its session's fields, for a spreadsheet.

The columns are those of `ankledesk history --csv`, so a sheet built on one reads the other, and
both come from the records' declaration (`ankledesk.core.records`): the session's fields in
their declared order (the nested routine and steps aside, `id` and `ended_at` named
`session_id` and `session_ended_at` so they do not clash with the step's), then the step's. A
session with no sets still gets one row, with the set columns empty, so nothing recorded goes
missing. The file is UTF-8 with a byte-order mark: without it Excel reads a Cyrillic or
accented note as mojibake, and every other CSV reader skips the mark.

Text a person typed (a note, a routine or drill name) may start with `=`, `+`, `-`, `@`, a tab
or a carriage return, which a spreadsheet reads as a formula (`=HYPERLINK(…)`, `@SUM(…)`): such
a cell is prefixed with an apostrophe, as OWASP's CSV-injection advice says, so it shows as the
text it is. Numbers are never prefixed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ankledesk.core.records import SESSION_KEYS, STEP_KEYS, SessionRecord
from ankledesk.report.inputs import Progress, report_progress

NESTED = ("routine", "steps")
RENAMED = {"id": "session_id", "ended_at": "session_ended_at"}
SESSION_FIELDS = tuple(key for key in SESSION_KEYS if key not in NESTED)
SESSION_COLUMNS = tuple(RENAMED.get(key, key) for key in SESSION_FIELDS)
STEP_COLUMNS = STEP_KEYS
COLUMNS = SESSION_COLUMNS + STEP_COLUMNS


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _session_cell(doc: SessionRecord, key: str) -> Any:
    if key == "pain":
        return "yes" if doc.get("pain") else "no"
    return _blank(doc.get(key))


def inert(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula (see the module docstring)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(sessions: Iterable[SessionRecord]) -> Iterable[list[Any]]:
    """The data rows (no header), oldest session first as given."""
    for doc in sessions:
        head = [_session_cell(doc, key) for key in SESSION_FIELDS]
        steps = doc.get("steps", [])
        if not steps:
            yield [inert(v) for v in head] + [""] * len(STEP_COLUMNS)
        for step in steps:
            yield [inert(v) for v in head] + [inert(_blank(step.get(key)))
                                               for key in STEP_COLUMNS]


def csv_bytes(sessions: list[SessionRecord], progress: Progress | None = None) -> bytes:
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
