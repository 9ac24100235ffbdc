"""Today after real sessions: the week against the target (never "3 of 2"), the streak in the
same words as the printed log, the recent sessions, and the next routine in the rotation."""

from __future__ import annotations

from ankledesk.ui.app import build_window


def test_today_after_three_sessions_this_week(qtbot, cli, data_dir, quick_routine):
    for _ in range(3):
        cli("simulate", "quick-test", "--speed", "2000", "--rpe", "6", check=True)
    cli("simulate", "ankle-mobility-foundations", "--speed", "5000", check=True)
    window = build_window(data_dir)
    assert window is not None
    try:
        today = window.today
        line = today.week_line.text()
        assert line.startswith("4 sessions ✓ · target 2 met, 2 extra"), line
        assert " of 2" not in line
        assert "Streak: 1 week, this week included" in today.week_detail.text()
        recent = today.recent.text().splitlines()
        assert recent[0].startswith("Today: Ankle mobility foundations · finished")
        assert recent[1].startswith("Today: Quick test circuit · finished, 6 sets done · effort 6")
        # The foundations were done: the rotation moves on to what was never tried.
        assert today.next_name.text() == "Runner's chassis circuit"
    finally:
        window.close()
        window.context.store.close()
