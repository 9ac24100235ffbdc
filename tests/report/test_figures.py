"""The figures a physio reads first, read back from real PDFs: the streak across a week that
ended short of the target, the target met with extras, weeks that have not happened yet, and
`history summary` saying the same as the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ankledesk.report import range_log, weekly_log
from ankledesk.store.history import History
from tests.report.factories import (
    EIGHT_WEEKS_TODAY,
    at,
    eight_weeks,
    monday,
    session,
    weeks_of_history,
)
from tests.report.pdfcheck import figure_box_text, ink_spread, page_texts, render_pages

W47 = monday("2026-W47")


def four_good_weeks_then_one_short() -> list[dict]:
    """W43–W46 with three sessions each, then W47 with one."""
    history = weeks_of_history("2026-W46", weeks=4, per_week=3)
    history.append(session(at(W47 + dt.timedelta(days=1))))
    return history


def rendered(data: bytes, folder: Path) -> None:
    """Every page renders and is not blank."""
    for png in render_pages(data, folder):
        assert ink_spread(png) > 8, png.name


def test_a_finished_week_short_of_the_target_shows_a_broken_streak(tmp_path):
    data = weekly_log(four_good_weeks_then_one_short(), W47, today=dt.date(2026, 11, 30))
    streak = figure_box_text(data, "streak")
    assert streak.startswith("0 weeks streak")
    assert "broken: this week missed the target (1 of 2)" in streak
    finished = figure_box_text(data, "finished")
    assert finished.startswith("1 of 2 sessions finished") and "missed: 1 of 2" in finished
    assert "4 weeks" not in page_texts(data)[0]
    rendered(data, tmp_path)


def test_the_same_week_while_still_open_keeps_the_streak(tmp_path):
    data = weekly_log(four_good_weeks_then_one_short(), W47, today=dt.date(2026, 11, 19))
    streak = figure_box_text(data, "streak")
    assert streak.startswith("4 weeks streak")
    assert "this week still open (1 of 2 so far)" in streak
    assert "1 more to go for 2" in figure_box_text(data, "finished")
    rendered(data, tmp_path)


def test_three_of_two_reads_as_the_target_met_with_one_extra(tmp_path):
    history = [session(at(W47 + dt.timedelta(days=d))) for d in (0, 2, 4)]
    data = weekly_log(history, W47, today=dt.date(2026, 11, 30))
    finished = figure_box_text(data, "finished")
    assert finished.startswith("3 ✓ sessions finished")
    assert "target 2 met, 1 extra" in finished
    assert "3 of 2" not in " ".join(page_texts(data))
    cover = range_log(history, W47, W47 + dt.timedelta(days=7), today=dt.date(2026, 11, 30))
    assert "3 of 2" not in " ".join(page_texts(cover))
    assert "3 ✓" in page_texts(cover)[0] and "✓ met, +1" in page_texts(cover)[0]
    rendered(data, tmp_path)


def test_a_range_into_the_future_does_not_call_those_weeks_missed(tmp_path):
    history = eight_weeks()
    data = range_log(history, monday("2026-W44"), monday("2026-W50"),
                     today=EIGHT_WEEKS_TODAY)
    texts = page_texts(data)
    rows = {line.split()[0]: line for line in texts[0].splitlines()
            if line.startswith("2026-W")}
    assert rows["2026-W47"].endswith("✓ met, +1")  # this week, already met
    for week in ("2026-W48", "2026-W49", "2026-W50"):
        assert rows[week].endswith("to come") and "missed" not in rows[week]
    weeks = figure_box_text(data, "weeks")
    assert weeks.startswith("4 of 4 weeks at the target") and "3 open or to come" in weeks
    assert " ".join(texts).count("This week is still to come.") == 3
    rendered(data, tmp_path)


def test_each_weeks_chart_target_is_the_one_that_applied_that_week():
    """The big-toe hold's target went from 45 s to 1:00 in W45: the legend says so and the
    dashed line steps up there, instead of drawing 1:00 across all eight weeks."""
    from ankledesk.core.weeks import Week
    from ankledesk.report.charts import hold_series

    series = {s.drill_id: s for s in hold_series(eight_weeks(), Week.of(W47))}
    toe = series["big-toe-raise-hold"]
    assert toe.targets == [45.0] * 5 + [60.0] * 3
    text = " ".join(page_texts(weekly_log(eight_weeks(), W47, today=EIGHT_WEEKS_TODAY)))
    assert "target 45 s → 1:00" in text


def test_history_summary_says_what_the_pdf_says(cli, data_dir, tmp_path):
    """A week long past: 2025-W10 ended with one session after four good weeks."""
    week = monday("2025-W10")
    history = weeks_of_history("2025-W09", weeks=4, per_week=2)
    history.append(session(at(week + dt.timedelta(days=2))))
    store = History(data_dir, writable=True)
    for doc in history:
        store.add(doc)
    summary = cli("history", "summary", "--week", "2025-W10")
    assert summary.returncode == 0, summary.stderr
    assert "missed: 1 of 2" in summary.stdout
    assert "streak 0 weeks, broken: this week missed the target (1 of 2)" in summary.stdout
    out = tmp_path / "w10.pdf"
    assert cli("export", "pdf", "--week", "2025-W10", "-o", str(out)).returncode == 0
    data = out.read_bytes()
    assert figure_box_text(data, "streak").startswith("0 weeks streak")
    assert "broken: this week missed the target (1 of 2)" in figure_box_text(data, "streak")
    assert "missed: 1 of 2" in figure_box_text(data, "finished")
