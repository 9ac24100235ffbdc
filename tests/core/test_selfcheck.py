"""The self-check mapping is data: the shipped file loads cleanly, names real programs, and a
broken file gets one line per mistake."""

from __future__ import annotations

from pathlib import Path

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.selfcheck import SELF_CHECK_FILE, load_self_check, suggestions

BUILTIN = paths.builtin_routines_dir()
# docs/design.md, the self-check: the six signs of article 004.
SIGNS = ["heels-lift-early", "single-leg-balance", "stiff-short-stride", "arches-collapse",
         "toes-grip", "ankle-rolls"]


def test_the_shipped_self_check_names_every_sign_and_only_real_programs():
    routines = load_library(BUILTIN).routines
    signs, problems = load_self_check(BUILTIN / SELF_CHECK_FILE, routines)
    assert problems == []
    assert [s.id for s in signs] == SIGNS
    for sign in signs:
        assert sign.programs and all(p in routines for p in sign.programs)
        assert sign.text and sign.why


def test_the_self_check_file_is_not_loaded_as_a_routine():
    lib = load_library(BUILTIN)
    assert lib.problems == []
    assert "self-check" not in lib.routines


def test_each_sign_alone_suggests_exactly_its_programs_in_order():
    routines = load_library(BUILTIN).routines
    signs, _ = load_self_check(BUILTIN / SELF_CHECK_FILE, routines)
    for sign in signs:
        found = suggestions(signs, [sign.id], routines)
        assert [f.routine_id for f in found] == list(sign.programs)
        assert all(f.signs == (sign,) for f in found)


def test_programs_addressing_more_ticked_signs_come_first():
    routines = load_library(BUILTIN).routines
    signs, _ = load_self_check(BUILTIN / SELF_CHECK_FILE, routines)
    found = suggestions(signs, ["heels-lift-early", "toes-grip"], routines)
    assert [f.routine_id for f in found] == [
        "ankle-mobility-foundations", "ankle-mobility-and-foot-strength", "pre-run-ankle-primer"]
    assert [len(f.signs) for f in found] == [2, 2, 1]
    assert suggestions(signs, [], routines) == []


def test_a_broken_self_check_reports_each_mistake_and_keeps_the_good_signs(tmp_path: Path):
    routines = load_library(BUILTIN).routines
    path = tmp_path / SELF_CHECK_FILE
    path.write_text('''
[[signs]]
id = "fine"
text = "A fine sign"
programs = ["big-toe-strength"]

[[signs]]
id = "Bad Id"
text = ""
programs = []

[[signs]]
id = "unknown-program"
text = "Points nowhere"
programs = ["big-toe-strength", "no-such-routine"]

[[signs]]
id = "fine"
text = "Same id again"
programs = ["big-toe-strength"]
''', encoding="utf-8")
    signs, problems = load_self_check(path, routines)
    assert [s.id for s in signs] == ["fine"]
    lines = [str(p).split(": ", 1)[1] for p in problems]
    assert lines == [
        'signs[2].id: expected lowercase letters, digits and hyphens (got "Bad Id")',
        'signs[2].text: expected the sign in words (got "")',
        "signs[2].programs: expected a list of one or more routine ids (got [])",
        'signs[3].programs[2]: no routine has this id (got "no-such-routine")',
        'signs[4].id: used by an earlier sign (got "fine")',
    ]


def test_a_self_check_that_is_not_toml_is_one_problem(tmp_path: Path):
    path = tmp_path / SELF_CHECK_FILE
    path.write_text("signs = [", encoding="utf-8")
    signs, problems = load_self_check(path)
    assert signs == [] and len(problems) == 1 and "not valid TOML" in str(problems[0])
