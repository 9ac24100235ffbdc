"""The session document's one declaration (core.records) agrees with what the store builds and
with what it accepts from disk."""

from __future__ import annotations

import copy

import pytest

from ankledesk.core.engine import Engine
from ankledesk.core.plan import expand
from ankledesk.core.records import SESSION_KEYS, STEP_KEYS, SessionRecord, StepRecord
from ankledesk.store.documents import (
    ShapeError,
    WallClock,
    check_session,
    new_session,
    step_record,
)
from tests.core.factories import simple
from tests.store.strategies import session_at, step

ROUTINE = simple()


def _first_record() -> StepRecord:
    engine = Engine(expand(ROUTINE))
    wall = WallClock.now(0.0)
    now = 0.0
    engine.start(now)
    while True:
        now = engine.next_wake(now)
        for event in engine.poll(now):
            if event.kind == "step_finished" and event.step.is_work:
                return step_record(event, wall)


def test_the_records_declare_every_key_the_store_writes() -> None:
    document = new_session(ROUTINE)
    assert set(document) == set(SESSION_KEYS) == SessionRecord.__required_keys__
    assert SessionRecord.__optional_keys__ == {"drill_notes"}  # only where a note was made
    record = _first_record()
    assert set(record) == set(STEP_KEYS) == set(StepRecord.__annotations__)
    check_session({**document, "steps": [record]})
    check_session({**document, "steps": [record], "drill_notes": {"toe-hold": "easy"}})
    with pytest.raises(ShapeError, match="drill_notes"):
        check_session({**document, "drill_notes": {"toe-hold": 3}})


@pytest.mark.parametrize("key", SESSION_KEYS)
def test_a_session_without_a_declared_key_is_refused(key: str) -> None:
    doc = session_at("2026-11-16T07:00:00+01:00", steps=[step(1, "toe-hold")])
    check_session(doc)
    del doc[key]
    with pytest.raises(ShapeError, match=f"session lacks {key}$"):
        check_session(doc)


@pytest.mark.parametrize("key", STEP_KEYS)
def test_a_step_without_a_declared_key_is_refused(key: str) -> None:
    doc = session_at("2026-11-16T07:00:00+01:00", steps=[step(1, "toe-hold")])
    broken = copy.deepcopy(doc)
    del broken["steps"][0][key]
    with pytest.raises(ShapeError, match=rf"session\.steps\[0\] lacks {key}$"):
        check_session(broken)
