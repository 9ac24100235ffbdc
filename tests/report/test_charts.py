"""The hold charts, read back from real PDFs: no word of the page is crossed by a target or
goal line or overlaps another word (a value at the target moves off the line), a long drill
name is cut before the legend, and a goal equal to the target is said in words."""

from __future__ import annotations

import io

import pdfplumber

from ankledesk.report import weekly_log
from tests.report.factories import (
    EIGHT_WEEKS_TODAY,
    at,
    eight_weeks,
    monday,
    session,
    weeks_of_history,
)
from tests.report.pdfcheck import ink_spread, page_texts, render_pages

MON = monday("2026-W47")


def collisions(data: bytes) -> list[str]:
    """Words crossed by a target or goal line (the dashed ones), and pairs of words whose
    boxes overlap."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            rules = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5
                     and line.get("dash") and line["dash"][0]]
            for w in words:
                for line in rules:
                    if (w["top"] + 0.5 < line["top"] < w["bottom"] - 0.5
                            and line["x0"] < w["x1"] - 0.5 and line["x1"] > w["x0"] + 0.5):
                        found.append(f"page {number}: line through {w['text']!r}")
            for n, a in enumerate(words):
                for b in words[n + 1:]:
                    if (a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5
                            and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5):
                        found.append(f"page {number}: {a['text']!r} over {b['text']!r}")
    return found


def test_values_at_the_target_move_off_the_line(tmp_path):
    """The leg extension is held at its 45 s target and the big-toe hold at 43 s against its
    45 s target every week: above the bar, each value would sit on the dashed line."""
    data = weekly_log(weeks_of_history("2026-W47", weeks=8, hold_start=43, hold_gain=0), MON)
    assert collisions(data) == []
    assert page_texts(data)[-1].count("43 s") >= 8  # the bars, and the grid above
    for png in render_pages(data, tmp_path):
        assert ink_spread(png) > 8


def test_the_eight_week_sample_has_no_collisions_anywhere():
    data = weekly_log(eight_weeks(), MON, name="Alex Runner", today=EIGHT_WEEKS_TODAY)
    assert collisions(data) == []


def test_a_long_drill_name_is_cut_before_the_legend():
    name = "Big-toe calf-raise hold on the edge of a step with a slow lowering phase " * 2
    hold = [("big-toe-raise-hold", name.strip(), "hold", 45, None, "each")]
    history = [session(at(MON), items=hold, hold_seconds=50)]
    data = weekly_log(history, MON)
    assert collisions(data) == []
    text = page_texts(data)[-1]
    title = next(line for line in text.splitlines()
                 if line.startswith("Big-toe calf-raise hold on"))
    assert title.endswith("…") and "goal 2:00" in text and "target 45 s" in text


def test_a_goal_equal_to_the_target_is_said_in_words():
    hold = [("big-toe-raise-hold", "Big-toe calf-raise hold", "hold", 120, None, "each")]
    history = [session(at(MON), items=hold, hold_seconds=95)]
    text = " ".join(page_texts(weekly_log(history, MON)))
    assert "goal = target 2:00" in text and "target 2:00" in text
    assert collisions(weekly_log(history, MON)) == []
