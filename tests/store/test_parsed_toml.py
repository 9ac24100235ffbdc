"""The app's cache of parsed TOML (store/parsed_toml.py): the same library as parsing, never
a stale routine, and nothing lost or broken when the cache is damaged or cannot be written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from ankledesk.core.loader import Library
from ankledesk.library import open_library
from ankledesk.store.parsed_toml import CACHE_FILE, ParsedToml
from tests.conftest import ROOT

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


DEEP = 'id = "deep"\nname = "Deep"\nx = ' + "[" * 700 + "]" * 700 + "\n"


def test_a_file_out_of_bounds_is_refused_whatever_the_cache_says(data_dir):
    """An entry for a file's exact text never lets through what parsing would refuse."""
    folder = data_dir / "routines"
    folder.mkdir()
    deep = folder / "deep.toml"
    deep.write_text(DEEP, encoding="utf-8")
    cache = data_dir / CACHE_FILE
    cache.parent.mkdir()
    forged = {"id": "deep", "name": "Deep", "items": [{"drill": "toe-yoga"}]}
    cache.write_text(json.dumps({"format": 1, "files": {
        str(deep): {"text": DEEP, "data": forged}}}), encoding="utf-8")
    library = cached(data_dir)
    assert library.routine("deep") is None
    assert [str(p) for p in library.problems] == [
        f"{deep}: nested 700 levels deep (at most 16)"]
    assert str(deep) not in json.loads(cache.read_text(encoding="utf-8"))["files"]


def test_an_entry_nested_too_deep_is_never_used(data_dir):
    """A damaged entry for the file's text (its data 200 levels deep) is parsed again."""
    path = user_routine(data_dir, "Mine")
    cached(data_dir)
    cache = data_dir / CACHE_FILE
    text = path.read_text(encoding="utf-8")
    deep = '{"x":' * 200 + "1" + "}" * 200
    cache.write_text('{"format": 1, "files": {' + json.dumps(str(path)) + ': {"text": '
                     + json.dumps(text) + ', "data": ' + deep + "}}}", encoding="utf-8")
    library = cached(data_dir)
    assert library.problems == []
    assert library.routine("cached-test").name == "Mine"
    assert json.loads(cache.read_text(encoding="utf-8"))["files"][str(path)]["data"]["name"] \
        == "Mine"


def test_a_cache_that_is_not_a_file_is_not_waited_on_nor_written_through(data_dir, tmp_path):
    """A FIFO (or a link to one) where the cache should be: read past in a real process
    that would otherwise block for good, and left as it is."""
    user_routine(data_dir, "Mine")
    cache = data_dir / CACHE_FILE
    cache.parent.mkdir()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for where in ("fifo", "link"):
        if where == "fifo":
            os.mkfifo(cache)
        else:
            cache.symlink_to(pipe)
        run = subprocess.run([sys.executable, "-c", OPEN_THROUGH_THE_CACHE, str(data_dir)],
                             capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert (run.returncode, run.stdout, run.stderr) == (0, "Mine\n", "")
        assert stat.S_ISFIFO(cache.stat().st_mode) and stat.S_ISFIFO(pipe.stat().st_mode)
        cache.unlink()


OPEN_THROUGH_THE_CACHE = """\
import sys
from pathlib import Path
from ankledesk.library import open_library
from ankledesk.store.parsed_toml import ParsedToml
parsed = ParsedToml.of(Path(sys.argv[1]))
library = open_library(Path(sys.argv[1]), parsed.read)
parsed.save()
print(library.routine("cached-test").name)
"""
