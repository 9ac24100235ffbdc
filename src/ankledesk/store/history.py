"""The history: every finished or abandoned session, in one TinyDB file per year.

    DATA/history/2025.json          the sessions that started in 2025 (local time)
    DATA/history/2025.digest.json   their outlines (store.digest), rebuilt when stale
    DATA/history/2026.json …
    DATA/history/measurements.json  the measurements (store.measurements)

A year file is written once per session (when it finishes or is abandoned, or is edited),
never per step: that is the journal's job. What a command reads follows what it shows: this
week's log opens this year's file (and last year's when the week straddles New Year), the
streak and the ladder read the other years' digests, and only the History screen or a full
listing opens every year. Each year file is opened by `files.open_file` with every guarantee
the single file had (a bad session quarantined on its own, hostile JSON set aside byte for
byte, a symlink followed and kept, the mode kept, a newer schema left read-only).

A session is filed by the year it started in; one found in another year's file (moved there by
hand, or a `0000.json` made by hand) is counted in its own year by every view alike, and the
next write moves it to its year's file (store.refile). A name in the folder the store does not
know (`99999.json`, `abcd.json`) gets one notice and is left as it is.

Before the split every session was in `DATA/history.json`; `store.split` moves it into the year
files the first time a writer opens the folder. Until then a reader reads that file as well.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import cast

from tinydb import Query

from ankledesk.core.records import SessionRecord
from ankledesk.store.digest import (
    DigestInTheWay,
    digest_path,
    digest_years,
    outline,
    read_digest,
    write_digest,
)
from ankledesk.store.documents import check_session, parse_time
from ankledesk.store.files import OpenedFile, SessionsFile, open_file
from ankledesk.store.refile import refile

HISTORY_DIR = "history"
HISTORY_FILE = "history.json"
"""The single history file of AnkleDesk before the split into years (see store.split)."""
_YEAR_FILE = re.compile(r"^(\d{4})\.json$")
_OURS = re.compile(r"^(\d{4}|measurements)([ .].*)?\.json$")
"""A year file, its digest, measurements.json, a copy set aside beside one (`.corrupt-…`,
`.quarantine-…`) or a sync tool's conflicted copy of one: names the store knows."""


def unknown_name(name: str) -> bool:
    """Whether a file in history/ looks like data (`.json`) but is none of the store's."""
    return (name.lower().endswith(".json") and not name.startswith(".")
            and _OURS.match(name) is None)


def history_dir(data_dir: Path) -> Path:
    return Path(data_dir) / HISTORY_DIR


def year_file(data_dir: Path, year: int) -> Path:
    return history_dir(data_dir) / f"{year:04d}.json"


def model_mode(data_dir: Path) -> int | None:
    """The permission bits a new year file takes: those of the history the user already has
    (history.json before the split, else the latest year's file), so a history made readable
    to a group, or to a sync tool, stays so in the new year. None when there is none."""
    folder = history_dir(data_dir)
    years = sorted((p for p in folder.glob("*.json") if _YEAR_FILE.match(p.name)), reverse=True)
    for model in (Path(data_dir) / HISTORY_FILE, *years):
        with contextlib.suppress(OSError):
            return os.stat(model).st_mode & 0o7777
    return None


def year_of(document: SessionRecord) -> int:
    """The year a session is filed under: the year of its start, in the local time it was
    recorded in (the same day `core.progress.session_day` gives it)."""
    return parse_time(document["started_at"]).year


def _readable(document: dict[str, object]) -> bool:
    try:
        check_session(document)
    except ValueError:
        return False
    return True


def by_start(sessions: Iterable[SessionRecord]) -> list[SessionRecord]:
    return sorted(sessions, key=lambda d: parse_time(d["started_at"]))


class YearFile(SessionsFile):
    """One file of sessions: a year file, or the single history.json of before the split."""

    @classmethod
    def open(cls, path: Path, *, writable: bool, create: bool) -> YearFile | None:
        opened = open_file(path, "history", writable=writable, create=create)
        return None if opened is None else cls(opened)

    def sessions(self) -> list[SessionRecord]:
        """Every stored session, oldest first (by start time, then by insertion). From a newer
        app's file, only the documents this app can still read."""
        docs = [dict(d) for d in self._table.all()]
        if self.opened.newer_schema:
            docs = [d for d in docs if _readable(d)]
        # Checked documents only: open_file checks a file of our schema as it opens it.
        return by_start(cast(list[SessionRecord], docs))

    def contains(self, session_id: str) -> bool:
        return self._table.contains(Query().id == session_id)

    def get(self, session_id: str) -> SessionRecord | None:
        found = self._table.get(Query().id == session_id)
        return None if found is None else cast(SessionRecord, dict(found))

    def add(self, document: SessionRecord) -> None:
        """Store one session for good: one durable write. A session already stored under the
        same id is replaced, so moving a session in twice cannot duplicate it."""
        check_session(document)
        match = Query().id == document["id"]
        if self._table.contains(match):
            self._table.update(document, match)
        else:
            self._table.insert(document)

    def insert_all(self, documents: list[SessionRecord]) -> None:
        """Add many sessions in one durable write (the split)."""
        for document in documents:
            check_session(document)
        self._table.insert_multiple(documents)

    def remove_sessions(self, documents: list[SessionRecord]) -> None:
        """Take out every stored session equal to one of `documents` (one durable write)."""
        keys = [d.doc_id for d in self._table.all() if dict(d) in documents]
        if keys:
            self._table.remove(doc_ids=keys)


class History:
    """The data folder's history (see the module docstring). Year files are opened when first
    asked for; `notices` and `unreadable` cover the files opened so far."""

    def __init__(self, data_dir: Path, *, writable: bool,
                 legacy: YearFile | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.path = history_dir(self.data_dir)
        self.writable = writable
        self.legacy = legacy
        """history.json when it is still there: for a reader before the first writer split
        it, or (read-only) when a newer AnkleDesk wrote it."""
        self.notices: list[str] = list(legacy.notices) if legacy is not None else []
        """What the user must be told, in the order it was found, only ever added to at the
        end (the app says the ones after those it has said). The store adds its own here."""
        self._files: dict[int, YearFile | None] = {}
        self._opened: list[OpenedFile] = [legacy.opened] if legacy is not None else []
        self._listed: list[int] | None = None
        self._strays_in: dict[int, set[int]] | None = None
        """For each year file, the other years its sessions started in (misfiled ones)."""

    # -- which files ---------------------------------------------------------------------

    def years(self) -> list[int]:
        """The years that have a file (or sessions in history.json), oldest first."""
        if self._listed is None:
            found: set[int] = set()
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                for entry in self.path.iterdir():
                    match = _YEAR_FILE.match(entry.name)
                    if match:
                        found.add(int(match[1]))
                    elif unknown_name(entry.name):
                        self.tell(f"{entry}: not a year file (a year file is named like "
                                  "2026.json), left as it is")
            self._listed = sorted(found | set(self._legacy_years()))
        return self._listed

    def forget_legacy(self) -> None:
        """From now on the year files are the history (history.json was split, or moved
        aside as unreadable)."""
        self.legacy = None
        self._listed = None

    def _legacy_years(self) -> list[int]:
        if self.legacy is None:
            return []
        return sorted({year_of(d) for d in self.legacy.sessions()})

    def year(self, year: int, *, create: bool = False) -> YearFile | None:
        """The year's file, opened once (None if it has none and `create` is False)."""
        cached = self._files.get(year)
        if year not in self._files or (create and (cached is None or not cached.opened.existed)):
            path = year_file(self.data_dir, year)
            mode = None
            if create:
                self.path.mkdir(parents=True, exist_ok=True)
                if self.writable and not os.path.lexists(path):
                    mode = model_mode(self.data_dir)
            found = YearFile.open(path, writable=self.writable, create=create and self.writable)
            if mode is not None and os.path.exists(path):
                with contextlib.suppress(OSError):  # a file system without modes: as made
                    os.chmod(path, mode)
            self._files[year] = found
            if found is not None:
                self.notices.extend(found.notices)
                self._opened.append(found.opened)
                if self._listed is not None and year not in self._listed:
                    self._listed = sorted([*self._listed, year])
        return self._files[year]

    def tell(self, notice: str) -> None:
        """Add a notice unless it was said already (a file read twice is told once)."""
        if notice not in self.notices:
            self.notices.append(notice)

    # -- reading -------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether a file opened so far cannot be written (from a newer AnkleDesk)."""
        return any(opened.read_only for opened in self._opened) if self.writable else True

    @property
    def newer_schema_file(self) -> Path | None:
        return next((o.path for o in self._opened if o.newer_schema), None)

    @property
    def unreadable(self) -> bool:
        """Whether part of a file opened so far could not be read."""
        return self.unreadable_file is not None

    @property
    def unreadable_file(self) -> Path | None:
        """The first file opened so far that could not be read in part or whole."""
        return next((o.path for o in self._opened if o.unreadable != 0), None)

    def _of_year(self, year: int) -> list[SessionRecord]:
        found = self.year(year)
        docs = found.sessions() if found is not None else []
        if self.legacy is not None:  # not split yet: a reader sees both, each session once
            ids = {d["id"] for d in docs}
            docs = by_start([*docs, *(d for d in self.legacy.sessions()
                                      if year_of(d) == year and d["id"] not in ids)])
        return docs

    def sessions(self, years: Iterable[int] | None = None) -> list[SessionRecord]:
        """The full documents of `years` (default every year), oldest first, wherever they
        are filed: a session in another year's file is found through that file's digest."""
        listed = self.years()
        asked = None if years is None else set(years)
        wanted = listed if asked is None else sorted(asked & set(listed))
        docs = [doc for year in wanted for doc in self._of_year(year)]
        strays = self.strays() if asked != set() else {}
        if not strays:
            return docs
        if asked is not None:  # every file is read already when every year is asked for
            for year in sorted(strays.keys() - set(wanted)):
                if strays[year] & asked:
                    docs += [d for d in self._of_year(year) if year_of(d) in asked]
        return _once(docs)

    def _starts(self, year: int, docs: Iterable[SessionRecord]) -> set[int]:
        return {year_of(d) for d in docs} - {year}

    def strays(self) -> dict[int, set[int]]:
        """For each year file holding sessions that started in other years, those years
        (from the files open and the other years' digests; nothing before the split)."""
        if self._strays_in is None:
            self._strays_in = {} if self.legacy is not None else {
                year: self._stray_years(year) for year in self.years()}
            self._tell_strays()
        return {year: found for year, found in self._strays_in.items() if found}

    def _stray_years(self, year: int) -> set[int]:
        """The other years the sessions of the year's file started in: from memory when it
        is open, else its digest's header while that is current, else its outlines."""
        if year not in self._files:
            with contextlib.suppress(DigestInTheWay):  # outlines() says it, if need be
                found = digest_years(year_file(self.data_dir, year))
                if found is not None:
                    return found - {year}
            return self._starts(year, self.outlines(year))
        return self._starts(year, self._of_year(year))

    def _tell_strays(self) -> None:
        for year, found in sorted((self._strays_in or {}).items()):
            if found and not self.writable:
                where = ", ".join(str(y) for y in sorted(found))
                self.tell(f"{year_file(self.data_dir, year)} holds sessions that started in "
                          f"{where}; they are shown in their own year, and the next workout "
                          "moves them to that year's file")

    def outlines(self, year: int) -> list[SessionRecord]:
        """The year's sessions in outline (store.digest): from memory when the year's file is
        open already, else from its digest while that is current, else from the year file,
        and then a writer records the digest again (it was missing or out of date)."""
        if year in self._files:
            return [outline(doc) for doc in self._of_year(year)]
        if self.legacy is None:
            path = year_file(self.data_dir, year)
            try:
                found = read_digest(path)
            except DigestInTheWay as exc:
                found = None
                if not self.writable:
                    self.tell(f"{digest_path(path)} cannot be read ({exc}); it is left as it "
                              f"is, {path.name} is read instead, and the next workout moves "
                              "it aside")
            if found is not None:
                return found
        made = [outline(doc) for doc in self._of_year(year)]
        if self.writable and self.legacy is None:
            self.record_digest(year, made)
        return made

    def view(self, full_years: Iterable[int], latest: int = 0) -> list[SessionRecord]:
        """Every session, oldest first: full documents for `full_years` and for the years of
        the `latest` most recent sessions, outlines for the other years. Only what
        `core.progress` asks of all the years (streak, ladder, hold chart, the last day a
        routine was done) may be asked of the outlines."""
        full = set(full_years)
        parts: dict[int, list[SessionRecord]] = {}
        count = 0
        for year in reversed(self.years()):
            if count < latest:
                full.add(year)
            part = self._of_year(year) if year in full else self.outlines(year)
            parts[year] = part
            count += len(part)
        if self._strays_in is None and self.legacy is None:
            self._strays_in = {year: self._starts(year, part) for year, part in parts.items()}
            self._tell_strays()
        strays = self.strays()
        if not strays:
            return [doc for year in sorted(parts) for doc in parts[year]]
        for year, found in strays.items():  # a session of a year shown in full: in full
            if year not in full and found & full:
                parts[year] = self._of_year(year)
        return _once(doc for year in sorted(parts) for doc in parts[year])

    def contains(self, document: SessionRecord) -> bool:
        """Whether the session is stored (in the file of its year)."""
        found = self.year(year_of(document))
        return found is not None and found.contains(document["id"])

    def find(self, session_id: str) -> tuple[YearFile, SessionRecord] | None:
        """The file holding `session_id` and its document: the years open already first, then
        the one the digests say, then the rest."""
        years = self.years()
        likely = [y for y in years if y in self._files] + [
            y for y in years if y not in self._files and self.legacy is None and any(
                d["id"] == session_id for d in self.outlines(y))]
        for year in [*likely, *(y for y in years if y not in likely)]:
            found = self.year(year)
            doc = found.get(session_id) if found is not None else None
            if found is not None and doc is not None:
                return found, doc
        return None

    # -- writing -------------------------------------------------------------------------

    def add(self, document: SessionRecord) -> None:
        """Store one session in its year's file (one durable write), then its digest; first,
        sessions filed in the wrong year move to theirs (store.refile), so an edit of one
        lands where the session now is."""
        refile(self)
        year = year_of(document)
        found = self.year(year, create=True)
        assert found is not None  # created if missing
        found.add(document)
        self.record_digest(year)

    def record_digest(self, year: int, outlines: list[SessionRecord] | None = None) -> None:
        """Write the year's digest (from `outlines` when the caller has them already). A
        failure here loses nothing (the session is stored; a stale digest is rebuilt from the
        year file), so it is not the user's problem."""
        found = self._files.get(year)
        if found is None or found.read_only:
            return
        if outlines is None:
            outlines = [outline(d) for d in found.sessions()]
        if self._strays_in is not None:
            self._strays_in[year] = self._starts(year, outlines)
        with contextlib.suppress(OSError):
            notice = write_digest(found.path, outlines)
            if notice is not None:
                self.tell(notice)


def _once(docs: Iterable[SessionRecord]) -> list[SessionRecord]:
    """Oldest first, a session found twice alike (a move cut short between its two writes)
    once; two different sessions under one id both stay."""
    kept: list[SessionRecord] = []
    seen: dict[str, list[SessionRecord]] = {}
    for doc in docs:
        same = seen.setdefault(doc["id"], [])
        if doc not in same:
            same.append(doc)
            kept.append(doc)
    return by_start(kept)

