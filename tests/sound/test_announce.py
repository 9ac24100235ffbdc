"""Which tone and which words each moment of a workout gets (no audio: the choice itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ankledesk.core.engine import Engine, Event
from ankledesk.core.plan import Plan, expand
from ankledesk.library import open_library
from ankledesk.ui.workout.announce import (
    amount_words,
    by_instant,
    duration_words,
    sentence_for,
    tone_for,
)
from tests.sound.conftest import SPOKEN


@pytest.fixture
def plan(data_dir: Path, routines: Path) -> Plan:
    return expand(open_library(data_dir).routines["spoken-test"])


def run_all(plan: Plan) -> list[list[Event]]:
    """Every instant of the plan run to its end (Done pressed at once on reps sets)."""
    engine, now, groups = Engine(plan), 0.0, []
    groups.extend(by_instant(engine.start(now)))
    while engine.state != "finished":
        if engine.step.counts_up:
            groups.extend(by_instant(engine.complete(now)))
            continue
        now = engine.next_wake(now)
        groups.extend(by_instant(engine.poll(now)))
    return groups


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "1 second"), (45, "45 seconds"), (60, "60 seconds"), (90, "90 seconds"),
    (120, "2 minutes"), (150, "150 seconds")])
def test_durations_are_said_as_a_coach_counts_them(seconds, words):
    assert duration_words(seconds) == words


def test_amounts_name_the_side_and_the_unit(plan):
    lunge_left = next(s for s in plan.steps if s.is_work and s.side == "left")
    hold = next(s for s in plan.steps if s.is_work and s.mode == "hold")
    assert amount_words(lunge_left) == "12 each side"
    assert amount_words(hold) == "45 seconds"


def test_each_instant_gets_one_tone_the_most_important(plan):
    tones = [tone_for(group) for group in run_all(plan)]
    heard = [t for t in tones if t is not None]
    # prepare: 3-2-1 then work; left lunge (Done at once); switch pause with 3-2-1; right
    # lunge; rest with 3-2-1; the hold with its halfway tick and 3-2-1; round done (not
    # rest, same instant) ...
    assert heard[:4] == ["countdown", "countdown", "countdown", "work"]
    assert heard[4:9] == ["switch", "countdown", "countdown", "countdown", "work"]
    assert heard[9:14] == ["rest", "countdown", "countdown", "countdown", "work"]
    assert heard[14:19] == ["halfway", "countdown", "countdown", "countdown", "round_done"]
    assert heard[-1] == "workout_done" and heard.count("workout_done") == 1
    assert heard.count("round_done") == 1  # the last round ends in workout_done instead


def test_words_say_what_comes_next(plan):
    said = [s for g in run_all(plan) if (s := sentence_for(g, plan, sets_done=6)) is not None]
    assert said == SPOKEN


def test_a_drill_that_follows_another_without_rest_is_named(data_dir, routines):
    text = (routines / "spoken-test.toml").read_text(encoding="utf-8")
    (routines / "spoken-test.toml").write_text(
        text.replace("rest_between_drills = 30", "rest_between_drills = 0")
        .replace("rest_between_rounds = 60", "rest_between_rounds = 0"), encoding="utf-8")
    plan = expand(open_library(data_dir).routines["spoken-test"])
    said = [s for g in run_all(plan) if (s := sentence_for(g, plan)) is not None]
    assert "Big-toe calf-raise hold, 45 seconds." in said
    assert "Round 2 of 2. Banded lunges, 12 each side." in said
    assert said[-1] == "Workout done."  # no count given, none made up
