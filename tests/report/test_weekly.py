"""The weekly log, read back from real PDFs: contents, escaping, Unicode, long weeks that
split across pages, the empty week and the paper sizes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from ankledesk.report import weekly_log
from ankledesk.report.fonts import MISSING
from tests.report.factories import BIG_TOE, at, monday, session, weeks_of_history
from tests.report.pdfcheck import page_sizes, page_texts

WEEK = "2026-W47"
MON = monday(WEEK)


def flat(texts: list[str]) -> str:
    return "\n".join(texts)


def log(history, **kw) -> list[str]:
    return page_texts(weekly_log(history, MON, **kw))


def test_week_contents_drills_counts_dates_notes_and_page_numbers():
    history = weeks_of_history(WEEK, weeks=3)
    history.append(session(at(MON + dt.timedelta(days=3), 19), rpe=9, pain=True,
                           notes="Left Achilles tight after the lunges",
                           outcomes={0: "partial", 1: "skipped"}))
    texts = log(history, name="Alex Runner")
    text = flat(texts)
    assert "Training log · Week 47, 2026" in text
    assert "Mon 16 – Sun 22 Nov 2026 (2026-W47)" in text
    assert "Alex Runner" in text
    for drill in ("Single-leg Romanian", "Banded lunges", "Big-toe calf-raise"):
        assert drill in text
    assert "4×12/side" in text and "4×45 s" in text
    # Thursday's circuit: first set cut short (left), second skipped (right).
    assert "◐ 1×3" in text and "✗ 1" in text
    assert "Left Achilles tight after the lunges" in text
    assert "yes ⚠" in text
    assert "4 ✓" in text and "target 2 met, 2 extra" in text  # three a week, plus Thursday
    assert "4 of 2" not in text
    total = len(texts)
    for n, page in enumerate(texts, start=1):
        assert f"Page {n} of {total}" in page


def test_summary_uses_the_target_and_the_streak():
    history = weeks_of_history(WEEK, weeks=5, per_week=2)
    friday = MON + dt.timedelta(days=4)  # the week is still open
    text = flat(log(history, target=3, today=friday))
    assert "2 of 3" in text and "1 more to go for 3" in text
    assert "0 weeks" in text  # no week reached 3
    text = flat(log(history, today=friday))
    assert "5 weeks" in text and "target 2 met" in text


def test_note_markup_prints_as_typed():
    history = [session(at(MON), notes="<b>&", routine_name="<font size=40>R&D</font>"),
               session(at(MON, 9), notes="&amp; <br/> <i>")]
    text = flat(log(history, name="<i>Eve & Bob</i>"))
    assert "no <b>&\n" in text
    assert "&amp; <br/> <i>\n" in text
    assert "<font size=40>R&D</font>" in text
    assert "<i>Eve & Bob</i>" in text


def test_accents_cyrillic_and_symbols_print():
    history = [session(at(MON), notes="Ça va — Ёлка ✓ · – × ✗ Zoë",
                       routine_name="Сила стопы")]
    text = flat(log(history, name="Łukasz Żółć"))
    assert "Ça va — Ёлка ✓ · – × ✗ Zoë" in text
    assert "Сила стопы" in text
    assert "Łukasz Żółć" in text


def test_emoji_print_and_only_the_unknown_ones_are_marked():
    """Emoji up to Unicode 9 print in Symbola and extract as themselves (not as U+1F60-style
    wrong characters); 🦶 (Unicode 11) has no glyph anywhere and prints as MISSING; joiners,
    variation selectors and skin tones draw nothing and are dropped."""
    notes = "run 🏃‍♀️ foot 🦶🏽 smile 😀 ok ☺"
    text = flat(log([session(at(MON), notes=notes)]))
    assert f"run 🏃♀ foot {MISSING} smile 😀 ok ☺" in text


def test_long_notes_wrap_and_are_never_cut_off():
    long_note = " ".join(f"word{n}" for n in range(700))
    text = flat(log([session(at(MON), notes=long_note)]))
    words = re.findall(r"word\d+", text)
    assert words == [f"word{n}" for n in range(700)]


def test_sixty_sessions_split_across_pages_with_the_header_repeated():
    history = [session(at(MON + dt.timedelta(days=n % 7), 6 + n // 7, n % 60),
                       notes=f"session number {n:02d}") for n in range(60)]
    texts = log(history)
    assert len(texts) >= 3
    with_rows = [t for t in texts if "session number" in t]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "Day Time Routine RPE Pain Notes" in page
    found = sorted(set(re.findall(r"session number (\d\d)", flat(texts))))
    assert found == [f"{n:02d}" for n in range(60)]
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
    assert "60 ✓" in texts[0]


def test_the_empty_week_says_so_and_keeps_the_streak():
    history = weeks_of_history("2026-W46", weeks=4)  # nothing in W47
    texts = log(history, today=MON + dt.timedelta(days=2))
    text = flat(texts)
    assert "Nothing was logged this week." in text
    assert "0 of 2" in text and "2 more to go for 2" in text
    assert "4 weeks" in text  # the week is not over, so the streak still stands
    assert "Day Time Routine" not in text and "What was done" not in text
    assert len(texts) == 1


def test_nothing_at_all_still_prints_a_page():
    texts = log([])
    assert "Nothing was logged this week." in flat(texts)
    assert "No hold drills in the last eight weeks" in flat(texts)


def test_hold_chart_and_progression_hint():
    history = weeks_of_history(WEEK, weeks=8, hold_start=80, hold_gain=8)  # reaches 2:00
    text = flat(log(history))
    assert "best hold per week, last eight weeks" in text
    assert "goal 2:00" in text and "target 45 s" in text
    for week in range(40, 48):
        assert f"W{week}" in text
    assert "Time to try big-toe-raise-hold-weighted" in text


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER),
                                             ("LETTER", LETTER)])
def test_paper_sizes(paper, size):
    data = weekly_log(weeks_of_history(WEEK, weeks=2), MON, paper=paper)
    for width, height in page_sizes(data):
        assert (round(width), round(height)) == (round(size[0]), round(size[1]))


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="a4, letter"):
        weekly_log([], MON, paper="a5")


def test_week_starting_on_sunday():
    history = [session(at(MON - dt.timedelta(days=1)), notes="sunday session"),
               session(at(MON + dt.timedelta(days=6)), notes="next sunday")]
    text = flat(page_texts(weekly_log(history, MON, week_start="sunday")))
    assert "Sun 15 – Sat 21 Nov 2026 (2026-W47)" in text
    assert "sunday session" in text and "next sunday" not in text


def test_progress_reaches_the_total():
    calls: list[tuple[int, int]] = []
    weekly_log([session(at(MON), items=BIG_TOE)], MON,
               progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
