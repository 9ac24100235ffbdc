"""Measurements' checks and imbalances, per-week drill series with gaps, coaching hints."""

from __future__ import annotations

import datetime as dt

import pytest

from ankledesk import paths
from ankledesk.core.hints import coaching_hints, routine_for_drill
from ankledesk.core.loader import load_library
from ankledesk.core.measures import MeasurementError, check_measurement, imbalances
from ankledesk.core.series import day_marks, drill_series
from ankledesk.core.weeks import Week, weeks_from
from tests.report.factories import BIG_TOE, session

TZ = dt.timezone(dt.timedelta(hours=1))


def measure(kind: str, left: float | None, right: float | None, day: int = 2) -> dict:
    return {"id": f"m{day}{kind}", "kind": kind, "left": left, "right": right,
            "taken_at": f"2026-11-{day:02d}T07:00:00+01:00", "session_id": None}


@pytest.mark.parametrize(("doc", "message"), [
    ({**measure("knee-to-wall", 9.5, 11), "kind": "shoe-size"},
     "kind: expected one of knee-to-wall, balance-eyes-closed, big-toe-hold, got 'shoe-size'"),
    (measure("knee-to-wall", None, None), "a measurement needs the left side, the right side"),
    (measure("knee-to-wall", 31, 10), "left: Knee-to-wall distance is 0–30 cm, got 31"),
    (measure("balance-eyes-closed", 10, "12"), "right: expected a number of s, got '12'"),
    (measure("big-toe-hold", True, 10), "left: expected a number of s, got True"),
    ({**measure("knee-to-wall", 9, 9), "taken_at": "2026-11-02T07:00"},
     "taken_at: a time without a UTC offset"),
])
def test_a_bad_measurement_says_which_field_and_what_was_found(doc, message):
    with pytest.raises(MeasurementError, match="^" + message.replace("(", r"\(")):
        check_measurement(doc)


def test_only_the_latest_measurement_with_both_sides_counts_for_an_imbalance():
    docs = [measure("knee-to-wall", 7, 10, day=1),          # 30 % behind, but older
            measure("knee-to-wall", 9.5, 11, day=8),        # 13.6 %: fine
            measure("balance-eyes-closed", 20, 16, day=3),  # right 20 % behind
            measure("big-toe-hold", 90, None, day=9)]       # one side only: no comparison
    [gap] = imbalances(docs)
    assert (gap.kind.id, gap.weaker, round(gap.share, 2)) == ("balance-eyes-closed", "right", 0.2)
    assert "right side is 20% behind" in gap.message


def test_a_drill_series_has_a_value_per_trained_week_and_none_for_weeks_off():
    mondays = [dt.datetime(2026, 10, 5, 7, tzinfo=TZ) + dt.timedelta(weeks=n) for n in range(4)]
    history = [session(mondays[0], items=BIG_TOE, rounds=1, hold_seconds=50),
               session(mondays[0] + dt.timedelta(days=2), items=BIG_TOE, rounds=1,
                       hold_seconds=55),
               session(mondays[2], items=BIG_TOE, rounds=1, hold_seconds=70),
               session(mondays[3], rounds=1)]  # the circuit: no big-toe hold that week
    weeks = weeks_from(mondays[0].date(), mondays[3].date() + dt.timedelta(days=3))
    points = drill_series(history, "big-toe-raise-hold", weeks)
    assert [p.best_hold for p in points] == [55.0, None, 70.0, None]
    assert [p.sets for p in points] == [4, 0, 2, 0]
    reps = drill_series(history, "banded-lunge", weeks)
    assert [p.reps for p in reps] == [None, None, None, 24]


def test_weeks_start_on_the_chosen_day_and_days_add_up():
    saturday = dt.date(2026, 11, 21)
    assert Week.of(saturday, "monday").first == dt.date(2026, 11, 16)
    assert Week.of(saturday, "sunday").first == dt.date(2026, 11, 15)
    start = dt.datetime(2026, 11, 17, 7, tzinfo=TZ)
    marks = day_marks([session(start, rounds=1), session(start.replace(hour=18), rounds=1,
                                                         pain=True)])
    [mark] = marks.values()
    assert (mark.day, mark.sessions, mark.pain) == (dt.date(2026, 11, 17), 2, True)


def test_hints_name_the_rung_reached_twice_and_the_routine_that_trains_the_next_one():
    lib = load_library(paths.builtin_routines_dir())
    assert routine_for_drill(lib.routines, "big-toe-raise-hold-weighted").id == \
        "big-toe-strength-weighted"
    start = dt.datetime(2026, 11, 2, 7, tzinfo=TZ)
    history = [session(start + dt.timedelta(days=n), items=BIG_TOE, rounds=1,
                       routine_id="big-toe-strength", routine_name="Big-toe strength",
                       hold_seconds=hold) for n, hold in enumerate((110, 120, 125))]
    hints = coaching_hints(history, [measure("knee-to-wall", 8, 11)], lib.routines, lib.drills)
    assert [(h.kind, h.routine_id) for h in hints] == [
        ("progression", "big-toe-strength-weighted"), ("imbalance", "ankle-mobility-foundations")]
    assert hints[0].text == ("Big-toe calf-raise hold reached 2:00 twice — try Weighted "
                             "big-toe hold")
