"""Problems the Build screen has no words of its own for keep the loader's one line."""

from __future__ import annotations

from pathlib import Path

from ankledesk.core.problems import Problem
from ankledesk.ui.build.wording import in_form_words


def test_a_problem_without_form_words_keeps_the_loaders_line():
    problem = Problem(Path("x.toml"), "items[0].drill", "no such drill", "toe-yoga")
    assert in_form_words(problem) == problem.detail == 'no such drill (got "toe-yoga")'


def test_a_range_is_said_as_what_is_allowed():
    problem = Problem(Path("x.toml"), "rounds", "expected whole rounds 1–50", 60)
    assert in_form_words(problem) == "From 1 to 50 rounds"


def test_an_empty_text_says_what_to_give_where_the_form_knows_it():
    def said(field: str) -> str:
        return in_form_words(Problem(Path("x.toml"), field, "expected non-empty text", ""))

    assert said("name") == "Give the circuit a name"
    assert said("items[0].drill") == "Can't be left empty"
