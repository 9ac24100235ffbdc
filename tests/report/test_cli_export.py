"""`ankledesk export` end to end: a history made by the real `ankledesk simulate`, exported by
the real command in a subprocess, read back from the PDF; and the one-line errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

import pytest

from ankledesk import durable_files
from ankledesk.core.progress import IsoWeek
from ankledesk.report import output
from tests.report.pdfcheck import ink_spread, page_sizes, page_texts, render_pages

NOTE = "Left calf <b>tight</b> & sore — Ёлка ✓"


@pytest.fixture(scope="module")
def history_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two simulated workouts today: the chassis circuit with a note, the big-toe hold with
    pain. Module-scoped: simulating takes a few seconds."""
    from tests.conftest import run_cli

    folder = tmp_path_factory.mktemp("simulated")
    run_cli("simulate", "runners-chassis-circuit", "--speed", "500", "--rpe", "7",
            "--notes", NOTE, data_dir=folder, check=True, timeout=120)
    run_cli("simulate", "big-toe-strength", "--speed", "500", "--pain", data_dir=folder,
            check=True, timeout=120)
    return folder


def this_week() -> IsoWeek:
    return IsoWeek.of(dt.date.today())


def test_weekly_pdf_from_a_simulated_history(cli, history_dir, tmp_path):
    out = tmp_path / "log.pdf"
    result = cli("export", "pdf", "--week", str(this_week()), "--name", "Sam", "-o", str(out),
                 data_dir=history_dir)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
    texts = page_texts(out.read_bytes())
    text = "\n".join(texts)
    today = dt.date.today()
    assert f"({this_week()})" in text
    for drill in ("Single-leg Romanian", "Banded lunges", "Step up to balance",
                  "Swimming back", "Big-toe calf-raise"):
        assert drill in text
    assert "4×6/side" in text and "4×12/side" in text and "4×45 s" in text
    assert "4×45 s/side" in text  # the big-toe hold, each side
    assert "40 of 40 sets done" in text and "8 of 8 sets done" in text
    assert f"{today.day} {today:%b}" in text
    assert NOTE in text
    assert "yes ⚠" in text and "2 ✓" in text
    assert "Sam" in text
    for n, page in enumerate(texts, start=1):
        assert f"Page {n} of {len(texts)}" in page


def test_pages_render_and_are_not_blank(cli, history_dir, tmp_path):
    for args in (["pdf", "--week", str(this_week())],
                 ["pdf", "--week", str(this_week().previous()), "--to", str(this_week())],
                 ["blank", "--routine", "runners-chassis-circuit"]):
        out = tmp_path / "doc.pdf"
        assert cli("export", *args, "-o", str(out), data_dir=history_dir).returncode == 0
        folder = tmp_path / args[0] / str(len(args))
        folder.mkdir(parents=True)
        pngs = render_pages(out.read_bytes(), folder)
        assert pngs
        for png in pngs:
            assert ink_spread(png) > 8, f"{png.name} of `export {' '.join(args)}` looks blank"


def test_letter_paper_and_range(cli, history_dir, tmp_path):
    out = tmp_path / "range.pdf"
    result = cli("export", "pdf", "--week", str(this_week().previous()), "--to",
                 str(this_week()), "--paper", "letter", "-o", str(out), data_dir=history_dir)
    assert result.returncode == 0, result.stderr
    assert {(round(w), round(h)) for w, h in page_sizes(out.read_bytes())} == {(612, 792)}
    texts = page_texts(out.read_bytes())
    assert "Week by week" in texts[0]
    assert "Nothing was logged this week." in "\n".join(texts)  # last week was empty


def test_blank_sheet_command(cli, tmp_path):
    out = tmp_path / "sheet.pdf"
    result = cli("export", "blank", "--routine", "big-toe-strength", "--week", "2026-W48",
                 "--paper", "a4", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = page_texts(out.read_bytes())[0]
    assert "Big-toe strength · Week 48, 2026" in text and "45 s each side" in text


def test_csv_command(cli, history_dir, tmp_path):
    out = tmp_path / "sets.csv"
    today = dt.date.today().isoformat()
    result = cli("export", "csv", "--from", today, "--to", today, "-o", str(out),
                 data_dir=history_dir)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert len(rows) == 48  # 40 sets of the circuit, 8 of the big-toe hold
    assert {r["notes"] for r in rows if r["routine_id"] == "runners-chassis-circuit"} == {NOTE}
    assert "2 sessions, 48 sets" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["pdf", "--week", "2026-W99"], "2026 has no week 99"),
    (["pdf", "--week", "last week"], "is not an ISO week"),
    (["pdf", "--week", "2026-W47", "--to", "2026-W40"], "is before --week"),
    (["blank", "--routine", "runners-chasis-circuit"], 'did you mean "runners-chassis-circuit"'),
    (["csv", "--from", "yesterday"], "is not a date"),
])
def test_user_errors_are_one_line(cli, tmp_path, args, message):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the old file")
    result = cli("export", *args, "-o", str(out))
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert out.read_bytes() == b"the old file"


def test_unwritable_outputs(cli, tmp_path):
    result = cli("export", "pdf", "-o", str(tmp_path / "missing" / "log.pdf"))
    assert result.returncode != 0 and "does not exist" in result.stderr
    result = cli("export", "pdf", "-o", str(tmp_path))
    assert result.returncode != 0 and "is a folder" in result.stderr


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "log.pdf"
    target.write_bytes(b"the old file")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable_files, "replace_with_retry", refuse)
    with pytest.raises(OSError, match="No space"):
        output.save_atomic(target, b"%PDF-new")
    assert target.read_bytes() == b"the old file"
    assert os.listdir(folder) == ["log.pdf"]


def test_a_saved_file_is_readable_by_others(tmp_path):
    target = output.save_atomic(tmp_path / "log.pdf", b"%PDF")
    assert target.stat().st_mode & 0o044  # not mkstemp's private 0600
