"""The routine loader over real files: every kind of mistake gets its own exact line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ankledesk import paths
from ankledesk.core.loader import load_drills, load_library, read_toml
from ankledesk.core.problems import Problem

BUILTIN = paths.builtin_routines_dir()

GOOD = '''
id = "{id}"
name = "My circuit"
rounds = 3

[[items]]
drill = "big-toe-raise-hold"
seconds = 40

[[items]]
drill = "banded-lunge"
'''

# file name -> (content, the exact lines expected)
BROKEN: dict[str, tuple[str | bytes, list[str]]] = {
    "string-seconds.toml": (
        GOOD.format(id="string-seconds").replace("seconds = 40", 'seconds = "45s"'),
        ['string-seconds.toml: items[1].seconds: expected whole seconds 1–3600 (got "45s")'],
    ),
    "ranges.toml": (
        'id = "ranges"\nname = "R"\nrounds = 0\nprepare = -5\n'
        '[[items]]\ndrill = "banded-lunge"\nreps = 501\n'
        '[[items]]\ndrill = "leg-extension"\nseconds = 3601\n'
        '[[items]]\ndrill = "leg-extension"\nseconds = 12.5\n',
        ["ranges.toml: rounds: expected whole rounds 1–50 (got 0)",
         "ranges.toml: prepare: expected whole seconds 0–3600 (got -5)",
         "ranges.toml: items[1].reps: expected whole reps 1–500 (got 501)",
         "ranges.toml: items[2].seconds: expected whole seconds 1–3600 (got 3601)",
         "ranges.toml: items[3].seconds: expected whole seconds 1–3600 (got 12.5)"],
    ),
    "unknown-key.toml": (
        GOOD.format(id="unknown-key").replace("rounds = 3", "rounds = 3\nrest = 30")
        .replace("seconds = 40", "secs = 40"),
        ['unknown-key.toml: rest: unknown key (got 30)',
         "unknown-key.toml: items[1].secs: unknown key; did you mean 'seconds'? (got 40)"],
    ),
    "wrong-types.toml": (
        'id = "wrong-types"\nname = 7\nrounds = true\nitems = "all of them"\n',
        ["wrong-types.toml: name: expected non-empty text (got 7)",
         "wrong-types.toml: rounds: expected whole rounds 1–50 (got true)",
         'wrong-types.toml: items: expected [[items]] tables (got "all of them")'],
    ),
    "unknown-drill.toml": (
        GOOD.format(id="unknown-drill").replace('"banded-lunge"', '"banded-lunges"'),
        ['unknown-drill.toml: items[2].drill: unknown drill id; did you mean "banded-lunge"? '
         '(got "banded-lunges")'],
    ),
    "both.toml": (
        GOOD.format(id="both").replace("seconds = 40", "seconds = 40\nreps = 10"),
        ["both.toml: items[1].reps: give reps or seconds, not both (got 10)"],
    ),
    "mode-clash.toml": (
        'id = "mode-clash"\nname = "M"\n[[items]]\ndrill = "banded-lunge"\nmode = "hold"\n'
        '[[items]]\ndrill = "leg-extension"\nmode = "reps"\n'
        '[[items]]\ndrill = "leg-extension"\nsides = "both"\n',
        ['mode-clash.toml: items[1].seconds: missing: mode "hold" needs seconds '
         '("banded-lunge" counts reps)',
         'mode-clash.toml: items[2].reps: missing: mode "reps" needs reps '
         '("leg-extension" is timed)',
         'mode-clash.toml: items[3].sides: expected one of "one", "each" (got "both")'],
    ),
    "empty.toml": (
        'id = "empty"\nname = "Nothing yet"\nitems = []\n',
        ["empty.toml: items: a routine needs at least one [[items]] table (got [])"],
    ),
    "bad-id.toml": (
        GOOD.format(id="Bad Id"),
        ['bad-id.toml: id: expected lowercase letters, digits and hyphens (got "Bad Id")'],
    ),
    "paced.toml": (
        'id = "paced"\nname = "P"\n'
        '[[items]]\ndrill = "leg-extension"\nrep_seconds = 5\n'
        '[[items]]\ndrill = "short-foot"\ncap = 90\nrep_seconds = 10\n'
        '[[items]]\ndrill = "short-foot"\nrep_seconds = 0\n',
        ["paced.toml: items[1].rep_seconds: rep_seconds only applies to reps items (got 5)",
         "paced.toml: items[2].cap: give a cap or rep_seconds, not both (got 90)",
         "paced.toml: items[3].rep_seconds: expected whole seconds 1–600 (got 0)"],
    ),
    "not-toml.toml": (
        "id = \"not-toml\"\nname = My circuit\n",
        ["not-toml.toml: not valid TOML: Invalid value (at line 2, column 8)"],
    ),
    "binary.toml": (
        b"\xff\xfe\x00\x01garbage", ["binary.toml: not a text file (expected UTF-8 TOML)"]),
    "runners-chassis-circuit.toml": (
        GOOD.format(id="runners-chassis-circuit"),
        ['runners-chassis-circuit.toml: id: already used by a built-in routine '
         '(got "runners-chassis-circuit")'],
    ),
}


@pytest.fixture
def broken_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "routines"
    folder.mkdir()
    for name, (content, _) in BROKEN.items():
        target = folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (folder / "fine.toml").write_text(GOOD.format(id="fine"), encoding="utf-8")
    monkeypatch.chdir(folder)  # messages name files relative to where the user stands
    return folder


def test_builtins_load_without_a_single_problem():
    lib = load_library(BUILTIN)
    assert lib.problems == []
    assert len(lib.routines) == 11
    assert len(lib.drills) == 45
    chassis = lib.routine("runners-chassis-circuit")
    assert (chassis.rounds, chassis.rest_between_rounds, len(chassis.items)) == (4, 60, 6)


def test_every_broken_file_gets_its_own_lines_and_the_good_one_still_loads(broken_dir):
    lib = load_library(BUILTIN, broken_dir)
    got = sorted(str(p) for p in lib.problems)
    expected = sorted(line for _, lines in BROKEN.values() for line in lines)
    assert got == expected
    assert "fine" in lib.routines and len(lib.routines) == 12
    fine = lib.routine("fine")
    assert fine.source == str(broken_dir / "fine.toml")
    first, second = fine.items
    assert (first.mode, first.seconds, first.sides) == ("hold", 40, "each")
    assert (second.mode, second.reps, second.sides) == ("reps", 12, "each")


def test_a_problem_in_an_item_says_which_item_and_key_as_data(broken_dir):
    """The Build screen puts a problem next to its item from these fields, not from the text;
    the printed line stays `items[N].key: …`."""
    lib = load_library(BUILTIN, broken_dir)
    where = {(p.path.name, p.field): (p.item_index, p.item_key) for p in lib.problems}
    assert where[("ranges.toml", "items[3].seconds")] == (2, "seconds")
    assert where[("unknown-key.toml", "items[1].secs")] == (0, "secs")
    assert where[("ranges.toml", "rounds")] == (None, None)
    for problem in lib.problems:
        if problem.item_index is None:
            assert not (problem.field or "").startswith("items["), problem
            continue
        number = f"items[{problem.item_index + 1}]"
        assert problem.field == number + (f".{problem.item_key}" if problem.item_key else "")


def test_an_item_that_is_not_a_table_is_a_problem_of_that_item(tmp_path):
    path = tmp_path / "odd.toml"
    path.write_text('id = "odd"\nname = "Odd"\nitems = [{drill = "banded-lunge"}, 3]\n',
                    encoding="utf-8")
    lib = load_library(BUILTIN, tmp_path)
    [problem] = [p for p in lib.problems if p.path == path]
    assert (problem.field, problem.item_index, problem.item_key) == ("items[2]", 1, None)
    assert str(problem).endswith("odd.toml: items[2]: expected a table (got 3)")


def test_mode_follows_the_drill_unless_given(tmp_path):
    (tmp_path / "modes.toml").write_text(
        'id = "modes"\nname = "Modes"\n'
        '[[items]]\ndrill = "single-leg-rdl"\nseconds = 30\n'  # a reps drill given seconds
        '[[items]]\ndrill = "leg-extension"\nmode = "hold"\n'
        '[[items]]\ndrill = "leg-extension"\nreps = 15\ncap = 60\nsides = "each"\n',
        encoding="utf-8")
    lib = load_library(BUILTIN, tmp_path)
    assert lib.problems == []
    a, b, c = lib.routine("modes").items
    assert (a.mode, a.seconds) == ("timed", 30)
    assert (b.mode, b.seconds) == ("hold", 45)
    assert (c.mode, c.reps, c.cap, c.sides) == ("reps", 15, 60, "each")


def test_a_file_kept_under_another_name_loads_under_the_id_inside(tmp_path):
    """A browser saves a second download as `quick-toe (1).toml`: the id inside is what counts,
    and a second file with the same id is still reported, not loaded over the first."""
    (tmp_path / "quick-toe (1).toml").write_text(GOOD.format(id="quick-toe"), encoding="utf-8")
    lib = load_library(BUILTIN, tmp_path)
    assert lib.problems == []
    assert lib.routine("quick-toe").source == str(tmp_path / "quick-toe (1).toml")
    (tmp_path / "quick-toe.toml").write_text(GOOD.format(id="quick-toe"), encoding="utf-8")
    lib = load_library(BUILTIN, tmp_path)
    assert [str(p) for p in lib.problems] == [
        f'{tmp_path / "quick-toe.toml"}: id: already used by {tmp_path / "quick-toe (1).toml"} '
        '(got "quick-toe")']
    assert lib.routine("quick-toe").source == str(tmp_path / "quick-toe (1).toml")


def test_paced_reps_load_with_their_rep_length(tmp_path):
    (tmp_path / "paced.toml").write_text(
        'id = "paced"\nname = "Paced"\n[[items]]\ndrill = "short-foot"\nrep_seconds = 10\n',
        encoding="utf-8")
    (only,) = load_library(BUILTIN, tmp_path).routine("paced").items
    assert (only.mode, only.reps, only.rep_seconds, only.sides) == ("reps", 6, 10, "each")
    assert only.dosage() == "6 × 10 s reps each side"


def test_defaults_for_circuit_settings(tmp_path):
    (tmp_path / "bare.toml").write_text(
        'id = "bare"\nname = "Bare"\n[[items]]\ndrill = "leg-extension"\n', encoding="utf-8")
    r = load_library(BUILTIN, tmp_path).routine("bare")
    assert (r.rounds, r.rest_between_rounds, r.rest_between_drills, r.prepare, r.side_switch) == (
        4, 60, 0, 10, 5)


def test_drill_catalogue_problems(tmp_path):
    path = tmp_path / "drills.toml"
    path.write_text(
        '[[drills]]\nid = "a"\nname = "A"\ncategory = "strength"\nmode = "hold"\n'
        'progression = ["nope"]\n'
        '[[drills]]\nid = "a"\nname = "A again"\ncategory = "cardio"\nmode = "reps"\nreps = 5\n',
        encoding="utf-8")
    drills, problems = load_drills(path)
    lines = [str(p).split(": ", 1)[1] for p in problems]
    assert lines == [
        'drills[1].seconds: missing: mode "hold" needs seconds',
        'drills[2].category: expected one of "strength", "balance", "mobility", "plyometric", '
        '"drill" (got "cardio")',
        'drills[2].id: duplicate drill id (got "a")',
        'drills[1].progression: unknown drill id (got "nope")',
    ]
    assert drills == {}


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    lib = load_library(BUILTIN, tmp_path)
    missing = tmp_path / "gone.toml"
    missing.symlink_to(tmp_path / "nowhere.toml")
    lib = load_library(BUILTIN, tmp_path)
    assert [p.message for p in lib.problems] == [
        f"is a link to {tmp_path / 'nowhere.toml'}, which does not exist; it was not read"]


def test_the_documented_example_is_a_valid_routine(tmp_path):
    """docs/routines.md tells coaches to copy its example: it must stay valid."""
    doc = (paths.builtin_routines_dir().parent / "docs" / "routines.md").read_text("utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "quick-ankle-circuit.toml").write_text(example, encoding="utf-8")
    lib = load_library(BUILTIN, tmp_path)
    assert lib.problems == []
    assert lib.routine("quick-ankle-circuit").rounds == 3


# Files out of bounds (core/file_limits.py): each one line naming the file, the others load.
SMALL = 'id = "my-good"\nname = "Good"\n[[items]]\ndrill = "toe-yoga"\n'
CAP = 256 * 1024  # as docs/routines.md says


def test_sixteen_levels_load_and_seventeen_are_one_line(tmp_path):
    for depth in (16, 17):
        (tmp_path / f"d{depth}.toml").write_text(
            "y = " + "[" * depth + "]" * depth + "\n" + SMALL, encoding="utf-8")
    ok = read_toml(tmp_path / "d16.toml")
    assert isinstance(ok, dict)
    refused = read_toml(tmp_path / "d17.toml")
    assert isinstance(refused, Problem)
    assert str(refused) == f"{tmp_path / 'd17.toml'}: nested 17 levels deep (at most 16)"


def test_dotted_keys_nest_without_a_bracket_and_are_counted_too(tmp_path):
    for name, text in {"keys.toml": "a" + ".a" * 5000 + " = 1\n",
                       "header.toml": "[" + ".".join(["t"] * 5000) + "]\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "good.toml").write_text(SMALL, encoding="utf-8")
    library = load_library(BUILTIN, tmp_path)
    assert "my-good" in library.routines
    assert sorted(str(p) for p in library.problems) == [
        f"{tmp_path / 'header.toml'}: nested 5000 levels deep (at most 16)",
        f"{tmp_path / 'keys.toml'}: nested 5000 levels deep (at most 16)",
    ]


def test_the_size_cap_holds_at_its_edge(tmp_path):
    at_cap = tmp_path / "at-cap.toml"
    padding = "#" * (CAP - len(SMALL) - 1) + "\n"
    at_cap.write_text(SMALL + padding, encoding="utf-8")
    assert at_cap.stat().st_size == CAP
    over = tmp_path / "over.toml"
    over.write_text(SMALL + "#" + padding, encoding="utf-8")
    library = load_library(BUILTIN, tmp_path)
    assert "my-good" in library.routines  # at-cap.toml
    assert [str(p) for p in library.problems] == [
        f"{over}: 257 KB, too big for a routine file (at most 256 KB); it was not read"]


def test_what_is_not_a_file_is_never_opened(tmp_path):
    """A FIFO would block an open for reading (O_NONBLOCK or not, it is refused before)."""
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / "link.toml").symlink_to(tmp_path / "pipe.toml")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "good.toml").write_text(SMALL, encoding="utf-8")
    library = load_library(BUILTIN, tmp_path)
    assert "my-good" in library.routines
    assert [str(p) for p in library.problems] == [
        f"{tmp_path / 'dangling.toml'}: is a link to {tmp_path / 'nowhere'}, which does not "
        "exist; it was not read",
        f"{tmp_path / 'folder.toml'}: is a folder, not a file; it was not read",
        f"{tmp_path / 'link.toml'}: is a link to {tmp_path / 'pipe.toml'}, a FIFO (a named "
        "pipe), not a file; it was not read",
        f"{tmp_path / 'pipe.toml'}: is a FIFO (a named pipe), not a file; it was not read",
    ]


def test_an_id_ending_in_a_newline_is_no_id(tmp_path):
    path = tmp_path / "newline.toml"
    path.write_text(SMALL.replace('"my-good"', '"my-good\\n"'), encoding="utf-8")
    library = load_library(BUILTIN, tmp_path)
    assert library.routines.keys() == load_library(BUILTIN).routines.keys()
    assert [str(p) for p in library.problems] == [
        f'{path}: id: expected lowercase letters, digits and hyphens (got "my-good\\n")']
