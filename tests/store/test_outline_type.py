"""SessionOutline declares what a digest keeps, and nothing counts from an outline.

Before, outlines went about typed as whole session documents (`cast(SessionRecord, …)`), so
nothing stopped a count of sets or minutes from being taken from a year read in outline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ankledesk.core.records import OutlineStep, SessionOutline, in_full, is_full
from ankledesk.store import digest
from ankledesk.store.session_store import SessionStore
from tests.report.factories import BIG_TOE, session

TZ = dt.timezone(dt.timedelta(hours=1))


def test_the_outline_type_declares_exactly_what_a_digest_keeps():
    assert set(SessionOutline.__annotations__) == {*digest._SESSION_KEYS, "steps"}
    assert set(OutlineStep.__annotations__) == set(digest._HOLD_KEYS)
    assert set(OutlineStep.__required_keys__) == set(digest._OTHER_KEYS)


def test_a_view_gives_outlines_for_the_years_it_does_not_show(data_dir):
    old = session(dt.datetime(2024, 3, 4, 7, tzinfo=TZ), items=BIG_TOE, rounds=1)
    new = session(dt.datetime(2026, 11, 17, 7, tzinfo=TZ), items=BIG_TOE, rounds=1)
    with SessionStore.open(data_dir) as store:
        store.history.add(old)
        store.history.add(new)
        outline, whole = store.view([2026], include_in_progress=False)
    assert not is_full(outline) and set(outline) == set(SessionOutline.__annotations__)
    assert is_full(whole) and whole == new
    assert in_full([whole]) == [new]
    with pytest.raises(ValueError, match=f"session {old['id']} .* is an outline"):
        in_full([outline, whole])
