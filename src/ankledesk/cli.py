"""The `ankledesk` command line.

Each command group lives in its own module under `ankledesk.commands` with a
`register(subparsers)` function; this module only parses, dispatches, and makes sure nothing but
one clear line ever reaches the user when something goes wrong (details go to the log file).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from ankledesk import __version__, paths
from ankledesk.core.terminal import shown
from ankledesk.errors import INTERRUPTED_EXIT, TERMINATED_EXIT, Terminated, UserError
from ankledesk.store.advice import explain
from ankledesk.ui import launch

log = logging.getLogger("ankledesk")


DATA_DIR_HELP = (f"folder for history, custom routines and clips (default: "
                 f"${paths.DATA_DIR_ENV} or the platform's user data folder)")


class _CommandParser(argparse.ArgumentParser):
    """A command's parser (and its actions' parsers): `--data-dir` is taken after the command
    too, as the README promises of every command (`ankledesk history --data-dir X`).

    Its default is SUPPRESS, so a command that was not given one leaves the value read before
    the command (or none) as it was; argparse copies only what a subparser actually parsed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                          help=DATA_DIR_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ankledesk",
        description="Ankle and foot drills: routines, workout timer, history and printable logs.",
    )
    parser.add_argument("--version", action="version", version=f"ankledesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    # Hidden: open the window, quit once it has painted (the start-up benchmark).
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=launch.run_gui)
    # Every parser made under it, to any depth, is a _CommandParser (argparse builds an
    # action's parsers with the class of the parser that added the action).
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",  # the commands ask no more
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser,
                              description="without a command, AnkleDesk opens its window"))
    from ankledesk.commands import COMMAND_MODULES  # see _window_args: not for the window

    for module in COMMAND_MODULES:
        module.register(sub)
    launch.register_demo(sub)
    return parser


def _log_internal_error(data_dir: Path | None) -> Path | None:
    """Write the traceback to the data folder's log so the user sees one line, not a stack."""
    if data_dir is None:
        return None
    try:
        folder = paths.logs_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "ankledesk.log"
        with target.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc())
        return target
    except OSError:
        return None


def gui_main() -> int:
    """The `ankledesk-gui` launcher (no console window on Windows): the app itself."""
    return main([*sys.argv[1:]])


def _window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they ask for the window alone, else None: `ankledesk`, with
    `--data-dir DIR` (or `--data-dir=DIR`) and the hidden `--exit-after-paint`, exactly.

    Reading these few forms without argparse keeps every command module, and what they import,
    off the way to the window's first paint, and argparse's own start too (its message
    catalogue lookup alone imports `locale`): 25–47 ms of the start (make bench's start-up
    trick rows, 2026-12-08). Anything else (a command, --help, an abbreviated
    option, a value that starts with a dash, a typo) goes to the full parser, which decides
    exactly as it always does; tests/test_cli_window_args.py checks the two agree."""
    data_dir: str | None = None
    exit_after_paint = False
    words = iter(argv)
    for word in words:
        if word == "--exit-after-paint":
            exit_after_paint = True
        elif word == "--data-dir":
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None
            data_dir = value
        elif word.startswith("--data-dir="):
            data_dir = word.partition("=")[2]
        else:
            return None
    return argparse.Namespace(data_dir=data_dir, exit_after_paint=exit_after_paint,
                              func=launch.run_gui)


def load_commands_for(argv: Sequence[str] | None = None) -> bool:
    """Import the command modules now unless the arguments ask for the window alone (the
    entry point calls this while a Ctrl-C still simply ends the process); True for the
    window."""
    if _window_args(list(sys.argv[1:] if argv is None else argv)) is None:
        import ankledesk.commands  # noqa: F401

        return False
    return True


def said_stopped(exc: KeyboardInterrupt | Terminated) -> int:
    """The one line for a Ctrl-C or a SIGTERM, and the exit code that goes with it."""
    if isinstance(exc, KeyboardInterrupt):
        print("ankledesk: interrupted; anything already recorded is kept", file=sys.stderr)
        return INTERRUPTED_EXIT
    print("ankledesk: stopped (SIGTERM); anything already recorded is kept, and a workout "
          "cut short can be resumed", file=sys.stderr)
    return TERMINATED_EXIT


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    data_dir: Path | None = None
    try:
        # Inside the try: a Ctrl-C while the parsers are built is one line too.
        args = _window_args(words) or build_parser().parse_args(words)
        # Parsed once; the default folder is filled in afterwards, so `--data-dir` given
        # before or without a command is never lost.
        args.data_dir = data_dir = paths.data_dir(args.data_dir)
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"ankledesk: {exc}", file=sys.stderr)  # UserError made it printable
        return exc.exit_code
    except (KeyboardInterrupt, Terminated) as exc:
        return said_stopped(exc)
    except BrokenPipeError:
        return 0
    except OSError as exc:  # one the store did not explain already: an export's, say
        print(f"ankledesk: {shown(explain(exc, data_dir=data_dir))}", file=sys.stderr)
        return 1
    except Exception as exc:  # the promise: never a traceback on screen
        where = _log_internal_error(data_dir)
        detail = f" (details in {where})" if where else ""
        print(f"ankledesk: internal error: {type(exc).__name__}: {exc}{detail}", file=sys.stderr)
        return 70
