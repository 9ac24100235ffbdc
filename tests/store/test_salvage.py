"""A half-bad file costs only its bad part (issue 20, point 5).

Each kind of damage a person or a crash leaves (one Latin-1 byte, a byte-order mark, a `//`
comment, a comma too many, trailing NULs, a cut mid-session, garbage in one session) is
planted in a real year file of many sessions and in a real journal written by `simulate`. The
real commands then read it (one warning line, no traceback, the file left as it is), and a
writer repairs it: every intact session is compared field by field with the original, the bad
part's bytes are looked for in the quarantine file, the original is compared byte for byte
with the copy kept aside, and the journal is resumed by `simulate --resume`. Before this, each
of these files was set aside whole after one warning (the journal's workout lost for good)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.session_store import SessionStore
from ankledesk.store.storage import dumps
from tests.conftest import run_cli
from tests.store.helpers import year_path
from tests.store.hostile import aside_files, good_sessions, history_text, quarantine_files

N = 40
BAD = 17  # the damaged session's place
CUT = 30  # the session a cut falls in
FAST = "20000"
NOTE = "Stairs at the café after"
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Damaged:
    """A damaged file: its bytes, the sessions (or sets) a salvage must keep, the bad part's
    exact bytes (None: nothing to set aside) and whether the file is simply fine."""

    raw: bytes
    kept: list[dict]
    bad: bytes | None = None
    healthy: bool = False


def _year_docs() -> list[dict]:
    docs = good_sessions(N)
    docs[BAD]["notes"] = NOTE
    return docs


def _span(raw: bytes, doc: dict) -> tuple[int, int]:
    text = json.dumps(doc, ensure_ascii=False).encode()
    start = raw.index(text)
    return start, start + len(text)


def _in(raw: bytes, span: tuple[int, int], old: bytes, new: bytes) -> bytes:
    """`raw` with the first `old` inside `span` replaced by `new`."""
    at = raw.index(old, *span)
    return raw[:at] + new + raw[at + len(old):]


def _year_damage(kind: str) -> Damaged:
    docs = _year_docs()
    raw = history_text(docs).encode()
    span = _span(raw, docs[BAD])
    if kind == "a Latin-1 é":
        return Damaged(raw.replace(NOTE.encode(), NOTE.encode("latin-1")), docs)
    if kind == "a byte-order mark":
        return Damaged(BOM + raw, docs, healthy=True)
    if kind == "trailing NULs":
        return Damaged(raw + b"\0" * 4096, docs, healthy=True)
    if kind == "// comments":
        raw = _in(raw, span, b'"rpe": 5,', b'"rpe": 5, // felt harder than 5\n')
        after = _span(raw, docs[BAD + 1])[0]
        return Damaged(raw[:after] + b"// typed in by hand:\n" + raw[after:], docs)
    if kind == "commas too many":
        raw = _in(raw, span, b"}]", b"},]")  # after the session's last set
        return Damaged(raw[:-2] + b",}}", docs)  # and after the last session
    if kind == "a cut mid-session":
        start, end = _span(raw, docs[CUT])
        cut = raw[:(start + end) // 2]
        return Damaged(cut, docs[:CUT], bad=cut[start:].rstrip())
    if kind == "garbage in one session":
        raw = _in(raw, span, b'"pain": false', b'"pain": fa@#!{[lse')
        bad = raw[span[0]:span[1] + len(b"@#!{[")]
        return Damaged(raw, docs[:BAD] + docs[BAD + 1:], bad=bad)
    raise AssertionError(kind)


KINDS = ["a Latin-1 é", "a byte-order mark", "// comments", "commas too many", "trailing NULs",
         "a cut mid-session", "garbage in one session"]


def _warnings(stderr: str) -> list[str]:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return [line for line in stderr.splitlines() if line]


def _counts(damaged: Damaged, unit: str) -> str:
    bad = "none set aside" if damaged.bad is None else "1 set aside in "
    return f"{len(damaged.kept)} {unit}{'s' if len(damaged.kept) != 1 else ''}, {bad}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_reader_shows_every_intact_session_of_a_damaged_year_and_changes_nothing(
        cli, data_dir: Path, kind: str) -> None:
    damaged = _year_damage(kind)
    path = year_path(data_dir)
    path.write_bytes(damaged.raw)

    run = cli("history", "--json")
    assert run.returncode == 0, run.stderr
    shown = json.loads(run.stdout)
    assert len(shown) == len(damaged.kept)
    for found, original in zip(shown, damaged.kept, strict=True):
        assert found == original  # every field, the é included
    warnings = _warnings(run.stderr)
    if damaged.healthy:
        assert warnings == []  # a BOM and NULs are read as if absent
    else:
        [warning] = warnings
        assert str(path) in warning and "damaged near byte" in warning
        assert f"showing {_counts(damaged, 'session')}" in warning and "left as it is" in warning
    assert path.read_bytes() == damaged.raw  # a reader changes nothing…
    assert aside_files(data_dir, "2026") == []
    if damaged.bad is None:
        assert quarantine_files(data_dir) == []
    else:  # …but the quarantine copy, holding the bad part byte for byte
        [quarantine] = quarantine_files(data_dir)
        assert damaged.bad in quarantine.read_bytes() and str(quarantine) in warning

    run = cli("history")  # the plain list too: one line per session kept
    assert run.returncode == 0 and len(_warnings(run.stderr)) == (0 if damaged.healthy else 1)
    assert len(run.stdout.splitlines()) == len(damaged.kept)


@pytest.mark.parametrize("kind", KINDS)
def test_a_writer_keeps_every_intact_session_and_sets_aside_only_the_bad_part(
        data_dir: Path, kind: str) -> None:
    damaged = _year_damage(kind)
    path = year_path(data_dir)
    path.write_bytes(damaged.raw)

    with SessionStore.open(data_dir) as store:
        sessions = store.sessions(years=[2026])
        notices = store.notices
    assert len(sessions) == len(damaged.kept)
    for found, original in zip(sessions, damaged.kept, strict=True):
        assert found == original
    if damaged.healthy:
        assert notices == [] and aside_files(data_dir, "2026") == []
        assert path.read_bytes() == damaged.raw  # nothing to repair: left as it is
        return
    [notice] = notices
    [aside] = aside_files(data_dir, "2026")
    assert aside.read_bytes() == damaged.raw  # the original, byte for byte
    assert f"kept {_counts(damaged, 'session')}" in notice and str(aside) in notice
    if kind == "a Latin-1 é":
        byte = damaged.raw.index(b"\xe9")
        assert f"near byte {byte} (a byte 0xE9 that is not UTF-8 (read as 'é'))" in notice
    if damaged.bad is None:
        assert quarantine_files(data_dir) == []
    else:
        [quarantine] = quarantine_files(data_dir)
        assert damaged.bad in quarantine.read_bytes() and str(quarantine) in notice
    # The intact part is written back as a clean year file, which opens without a word.
    clean = json.loads(path.read_bytes().decode("utf-8"))
    assert list(clean["sessions"].values()) == damaged.kept
    with SessionStore.open(data_dir) as store:
        assert store.sessions(years=[2026]) == damaged.kept
        assert store.notices == []


def test_the_notice_names_the_damage_the_counts_and_both_files(cli, data_dir: Path) -> None:
    """The issue's example, as the user reads it from the next workout."""
    damaged = _year_damage("garbage in one session")
    path = year_path(data_dir)
    path.write_bytes(damaged.raw)
    run = cli("simulate", "big-toe-strength", "--speed", FAST, "--at", "2026-12-01T07:00")
    assert run.returncode == 0, run.stderr
    [warning] = _warnings(run.stderr)
    [quarantine] = quarantine_files(data_dir)
    [aside] = aside_files(data_dir, "2026")
    byte = damaged.raw.index(b"fa@#!")  # where `false` stops being JSON
    assert re.fullmatch(
        rf"warning: {re.escape(str(path))} was damaged near byte {byte} \(text that is not "
        rf"JSON\): kept {N - 1} sessions, 1 set aside in {re.escape(str(quarantine))}; the file "
        rf"as it was is kept as {re.escape(str(aside))}", warning), warning
    ids = [d["id"] for d in json.loads(cli("history", "--json").stdout)]
    assert ids[:N - 1] == [d["id"] for d in damaged.kept] and len(ids) == N


# -- the journal -------------------------------------------------------------------------------

SETS_BEFORE_THE_CRASH = 5
ROUTINE_SETS = 8  # big-toe-strength: one hold, each side, four rounds


@pytest.fixture(scope="module")
def journal_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real journal: `simulate` killed after five sets, with a note (as the app writes it)."""
    folder = tmp_path_factory.mktemp("crashed")
    run = run_cli("simulate", "big-toe-strength", "--speed", FAST, "--at", "2026-11-20T07:00",
                  "--stop-after-steps", str(SETS_BEFORE_THE_CRASH), data_dir=folder)
    assert run.returncode == 3, run.stderr
    tables = json.loads((folder / JOURNAL_FILE).read_bytes())
    [doc] = tables["sessions"].values()
    doc["notes"] = NOTE
    return dumps(tables)


def _sets(raw: bytes) -> list[dict]:
    [doc] = json.loads(raw)["sessions"].values()
    return doc["steps"]


def _journal_damage(kind: str, raw: bytes) -> Damaged:
    sets = _sets(raw)
    texts = [dumps(s) for s in sets]
    if kind == "a Latin-1 é":
        return Damaged(raw.replace(NOTE.encode(), NOTE.encode("latin-1")), sets)
    if kind == "a byte-order mark":
        return Damaged(BOM + raw, sets, healthy=True)
    if kind == "trailing NULs":
        return Damaged(raw + b"\0" * 4096, sets, healthy=True)
    if kind == "// comments":
        at = raw.index(texts[2])
        return Damaged(raw[:at] + b"// the third set\n" + raw[at:], sets)
    if kind == "commas too many":
        return Damaged(raw.replace(texts[-1] + b"]", texts[-1] + b",]"), sets)
    if kind == "a cut mid-session":  # a cut mid-set: the journal holds one session
        start = raw.index(texts[3])
        cut = raw[:start + len(texts[3]) // 2]
        return Damaged(cut, sets[:3], bad=cut[start:])
    if kind == "garbage in one session":  # in one of its sets
        bad = texts[1].replace(b'"outcome":"done"', b'"outcome":"done"@#!{[')
        return Damaged(raw.replace(texts[1], bad), sets[:1] + sets[2:], bad=bad)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_journal_keeps_its_intact_sets_and_the_workout_resumes(
        cli, data_dir: Path, journal_bytes: bytes, kind: str) -> None:
    damaged = _journal_damage(kind, journal_bytes)
    journal = data_dir / JOURNAL_FILE
    journal.write_bytes(damaged.raw)

    run = cli("history", "--json")  # the cut-short workout is listed, its intact sets with it
    assert run.returncode == 0, run.stderr
    [leftover] = json.loads(run.stdout)
    assert leftover["status"] == "in_progress" and leftover["steps"] == damaged.kept
    if kind != "a cut mid-session":  # (a cut takes the note with it)
        assert leftover["notes"] == NOTE
    warnings = _warnings(run.stderr)
    assert len(warnings) == (0 if damaged.healthy else 1)
    if not damaged.healthy:
        assert f"showing its session with {len(damaged.kept)} set" in warnings[0]
    assert journal.read_bytes() == damaged.raw

    run = cli("simulate", "--resume", "--speed", FAST)
    assert run.returncode == 0, run.stderr
    assert f"({len(damaged.kept)} of {ROUTINE_SETS} sets already done)" in run.stdout
    warnings = _warnings(run.stderr)
    if damaged.healthy:
        assert warnings == [] and aside_files(data_dir, "journal") == []
    else:
        [warning] = warnings
        [aside] = aside_files(data_dir, "journal")
        assert aside.read_bytes() == damaged.raw  # the journal as it was, byte for byte
        s = "s" if len(damaged.kept) != 1 else ""
        assert f"kept its session with {len(damaged.kept)} set{s}, " in warning
        assert str(aside) in warning
        if damaged.bad is not None:
            [quarantine] = quarantine_files(data_dir, "journal")
            assert damaged.bad in quarantine.read_bytes() and str(quarantine) in warning
        else:
            assert "none set aside" in warning

    [stored] = json.loads(cli("history", "--json").stdout)
    assert stored["id"] == leftover["id"] and stored["status"] == "finished"
    assert stored["steps"][:len(damaged.kept)] == damaged.kept  # every field of every set
    resumed_at = max(s["index"] for s in damaged.kept) + 1
    assert all(s["index"] >= resumed_at for s in stored["steps"][len(damaged.kept):])
    lost = len(_sets(journal_bytes)) - len(damaged.kept)
    expected = ROUTINE_SETS - (lost if kind == "garbage in one session" else 0)
    assert len(stored["steps"]) == expected  # a cut redoes the sets it took; garbage does not
    assert not journal.exists()
