"""The window's fast reading of its arguments agrees with the full parser, and leaves to it
everything that is not plainly a request for the window."""

from __future__ import annotations

import pytest

from ankledesk import cli
from ankledesk.ui import launch

WINDOW = [
    [],
    ["--data-dir", "/tmp/some where"],
    ["--data-dir=/tmp/d"],
    ["--data-dir="],
    ["--exit-after-paint"],
    ["--exit-after-paint", "--data-dir", "d"],
    ["--data-dir", "a", "--data-dir", "b"],  # the last one counts, as for argparse
]

NOT_ONLY_THE_WINDOW = [
    ["history"],
    ["--data-dir", "d", "history"],
    ["--help"],
    ["--version"],
    ["--data"],                      # an abbreviation: argparse's to accept or not
    ["--data", "d"],
    ["--data-dir"],                  # no value: argparse says so
    ["--data-dir", "-x"],            # a value that looks like an option
    ["--data-dir", "--exit-after-paint"],
    ["-x"],
    ["--exit-after-paint=1"],
]


@pytest.mark.parametrize("argv", WINDOW, ids=repr)
def test_the_fast_reading_agrees_with_the_full_parser(argv):
    fast = cli._window_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert fast is not None
    assert (fast.data_dir, fast.exit_after_paint) == (full.data_dir, full.exit_after_paint)
    assert fast.func is full.func is launch.run_gui


@pytest.mark.parametrize("argv", NOT_ONLY_THE_WINDOW, ids=repr)
def test_anything_else_goes_to_the_full_parser(argv):
    assert cli._window_args(argv) is None
