"""Damage anywhere in a file: the salvage never crashes, never loses a session it did not have
to, and never keeps one that fails its checks (issue 20, point 5). In-process, on bytes: the
files on disk are tests/store/test_salvage.py's subject."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ankledesk.store.documents import ShapeError, check_session
from ankledesk.store.reading import Reading, Unparsed, read_tables
from ankledesk.store.salvage import salvage
from ankledesk.store.storage import dumps
from tests.store.hostile import JOURNAL_META, file_text, good_sessions, history_text
from tests.store.strategies import step

DOCS = good_sessions(6)
RAW = history_text(DOCS).encode()
SPANS = []  # each session's member, from the comma before it to the end of its value
for n, doc in enumerate(DOCS):
    start = RAW.index(json.dumps(doc).encode())
    SPANS.append((RAW.rindex(b"," if n else b"{", 0, start), start + len(json.dumps(doc))))
TABLE_START = RAW.index(b'"sessions":{') + len(b'"sessions":{')


def _read(raw: bytes, kind: str = "history") -> Reading:
    try:
        return read_tables(raw, kind)  # type: ignore[arg-type]
    except Unparsed as exc:
        return salvage(raw, kind, exc)  # type: ignore[arg-type]


def _check(reading: Reading) -> list[dict]:
    kept = list(reading.tables["sessions"].values())
    for doc in kept:
        check_session(doc)
    return kept


@settings(max_examples=400, deadline=None)
@given(at=st.integers(TABLE_START, len(RAW)), junk=st.binary(max_size=16),
       drop=st.integers(0, 40))
def test_junk_or_a_hole_costs_only_the_sessions_it_touches(at: int, junk: bytes,
                                                           drop: int) -> None:
    raw = RAW[:at] + junk + RAW[at + drop:]
    try:
        kept = _check(_read(raw))
    except ShapeError as exc:
        raise AssertionError(f"the whole file was set aside: {exc}") from None
    touched = [n for n, (s, e) in enumerate(SPANS) if not (e <= at or s >= at + drop)]
    for n, doc in enumerate(DOCS):
        if n not in touched:
            assert doc in kept


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(TABLE_START, len(RAW)), pad=st.sampled_from([b"", b"\0" * 512]))
def test_a_cut_anywhere_keeps_every_session_before_it(cut: int, pad: bytes) -> None:
    kept = _check(_read(RAW[:cut] + pad))
    assert kept[:len([e for _, e in SPANS if e <= cut])] == [
        doc for doc, (_, e) in zip(DOCS, SPANS, strict=True) if e <= cut]


SETS = [step(2 * k + 1, "toe-hold", side="left") for k in range(6)]
JOURNAL_DOC = {**DOCS[0], "status": "in_progress", "ended_at": None, "steps": SETS,
               "resume_index": 13}
JOURNAL = file_text([("1", dumps(JOURNAL_DOC).decode())], meta=JOURNAL_META).encode()
FIRST_SET = JOURNAL.index(dumps(SETS[0]))


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(FIRST_SET, len(JOURNAL)))
def test_a_journal_cut_anywhere_in_its_sets_keeps_every_set_before_it(cut: int) -> None:
    reading = _read(JOURNAL[:cut], "journal")
    [doc] = _check(reading)
    whole = [s for s in SETS if JOURNAL.index(dumps(s)) + len(dumps(s)) <= cut]
    assert doc["steps"] == whole
    if b'"resume_index":13}' in JOURNAL[:cut]:
        assert doc["resume_index"] == 13
    else:  # lost (or cut short: `13` cut to `1`): after the set that ended last
        assert doc["resume_index"] == (whole[-1]["index"] + 1 if whole else 0)
