"""The Qt-free modules the window needs, imported before PySide6 is.

Once PySide6 is loaded it watches every import that follows: its `__feature__` hook reads the
whole source of each newly imported module to see whether it mentions PySide6. For the store,
the core and the standard library modules under them that is pure overhead (about 15 ms of a
0.2 s start on a laptop), so the GUI's entry point imports them first, while nothing watches.
The app works the same without this; a test checks that the list still covers what the window
loads (tests/ui/test_start_order.py).
"""

from __future__ import annotations

import importlib

QT_FREE_FIRST = (
    "ankledesk.library",
    "ankledesk.store.session_store",
    "ankledesk.store.measurements",
    "ankledesk.store.parsed_toml",
    "ankledesk.store.user_clips",
    "ankledesk.core.plan",
    "ankledesk.core.progress",
    "ankledesk.core.suggest",
    "ankledesk.core.hints",
    "ankledesk.core.selfcheck",
    "ankledesk.core.timefmt",
    "datetime",
    "traceback",
)


def import_qt_free_first() -> None:
    for name in QT_FREE_FIRST:
        importlib.import_module(name)
