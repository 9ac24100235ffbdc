"""A 400 KB note prints as its first paragraph and a "continued in the CSV" marker (issue 12,
point 9): the PDF stays a page, and the CSV keeps every character. Real command, real PDF
read back with pdfplumber."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ankledesk.core.progress import IsoWeek
from ankledesk.report.weekly import NOTE_CONTINUED
from ankledesk.store.history import HISTORY_FILE
from tests.report.pdfcheck import page_texts
from tests.store.hostile import META, file_text
from tests.store.strategies import session_at

csv.field_size_limit(10_000_000)
NOTE = "Left calf tight after the hill repeats, eased by the third round. " * 6100


def test_a_400_kb_note_is_cut_in_the_pdf_and_whole_in_the_csv(cli, data_dir: Path,
                                                              tmp_path: Path) -> None:
    assert len(NOTE) > 400_000
    doc = session_at("2026-11-16T07:00:00+01:00", notes=NOTE)
    (data_dir / HISTORY_FILE).write_text(file_text([("1", json.dumps(doc))], META))
    pdf = tmp_path / "week.pdf"
    week = str(IsoWeek.parse("2026-W47"))
    run = cli("export", "pdf", "--week", week, "-o", str(pdf))
    assert run.returncode == 0, run.stderr
    texts = page_texts(pdf.read_bytes())
    joined = " ".join(" ".join(texts).split())
    assert "Left calf tight after the hill repeats" in joined
    assert " ".join(NOTE_CONTINUED.split()) in joined
    assert len(texts) <= 4
    out = tmp_path / "sets.csv"
    assert cli("export", "csv", "-o", str(out)).returncode == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert row["notes"] == NOTE
