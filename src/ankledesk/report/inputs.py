"""How a report tells its caller how far along it is.

The report layer sits beside `ankledesk.store`, not on top of it (docs/design.md: `store` and
`report` both sit on `core`): it takes session documents (`ankledesk.core.records.SessionRecord`,
read-only here) from its caller and asks `ankledesk.core.progress` the history's questions, so
every number a PDF prints is the number `ankledesk history summary` and the History screen show.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""`progress(done, total)`: called as a document is built, last with done == total."""


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Tell the caller how far along the document is, if it asked."""
    if progress is not None:
        progress(done, total)
