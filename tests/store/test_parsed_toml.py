"""The app's cache of parsed TOML (store/parsed_toml.py): the same library as parsing, never
a stale routine, and nothing lost or broken when the cache is damaged or cannot be written."""

from __future__ import annotations

import json
from pathlib import Path

from ankledesk.core.loader import Library
from ankledesk.library import open_library
from ankledesk.store.parsed_toml import CACHE_FILE, ParsedToml

ROUTINE = """\
id = "cached-test"
name = "{name}"
rounds = 2

[[items]]
drill = "big-toe-raise-hold"
seconds = 20
"""


def cached(data_dir: Path) -> Library:
    """The library as the app opens it: through the cache, which is then saved."""
    parsed = ParsedToml.of(data_dir)
    library = open_library(data_dir, parsed.read)
    parsed.save()
    return library


def user_routine(data_dir: Path, name: str) -> Path:
    folder = data_dir / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cached-test.toml"
    path.write_text(ROUTINE.format(name=name), encoding="utf-8")
    return path


def test_the_cached_library_is_the_parsed_library(data_dir):
    user_routine(data_dir, "Mine")
    parsed = open_library(data_dir)
    first = cached(data_dir)   # parses, writes the cache
    assert (data_dir / CACHE_FILE).is_file()
    second = cached(data_dir)  # reads the cache
    for library in (first, second):
        assert library.drills == parsed.drills
        assert library.routines == parsed.routines
        assert library.problems == parsed.problems == []


def test_an_entry_is_used_only_while_the_file_has_the_same_text(data_dir):
    path = user_routine(data_dir, "Mine")
    cached(data_dir)
    cache = data_dir / CACHE_FILE
    document = json.loads(cache.read_text(encoding="utf-8"))
    document["files"][str(path)]["data"]["name"] = "From the cache"
    cache.write_text(json.dumps(document), encoding="utf-8")
    # Same text: the cache's entry is what is used (which is what makes the cache pay).
    assert cached(data_dir).routine("cached-test").name == \
        "From the cache"
    # The coach edits the file: its new text is parsed, never the old entry.
    user_routine(data_dir, "Edited")
    assert cached(data_dir).routine("cached-test").name == "Edited"
    document = json.loads(cache.read_text(encoding="utf-8"))
    assert document["files"][str(path)]["data"]["name"] == "Edited"


def test_a_removed_file_drops_out_of_the_cache(data_dir):
    path = user_routine(data_dir, "Mine")
    cached(data_dir)
    path.unlink()
    assert "cached-test" not in cached(data_dir).routines
    document = json.loads((data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert str(path) not in document["files"]


def test_a_damaged_cache_is_parsed_again_and_replaced(data_dir):
    user_routine(data_dir, "Mine")
    cache = data_dir / CACHE_FILE
    cache.parent.mkdir(parents=True)
    for damage in (b"\x00\xff not json", b'{"format": 1, "files": {"x": 1}}', b"[1, 2]",
                   b"[" * 100_000):
        cache.write_bytes(damage)
        library = cached(data_dir)
        assert library.routine("cached-test").name == "Mine"
        assert library.problems == []
        assert json.loads(cache.read_text(encoding="utf-8"))["format"] == 1


def test_a_cache_that_cannot_be_written_changes_nothing(data_dir):
    user_routine(data_dir, "Mine")
    (data_dir / "cache").write_text("a file where the cache folder would be", encoding="utf-8")
    library = cached(data_dir)
    assert library.routine("cached-test").name == "Mine"
    assert (data_dir / "cache").read_text(encoding="utf-8").startswith("a file")


def test_values_json_cannot_carry_are_parsed_every_time(data_dir):
    path = user_routine(data_dir, "Mine")
    path.write_text(path.read_text(encoding="utf-8").replace(
        'rounds = 2', 'rounds = 2\nwritten = 2026-11-21'), encoding="utf-8")
    library = cached(data_dir)
    # The date is an unknown key (reported), and the file is not kept as JSON.
    assert [p.field for p in library.problems] == ["written"]
    document = json.loads((data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert str(path) not in document["files"]
    assert [p.field for p in cached(data_dir).problems] == ["written"]


def test_commands_that_only_read_write_no_cache(cli, data_dir):
    cli("routines", "list", check=True)
    assert not (data_dir / "cache").exists()


def test_the_self_check_is_read_through_the_same_cache(data_dir):
    from ankledesk import paths
    from ankledesk.core.selfcheck import SELF_CHECK_FILE, load_self_check

    parsed = ParsedToml.of(data_dir)
    library = open_library(data_dir, parsed.read)
    path = paths.builtin_routines_dir() / SELF_CHECK_FILE
    signs, problems = load_self_check(path, library.routines, parsed.read)
    parsed.save()
    assert signs and problems == []
    document = json.loads((data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert str(path) in document["files"]
    # …and kept when the library is saved again by the next start.
    cached(data_dir)
    document = json.loads((data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert str(path) in document["files"]
    again = ParsedToml.of(data_dir)
    assert load_self_check(path, library.routines, again.read) == (signs, problems)
