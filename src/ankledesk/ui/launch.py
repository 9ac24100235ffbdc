"""How the command line reaches the GUI without paying for Qt on every other command.

`ankledesk routines list` must not load PySide6 and libvlc just to print a table, so the CLI
registers the GUI's commands from this Qt-free module, which imports the Qt side only when one
of them actually runs.
"""

from __future__ import annotations

import argparse

THEMES = ("system", "light", "dark")
DEMO_ROUTINE = "ankle-strength-and-range"


def register_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="the app running a routine on a fast clock, in pictures",
                       description="Open the app on a demo data folder of its own (never "
                       "yours), run ROUTINE sped up with Done pressed on every reps set, save "
                       "a picture of each screen and phase, record the session in that folder "
                       "and print where everything is. Without a display it runs on a virtual "
                       "one.")
    p.add_argument("--routine", default=DEMO_ROUTINE, metavar="ID",
                   help=f"routine id (default {DEMO_ROUTINE})")
    p.add_argument("--speed", type=float, default=40.0, metavar="N",
                   help="times real time (default 40; 1 for real time)")
    p.add_argument("--out", metavar="DIR",
                   help="where pictures and the demo data go (default: a new temporary folder)")
    p.add_argument("--size", default="1280x720", metavar="WxH", help="window size")
    p.add_argument("--theme", choices=THEMES, default="system",
                   help="light or dark regardless of the system (for screenshots)")
    p.add_argument("--prefix", default="", help=argparse.SUPPRESS)
    p.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from ankledesk.ui.demo import cmd_demo

    return cmd_demo(args)


def run_gui(args: argparse.Namespace) -> int:
    from ankledesk.ui.before_qt import import_qt_free_first

    import_qt_free_first()
    from ankledesk.ui.app import run

    return run(args.data_dir, exit_after_paint=getattr(args, "exit_after_paint", False))
