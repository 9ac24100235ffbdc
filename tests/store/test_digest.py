"""The per-year digests (issue 12, point 9): outlines answer every all-years question exactly as
the full documents do; a lost, damaged or stale digest is rebuilt from its year file and loses
nothing; a week reads its own year in full and only the digests of the others; a finish writes
its own year's file and digest and nothing of the other years."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankledesk.core import progress
from ankledesk.core.suggest import _last_done
from ankledesk.core.weeks import Week
from ankledesk.report.charts import hold_series
from ankledesk.store.digest import digest_path, outline
from ankledesk.store.documents import WallClock
from ankledesk.store.history import History, year_file, year_of
from ankledesk.store.session_store import SessionStore
from tests.core.factories import simple
from tests.store import strategies

DRILLS = ["big-toe-raise-hold", "big-toe-raise-hold-weighted", "big-toe-step-edge-hold",
          "calf-raise"]
GOALS = {"big-toe-raise-hold": 30.0, "big-toe-raise-hold-weighted": 60.0}


@st.composite
def ladder_sessions(draw: st.DrawFn) -> dict:
    """Any session whose steps use a few drills of the ladder (so the questions meet)."""
    doc = draw(strategies.sessions())
    for step in doc["steps"]:
        step["drill_id"] = draw(st.sampled_from(DRILLS))
        step["name"] = step["drill_id"]
    return doc


def _answers(docs: list[dict], week: progress.IsoWeek) -> tuple:
    ordered = progress.oldest_first(docs)
    return (
        progress.finished_per_week(ordered),
        progress.weekly_streak(ordered, 2, today=week.sunday, through=week),
        progress.progression_hints(ordered, goals=GOALS),
        [progress.best_hold_per_session(ordered, d) for d in DRILLS],
        hold_series(ordered, Week.of(week.monday)),
        _last_done(ordered),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ladder_sessions(), max_size=12), st.data())
def test_outlines_answer_every_all_years_question_as_the_documents_do(docs, data) -> None:
    days = [progress.session_day(d) for d in docs] or [dt.date(2026, 11, 18)]
    week = progress.IsoWeek.of(data.draw(st.sampled_from(days)))
    assert _answers([outline(d) for d in docs], week) == _answers(docs, week)


def _session(day: dt.date, n: int) -> dict:
    doc = strategies.session_at(f"{day}T07:00:00+01:00", steps=[
        strategies.step(0, "big-toe-raise-hold", seconds=20.0 + n),
        strategies.step(1, "calf-raise", mode="reps", reps=10)])
    return {**doc, "id": f"{day}-{n}"}


def _three_years(folder: Path) -> list[dict]:
    history = History(folder, writable=True)
    docs = [_session(dt.date(year, month, 3), n) for n, (year, month) in enumerate(
        (y, m) for y in (2024, 2025, 2026) for m in (2, 6, 10))]
    for doc in docs:
        history.add(doc)
    return docs


def _view(folder: Path, full: set[int]) -> tuple[list[dict], list[str]]:
    with SessionStore.open(folder, read_only=True) as store:
        found = store.view(full)
        return found, store.notices


def test_a_week_reads_its_year_in_full_and_the_other_years_in_outline(tmp_path: Path) -> None:
    docs = _three_years(tmp_path)
    with SessionStore.open(tmp_path, read_only=True) as store:
        found = store.view({2026})
        assert sorted(store.history._files) == [2026]  # no other year file was opened
    assert [d["id"] for d in found] == [d["id"] for d in docs]
    assert found[-3:] == docs[-3:]  # this year's, in full
    assert found[:-3] == [outline(d) for d in docs[:-3]]


def test_a_lost_or_damaged_digest_is_rebuilt_and_loses_nothing(tmp_path: Path) -> None:
    docs = _three_years(tmp_path)
    expected = [outline(d) for d in docs]
    digest_path(year_file(tmp_path, 2024)).unlink()
    digest_path(year_file(tmp_path, 2025)).write_bytes(b'{"digest": 1, "of": [1, 2')
    found, notices = _view(tmp_path, set())
    assert found == expected and notices == []
    assert not digest_path(year_file(tmp_path, 2024)).exists()  # a reader writes nothing
    with SessionStore.open(tmp_path) as store:  # a writer records them again
        assert store.view(set()) == expected
    for year in (2024, 2025):
        recorded = json.loads(digest_path(year_file(tmp_path, year)).read_text())
        assert recorded["sessions"] == [outline(d) for d in docs if year_of(d) == year]
    assert _view(tmp_path, set())[0] == expected


def test_a_year_file_changed_by_hand_makes_its_digest_stale(tmp_path: Path) -> None:
    docs = _three_years(tmp_path)
    path = year_file(tmp_path, 2025)
    tables = json.loads(path.read_text())
    first = next(iter(tables["sessions"]))
    tables["sessions"][first]["status"] = "abandoned"  # an edit the digest has not seen
    path.write_text(json.dumps(tables))
    found, _ = _view(tmp_path, set())
    changed = [d for d in found if d["status"] == "abandoned"]
    assert [d["id"] for d in changed] == [docs[3]["id"]]


def test_a_finish_writes_its_own_year_and_nothing_of_the_others(tmp_path: Path) -> None:
    _three_years(tmp_path)
    others = [p for p in (tmp_path / "history").iterdir() if not p.name.startswith("2026")]
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in others}
    with SessionStore.open(tmp_path) as store:
        active = store.begin(simple(), WallClock(0.0, dt.datetime(2026, 11, 18, 7, tzinfo=(
            dt.timezone(dt.timedelta(hours=1))))))
        active.finish(at=60.0)
        assert sorted(store.history._files) == [2026]
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in others} == before
    assert len(History(tmp_path, writable=False).sessions([2026])) == 4


def test_with_every_year_open_changes_leave_the_other_years_digests_alone(
        tmp_path: Path) -> None:
    """The History screen opens every year; Today's refresh after each change must then take
    the outlines from memory, not write every year's digest again."""
    docs = _three_years(tmp_path)
    others = [p for p in (tmp_path / "history").iterdir() if not p.name.startswith("2026")]
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in others}
    with SessionStore.open(tmp_path) as store:
        store.sessions(include_in_progress=False)  # every year open, as History shows them
        assert store.view({2026}) == [*(outline(d) for d in docs[:-3]), *docs[-3:]]
        assert store.history.find(docs[0]["id"]) is not None
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in others} == before


def test_history_summary_and_export_agree_with_the_whole_history(cli, data_dir: Path,
                                                                 tmp_path: Path) -> None:
    """The streak of ten weeks across New Year, from outlines of last year and this year's
    file, is what the full documents say."""
    history = History(data_dir, writable=True)
    rng = random.Random(12)
    monday = dt.date(2025, 11, 3)
    for week in range(10):
        for n in range(2):
            day = monday + dt.timedelta(days=7 * week + rng.randrange(3) + 3 * n)
            history.add(_session(day, week * 2 + n))
    run = cli("history", "summary", "--week", "2026-W02", "--json")
    assert run.returncode == 0, run.stderr
    full = History(data_dir, writable=False).sessions()
    streak = progress.weekly_streak(full, through=progress.IsoWeek.parse("2026-W02"))
    assert json.loads(run.stdout)["streak_weeks"] == streak.weeks == 10
