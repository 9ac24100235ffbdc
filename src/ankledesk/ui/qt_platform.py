"""Process-wide Qt settings that must be made before the QApplication exists.

Each concern is its own small function so the app's entry point reads as a checklist and tests
can call exactly the one they need.
"""

from __future__ import annotations

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
