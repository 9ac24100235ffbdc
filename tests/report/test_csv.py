"""The CSV export: one row per set with its session's fields, readable by the csv module."""

from __future__ import annotations

import csv
import io

from ankledesk.core.records import STEP_KEYS
from ankledesk.report import csv_bytes
from ankledesk.report.csv_export import COLUMNS
from tests.report.factories import at, monday, session

MON = monday("2026-W47")


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_set_with_session_fields():
    doc = session(at(MON), notes='Ёлка, "quoted"\nsecond line', rpe=7, pain=True,
                  outcomes={3: "partial"})
    rows = read(csv_bytes([doc]))
    assert len(rows) == len(doc["steps"]) == 40
    assert list(rows[0]) == list(COLUMNS)
    first = rows[0]
    assert first["session_id"] == doc["id"]
    assert first["notes"] == 'Ёлка, "quoted"\nsecond line'
    assert (first["rpe"], first["pain"], first["status"]) == ("7", "yes", "finished")
    assert first["drill_id"] == "single-leg-rdl" and first["side"] == "left"
    assert first["target_seconds"] == "" and first["target_reps"] == "6"
    assert rows[3]["outcome"] == "partial"


def test_a_session_without_sets_still_has_a_row():
    doc = session(at(MON), rounds=0, status="abandoned", rpe=None)
    rows = read(csv_bytes([doc]))
    assert len(rows) == 1 and rows[0]["drill_id"] == "" and rows[0]["rpe"] == ""


def test_empty_history_is_just_the_header():
    assert read(csv_bytes([])) == []


def test_the_columns_keep_their_names_and_order():
    # Spreadsheets built on the export depend on these: derived from the records, pinned here.
    assert COLUMNS == (
        "session_id", "started_at", "session_ended_at", "routine_id", "routine_name", "status",
        "rpe", "pain", "notes",
        "index", "round", "drill_id", "name", "side", "mode", "target_seconds", "target_reps",
        "actual_seconds", "actual_reps", "outcome", "ended_at")
    assert COLUMNS[-len(STEP_KEYS):] == STEP_KEYS
