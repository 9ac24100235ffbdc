"""Hypothesis mutates a valid history document (types, values, keys, nesting, duplicates) and
the commands read it: none crashes, every intact session is still listed, and every mutated
one is either listed or kept somewhere in the data folder byte for byte (issue 12).

The commands run in this process through `ankledesk.cli.main` (the same code a shell runs,
without a process start per example, so a hundred examples take seconds); the subprocess tests
in test_quarantine.py cover the same paths end to end.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankledesk.cli import main
from ankledesk.store.history import HISTORY_DIR, HISTORY_FILE
from tests.store.hostile import file_text
from tests.store.strategies import sessions

INTERNAL_ERROR = 70
KEYS = ["id", "routine_id", "routine_name", "routine", "started_at", "ended_at", "status",
        "steps", "rpe", "pain", "notes"]
STEP_KEYS = ["index", "round", "side", "mode", "actual_seconds", "outcome", "ended_at"]
ODD_VALUES = st.sampled_from([
    "null", "true", "0", "-1", "11", "1e400", "-1e400", "NaN", "Infinity", "1" + "0" * 5000,
    '""', '"soon"', '"\\u0000\\u001b[2J"', "[]", "{}", '[1,"a",null]', '{"a":{"b":[]}}',
    '"2026-02-30T07:00:00+01:00"', '"2026-11-16T07:00:00"', "12.5",
])


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _replace_member(text: str, key: str, value: str) -> str:
    """`text` (a compact object) with the first member `key` given the text `value`."""
    doc = json.loads(text)
    marker = "\x00MARK\x00"
    doc[key] = marker
    return _compact(doc).replace(json.dumps(marker), value, 1)


@st.composite
def mutations(draw: st.DrawFn, doc: dict[str, Any], keys: list[str]) -> tuple[str, str]:
    """(session text, session key) after one mutation of `doc`."""
    text = _compact(doc)
    kind = draw(st.sampled_from(["type or value", "step value", "drop key", "extra key",
                                 "nesting", "duplicate member", "duplicate key"]))
    key = draw(st.sampled_from(keys))
    if kind == "type or value":
        return _replace_member(text, draw(st.sampled_from(KEYS)), draw(ODD_VALUES)), key
    if kind == "step value" and doc["steps"]:  # (no steps: falls through to a duplicate key)
        steps = json.loads(text)["steps"]
        n = draw(st.integers(0, len(steps) - 1))
        step_text = _replace_member(_compact(steps[n]), draw(st.sampled_from(STEP_KEYS)),
                                    draw(ODD_VALUES))
        inner = "[" + ",".join(step_text if i == n else _compact(s)
                               for i, s in enumerate(steps)) + "]"
        return _replace_member(text, "steps", inner), key
    if kind == "drop key":
        victim = draw(st.sampled_from(KEYS))
        return _compact({k: v for k, v in doc.items() if k != victim}), key
    if kind == "extra key":
        return text[:-1] + ',"future":' + draw(ODD_VALUES) + "}", key
    if kind == "nesting":
        depth = draw(st.sampled_from([50, 1_500, 100_000]))
        where = draw(st.sampled_from(["notes", "rpe", "steps"]))
        return _replace_member(text, where, "[" * depth + "]" * depth), key
    if kind == "duplicate member":
        victim = draw(st.sampled_from(KEYS))
        return text[:-1] + f",{json.dumps(victim)}:" + draw(ODD_VALUES) + "}", key
    # A duplicate key: another session's, the same number written "01", or no number at all.
    return text, draw(st.sampled_from([*keys, "0" + keys[0], "x"]))


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _kept_anywhere(folder: Path, text: str) -> bool:
    needle = text.encode("utf-8")
    return any(needle in p.read_bytes() for p in folder.rglob("*") if p.is_file())


# The history as AnkleDesk kept it before the split into years, and a year's file of today.
WHERE = [HISTORY_FILE, f"{HISTORY_DIR}/2026.json"]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(docs=st.lists(sessions(status="finished"), min_size=2, max_size=4,
                     unique_by=lambda d: d["id"]),
       data=st.data())
def test_no_mutation_crashes_a_command_or_loses_a_session(docs: list[dict[str, Any]],
                                                          data: st.DataObject) -> None:
    keys = [str(n + 1) for n in range(len(docs))]
    victim = data.draw(st.integers(0, len(docs) - 1))
    mutated, mutated_key = data.draw(mutations(docs[victim], keys))
    rows = [(key, mutated if n == victim else _compact(doc))
            for n, (key, doc) in enumerate(zip(keys, docs, strict=True))]
    if mutated_key != keys[victim]:
        rows[victim] = (mutated_key, mutated)
    intact = [doc for n, doc in enumerate(docs) if n != victim]
    where = data.draw(st.sampled_from(WHERE))

    folder = Path(tempfile.mkdtemp(prefix="ankledesk-mutation-"))
    try:
        original = file_text(rows).encode("utf-8")
        (folder / where).parent.mkdir(exist_ok=True)
        (folder / where).write_bytes(original)
        base = ("--data-dir", str(folder))
        for command in (("history", "--json"), ("history", "summary"), ("history", "--csv")):
            code, _, err = _run(*base, *command)
            assert code != INTERNAL_ERROR and "internal error" not in err, (command, err)
        assert (folder / where).read_bytes() == original  # readers change nothing

        code, out, err = _run(*base, "history", "--json")
        assert code == 0, err
        listed = json.loads(out)
        for doc in intact:
            assert doc in listed
        assert len(listed) == len(docs) or _kept_anywhere(folder, mutated)

        code, _, err = _run(*base, "simulate", "big-toe-strength", "--speed", "50000")
        assert code == 0, err
        code, out, err = _run(*base, "history", "--json")
        assert code == 0, err
        listed = json.loads(out)
        for doc in intact:
            assert doc in listed
        assert len(listed) == len(docs) + 1 or _kept_anywhere(folder, mutated)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
