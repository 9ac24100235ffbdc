"""core.weeks is the one week model: which seven days a week holds, on every screen and page.

Today, History, the commands and the printed logs each used to work the week out for
themselves (five definitions, two of them keyed by integers and two by strings); the last test
keeps it at one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ankledesk.core.weeks import (
    WEEK_STARTS,
    Week,
    week_start_named,
    week_start_or_default,
    weeks_from,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "ankledesk"
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
starts = st.sampled_from(sorted(WEEK_STARTS))


@given(days, starts)
def test_a_week_holds_its_day_and_starts_on_its_start(day, start):
    week = Week.of(day, start)
    assert day in week and week.first <= day <= week.last
    assert week.first.weekday() == WEEK_STARTS[start]
    assert len(set(week.days)) == 7 and week.days[-1] == week.last


@given(days)
def test_a_monday_week_is_the_iso_week(day):
    week = Week.of(day)
    iso = day.isocalendar()
    assert week.first == dt.date.fromisocalendar(iso.year, iso.week, 1)
    assert week.label == f"{iso.year}-W{iso.week:02d}"


@given(days)
def test_a_sunday_week_is_named_after_the_iso_week_of_most_of_its_days(day):
    week = Week.of(day, "sunday")
    named = [d.isocalendar()[:2] for d in week.days]
    assert week.iso == max(set(named), key=named.count)


@given(days, days, starts)
def test_weeks_from_are_consecutive_and_cover_the_range(a, b, start):
    first, last = min(a, b), max(a, b)
    weeks = weeks_from(first, last, start)
    assert weeks[0] == Week.of(first, start) and weeks[-1] == Week.of(last, start)
    assert all(later == earlier.next() and later.previous() == earlier
               for earlier, later in itertools.pairwise(weeks))


@given(days, days, starts)
def test_holding_finds_the_week_of_a_day_from_any_week_of_the_same_start(a, b, start):
    assert Week.of(a, start).holding(b) == Week.of(b, start)


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends before it starts"):
        weeks_from(dt.date(2026, 12, 7), dt.date(2026, 11, 30))


@pytest.mark.parametrize(("text", "start"), [
    ("monday", "monday"), ("Mon", "monday"), ("sun", "sunday"), (" SUNDAY ", "sunday")])
def test_the_start_is_read_from_the_words_people_type(text, start):
    assert week_start_named(text) == start


def test_another_day_is_refused_with_the_days_it_may_be():
    with pytest.raises(ValueError, match='"tuesday" is not a day a week starts on'):
        week_start_named("tuesday")


@pytest.mark.parametrize("stored", ["", "Tuesday", 6, None, "sunday "])
def test_a_stored_preference_that_is_not_a_start_reads_as_monday(stored):
    assert week_start_or_default(stored) == "monday"


def test_no_other_module_works_out_a_week():
    """Arithmetic on weekdays (`(day.weekday() - start) % 7`), week tables keyed by day names
    and the old helpers' names live in core/weeks.py only."""
    own = SRC / "core" / "weeks.py"
    pattern = re.compile(r"weekday\(\)\s*-|% ?7\b|\bweek_first\b|\bweek_bounds\b|\bperiod_of\b"
                         r"|WEEK_STARTS?\s*=|[\"']sunday[\"']\s*:\s*6")
    found = [f"{path.relative_to(SRC)}:{n}: {line.strip()}"
             for path in sorted(SRC.rglob("*.py")) if path != own
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []
