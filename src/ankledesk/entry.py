"""The process entry point: signals first, then the heavy imports, then the command line.

Importing the CLI loads TinyDB, the report layer and the commands, which takes a noticeable
moment; a Ctrl-C in that moment would otherwise print a KeyboardInterrupt traceback from
somewhere inside an import. So this module imports nothing but os, sys and _signal (all loaded
with the interpreter; `signal` itself would first import enum), installs handlers that end the
process with one line as soon as it is imported, and once everything is loaded hands over to
`ankledesk.cli.main`, where Ctrl-C raises KeyboardInterrupt and SIGTERM raises `Terminated`, so
a command unwinds normally (the data folder's lock is released; a workout in progress stays in
the journal, resumable) and prints one line. The window and the demo take the signals over
once Qt runs (ui/stop_signals.py): there a signal is read by the event loop and closes the
window between two slots, and only then is raised here, for the same one line.
"""

import gc
import os
import sys

# What starting makes (modules, classes, Qt's enums) lives as long as the process, so looking
# for garbage among it is wasted work: 11–26 ms of the window's start (make bench's start-up
# trick rows, 2026-12-08). The collector is
# back on once the command modules are loaded, or for the window once it has painted.
gc.disable()

# CPython's builtin half of `signal` is loaded with the interpreter: no import to wait for.
signal = sys.modules.get("_signal") or __import__("signal")


def _quit_while_starting(signum: int, frame: object) -> None:
    """Nothing is open (not yet, or not any more), so nothing needs tidying: one line and
    out. Installed while the modules load, and again once the command has returned."""
    interrupted = signum == signal.SIGINT
    os.write(2, b"ankledesk: interrupted\n" if interrupted else b"ankledesk: stopped (SIGTERM)\n")
    os._exit(130 if interrupted else 143)  # errors.INTERRUPTED_EXIT / TERMINATED_EXIT


def _install(handler: object) -> None:
    signal.signal(signal.SIGINT, handler)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, handler)


_install(_quit_while_starting)  # on import: the entry script imports this module first


def _raise_on_signal(signum: int, frame: object) -> None:
    from ankledesk.errors import Terminated

    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    _install(_quit_while_starting)
    from ankledesk.cli import load_commands_for, said_stopped
    from ankledesk.cli import main as run_cli
    from ankledesk.errors import Terminated

    if not load_commands_for(argv):
        gc.enable()
    try:
        # Inside the try: a signal that came during the imports is run by the handler
        # installed here, as `signal.signal` returns, before the CLI's own try has begun.
        _install(_raise_on_signal)
        return run_cli(argv)
    except (KeyboardInterrupt, Terminated) as exc:
        return said_stopped(exc)
    finally:
        _install(_quit_while_starting)  # from here to the exit, too: one line, never a stack


if __name__ == "__main__":
    sys.exit(main())
