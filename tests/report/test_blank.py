"""The blank sheet: a routine's drills × days with the target dosage and a box per set."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from ankledesk.library import open_library
from ankledesk.report import blank_sheet
from tests.report.pdfcheck import page_sizes, page_texts


@pytest.fixture
def library(data_dir):
    return open_library(data_dir)


def test_sheet_lists_each_drill_with_its_dosage_and_the_week(library):
    routine = library.routine("runners-chassis-circuit")
    texts = page_texts(blank_sheet(routine, dt.date(2026, 11, 25), name="Noor"))
    assert len(texts) == 1
    text = texts[0]
    assert "Runner's chassis circuit · Week 48, 2026" in text
    assert "Mon 23 – Sun 29 Nov 2026 (2026-W48)" in text
    for item in routine.items:
        assert routine.drills[item.drill_id].name in text
        assert item.dosage() in text
    assert "4 rounds" in text and "aim for 2 sessions" in text
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        assert day in text
    assert "Effort (RPE 1–10)" in text and "Pain?" in text and "Notes" in text
    assert "Noor" in text and "Page 1 of 1" in text


def test_without_a_name_there_is_a_line_to_write_it(library):
    text = page_texts(blank_sheet(library.routine("big-toe-strength"), dt.date(2026, 11, 25)))
    assert "Name" in text[0]


@pytest.mark.parametrize("routine_id", ["ankle-mobility-foundations", "big-toe-strength",
                                        "runners-chassis-circuit"])
@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_one_landscape_page_on_either_paper(library, routine_id, paper, size):
    data = blank_sheet(library.routine(routine_id), dt.date(2026, 11, 25), paper=paper)
    sizes = page_sizes(data)
    assert len(sizes) == 1
    assert (round(sizes[0][0]), round(sizes[0][1])) == (round(size[1]), round(size[0]))


def test_week_start_sunday(library):
    text = page_texts(blank_sheet(library.routine("big-toe-strength"), dt.date(2026, 11, 25),
                                  week_start=6))[0]
    assert "Sun 22 – Sat 28 Nov 2026 (2026-W48)" in text
