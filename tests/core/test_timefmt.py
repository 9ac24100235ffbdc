"""The duration formatters every screen, command and printout uses."""

from __future__ import annotations

from ankledesk.core.timefmt import duration_text, seconds_text


def test_clock_reads_like_a_gym_timer() -> None:
    assert [duration_text(s) for s in (0, 5, 45, 59.99, 60, 125, 1440, 3599, 3600, 3723)] == [
        "0:00", "0:05", "0:45", "0:59", "1:00", "2:05", "24:00", "59:59", "1:00:00", "1:02:03"]
    assert duration_text(-3) == "0:00"
    assert duration_text(119.9999999999) == "2:00"  # float noise never shows a second short


def test_countdowns_round_up_so_zero_means_time_is_up() -> None:
    assert [duration_text(s, ceil=True) for s in (0, 0.01, 44.2, 45, 59.5)] == [
        "0:00", "0:01", "0:45", "0:45", "1:00"]


def test_seconds_text_is_written_as_on_paper() -> None:
    assert [seconds_text(s) for s in (0, 0.4, 44.6, 45, 59.4, 59.6, 60, 125, 4500)] == [
        "0 s", "0 s", "45 s", "45 s", "59 s", "1:00", "1:00", "2:05", "75:00"]
