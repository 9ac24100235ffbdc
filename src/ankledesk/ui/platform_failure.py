"""A window that cannot open says why in one line, instead of Qt's abort.

When Qt's platform plugin cannot start (no display; a library the xcb plugin links, such as
libxcb-cursor0, not installed) QApplication's constructor ends the process with qFatal: a
paragraph that blames the plugin, "Aborted", exit 134, and no word from us. Its messages pass
through a message handler first, so while the application is being made one is installed that
keeps them, and on the fatal one works out what is missing, prints one line saying how to get
it, and exits 1 before Qt can abort. Nothing is open yet (the data folder's lock is taken after
the application exists), so there is nothing to tidy. The diagnosis (loading the plugin to see
which library fails) runs only on that path: a normal start pays for one handler swap.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import qInstallMessageHandler

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

EXIT_NO_WINDOW = 1

_PLUGIN = re.compile(r'platform plugin "([^"]+)"')
_MISSING = re.compile(r"^(\S+?\.so[.\d]*): cannot open shared object file")


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a shared library, by Debian's naming rule (policy
    8.1): the library's name and its soname version, joined by a hyphen if the name ends in a
    digit (libxcb-cursor.so.0 → libxcb-cursor0, libxkbcommon-x11.so.0 → libxkbcommon-x11-0)."""
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    joint = "-" if name[-1:].isdigit() and version else ""
    return f"{name}{joint}{version}".lower()


def missing_library(plugin: Path) -> str | None:
    """The library that keeps the platform plugin `plugin` from loading, as the dynamic loader
    names it, or None if it loads (or is not there to try)."""
    if not plugin.is_file():
        return None
    import ctypes  # only on the way out: not worth its import on every start

    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _MISSING.match(str(exc))
        return found.group(1) if found else None
    return None


def plugin_file(name: str) -> Path:
    """Where Qt keeps its platform plugin `name` (the installed wheel's, or a bundle's)."""
    from PySide6.QtCore import QLibraryInfo  # a class PySide6 makes on first use: not at start

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / f"libq{name}.so"


def failure_line(messages: list[str], environ: Mapping[str, str],
                 missing: Callable[[str], str | None]) -> str:
    """The one line for a platform plugin that did not start, from Qt's messages on the way.

    Qt names the xcb-cursor library whenever the xcb plugin fails, even when the cause is only
    that no X server answers, so the display is looked at first; `missing(plugin)` then asks
    the loader which library is really absent."""
    text = "\n".join(messages)
    found = _PLUGIN.search(text)
    plugin = found.group(1) if found else environ.get("QT_QPA_PLATFORM", "xcb")
    if "could not connect to display" in text:
        display = environ.get("DISPLAY", "")
        where = f"no X server answers on DISPLAY={display}" if display else "DISPLAY is not set"
        return (f"the window needs a display, and {where}. `ankledesk demo` runs the app on a "
                "virtual display; the other commands need none (ankledesk --help).")
    library = missing(plugin)
    if library:
        return (f"the window cannot open: Qt's {plugin} plugin needs {library}, which is not "
                f"installed (on Debian or Ubuntu: sudo apt install {debian_package(library)}).")
    first = next((m for m in messages if m.strip()), "no reason given")
    return f'the window cannot open: Qt could not start its "{plugin}" platform plugin ({first})'


def _qt_default_format(context: QMessageLogContext, message: str) -> str:
    category = context.category
    return f"{category}: {message}" if category and category != "default" else message


class PlatformWatch:
    """`with PlatformWatch(): QApplication(...)`: Qt's messages are kept while it runs, and a
    fatal one is turned into one line and exit 1. Messages that were not fatal are printed
    afterwards as Qt would have printed them, so a normal start looks as it always did."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ
        self._kept: list[str] = []
        self._seen: list[str] = []

    def __enter__(self) -> PlatformWatch:
        qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        qInstallMessageHandler(None)  # Qt's own handler again
        for line in self._kept:
            print(line, file=sys.stderr)

    def _handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        from PySide6.QtCore import QtMsgType  # only when Qt says something

        self._seen.append(message)
        if kind != QtMsgType.QtFatalMsg:
            self._kept.append(_qt_default_format(context, message))
            return
        line = failure_line(self._seen, self._environ,
                            lambda name: missing_library(plugin_file(name)))
        logging.getLogger("ankledesk").error("the window could not open: %s\nQt said:\n%s",
                                             line, "\n".join(self._seen))
        sys.stderr.flush()
        os.write(2, f"ankledesk: {line}\n".encode())
        os._exit(EXIT_NO_WINDOW)  # Qt aborts as soon as this returns
