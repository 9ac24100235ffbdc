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

The folder may be shared: `history/` linked into a synced folder that another data folder (or
machine) links too. So a writer rewrites a year file only under the lock of the real folder
(`lock.FolderLock`), reads it again there when another process has replaced it since, and
merges by session id: what the other writer stored is kept. A sync tool's conflicted copy
beside a year file (store.conflicts) is merged into it on the year's next write and set aside;
until then readers show its sessions too. A session in two year files (a copy or a hard link
of one) is shown once, and each id names one session (store.merging).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar, cast

from tinydb import Query

from ankledesk.core.records import SessionOutline, SessionRecord, SessionView
from ankledesk.store import conflicts
from ankledesk.store.digest import (
    DigestInTheWay,
    digest_path,
    digest_years,
    outline,
    read_digest,
    write_digest,
)
from ankledesk.store.documents import check_session, parse_time
from ankledesk.store.files import (
    CORRUPT_TAG,
    OpenedFile,
    SessionsFile,
    aside_path,
    open_file,
    read_regular,
)
from ankledesk.store.lock import FOLDER_LOCK_FILE, FolderLock
from ankledesk.store.merging import distinct, each_once, ids_given_text, preferred
from ankledesk.store.refile import refile
from ankledesk.store.storage import (
    AtomicJSONStorage,
    atomic_write_bytes,
    fsync_dir,
    replace_with_retry,
)

HISTORY_DIR = "history"
HISTORY_FILE = "history.json"
"""The single history file of AnkleDesk before the split into years (see store.split)."""
_YEAR_FILE = re.compile(r"^(\d{4})\.json$")
View = TypeVar("View", SessionRecord, SessionView)  # whole documents, or a view's mix
DUPLICATE_IDS_TAG = "duplicate-ids"
_OURS = re.compile(r"^(\d{4}|measurements)([ ._].*)?\.json$")
"""A year file, its digest, measurements.json, a copy set aside beside one (`.corrupt-…`,
`.quarantine-…`, `.duplicate-ids-…`, `.merged-…`) or a sync tool's conflicted copy of one
(`2026.sync-conflict-….json`, `2026 (conflicted copy ….json`, `2026_conflict-….json`):
names the store knows."""


def unknown_name(name: str) -> bool:
    """Whether a file in history/ looks like data (`.json`) but is none of the store's. A
    name starting with a dot (the folder's lock, our temp files) is never a year's."""
    return (name.lower().endswith(".json") and not name.startswith(".")
            and name != FOLDER_LOCK_FILE and conflicts.copy_year(name) is None
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


def year_of(document: SessionView) -> int:
    """The year a session is filed under: the year of its start, in the local time it was
    recorded in (the same day `core.progress.session_day` gives it)."""
    return parse_time(document["started_at"]).year


def _readable(document: dict[str, object]) -> bool:
    try:
        check_session(document)
    except ValueError:
        return False
    return True


def by_start(sessions: Iterable[View]) -> list[View]:
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
        # Each id once (a writer's file has that on disk already: `give_distinct_ids`).
        return distinct(by_start(cast(list[SessionRecord], docs)))

    def shares_ids(self) -> bool:
        """Whether two stored documents have one id (shown apart: `sessions`)."""
        ids = [doc.get("id") for doc in self._table.all()]
        return len(set(ids)) < len(ids)

    def current(self) -> bool:
        """Whether the file on disk is still the one read (a file that refuses writes: yes)."""
        storage = self.opened.db.storage
        return not isinstance(storage, AtomicJSONStorage) or storage.current()

    def give_distinct_ids(self) -> str | None:
        """A writer's repair: different sessions sharing an id are given ids of their own on
        disk (the later ones, `merging.each_once`, the ids a reader shows already) and exact
        copies are left out, with the file as it was kept beside it. Returns the notice."""
        rows = sorted(self._table.all(), key=lambda d: parse_time(d["started_at"]))
        fixed = each_once([cast(SessionRecord, dict(row)) for row in rows])
        changes = [(row.doc_id, new) for row, new in zip(rows, fixed, strict=True)
                   if new is None or new["id"] != row["id"]]
        if not changes:
            return None
        raw = read_regular(self.path) or b""
        copy = aside_path(self.path, DUPLICATE_IDS_TAG)
        atomic_write_bytes(copy, raw)
        storage = self.opened.db.storage
        tables = storage.read() or {}
        table = tables[self._table.name]
        for doc_id, new in changes:
            if new is None:
                del table[str(doc_id)]
            else:
                table[str(doc_id)] = new
        storage.write(tables)
        self._table.clear_cache()
        given = [(row["id"], new["id"]) for row, new in zip(rows, fixed, strict=True)
                 if new is not None and new["id"] != row["id"]]
        dropped = sum(1 for new in fixed if new is None)
        parts = []
        if given:
            parts.append(f"{len(given)} session{'s' if len(given) != 1 else ''} under an id "
                         f"another session already had were given ids of their own "
                         f"({ids_given_text(given)}), so an edit changes only the one edited")
        if dropped:
            parts.append(f"{dropped} exact cop{'ies' if dropped != 1 else 'y'} of a session "
                         "were left out")
        return f"{self.path}: {'; '.join(parts)}; the file as it was is kept as {copy}"

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
        self._locks: dict[Path, FolderLock] = {}
        self._listings: dict[Path, list[Path]] = {}
        self._copies: dict[int, list[YearFile]] = {}

    def _say(self, *lines: str) -> None:
        """Add notices not said already (a read repeated says nothing new)."""
        self.notices.extend(line for line in lines if line not in self.notices)

    def writing(self, path: Path) -> AbstractContextManager[object]:
        """The lock to hold around a read-modify-write of `path` (or a repair while opening
        it): that of the real folder it is written in, shared with every data folder whose
        history is that folder (see lock.FolderLock)."""
        real = Path(os.path.realpath(path)).parent
        if not real.is_dir():  # a link to an unmounted folder: opening it says so, unchanged
            return contextlib.nullcontext()
        lock = self._locks.get(real)
        if lock is None:
            lock = self._locks[real] = FolderLock(real)
        return lock

    # -- which files ---------------------------------------------------------------------

    def years(self) -> list[int]:
        """The years that have a file (or sessions in history.json), oldest first."""
        if self._listed is None:
            found: set[int] = set()
            for entry in self._listing(self.path):
                match = _YEAR_FILE.match(entry.name)
                if match:
                    found.add(int(match[1]))
                elif (copy := conflicts.copy_year(entry.name)) is not None:
                    found.add(copy)  # a sync tool's copy, shown until it is merged
                elif unknown_name(entry.name):
                    self._say(f"{entry}: not a year file (a year file is named like "
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

    def _listing(self, folder: Path) -> list[Path]:
        real = Path(os.path.realpath(folder))
        if real not in self._listings:
            self._listings[real] = conflicts.listing(real)
        return self._listings[real]

    def year(self, year: int, *, create: bool = False) -> YearFile | None:
        """The year's file, opened once (None if it has none and `create` is False). A
        writer opens it under the folder's lock: opening may repair it."""
        cached = self._files.get(year)
        if year not in self._files or (create and (cached is None or not cached.opened.existed)):
            path = year_file(self.data_dir, year)
            if create:
                self.path.mkdir(parents=True, exist_ok=True)
            with (self.writing(path) if self.writable and self.path.is_dir()
                  else contextlib.nullcontext()):
                found = self._open_year(path, create)
            self._files[year] = found
            if found is not None:
                self.notices.extend(found.notices)
                if not self.writable and found.shares_ids():
                    self._say(f"{path}: different sessions share an id: they are shown under "
                              "ids of their own, which the next workout recorded gives them")
                self._opened.append(found.opened)
                if self._listed is not None and year not in self._listed:
                    self._listed = sorted([*self._listed, year])
        return self._files[year]

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

    def _open_year(self, path: Path, create: bool) -> YearFile | None:
        mode = None
        if create and self.writable and not os.path.lexists(path):
            mode = model_mode(self.data_dir)
        found = YearFile.open(path, writable=self.writable, create=create and self.writable)
        if mode is not None and os.path.exists(path):
            with contextlib.suppress(OSError):  # a file system without modes: as made
                os.chmod(path, mode)
        if found is not None and self.writable and not found.read_only:
            notice = found.give_distinct_ids()
            if notice is not None:
                found.notices.append(notice)
        return found

    def _of_year(self, year: int) -> list[SessionRecord]:
        found = self.year(year)
        docs = found.sessions() if found is not None else []
        if self.legacy is not None:  # not split yet: a reader sees both, each session once
            ids = {d["id"] for d in docs}
            docs = by_start([*docs, *(d for d in self.legacy.sessions()
                                      if year_of(d) == year and d["id"] not in ids)])
        return self._with_copies(year, docs)

    # -- sync tools' conflicted copies ---------------------------------------------------

    def _copy_files(self, year: int) -> list[YearFile]:
        """The conflicted copies of the year's file, opened read-only (a reader's view)."""
        if year not in self._copies:
            path = year_file(self.data_dir, year)
            found: list[YearFile] = []
            for folder in conflicts.folders(self.path, path):
                for copy in conflicts.copies_in(self._listing(folder), year):
                    opened = YearFile.open(copy, writable=False, create=False)
                    if opened is not None:
                        self._say(*opened.notices)
                        found.append(opened)
            self._copies[year] = found
        return self._copies[year]

    def _with_copies(self, year: int, docs: list[SessionRecord]) -> list[SessionRecord]:
        """`docs` and the sessions the year's conflicted copies add (by id, the version a
        merge would keep), with a notice for each copy."""
        copies = self._copy_files(year)
        if not copies:
            return docs
        name = year_file(self.data_dir, year).name
        by_id = {d["id"]: d for d in docs}
        for copy in copies:
            added = 0
            for doc in copy.sessions():
                kept = by_id.get(doc["id"])
                added += kept is None
                by_id[doc["id"]] = doc if kept is None else preferred(kept, doc)
            held = (f"the session it holds that {name} lacks is" if added == 1 else
                    f"the {added} sessions it holds that {name} lacks are")
            self._say(f"{copy.path} is a sync tool's conflicted copy of {name}: {held} "
                      "shown too; the next workout recorded merges it into "
                      f"{name} and keeps it as {copy.path.stem}.{conflicts.MERGED_TAG}-<time>"
                      ".json")
        return by_start(by_id.values())

    def _merge_copies(self, year: int, found: YearFile) -> None:
        """Merge the year file's conflicted copies into it by session id, each write durable,
        then rename each aside (kept, never deleted). The caller holds the folder's lock; a
        crash half-way merges the same copy again next time, adding nothing twice."""
        self._copies.pop(year, None)
        self._listings.clear()
        for folder in conflicts.folders(self.path, found.path):
            for copy in conflicts.copies_in(conflicts.listing(folder), year):
                self._merge_copy(copy, found)

    def _merge_copy(self, copy: Path, found: YearFile) -> None:
        # Read-only: the copy is never rewritten, so what is set aside is its bytes exactly.
        opened = YearFile.open(copy, writable=False, create=False)
        if opened is None:
            return
        whose = f"{copy} (a sync tool's conflicted copy of {found.path.name})"
        if opened.opened.newer_schema:
            self._say(*opened.notices)  # from a newer app: left alone, and said so
            return
        if opened.opened.unreadable == -1:
            aside = aside_path(copy, CORRUPT_TAG)
            replace_with_retry(copy, aside)
            fsync_dir(aside.parent)
            self._say(f"{whose} could not be read at all, so nothing in it was merged; it "
                      f"was moved to {aside}")
            return
        self._say(*opened.notices)  # sessions that could not be read: kept byte for byte
        have = {d["id"]: d for d in found.sessions()}
        new: list[SessionRecord] = []
        better: list[SessionRecord] = []
        for doc in opened.sessions():
            kept = have.get(doc["id"])
            if kept is None:
                new.append(doc)
                have[doc["id"]] = doc
            elif doc != kept and preferred(kept, doc) is doc:
                better.append(doc)
        if new:
            found.insert_all(new)
        for doc in better:
            found.add(doc)
        aside = aside_path(copy, conflicts.MERGED_TAG)
        replace_with_retry(copy, aside)
        fsync_dir(aside.parent)
        s = "" if len(new) == 1 else "s"
        more = (f", {len(better)} more complete than the version there" if better else "")
        self._say(f"{whose} was merged into it: {len(new)} session{s} added{more}; the copy "
                  f"is kept as {aside}")

    # -- reading, each session once ------------------------------------------------------

    def _once(self, parts: list[tuple[int, list[View]]]) -> list[View]:
        """The sessions of each year's file, in order, each id once: a session in two year
        files (a copy or a hard link of a year file) is taken from the file of the year it
        started in (else the first), with a notice."""
        counts = Counter(d["id"] for _, part in parts for d in part)
        if all(n == 1 for n in counts.values()):
            return [doc for _, part in parts for doc in part]
        where: dict[str, list[int]] = {}
        for year, part in parts:
            for doc in part:
                if counts[doc["id"]] > 1:
                    where.setdefault(doc["id"], []).append(year)
        chosen: dict[str, int] = {}
        for _, part in parts:
            for doc in part:
                years = where.get(doc["id"])
                if years is not None and doc["id"] not in chosen:
                    own = year_of(doc)
                    chosen[doc["id"]] = own if own in years else years[0]
        groups = Counter(tuple(sorted(set(held))) for held in where.values())
        for group, n in groups.items():
            files = ", ".join(year_file(self.data_dir, y).name for y in group)
            s = "s are" if n != 1 else " is"
            self._say(f"{self.path}: {n} session{s} in more than one year file ({files}): "
                      "each is shown once, from the file of the year it started in (is one "
                      "file a copy or a hard link of another?)")
        out: list[View] = []
        given: set[str] = set()
        for year, part in parts:
            for doc in part:
                if doc["id"] in chosen and (chosen[doc["id"]] != year or doc["id"] in given):
                    continue
                given.add(doc["id"])
                out.append(doc)
        return out

    def sessions(self, years: Iterable[int] | None = None) -> list[SessionRecord]:
        """The full documents of `years` (default every year), oldest first, each once,
        wherever they are filed: a session in another year's file is found through that
        file's digest."""
        listed = self.years()
        asked = None if years is None else set(years)
        wanted = listed if asked is None else sorted(asked & set(listed))
        parts = [(year, self._of_year(year)) for year in wanted]
        strays = self.strays() if asked != set() else {}
        if not strays:
            return self._once(parts)
        if asked is not None:  # every file is read already when every year is asked for
            for year in sorted(strays.keys() - set(wanted)):
                if strays[year] & asked:
                    parts.append((year, [d for d in self._of_year(year)
                                         if year_of(d) in asked]))
        return by_start(self._once(sorted(parts, key=lambda part: part[0])))

    def _starts(self, year: int, docs: Iterable[SessionView]) -> set[int]:
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
        is open (or has conflicted copies, shown with it), else its digest's header while
        that is current, else its outlines."""
        if year not in self._files and not self._copy_files(year):
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
                self._say(f"{year_file(self.data_dir, year)} holds sessions that started in "
                          f"{where}; they are shown in their own year, and the next workout "
                          "moves them to that year's file")

    def outlines(self, year: int) -> list[SessionOutline]:
        """The year's sessions in outline (store.digest): from memory when the year's file is
        open already, else from its digest while that is current, else from the year file,
        and then a writer records the digest again (it was missing or out of date)."""
        if year in self._files or self._copy_files(year):
            return [outline(doc) for doc in self._of_year(year)]
        if self.legacy is None:
            path = year_file(self.data_dir, year)
            try:
                found = read_digest(path)
            except DigestInTheWay as exc:
                found = None
                if not self.writable:
                    self._say(f"{digest_path(path)} cannot be read ({exc}); it is left as it "
                              f"is, {path.name} is read instead, and the next workout moves "
                              "it aside")
            if found is not None:
                return found
        made = [outline(doc) for doc in self._of_year(year)]
        if self.writable and self.legacy is None:
            self.record_digest(year, made)
        return made

    def view(self, full_years: Iterable[int], latest: int = 0) -> list[SessionView]:
        """Every session, oldest first: full documents for `full_years` and for the years of
        the `latest` most recent sessions, outlines for the other years. Only what
        `core.progress` asks of all the years (streak, ladder, hold chart, the last day a
        routine was done) may be asked of the outlines."""
        full = set(full_years)
        parts: dict[int, list[SessionView]] = {}
        count = 0
        for year in reversed(self.years()):
            if count < latest:
                full.add(year)
            part: list[SessionView] = [*self._of_year(year)] if year in full else [
                *self.outlines(year)]
            parts[year] = part
            count += len(part)
        if self._strays_in is None and self.legacy is None:
            self._strays_in = {year: self._starts(year, part) for year, part in parts.items()}
            self._tell_strays()
        strays = self.strays()
        if not strays:
            return self._once([(year, parts[year]) for year in sorted(parts)])
        for year, found in strays.items():  # a session of a year shown in full: in full
            if year not in full and found & full:
                parts[year] = [*self._of_year(year)]
        return by_start(self._once([(year, parts[year]) for year in sorted(parts)]))

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
        for year in years:  # shown from a conflicted copy: its year's next write merges it
            found = self.year(year)
            for copy in self._copy_files(year) if found is not None else []:
                doc = copy.get(session_id)
                if found is not None and doc is not None:
                    return found, doc
        return None

    # -- writing -------------------------------------------------------------------------

    def add(self, document: SessionRecord) -> None:
        """Store one session in its year's file (one durable write), then its digest: under
        the folder's lock, the file read again if another process has replaced it since, and
        the year's conflicted copies merged in first (see the module docstring). First,
        sessions filed in the wrong year move to theirs (store.refile), so an edit of one
        lands where the session now is."""
        refile(self)
        year = year_of(document)
        self.path.mkdir(parents=True, exist_ok=True)
        with self.writing(year_file(self.data_dir, year)):
            found = self._current(year)
            self._merge_copies(year, found)
            found.add(document)
            self.record_digest(year)

    def _current(self, year: int) -> YearFile:
        """The year's file as it is on disk now (opened again if replaced since it was read,
        with every check of a first open: the other writer may be a sync tool)."""
        found = self.current_file(year, create=True)
        assert found is not None  # created if missing
        return found

    def current_file(self, year: int, *, create: bool = False) -> YearFile | None:
        """`_current` for a caller that holds `writing(year_file(…))` (store.refile): None
        when the year has no file and `create` is False."""
        cached = self._files.get(year)
        if cached is not None and cached.opened.existed and not cached.current():
            del self._files[year]
        return self.year(year, create=create)

    def record_digest(self, year: int, outlines: list[SessionOutline] | None = None) -> None:
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
        with contextlib.suppress(OSError), self.writing(found.path):
            if not found.current():  # another writer's version now: its digest is its own
                return
            notice = write_digest(found.path, outlines)
            if notice is not None:
                self._say(notice)
