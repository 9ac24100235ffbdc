"""The grid's cell text, without a PDF: how sets are written and marked."""

from __future__ import annotations

import datetime as dt
import re

from ankledesk.core.timefmt import seconds_text
from ankledesk.report.grid import NOT_DONE, cell_lines, drill_rows, week_lines
from tests.report.factories import BIG_TOE, CHASSIS, at, monday, session

MON = monday("2026-W47")


def steps_of(doc, drill):
    return [s for s in doc["steps"] if s["drill_id"] == drill]


def test_sets_are_written_as_a_coach_writes_them():
    doc = session(at(MON))
    assert cell_lines(steps_of(doc, "single-leg-rdl")) == ["4×6/side"]
    assert cell_lines(steps_of(doc, "leg-extension")) == ["4×45 s"]
    assert cell_lines([]) == [NOT_DONE]


def test_partial_and_skipped_sets_are_marked_and_sides_told_apart():
    doc = session(at(MON), outcomes={0: "partial", 1: "skipped", 2: "skipped"})
    # Steps 0/1 are round 1's deadlift left/right; step 2 is the leg extension.
    assert cell_lines(steps_of(doc, "single-leg-rdl")) == ["3×6/side", "◐ L 1×3", "✗ 1"]
    assert cell_lines(steps_of(doc, "leg-extension")) == ["3×45 s", "✗ 1"]
    doc = session(at(MON), outcomes={0: "skipped"})
    assert cell_lines(steps_of(doc, "single-leg-rdl")) == ["L 3×6 / R 4×6", "✗ 1"]


def test_holds_over_a_minute_and_varying_values():
    assert seconds_text(45) == "45 s" and seconds_text(125) == "2:05"
    doc = session(at(MON), items=BIG_TOE, hold_seconds=72)
    assert cell_lines(doc["steps"]) == ["4×1:12/side"]
    a, b = session(at(MON), items=BIG_TOE, hold_seconds=40), session(at(MON), items=BIG_TOE,
                                                                      hold_seconds=50)
    assert cell_lines(a["steps"] + b["steps"]) == ["8×40–50 s/side"]


def test_week_column_totals():
    rows = {r.drill_id: r for r in drill_rows([session(at(MON)), session(at(MON, 18))])}
    assert week_lines(rows["banded-lunge"]) == ["16 sets", "192 reps"]
    assert week_lines(rows["leg-extension"]) == ["8 sets", "best 45 s"]
    assert week_lines(rows["swimming-back-extension"]) == ["8 sets", "6:00 total"]
    assert [r.drill_id for r in rows.values()] == [d[0] for d in CHASSIS]


def test_a_value_wraps_only_between_its_sides_and_keeps_its_mark():
    from ankledesk.report.grid import wrap_group

    parts = ["L 1×1:45", "R 2×1:50–1:52"]
    assert wrap_group("", parts, lambda line: True) == ["L 1×1:45 / R 2×1:50–1:52"]
    assert wrap_group("", parts, lambda line: len(line) <= 14) == ["L 1×1:45", "R 2×1:50–1:52"]
    assert wrap_group("◐", parts, lambda line: len(line) <= 16) == ["◐ L 1×1:45",
                                                                     "◐ R 2×1:50–1:52"]


def uneven_hold_week() -> list[dict]:
    """The big-toe hold on Wednesday: left 1:45 once, right 1:50 and 1:52, then a left set
    cut short at 52 s and right ones at 48 and 50 s."""
    doc = session(at(MON + dt.timedelta(days=2)), items=BIG_TOE, rounds=3, hold_seconds=100)
    values = [("done", 105), ("done", 110), ("skipped", 0), ("done", 112), ("partial", 52),
              ("partial", 48)]
    for step, (outcome, seconds) in zip(doc["steps"], values, strict=True):
        step["outcome"], step["actual_seconds"] = outcome, float(seconds)
    doc["steps"][2]["side"] = "left"
    return [doc]


def test_grid_values_come_out_of_the_pdf_whole(tmp_path):
    """Read back from the PDF: each value is one unbroken word (`2×1:50–1:52`), a unit `s`
    always follows its number on the same line, and both lines of the wrapped cut-short group
    carry ◐."""
    from ankledesk.report import weekly_log
    from tests.report.pdfcheck import ink_spread, page_words, render_pages

    data = weekly_log(uneven_hold_week(), MON)
    words = page_words(data)[0]
    texts = [w["text"] for w in words]
    assert "1×1:45" in texts and "2×1:50–1:52" in texts
    assert "1×52" in texts and "1×48" in texts
    for n, word in enumerate(words):
        assert not re.fullmatch(r"\d+:|:\d+|\d:\d|–\d.*|.*\d–", word["text"]), word["text"]
        if word["text"] == "s":
            before = words[n - 1]
            assert abs(before["top"] - word["top"]) < 1 and re.search(r"\d$", before["text"])
    marks = [w for w in words if w["text"] == "◐"]
    sides = {w["text"]: w for w in words if w["text"] in ("1×52", "1×48")}
    for value in sides.values():  # a ◐ on the same line, just before each cut-short side
        assert any(abs(m["top"] - value["top"]) < 1 and m["x1"] < value["x0"] for m in marks)
    for png in render_pages(data, tmp_path):
        assert ink_spread(png) > 8


def test_a_note_taller_than_a_page_leaves_no_header_in_mid_page(tmp_path):
    from ankledesk.report import weekly_log
    from tests.report.pdfcheck import page_texts, render_pages

    long_note = " ".join(f"word{n}" for n in range(900))
    history = [session(at(MON), notes="short one"),
               session(at(MON + dt.timedelta(days=1)), notes=long_note, pain=True)]
    data = weekly_log(history, MON)
    texts = page_texts(data)
    header = "Day Time Routine RPE Pain Notes"
    assert len(texts) >= 3
    for page in texts:
        lines = page.splitlines()
        heads = [n for n, line in enumerate(lines) if line == header]
        assert len(heads) <= 1, page
        if heads:  # the header is the table's first line on the page, nothing of it above
            assert not any(re.search(r"word\d+|short one", line) for line in lines[:heads[0]])
    table = "\n".join(texts).split("\nSessions\n", 1)[1]  # past the pain line's excerpt
    assert re.findall(r"word(\d+)", table) == [str(n) for n in range(900)]
    assert render_pages(data, tmp_path)


def test_the_trained_day_marker_is_explained():
    from ankledesk.report.grid import LEGEND, TRAINED

    assert f"{TRAINED} after a day's name = a day with a session" in LEGEND
