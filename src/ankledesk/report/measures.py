"""Measurements on paper and in the spreadsheet: knee-to-wall, eyes-closed balance, big-toe hold.

The weekly log lists the week's measurements under its sessions (or, in a week without any,
the latest of each kind, so a physio always sees where things stand); the CSV export writes
them as their own file, one row per measurement.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from ankledesk.core import measures
from ankledesk.core.weeks import Week
from ankledesk.report.blocks import grid_style, para
from ankledesk.report.period import day_name, short_date
from ankledesk.report.styles import text

Measurement = Mapping[str, Any]
CSV_COLUMNS = ("measurement_id", "taken_at", "kind", "name", "unit", "left", "right",
               "session_id")


def _table(docs: Sequence[Measurement], width: float) -> Table:
    head = [para(h, "head") for h in ("Day", "Measurement", "Left", "Right")]
    data: list[list[Any]] = [head]
    for doc in docs:
        kind = measures.KINDS[doc["kind"]]
        day = measures.taken(doc).date()
        data.append([para(f"{day_name(day)} {short_date(day)} {day.year}", "cell"),
                     para(text(kind.name), "cell"),
                     para(kind.show(doc["left"]), "cell_center"),
                     para(kind.show(doc["right"]), "cell_center")])
    widths = [0.2, 0.44, 0.18, 0.18]
    table = Table(data, colWidths=[width * w for w in widths], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def measurement_block(docs: Sequence[Measurement], period: Week,
                      width: float) -> list[Flowable]:
    """The week's measurements; without any, the latest of each kind taken before it."""
    week = measures.between(docs, period.first, period.last)
    if week:
        return [para("Measurements", "h2"), _table(week, width)]
    before = [d for d in measures.oldest_first(docs) if measures.taken(d).date() <= period.last]
    latest = [of[-1] for k in measures.KINDS
              if (of := [d for d in before if d["kind"] == k])]
    if not latest:
        return []
    return [para("Measurements", "h2"),
            para("None taken this week; the latest of each:", "small"), _table(latest, width)]


def measurements_csv_bytes(docs: Sequence[Measurement]) -> bytes:
    """One row per measurement (header first), UTF-8 with a byte-order mark like the sets CSV."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for doc in measures.oldest_first(docs):
        kind = measures.KINDS[doc["kind"]]
        writer.writerow([doc["id"], doc["taken_at"], kind.id, kind.name, kind.unit,
                         "" if doc["left"] is None else doc["left"],
                         "" if doc["right"] is None else doc["right"],
                         doc.get("session_id") or ""])
    return out.getvalue().encode("utf-8-sig")
