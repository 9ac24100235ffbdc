"""Queries over session documents: ranges, ISO weeks, the weekly summary, streaks, holds and
the big-toe progression ladder."""

from __future__ import annotations

import datetime as dt

import pytest

from ankledesk.core.model import Drill
from ankledesk.core.progress import (
    WEEKLY_TARGET,
    IsoWeek,
    best_hold_per_session,
    progression_hints,
    sessions_between,
    target_verdict,
    to_json,
    totals,
    week_summary,
    weekly_streak,
)
from tests.store.strategies import session_at, step


def test_iso_weeks_parse_and_span_monday_to_sunday() -> None:
    week = IsoWeek.parse("2026-W47")
    assert (week.monday, week.sunday) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert str(week) == "2026-W47" and IsoWeek.parse("2026w47") == week
    assert IsoWeek.of(dt.date(2027, 1, 1)) == IsoWeek(2026, 53)  # ISO year ≠ calendar year
    assert str(IsoWeek(2026, 1).previous()) == "2025-W52"
    for bad in ("2026-47", "W47", "2026-W", "2025-W53", "2026-W00"):
        with pytest.raises(ValueError):
            IsoWeek.parse(bad)


def test_sessions_between_uses_the_local_day_they_started() -> None:
    late = session_at("2026-11-16T23:30:00-05:00")  # 04:30 UTC on the 17th: still the 16th
    early = session_at("2026-11-15T08:00:00+01:00")
    after = session_at("2026-11-18T08:00:00+01:00")
    chosen = sessions_between([after, late, early], dt.date(2026, 11, 16),
                              dt.date(2026, 11, 18))
    assert chosen == [late, after]


def test_week_summary_counts_sets_holds_reps_and_minutes() -> None:
    monday = session_at("2026-11-16T07:00:00+01:00", rpe=6, steps=[
        step(1, "big-toe-raise-hold", seconds=45, side="left", name="Big-toe hold"),
        step(3, "big-toe-raise-hold", seconds=50, side="right", name="Big-toe hold"),
        step(4, "banded-lunge", mode="reps", reps=12, seconds=40, name="Banded lunges"),
    ])
    thursday = session_at("2026-11-19T18:00:00+01:00", status="abandoned", pain=True, rpe=8,
                          steps=[
        step(1, "big-toe-raise-hold", seconds=30, outcome="partial", name="Big-toe hold"),
        step(3, "big-toe-raise-hold", seconds=0.5, outcome="skipped", name="Big-toe hold"),
        step(4, "banded-lunge", mode="reps", reps=8, seconds=30, outcome="partial",
             name="Banded lunges"),
        step(6, "leg-extension", mode="timed", seconds=45, name="Leg extensions"),
    ])
    next_week = session_at("2026-11-23T07:00:00+01:00", steps=[step(1, "banded-lunge")])
    summary = week_summary([next_week, thursday, monday], "2026-W47")

    assert (summary.sessions, summary.finished, summary.abandoned) == (3 - 1, 1, 1)
    assert summary.active_seconds == pytest.approx(45 + 50 + 40 + 30 + 0.5 + 30 + 45)
    assert summary.pain_sessions == 1 and summary.mean_rpe == 7.0
    assert not summary.met_target  # one finished session of a target of two
    rows = {r.drill_id: r for r in summary.drills}
    assert list(rows) == ["big-toe-raise-hold", "banded-lunge", "leg-extension"]
    hold = rows["big-toe-raise-hold"]
    assert (hold.sets_done, hold.sets_partial, hold.sets_skipped, hold.sets) == (2, 1, 1, 4)
    assert hold.best_hold_seconds == 50 and hold.name == "Big-toe hold"
    lunges = rows["banded-lunge"]
    assert (lunges.total_reps, lunges.best_hold_seconds) == (20, None)
    assert rows["leg-extension"].best_hold_seconds is None  # timed, not a hold
    data = to_json(summary)
    assert data["first_day"] == "2026-11-16" and data["active_minutes"] == pytest.approx(
        summary.active_seconds / 60)
    assert data["drills"][0]["sets"] == 4


def test_an_empty_week_is_a_summary_of_nothing() -> None:
    summary = week_summary([], IsoWeek(2026, 47), target=3)
    assert (summary.sessions, summary.active_seconds, summary.drills, summary.mean_rpe) == (
        0, 0, [], None)
    assert summary.target == 3


def test_totals_of_any_run_of_days_agree_with_the_week_summary() -> None:
    sessions = [
        session_at("2026-11-15T07:00:00+01:00", rpe=5, steps=[step(1, "a", seconds=40)]),
        session_at("2026-11-16T07:00:00+01:00", rpe=8, pain=True,
                   steps=[step(1, "a", seconds=50), step(2, "b", seconds=89)]),
        session_at("2026-11-17T07:00:00+01:00", status="abandoned",
                   steps=[step(1, "a", seconds=20)]),
        session_at("2026-11-18T07:00:00+01:00", status="in_progress"),
    ]
    figures = totals(sessions)
    assert (figures.sessions, figures.finished, figures.abandoned, figures.pain_sessions) == (
        4, 2, 1, 1)
    assert figures.active_seconds == 199 and figures.active_minutes == 3
    assert figures.mean_rpe == 6.5 and figures.target == WEEKLY_TARGET == 2
    assert figures.met_target and not totals(sessions, target=3).met_target
    week = week_summary(sessions, "2026-W47")  # Monday the 16th on: the 15th is W46
    in_week = totals(sessions[1:])
    assert (week.sessions, week.finished, week.abandoned, week.in_progress) == (3, 1, 1, 1)
    assert (week.active_seconds, week.pain_sessions, week.mean_rpe, week.target) == (
        in_week.active_seconds, in_week.pain_sessions, in_week.mean_rpe, in_week.target)
    assert totals([]) == totals([], WEEKLY_TARGET)
    assert (totals([]).sessions, totals([]).mean_rpe, totals([]).met_target) == (0, None, False)


def _finished_on(*days: str) -> list[dict]:
    return [session_at(f"{d}T07:00:00+01:00") for d in days]


def test_the_streak_counts_back_while_weeks_meet_the_target() -> None:
    sessions = [
        *_finished_on(
            "2026-10-26", "2026-10-28",                # W44: 2
            "2026-11-02", "2026-11-04",                # W45: 2
            "2026-11-09", "2026-11-10", "2026-11-13",  # W46: 3
            "2026-11-16",                              # W47 (this week): 1 so far
        ),
        session_at("2026-11-18T07:00:00+01:00", status="abandoned"),  # does not count
    ]
    today = dt.date(2026, 11, 19)
    streak = weekly_streak(sessions, target=2, today=today)
    assert (streak.weeks, streak.this_week, streak.this_week_sessions) == (3, "2026-W47", 1)
    assert not streak.this_week_met
    more = [*sessions, *_finished_on("2026-11-19")]
    assert weekly_streak(more, today=today).weeks == 4
    assert weekly_streak(sessions, target=3, today=today).weeks == 1  # only W46 had 3
    gap = _finished_on("2026-10-26", "2026-10-28", "2026-11-09", "2026-11-10")  # W45 missing
    assert weekly_streak(gap, today=today).weeks == 1
    with pytest.raises(ValueError):
        weekly_streak(sessions, target=0)


def test_a_finished_week_short_of_the_target_breaks_the_streak() -> None:
    """W44–W46 met the target; W47 ended with 1 of 2: asked about W47 once it is over, the
    streak is 0 and says why; asked while W47 is still open, the three weeks stand."""
    sessions = _finished_on("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04",
                            "2026-11-09", "2026-11-10", "2026-11-16")
    w47 = IsoWeek(2026, 47)
    over = weekly_streak(sessions, today=dt.date(2026, 11, 30), through=w47)
    assert (over.weeks, over.open, over.this_week_sessions) == (0, False, 1)
    assert over.wording == "0 weeks, broken: this week missed the target (1 of 2)"
    still_open = weekly_streak(sessions, today=dt.date(2026, 11, 19), through=w47)
    assert (still_open.weeks, still_open.open) == (3, True)
    assert still_open.wording == "3 weeks, this week still open (1 of 2 so far)"
    # A week that met the target counts itself, asked about at any time.
    w46 = weekly_streak(sessions, today=dt.date(2026, 11, 30), through=IsoWeek(2026, 46))
    assert w46.wording == "3 weeks, this week included"
    # The week after the short one starts again from nothing.
    after = weekly_streak([*sessions, *_finished_on("2026-11-23", "2026-11-25")],
                          today=dt.date(2026, 12, 7), through=IsoWeek(2026, 48))
    assert after.weeks == 1


def test_weeks_not_yet_come_neither_count_nor_break() -> None:
    sessions = _finished_on("2026-11-09", "2026-11-10", "2026-11-16", "2026-11-18")
    ahead = weekly_streak(sessions, today=dt.date(2026, 11, 19), through=IsoWeek(2026, 49))
    assert (ahead.weeks, ahead.open, ahead.this_week_sessions) == (2, True, 0)


def test_target_wording_never_reads_as_a_fraction_above_one() -> None:
    assert target_verdict(3, 2) == "target 2 met, 1 extra"
    assert target_verdict(2, 2) == "target 2 met"
    assert target_verdict(1, 2, is_open=True) == "1 more to go for 2"
    assert target_verdict(1, 2) == "missed: 1 of 2"


def test_best_hold_per_session_for_charts() -> None:
    sessions = [
        session_at("2026-11-18T07:00:00+01:00", steps=[
            step(1, "big-toe-raise-hold", seconds=60), step(3, "big-toe-raise-hold",
                                                            seconds=75, outcome="partial")]),
        session_at("2026-11-16T07:00:00+01:00", steps=[step(1, "big-toe-raise-hold",
                                                            seconds=45)]),
        session_at("2026-11-17T07:00:00+01:00", steps=[step(1, "big-toe-raise-hold",
                                                            seconds=90, outcome="skipped")]),
        session_at("2026-11-19T07:00:00+01:00", steps=[step(1, "leg-extension", mode="timed",
                                                            seconds=300)]),
    ]
    points = best_hold_per_session(sessions, "big-toe-raise-hold")
    assert [(p.day.isoformat(), p.best_seconds) for p in points] == [
        ("2026-11-16", 45), ("2026-11-18", 75)]
    assert best_hold_per_session(sessions, "leg-extension") == []


def _drill(drill_id: str, name: str, progression: tuple[str, ...] = ()) -> Drill:
    return Drill(drill_id, name, "strength", "hold", 45, None, "each", progression=progression)


LADDER = {
    "big-toe-raise-hold": _drill("big-toe-raise-hold", "Big-toe calf-raise hold",
                                 ("big-toe-raise-hold-weighted",)),
    "big-toe-raise-hold-weighted": _drill("big-toe-raise-hold-weighted",
                                          "Weighted big-toe hold",
                                          ("big-toe-step-edge-hold",)),
    "big-toe-step-edge-hold": _drill("big-toe-step-edge-hold", "Big-toe step-edge hold"),
}


def _hold(day: str, drill_id: str, seconds: float) -> dict:
    return session_at(f"{day}T07:00:00+01:00", steps=[step(1, drill_id, seconds=seconds)])


def test_the_ladder_suggests_the_weighted_hold_at_two_minutes() -> None:
    assert progression_hints([_hold("2026-11-16", "big-toe-raise-hold", 119)], LADDER) == []
    history = [_hold("2026-11-16", "big-toe-raise-hold", 90),
               _hold("2026-11-18", "big-toe-raise-hold", 120)]
    [hint] = progression_hints(history, LADDER)
    assert (hint.drill_id, hint.next_drill_id, hint.best_seconds, hint.reached_on) == (
        "big-toe-raise-hold", "big-toe-raise-hold-weighted", 120, dt.date(2026, 11, 18))
    assert hint.message == ("Big-toe calf-raise hold: you held 2:00 (goal 2:00). "
                            "Time to try Weighted big-toe hold.")


def test_the_ladder_moves_on_once_the_next_drill_is_done() -> None:
    history = [_hold("2026-11-16", "big-toe-raise-hold", 125),
               _hold("2026-11-18", "big-toe-raise-hold-weighted", 60)]
    assert progression_hints(history, LADDER) == []
    history.append(_hold("2026-11-25", "big-toe-raise-hold-weighted", 121))
    [hint] = progression_hints(history, LADDER)
    assert (hint.drill_id, hint.next_drill_id) == ("big-toe-raise-hold-weighted",
                                                   "big-toe-step-edge-hold")
    history.append(_hold("2026-11-27", "big-toe-step-edge-hold", 30))
    assert progression_hints(history, LADDER) == []


def test_the_ladder_works_without_the_catalogue() -> None:
    [hint] = progression_hints([_hold("2026-11-16", "big-toe-raise-hold", 130)])
    assert hint.next_drill_id == "big-toe-raise-hold-weighted"
    assert hint.drill_name == "big-toe-raise-hold"  # the name stored with the step
