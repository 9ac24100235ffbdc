"""One bad routine file costs only itself: a file nested 700 deep, a FIFO, a link to /dev/zero,
2 MB and 120 MB files in `DATA/routines/`, or sent to `routines check` / `routines import`.

Each runs through real `ankledesk` processes beside a good routine, every one under a memory
limit and a timeout, so code that reads /dev/zero or waits on the FIFO fails here instead of
eating the machine or hanging the suite: the good routine lists, the bad file gets one line
naming it and what was wrong, and nothing prints a traceback.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ankledesk import paths
from tests.conftest import ROOT

MEMORY_LIMIT = 512 * 1024 * 1024  # a command needs about 60 MB
TIMEOUT = 60

GOOD = 'id = "my-good"\nname = "Good one"\nrounds = 2\n[[items]]\ndrill = "toe-yoga"\n'


def run_limited(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m ankledesk ARGS` under MEMORY_LIMIT (address space) and TIMEOUT."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    return subprocess.run([sys.executable, "-m", "ankledesk", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=TIMEOUT, preexec_fn=limit)


def deep(path: Path) -> None:
    path.write_text('id = "deep"\nname = "Deep"\nx = ' + "[" * 700 + "]" * 700 + "\n",
                    encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def sparse(size: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        subprocess.run(["truncate", "-s", size, str(path)], check=True)

    return make


BAD = {
    "deep": (deep, "nested 700 levels deep (at most 16)"),
    "fifo": (fifo, "is a FIFO (a named pipe), not a file; it was not read"),
    "zero": (zero, "is a link to /dev/zero, a character device, not a file; it was not read"),
    "two-mb": (sparse("2M"),
               "2.0 MB, too big for a routine file (at most 256 KB); it was not read"),
    "huge": (sparse("120M"),
             "120.0 MB, too big for a routine file (at most 256 KB); it was not read"),
}


@pytest.fixture(params=sorted(BAD))
def bad(request, tmp_path: Path) -> tuple[Path, Path, str]:
    """A data folder with a good routine and one bad file; (data folder, bad file, line)."""
    data = tmp_path / "data"
    folder = data / "routines"
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    make, message = BAD[request.param]
    path = folder / f"{request.param}.toml"
    make(path)
    return data, path, f"{path}: {message}"


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr


def test_routines_list_lists_the_good_one_and_warns_of_the_bad_in_one_line(bad):
    data, _, line = bad
    result = run_limited(data, "routines", "list")
    no_traceback(result)
    assert result.returncode == 0
    assert [row.split()[0] for row in result.stdout.splitlines()][-1] == "my-good"
    assert result.stderr.splitlines() == [f"warning: {line}"]


def test_routines_check_says_the_one_line_and_fails(bad):
    data, _, line = bad
    result = run_limited(data, "routines", "check")
    no_traceback(result)
    assert (result.returncode, result.stdout.splitlines(), result.stderr) == (1, [line], "")


def test_a_bad_file_named_to_check_or_import_is_one_line_and_nothing_is_written(bad, tmp_path):
    data, path, line = bad
    sent = tmp_path / path.name  # the same file, as someone sent it, outside the data folder
    path.rename(sent)
    line = line.replace(str(path), str(sent))
    checked = run_limited(data, "routines", "check", str(sent))
    no_traceback(checked)
    assert (checked.returncode, checked.stdout.splitlines()) == (1, [line])
    before = sorted(os.listdir(data / "routines"))
    imported = run_limited(data, "routines", "import", str(sent))
    no_traceback(imported)
    assert (imported.returncode, imported.stdout.splitlines()) == (1, [line])
    assert sorted(os.listdir(data / "routines")) == before == ["good.toml"]


def test_every_bad_file_at_once_and_the_good_routine_still_runs(tmp_path):
    """All of them together, and the dotted keys that nest without a bracket: `simulate` runs
    the good routine to the end and `routines list` has one line for each bad file."""
    data = tmp_path / "data"
    folder = data / "routines"
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    lines = []
    for name, (make, message) in BAD.items():
        make(folder / f"{name}.toml")
        lines.append(f"warning: {folder / name}.toml: {message}")
    (folder / "dotted.toml").write_text("a" + ".a" * 3000 + " = 1\n", encoding="utf-8")
    lines.append(f"warning: {folder / 'dotted.toml'}: nested 3000 levels deep (at most 16)")
    listed = run_limited(data, "routines", "list")
    no_traceback(listed)
    assert listed.returncode == 0
    assert sorted(listed.stderr.splitlines()) == sorted(lines)
    ran = run_limited(data, "simulate", "my-good", "--speed", "20000")
    no_traceback(ran)
    assert ran.returncode == 0, ran.stderr
    assert "finished Good one" in ran.stdout
