"""The bounds a routine file is read within (core/file_limits.py): the depth counted before
tomllib runs is the depth tomllib builds, whatever brackets its strings and comments hold, so
no real file is refused (the files out of bounds are in test_loader.py and the CLI tests)."""

from __future__ import annotations

import json
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from ankledesk import paths
from ankledesk.core.file_limits import MAX_BYTES, data_depth, text_depth
from ankledesk.core.loader import load_library

BUILTIN = paths.builtin_routines_dir()
GOOD = 'id = "my-good"\nname = "Good"\n[[items]]\ndrill = "toe-yoga"\n'

# Text full of what could confuse a bracket count: brackets, both quotes, escapes, comments.
TRICKY = st.text(alphabet='[]{}"\'#\\ \nab', max_size=12)


def _basic(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON's escapes are TOML's


def _multi_basic(s: str, quotes: int) -> str:
    body = s.replace("\\", "\\\\").replace('"', '\\"')
    return '"""' + body + '"' * quotes + '"""'  # up to two quotes of its own before the end


@st.composite
def toml_string(draw: st.DrawFn) -> str:
    s = draw(TRICKY)
    styles = [_basic(s), _multi_basic(s, draw(st.integers(0, 2)))]
    if "'" not in s and "\n" not in s:
        styles.append(f"'{s}'")
    if "'" not in s:
        styles.append(f"'''{s}'''")
    return draw(st.sampled_from(styles))


def _value(children: st.SearchStrategy[tuple[str, int]]) -> st.SearchStrategy[tuple[str, int]]:
    """TOML value text and how deep its arrays and inline tables nest."""
    def array(items: list[tuple[str, int]]) -> tuple[str, int]:
        return "[" + ", ".join(t for t, _ in items) + "]", 1 + max((d for _, d in items),
                                                                  default=0)

    def table(items: list[tuple[str, tuple[str, int]]]) -> tuple[str, int]:
        pairs = [f"{_basic(key) if n % 2 else 'k' + str(n)} = {t}"  # quoted keys, and bare
                 for n, (key, (t, _)) in enumerate(items)]
        return "{ " + ", ".join(pairs) + " }", 1 + max((d for _, (_, d) in items), default=0)

    return st.one_of(
        st.lists(children, max_size=3).map(array),
        st.lists(st.tuples(TRICKY, children), max_size=3, unique_by=lambda kv: kv[0]).map(table),
    )


VALUES = st.recursive(toml_string().map(lambda t: (t, 0)), _value, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(value=VALUES, comment=TRICKY.filter(lambda s: "\n" not in s))
def test_the_counted_depth_is_the_depth_tomllib_builds(value, comment):
    text, depth = value
    document = f"# {comment}\n[table]\nx = {text}  # {comment}\n"
    parsed = tomllib.loads(document)  # the generator writes valid TOML
    assert data_depth(parsed["table"]) == depth
    assert text_depth(document) == max(depth, 1)  # the header is one level


def test_the_shipped_files_are_well_within_the_bounds():
    for path in BUILTIN.glob("*.toml"):
        text = path.read_text("utf-8")
        assert len(text.encode("utf-8")) < MAX_BYTES // 8
        assert text_depth(text) <= 3 and data_depth(tomllib.loads(text)) <= 3


def test_brackets_inside_strings_and_comments_do_not_count(tmp_path):
    (tmp_path / "strings.toml").write_text(
        GOOD.replace('name = "Good"', 'name = "' + "[" * 40 + '"  # ' + "{" * 40
                     + "\ndescription = '" + "]" * 40 + "'"), encoding="utf-8")
    library = load_library(BUILTIN, tmp_path)
    assert library.problems == []
    routine = library.routines["my-good"]
    assert (routine.name, routine.description) == ("[" * 40, "]" * 40)
