"""What a report reads (plain session documents) and how it reports its progress.

The report layer sits beside `ankledesk.store`, not on top of it (DESIGN.md: `store, report ->
core`): it takes session documents from its caller and asks `ankledesk.core.progress` the
history's questions, so every number a PDF prints is the number `ankledesk history summary`
and the History screen show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Session = Mapping[str, Any]
"""A session document (see ankledesk.store.documents): plain JSON, read-only here."""

Progress = Callable[[int, int], None]
"""`progress(done, total)`: called as a document is built, last with done == total."""


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Tell the caller how far along the document is, if it asked."""
    if progress is not None:
        progress(done, total)
