"""Moving sessions filed in the wrong year file to their own year's file, on the next write.

A session belongs to the file of the year it started in (local time, `history.year_of`). One
found elsewhere (moved by hand, a `0000.json` made by hand, a copy from another folder) is
moved by the next writer: added to its year's file by session id (one durable write), and only
then taken out of the file it was in (another), so a crash between the two leaves it in both,
alike, which the views show once and the next write finishes moving. When its year's file
already holds a different session under that id, both stay where they are and the user is told.

A history folder may be shared by two data folders (store.lock.FolderLock): the move runs
under the lock of the folder the misfiled session's file is in, held from reading that file
to taking the session out of it, and each file is read again first if another process has
replaced it since it was read (`History.current_file`), so what the other writer stored stays.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ankledesk.core.records import SessionRecord
from ankledesk.errors import UserError

if TYPE_CHECKING:
    from ankledesk.store.history import History, YearFile


def refile(history: History) -> None:
    """Move every misfiled session the history knows of (see the module docstring); what
    was moved, or could not be, goes into `history.notices`. Never raises for a file that
    cannot be written: the session stays where it was, still counted in its own year."""
    if not history.writable or history.legacy is not None:
        return
    for year in sorted(history.strays()):
        try:
            _refile_from(history, year)
        except (OSError, UserError) as exc:
            history._say(f"{history.path / f'{year:04d}.json'}: its sessions of other years "
                         f"could not be moved ({exc}); they stay there and are still shown "
                         "in their own year")


def _refile_from(history: History, year: int) -> None:
    from ankledesk.store.history import year_file, year_of  # history imports this module

    # The source's lock is held throughout: no other writer changes it between the read and
    # the removal. A target in another real folder (a linked year file) takes its own lock
    # inside; a wait past FolderLock's bound is an OSError, said by `refile`.
    with history.writing(year_file(history.data_dir, year)):
        source = history.current_file(year)
        if source is None or source.read_only:
            return
        by_year: dict[int, list[SessionRecord]] = defaultdict(list)
        for doc in source.sessions():
            if year_of(doc) != year:
                by_year[year_of(doc)].append(doc)
        moved: list[SessionRecord] = []
        for right, docs in sorted(by_year.items()):
            with history.writing(year_file(history.data_dir, right)):
                target = history.current_file(right, create=True)
                if target is None or target.read_only:
                    continue
                moved += _merge(history, source, target, docs)
                history.record_digest(right)
        if moved:
            source.remove_sessions(moved)
            history.record_digest(year)


def _merge(history: History, source: YearFile, target: YearFile,
           docs: list[SessionRecord]) -> list[SessionRecord]:
    """Add `docs` to `target` by id (one durable write); the ones it now holds."""
    new: list[SessionRecord] = []
    held: list[SessionRecord] = []
    for doc in docs:
        there = target.get(doc["id"])
        if there is None:
            new.append(doc)
        elif there == doc:
            held.append(doc)
        else:
            history._say(f"{source.path}: session {doc['id']} started in another year, but "
                         f"{target.path} holds a different session under that id; both are "
                         "left where they are")
    if new:
        target.insert_all(new)
    for doc in [*new, *held]:
        history._say(f"{source.path}: session {doc['id']} started on {doc['started_at'][:10]}; "
                     f"it was moved to {target.path}")
    return [*new, *held]
