"""What Today suggests: a new user starts at the foundations; then the workouts take turns,
least recently done first; the daily short ones are offered until done today."""

from __future__ import annotations

import datetime as dt

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.suggest import ROTATION, daily_due, suggest

TODAY = dt.date(2026, 11, 21)
ROUTINES = load_library(paths.builtin_routines_dir()).routines


def session(routine_id: str, day: dt.date, status: str = "finished") -> dict:
    return {"routine_id": routine_id, "status": status,
            "started_at": f"{day.isoformat()}T07:30:00+01:00"}


def test_a_new_user_starts_with_the_foundations():
    chosen = suggest(ROUTINES, [], TODAY)
    assert chosen is not None
    assert chosen.routine_id == "ankle-mobility-foundations"
    assert "start" in chosen.reason


def test_routines_never_done_come_next_in_the_rotations_order():
    done = [session("ankle-mobility-foundations", TODAY - dt.timedelta(days=2))]
    assert suggest(ROUTINES, done, TODAY).routine_id == "runners-chassis-circuit"


def test_when_all_are_done_the_one_done_longest_ago_comes_back():
    done = [session(rid, TODAY - dt.timedelta(days=n + 1)) for n, rid in enumerate(ROTATION)]
    chosen = suggest(ROUTINES, done, TODAY)
    assert chosen.routine_id == ROTATION[-1]
    assert chosen.reason.startswith(f"Last done {len(ROTATION)} days ago")


def test_stopped_early_counts_as_done_but_in_progress_does_not():
    done = [session("ankle-mobility-foundations", TODAY, "abandoned"),
            session("runners-chassis-circuit", TODAY, "in_progress")]
    assert suggest(ROUTINES, done, TODAY).routine_id == "runners-chassis-circuit"


def test_daily_routines_until_done_today():
    assert [d.routine_id for d in daily_due(ROUTINES, [], TODAY)] == [
        "pre-run-ankle-primer", "big-toe-strength"]
    done = [session("pre-run-ankle-primer", TODAY),
            session("big-toe-strength", TODAY - dt.timedelta(days=1))]
    assert [d.routine_id for d in daily_due(ROUTINES, done, TODAY)] == ["big-toe-strength"]
