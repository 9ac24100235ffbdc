"""The Qt-free modules the window needs, imported before PySide6 is, and then made known to it.

Once PySide6 is loaded it watches every import statement that follows: the first time it sees
a module's name, its `__feature__` hook reads the module's whole source to see whether it
mentions PySide6 (so that `from __feature__ import snake_case` can apply to some modules only).
For the store, the core and the standard library under them that is pure overhead: 14–35 ms
of a 0.2 s start (make bench's start-up trick rows, 2026-12-08). So the GUI's entry point
imports them while nothing watches, and then records for each module already loaded the
answer the hook would find, "not a PySide6 module", in the hook's own table; the modules
imported after that are still read. The app works the same without either step (a PySide6
without that table is left alone), and a test checks that the list still covers what the
window loads (tests/ui/test_start_order.py).
"""

from __future__ import annotations

import importlib
import sys

QT_FREE_FIRST = (
    "ankledesk.library",
    "ankledesk.store.session_store",
    "ankledesk.store.edits",
    "ankledesk.store.measurements",
    "ankledesk.store.parsed_toml",
    "ankledesk.store.user_clips",
    "ankledesk.core.plan",
    "ankledesk.core.progress",
    "ankledesk.core.suggest",
    "ankledesk.core.hints",
    "ankledesk.core.selfcheck",
    "ankledesk.core.settings",
    "ankledesk.core.timefmt",
    "ankledesk.core.weeks",
    "datetime",
    "traceback",
)


NOT_A_PYSIDE6_MODULE = -1  # the hook's own mark (PySide6's shibokensupport/feature.py)
CHECKED_WITH_PYSIDE6 = "6.11.2"
"""The PySide6 whose private table (`pyside_feature_dict`, and what -1 means in it) this was
read against. Another version's table is left alone: tests/ui/test_start_order.py fails on an
upgrade until someone reads that version's feature.py and moves this on."""


def import_qt_free_first() -> None:
    for name in QT_FREE_FIRST:
        importlib.import_module(name)
    loaded_before = list(sys.modules)  # the standard library and the Qt-free layers only
    importlib.import_module("PySide6.QtCore")  # starts the hook, and creates its table
    if getattr(sys.modules["PySide6"], "__version__", None) != CHECKED_WITH_PYSIDE6:
        return
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if isinstance(table, dict):
        for name in loaded_before:
            table.setdefault(name, NOT_A_PYSIDE6_MODULE)
