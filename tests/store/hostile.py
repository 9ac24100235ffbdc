"""Hand-written data files for the adversarial tests: each session's text chosen exactly, so a
test can plant one bad record among good ones and then look for its bytes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ankledesk.store.documents import SCHEMA_VERSION
from tests.store.strategies import session_at, step

META = json.dumps({"1": {"schema_version": SCHEMA_VERSION, "kind": "history"}})
JOURNAL_META = json.dumps({"1": {"schema_version": SCHEMA_VERSION, "kind": "journal"}})


def good_sessions(n: int, *, start: dt.date = dt.date(2026, 9, 1)) -> list[dict]:
    """`n` valid finished sessions, one a day, each with two sets and a distinct id."""
    docs = []
    for k in range(n):
        when = f"{start + dt.timedelta(days=k)}T07:00:00+01:00"
        doc = session_at(when, rpe=5, steps=[step(0, "toe-hold", side="left"),
                                             step(2, "toe-hold", side="right")])
        docs.append({**doc, "id": f"good-{k:03d}"})
    return docs


def file_text(rows: list[tuple[str, str]], meta: str = META) -> str:
    """A data file whose sessions table holds `rows` (key, value text) in this order,
    duplicates and all."""
    body = ",".join(f"{json.dumps(key)}:{value}" for key, value in rows)
    return f'{{"meta":{meta},"sessions":{{{body}}}}}'


def history_text(docs: list[dict], planted: dict[int, str] | None = None) -> str:
    """Sessions keyed 1..n; `planted[i]` replaces the text of the i-th (0-based) session."""
    planted = planted or {}
    return file_text([(str(n + 1), planted.get(n, json.dumps(doc, ensure_ascii=False)))
                      for n, doc in enumerate(docs)])


def quarantine_files(folder: Path, stem: str = "*") -> list[Path]:
    """Quarantine files in the data folder or its history folder (a year's, history.json's)."""
    return sorted(folder.rglob(f"{stem}.quarantine-*.json"))


def aside_files(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.rglob(f"{stem}.corrupt-*.json"))


def kept_anywhere(folder: Path, text: str) -> bool:
    """Whether `text`'s exact bytes are in some file of the data folder or its history."""
    needle = text.encode("utf-8")
    return any(needle in p.read_bytes() for p in folder.rglob("*") if p.is_file())
