"""Process-wide Qt settings that must be made before the QApplication exists.

Each concern is its own small function so the app's entry point reads as a checklist and tests
can call exactly the one they need.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import MutableMapping


def use_xcb_on_wayland(environ: MutableMapping[str, str] | None = None) -> bool:
    """Start Qt on xcb (XWayland) in a Wayland session, unless the user chose a platform.

    libvlc draws into a native window it is handed (`set_xwindow`); a Wayland surface cannot be
    handed over like that, so the video would open in its own window or not at all. Returns True
    when it set QT_QPA_PLATFORM. Call before creating the QApplication.
    """
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return False
    wayland = bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"
    if not wayland or sys.platform in ("win32", "darwin"):
        return False
    env["QT_QPA_PLATFORM"] = "xcb"
    return True


def _none_refcount_leaks() -> bool:
    """Whether calling a void Qt method loses a reference to None (PySide6 6.12 on CPython 3.11)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


def guard_none_refcount() -> bool:
    """Keep None alive under a PySide6 build that drops a reference to it on every void call.

    PySide6 6.12.0 on CPython 3.11 returns None from void methods without taking a reference
    (harmless on 3.12+, where None is immortal). Every `processEvents()`, `raise_()` or
    `setText()` then lowers None's count by one, and after a few thousand calls the interpreter
    aborts with "none_dealloc"; True and False suffer the same way ("bool_dealloc" at exit). This
    makes the three singletons practically immortal, as 3.12 does, only when the leak is actually
    observed. Returns True when the guard was applied. The real fix is a PySide6 release without
    the bug (6.11.3 does not leak).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not _none_refcount_leaks():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return True
