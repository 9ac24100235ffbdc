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
    assert len(texts) == 2  # six drills, each set in a box big enough to write in
    text = "\n".join(texts)
    assert "Runner's chassis circuit · Week 48, 2026" in text
    assert "Mon 23 – Sun 29 Nov 2026 (2026-W48)" in text
    for item in routine.items:
        assert routine.drills[item.drill_id].name in text
        assert item.dosage() in text
    assert "4 rounds" in text and "aim for 2 sessions" in text
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        assert day in text
    assert "Effort (RPE 1–10)" in text and "Pain?" in text and "Notes" in text
    assert "Noor" in text and "Page 1 of 2" in texts[0] and "Page 2 of 2" in texts[1]


def test_without_a_name_there_is_a_line_to_write_it(library):
    text = page_texts(blank_sheet(library.routine("big-toe-strength"), dt.date(2026, 11, 25)))
    assert "Name" in text[0]


@pytest.mark.parametrize(("routine_id", "pages"), [
    ("ankle-mobility-foundations", {"a4": 2, "letter": 2}),  # eight drills, three rounds
    ("big-toe-strength", {"a4": 1, "letter": 1}),
    ("runners-chassis-circuit", {"a4": 2, "letter": 2}),
])
@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_landscape_pages_on_either_paper(library, routine_id, pages, paper, size):
    data = blank_sheet(library.routine(routine_id), dt.date(2026, 11, 25), paper=paper)
    sizes = page_sizes(data)
    assert len(sizes) == pages[paper]
    assert {(round(w), round(h)) for w, h in sizes} == {(round(size[1]), round(size[0]))}


def test_week_start_sunday(library):
    text = page_texts(blank_sheet(library.routine("big-toe-strength"), dt.date(2026, 11, 25),
                                  week_start="sunday"))[0]
    assert "Sun 22 – Sat 28 Nov 2026 (2026-W48)" in text


def boxes(data: bytes) -> list[dict]:
    """The set boxes, measured from the PDF's drawing operations: stroked, unfilled
    rectangles smaller than a table cell."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [r for page in pdf.pages for r in page.rects
                if r["stroke"] and not r["fill"] and r["width"] < 60 and r["height"] < 60]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("routine_id", ["runners-chassis-circuit", "big-toe-strength",
                                        "ankle-mobility-foundations"])
def test_every_set_has_a_box_big_enough_to_write_in(library, routine_id, paper, tmp_path):
    """At least 8 mm high and 10 mm wide (a hand-written `1:45` or `12/12`), one per set, per
    side and per day."""
    from reportlab.lib.units import mm

    from tests.report.pdfcheck import ink_spread, render_pages

    routine = library.routine(routine_id)
    data = blank_sheet(routine, dt.date(2026, 11, 25), paper=paper)
    found = boxes(data)
    sides = sum(2 if item.sides == "each" else 1 for item in routine.items)
    assert len(found) == routine.rounds * sides * 7
    assert min(r["height"] for r in found) >= 8 * mm - 0.01
    assert min(r["width"] for r in found) >= 10 * mm
    for png in render_pages(data, tmp_path):
        assert ink_spread(png) > 8


def test_hold_drills_ask_for_the_seconds_held(library):
    text = " ".join(page_texts(blank_sheet(library.routine("big-toe-strength"),
                                           dt.date(2026, 11, 25)))[0].split())
    assert "hold · 45 s each side · write the seconds held" in text
    assert "1:45 held" in text and "12/12 reps" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_page_is_filled_by_the_grid_and_notes(library, paper):
    """On a one-page sheet the note lines run down to the footer: no quarter left empty."""
    import io

    import pdfplumber

    from ankledesk.report.styles import MARGIN

    data = blank_sheet(library.routine("big-toe-strength"), dt.date(2026, 11, 25), paper=paper)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        footer_rule = float(page.height) - MARGIN * 0.55 - 9
        lowest = max(line["bottom"] for line in page.lines if line["bottom"] < footer_rule - 1)
        assert footer_rule - lowest < 0.1 * float(page.height)
