"""The range export: a cover for the whole range, then one section per week."""

from __future__ import annotations

import datetime as dt

import pytest

from ankledesk.report import range_log
from tests.report.factories import at, monday, session, weeks_of_history
from tests.report.pdfcheck import page_texts


def test_two_week_range_has_a_cover_and_a_section_per_week():
    history = weeks_of_history("2026-W47", weeks=2, per_week=3)
    history.append(session(at(monday("2026-W47") + dt.timedelta(days=5)), notes="saturday"))
    calls: list[tuple[int, int]] = []
    data = range_log(history, monday("2026-W46"), monday("2026-W47"), name="Kai",
                     progress=lambda d, t: calls.append((d, t)))
    texts = page_texts(data)
    cover = texts[0]
    assert "Training log · Weeks 46–47, 2026" in cover
    assert "2026-W46 to 2026-W47" in cover
    assert "2 of 2" in cover  # weeks at the target
    assert "7" in cover and "sessions finished" in cover
    assert "Week by week" in cover
    assert "3 ✓" in cover and "4 ✓" in cover and "of 2" not in cover.split("Week by week")[1]
    body = "\n".join(texts[1:])
    w46, w47 = body.index("Training log · Week 46, 2026"), body.index("Training log · Week 47")
    assert w46 < w47
    assert "saturday" in body[w47:] and "saturday" not in body[w46:w47]
    for n, page in enumerate(texts, start=1):
        assert f"Page {n} of {len(texts)}" in page
        assert "Kai" in page
    assert calls[-1] == (4, 4)


def test_range_across_a_new_year_and_with_empty_weeks():
    history = [session(at(dt.date(2026, 12, 22)))]
    texts = page_texts(range_log(history, dt.date(2026, 12, 21), dt.date(2027, 1, 4),
                                 today=dt.date(2027, 2, 1)))
    assert "Week 52, 2026 – Week 1, 2027" in " ".join(texts[0].split())
    assert "2026-W52 to 2027-W01" in texts[0]
    assert " ".join(texts).count("Nothing was logged this week.") == 2


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends before it starts"):
        range_log([], monday("2026-W47"), monday("2026-W46"))
