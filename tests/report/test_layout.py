"""Pages used well, read back from real PDFs: pain named on the page that counts it and a
pain row kept whole, the range's chart only on its cover, no page mostly empty for layout's
sake, and a 300-character name that wraps in the header and leaves the footer whole."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest

from ankledesk.library import open_library
from ankledesk.report import blank_sheet, range_log, weekly_log
from ankledesk.report.styles import MARGIN
from tests.report.factories import EIGHT_WEEKS_TODAY, at, eight_weeks, monday, session
from tests.report.pdfcheck import ink_spread, page_texts, page_words, render_pages

MON = monday("2026-W47")
LONG_NAME = ("Alexandra Maria-Theresa Konstantinopoulou-Vanderbilt " * 6).strip()[:300]


def test_pain_is_named_on_the_page_that_counts_it():
    history = [session(at(MON)), session(at(MON + dt.timedelta(days=3), 19), pain=True,
                                         notes="Left Achilles tight after the lunges")]
    texts = page_texts(weekly_log(history, MON))
    page = next(t for t in texts if "sessions with pain" in t)
    flat = " ".join(page.split())
    assert "⚠ Pain on Thu 19 Nov 19:30 · Runner's chassis circuit" in flat
    assert "drills: Single-leg Romanian deadlift, Leg extension hold" in flat
    assert "Left Achilles tight after the lunges" in flat


@pytest.mark.parametrize("before", [6, 10, 14, 16, 24])
def test_a_session_with_pain_is_not_split_from_its_pain_cell(before):
    """However many sessions come before it, the pain session's row (two note rows long)
    starts and ends on the same page. (With 6, 14, 16 and 24 before it, a page would end
    inside it.)"""
    history = [session(at(MON + dt.timedelta(days=n % 7), 6 + n // 7),
                       notes=f"session {n:02d} " + "fine " * 60) for n in range(before)]
    note = "tender " + " ".join(f"spot{n}" for n in range(200)) + " END"
    history.append(session(at(MON + dt.timedelta(days=6), 20), pain=True, notes=note))
    pages = page_words(weekly_log(history, MON))
    first = next(n for n, words in enumerate(pages)
                 if any(w["text"] == "tender" for w in words))
    last = next(n for n, words in enumerate(pages) if any(w["text"] == "END" for w in words))
    assert first == last
    assert any(w["text"] == "⚠" for w in pages[first])


def _content_bottom(data: bytes) -> list[float]:
    """Per page, how far down (as a share of the page) the lowest word above the footer is."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            footer = float(page.height) - MARGIN * 0.55 - 12
            bottoms = [w["bottom"] for w in page.extract_words() if w["bottom"] < footer]
            out.append(max(bottoms) / float(page.height))
    return out


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_range_cover_has_the_chart_and_no_page_is_mostly_empty(paper, tmp_path):
    data = range_log(eight_weeks(), monday("2026-W40"), monday("2026-W47"), paper=paper,
                     name="Alex Runner", today=EIGHT_WEEKS_TODAY)
    texts = page_texts(data)
    assert "best hold per week" in texts[0]
    assert not any("best hold per week" in t for t in texts[1:])
    assert " ".join(texts).count("Best hold this week:") == 8
    for n, bottom in enumerate(_content_bottom(data)[:-1], start=1):
        assert bottom > 0.5, f"page {n} of {len(texts)} ends at {bottom:.0%} of its height"
    for png in render_pages(data, tmp_path):
        assert ink_spread(png) > 8


def _footer_is_whole_and_clear(data: bytes, start: str) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            footer_y = float(page.height) - MARGIN * 0.55
            lines = (page.extract_text() or "").splitlines()
            assert lines[-1].startswith(start), lines[-1]
            assert lines[-1].rstrip().endswith(f"Page {page.page_number} of {len(pdf.pages)}")
            rule = footer_y - 9 - 7.5
            assert all(w["bottom"] < rule for w in page.extract_words()
                       if w["top"] < footer_y - 9), "something runs into the footer"


def test_a_300_character_name_wraps_in_the_header_and_spares_the_footer(tmp_path):
    data = weekly_log([session(at(MON))], MON, name=LONG_NAME)
    first = page_texts(data)[0]
    words = page_words(data)[0]
    title = next(w for w in words if w["text"] == "Training")
    name_words = [w["text"] for w in words if w["x0"] > title["x0"] + 300
                  and w["bottom"] < title["bottom"] + 20]  # the header's right-hand column
    assert " ".join(name_words) == " ".join(LONG_NAME.split())
    _footer_is_whole_and_clear(data, "AnkleDesk training log · 2026-W47 · Alexandra")
    assert "…" in first.splitlines()[-1]
    assert render_pages(data, tmp_path)


def test_a_300_character_routine_name_on_the_blank_sheet(data_dir):
    routine = open_library(data_dir).routine("big-toe-strength")
    long = type(routine)(**{**routine.__dict__, "name": LONG_NAME})
    data = blank_sheet(long, MON)
    text = " ".join(" ".join(page_texts(data)).split())
    assert " ".join(LONG_NAME.split()) in text.replace("- ", "-")
    _footer_is_whole_and_clear(data, "AnkleDesk · Alexandra")
