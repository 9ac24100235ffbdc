"""The grid's cell text, without a PDF: how sets are written and marked."""

from __future__ import annotations

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
