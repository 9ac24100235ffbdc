"""What a report needs from the history, and how it reports progress.

The report layer sits beside `ankledesk.store`, not on top of it (DESIGN.md: `store, report ->
core`, and an import-linter contract keeps the two independent). So the history's questions —
which sessions fall between two days, the streak, the best hold per session, the progression
ladder — are not re-implemented here: the caller hands over the store's query module
(`ankledesk.store.queries`), which satisfies `Queries` as it is, and every number a PDF prints
is the number the History screen and `ankledesk history summary` show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

Session = Mapping[str, Any]
"""A session document (see ankledesk.store.documents): plain JSON, read-only here."""

Progress = Callable[[int, int], None]
"""`progress(done, total)`: called as a document is built, last with done == total."""


class Queries(Protocol):
    """The part of `ankledesk.store.queries` the reports read."""

    WEEKLY_TARGET: int
    PROGRESSION_GOALS: Mapping[str, float]

    def sessions_between(self, sessions: Iterable[Session], first: dt.date,
                         last: dt.date) -> list[Session]: ...

    def active_seconds(self, session: Session) -> float: ...

    def counts_toward_target(self, session: Session) -> bool: ...

    def weekly_streak(self, sessions: Iterable[Session], target: int = ...,
                      today: dt.date | None = None) -> Any: ...

    def best_hold_per_session(self, sessions: Iterable[Session],
                              drill_id: str) -> list[Any]: ...

    def progression_hints(self, sessions: Iterable[Session], drills: Any = None,
                          goals: Mapping[str, float] = ...) -> list[Any]: ...


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Tell the caller how far along the document is, if it asked."""
    if progress is not None:
        progress(done, total)
