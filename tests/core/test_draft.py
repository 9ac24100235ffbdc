"""The builder's draft: any valid routine saved and loaded again is the same routine; any run
of edits is judged without an exception; a hand-edited file keeps its layout."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from ankledesk import paths
from ankledesk.core import draft as edits
from ankledesk.core.draft import DraftItem, DraftState, judge, slug, unique_id
from ankledesk.core.loader import load_drills, parse_routine
from ankledesk.core.routine_doc import render

DRILLS, _ = load_drills(paths.builtin_routines_dir() / "drills.toml")
DRILL_IDS = sorted(DRILLS)
PATH = Path("drafted.toml")


@st.composite
def valid_items(draw) -> DraftItem:
    drill = DRILLS[draw(st.sampled_from(DRILL_IDS))]
    mode = draw(st.sampled_from(("hold", "timed", "reps")))
    sides = draw(st.sampled_from(("one", "each")))
    if mode != "reps":
        return DraftItem(drill.id, mode, draw(st.integers(1, 3600)), sides)
    paced = draw(st.booleans())
    return DraftItem(
        drill.id, mode, draw(st.integers(1, 500)), sides,
        cap=None if paced else draw(st.none() | st.integers(1, 3600)),
        rep_seconds=draw(st.integers(1, 600)) if paced else None)


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=40).filter(str.strip)
valid_states = st.builds(
    DraftState, name=names, description=st.text(max_size=60),
    rounds=st.integers(1, 50), rest_between_rounds=st.integers(0, 3600),
    rest_between_drills=st.integers(0, 3600), prepare=st.integers(0, 3600),
    side_switch=st.integers(0, 3600),
    items=st.lists(valid_items(), min_size=1, max_size=8).map(tuple))


@settings(max_examples=150, deadline=None)
@given(valid_states)
def test_any_valid_routine_saved_and_loaded_again_is_the_same_routine(state):
    verdict = judge(state, slug(state.name), PATH, DRILLS)
    assert verdict.ok, verdict.problems
    text = render(state, slug(state.name), DRILLS)
    again, problems = parse_routine(tomllib.loads(text), PATH, DRILLS, str(PATH))
    assert problems == [] and again == verdict.routine
    # and the builder reads it back as the same draft
    assert DraftState.of_routine(again) == state


@st.composite
def edit_runs(draw):
    """Any mix of edits, with wild values as a keyboard could type them."""
    steps = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(("setting", "insert", "remove", "duplicate", "move", "item")))
        steps.append((kind, draw(st.integers(0, 9)), draw(st.integers(0, 9)),
                      draw(st.sampled_from(edits.SETTINGS)),
                      draw(st.sampled_from(edits.ITEM_FIELDS)),
                      draw(st.integers(-5, 100000)), draw(st.sampled_from(DRILL_IDS)),
                      draw(st.text(max_size=10))))
    return steps


def apply(state: DraftState, step) -> DraftState:
    kind, a, b, setting, field, number, drill_id, text = step
    n = len(state.items)
    if kind == "setting":
        value = text if setting in ("name", "description") else number
        return edits.set_setting(state, setting, value)
    if kind == "insert":
        return edits.insert_item(state, a, DraftItem.of_drill(DRILLS[drill_id]))
    if n == 0:
        return state
    a, b = a % n, b % n
    if kind == "remove":
        return edits.remove_item(state, a)
    if kind == "duplicate":
        return edits.duplicate_item(state, a)
    if kind == "move":
        return edits.move_item(state, a, b)
    value = {"mode": ("hold", "timed", "reps")[number % 3],
             "sides": ("one", "each")[number % 2],
             "cap": number or None, "rep_seconds": number or None}.get(field, number)
    return edits.set_item(state, a, DRILLS[state.items[a].drill], field, value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_runs(), st.data())
def test_any_run_of_edits_and_undos_ends_valid_or_blocked_never_raising(steps, data):
    history = [DraftState()]
    position = 0
    for step in steps:
        if data.draw(st.booleans()) and position > 0:  # undo, sometimes redo
            position -= 1
            if data.draw(st.booleans()):
                position += 1
            continue
        history = [*history[:position + 1], apply(history[position], step)]
        position += 1
    state = history[position]
    verdict = judge(state, slug(state.name), PATH, DRILLS)
    if verdict.ok:
        text = render(state, slug(state.name), DRILLS)
        again, _ = parse_routine(tomllib.loads(text), PATH, DRILLS, str(PATH))
        assert again == verdict.routine
    else:
        assert verdict.problems and all(p.field for p in verdict.problems)


def test_ids_from_names():
    assert slug("Hill prep (week 2)") == "hill-prep-week-2"
    assert slug("Échauffement d'été") == "echauffement-d-ete"
    assert slug("🦶🦶") == "routine"
    assert unique_id("hill-prep", {"hill-prep", "hill-prep-2"}) == "hill-prep-3"


def test_a_new_mode_brings_the_drills_own_dosage_and_drops_reps_only_fields():
    hold = DRILLS["big-toe-raise-hold"]
    state = edits.insert_item(DraftState(), 0, DraftItem.of_drill(hold))
    state = edits.set_item(state, 0, hold, "mode", "reps")
    assert (state.items[0].mode, state.items[0].amount) == ("reps", 10)
    state = edits.set_item(state, 0, hold, "rep_seconds", 5)
    state = edits.set_item(state, 0, hold, "mode", "hold")
    item = state.items[0]
    assert (item.mode, item.amount, item.rep_seconds) == ("hold", 45, None)


HAND = """\
# my notes
id = "mine"
name = "Mine"
rounds = 3   # three
description = "kept"

[[items]]   # first
drill = "big-toe-raise-hold"

# second, from the physio
[[items]]
drill = "short-foot"
reps = 6
"""


def test_an_update_changes_only_what_changed_and_keeps_every_comment():
    routine, _ = parse_routine(tomllib.loads(HAND), Path("mine.toml"), DRILLS, "x")
    state = DraftState.of_routine(routine)
    assert render(state, "mine", DRILLS, HAND) == HAND  # nothing changed: byte for byte
    state = edits.move_item(edits.set_setting(state, "rounds", 5), 1, 0)
    state = edits.set_item(state, 0, DRILLS["short-foot"], "rep_seconds", 10)
    text = render(state, "mine", DRILLS, HAND)
    assert text.startswith("# my notes\n")
    assert "rounds = 5   # three" in text and "[[items]]   # first" in text
    assert "# second, from the physio" in text
    again, problems = parse_routine(tomllib.loads(text), Path("mine.toml"), DRILLS, "x")
    assert problems == []
    assert [(i.drill_id, i.rep_seconds) for i in again.items] == [
        ("short-foot", 10), ("big-toe-raise-hold", None)]
    # the unchanged first table stays as written (no seconds were added to it)
    assert 'drill = "big-toe-raise-hold"\n\n' in text or text.endswith(
        'drill = "big-toe-raise-hold"\n')


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_states, edit_runs())
@example(DraftState(name="0", description="\x85",  # a line break only to str.splitlines
                    items=(DraftItem("3d-ankle-hip-opener", "hold", 1, "one"),)), [])
def test_edits_saved_over_a_commented_file_load_as_built(start, steps):
    """A hand-edited file (comments on every line) changed by any run of edits still loads as
    exactly the routine the builder judged, and keeps its first comment."""
    plain = render(start, "mine", DRILLS)
    original = "# by hand\n" + "".join(
        f"{line}  # note {n}\n" if line and not line.startswith(("#", "[")) else f"{line}\n"
        for n, line in enumerate(plain.split("\n")[:-1]))  # not splitlines: text may hold U+0085
    loaded, problems = parse_routine(tomllib.loads(original), PATH, DRILLS, str(PATH))
    assert problems == []
    state = DraftState.of_routine(loaded)
    for step in steps:
        state = apply(state, step)
    verdict = judge(state, "mine", PATH, DRILLS)
    event("valid after the edits" if verdict.ok else "blocked after the edits")
    if not verdict.ok:
        return
    text = render(state, "mine", DRILLS, original)
    assert text.startswith("# by hand\n")
    again, problems = parse_routine(tomllib.loads(text), PATH, DRILLS, str(PATH))
    assert problems == [] and again == verdict.routine
