"""A 400 KB note prints as its first paragraph and a "continued in the CSV" marker (issue 12,
point 9): the PDF stays a page, and the CSV keeps every character. Real command, real PDF
read back with pdfplumber."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ankledesk.core.progress import IsoWeek
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
    # The marker ends the printed note (a long note continues on rows of its own, so the
    # marker may straddle two of them).
    assert "… (continued in the" in joined and "CSV: ankledesk export csv)" in joined
    assert joined.count("Left calf tight") < 8000 // 60
    assert len(texts) <= 5
    out = tmp_path / "sets.csv"
    assert cli("export", "csv", "-o", str(out)).returncode == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert row["notes"] == NOTE
