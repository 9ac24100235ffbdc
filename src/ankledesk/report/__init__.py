"""Qt-free printable output with reportlab: weekly logs, range exports, blank sheets.

One function per document, for the CLI (`ankledesk export`) and the GUI's export dialogs
alike. Each takes the history (session documents, oldest first), the week or range, the
paper size and an optional `progress(done, total)` callback, and returns the file's bytes;
`save_atomic(path, data)` writes them without ever leaving half a file. The numbers come
from `ankledesk.core.progress`, the same the CLI and the GUI show.

    data = weekly_log(sessions, dt.date(2026, 11, 18), paper="letter", name="Ana")
    save_atomic(Path("week.pdf"), data)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ankledesk.report.blank import blank_sheet
    from ankledesk.report.csv_export import csv_bytes
    from ankledesk.report.measures import measurements_csv_bytes
    from ankledesk.report.output import save_atomic
    from ankledesk.report.range import range_log
    from ankledesk.report.styles import PAPERS
    from ankledesk.report.weekly import weekly_log

# Loaded on first use (PEP 562): reportlab takes longer to import than the app takes to show
# its window, and `ankledesk history` or the GUI's start-up need none of it.
_WHERE = {
    "PAPERS": "styles", "blank_sheet": "blank", "csv_bytes": "csv_export",
    "measurements_csv_bytes": "measures",
    "range_log": "range", "save_atomic": "output", "weekly_log": "weekly",
}

__all__ = ["PAPERS", "blank_sheet", "csv_bytes", "measurements_csv_bytes", "range_log",
           "save_atomic", "weekly_log"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
