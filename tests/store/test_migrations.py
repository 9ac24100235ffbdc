"""Each schema migration N → N+1 on a real file of version N, and the upgrade on open."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from ankledesk.core.plan import expand
from ankledesk.store.documents import SCHEMA_VERSION, check_session
from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.migrations import MIGRATIONS, migrate
from ankledesk.store.reading import check_tables
from ankledesk.store.session_store import SessionStore
from tests.core.factories import drill, item, routine, simple


def _v1_step(step, outcome: str = "done") -> dict[str, Any]:
    reps = step.mode == "reps"
    return {"round": step.round, "drill_id": step.drill_id, "side": step.side,
            "mode": step.mode, "target_seconds": None if reps else step.seconds,
            "target_reps": step.target_reps if reps else None,
            "actual_seconds": 40.0, "actual_reps": step.target_reps if reps else None,
            "outcome": outcome, "ended_at": "2026-11-16T07:05:00+01:00"}


def _v1_file(kind: str, docs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"meta": {"1": {"schema_version": 1, "kind": kind}},
            "sessions": {str(n): d for n, d in enumerate(docs, 1)}}


def _v1_session(the_routine, steps: list[dict[str, Any]], sid: str = "a" * 32) -> dict:
    return {"id": sid, "routine_id": the_routine.id, "routine_name": the_routine.name,
            "routine": the_routine.to_snapshot(), "started_at": "2026-11-16T07:00:00+01:00",
            "ended_at": "2026-11-16T07:30:00+01:00", "status": "finished", "steps": steps,
            "rpe": 6, "pain": False, "notes": "felt good"}


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_v1_to_v2_gives_each_step_its_plan_index_and_drill_name() -> None:
    the_routine = simple()
    work = expand(the_routine).work_steps
    steps = [_v1_step(s) for s in work]
    # Stored out of order, as a v1 file might hold them.
    v1 = _v1_file("history", [_v1_session(the_routine, steps[::-1])])
    before = copy.deepcopy(v1)

    v2 = MIGRATIONS[1](copy.deepcopy(v1))

    [doc] = v2["sessions"].values()
    assert [s["index"] for s in doc["steps"]] == [s.index for s in work]
    assert [s["name"] for s in doc["steps"]] == [s.name for s in work]
    # Nothing else changed, nothing dropped.
    for new, old in zip(doc["steps"], steps, strict=True):
        assert {k: v for k, v in new.items() if k not in ("index", "name")} == old
    assert {k: v for k, v in doc.items() if k != "steps"} == {
        k: v for k, v in before["sessions"]["1"].items() if k != "steps"}


def test_v1_to_v2_tells_apart_a_drill_that_appears_twice() -> None:
    hold = drill("toe-hold", "hold", 30)
    twice = routine((hold, item(hold)), (hold, item(hold, 60)), rounds=1)
    work = expand(twice).work_steps
    v2 = MIGRATIONS[1](_v1_file("history", [_v1_session(twice, [_v1_step(s) for s in work])]))
    assert [s["index"] for s in v2["sessions"]["1"]["steps"]] == [s.index for s in work]


def test_v1_to_v2_keeps_steps_it_cannot_place() -> None:
    the_routine = simple()
    orphan = {**_v1_step(expand(the_routine).work_steps[0]), "drill_id": "gone", "round": 9}
    broken = _v1_session(the_routine, [orphan])
    broken["routine"] = {"id": "x"}  # a snapshot that no longer expands
    v2 = MIGRATIONS[1](_v1_file("history", [broken]))
    [step] = v2["sessions"]["1"]["steps"]
    assert step["name"] == "gone" and step["index"] >= 0
    check_session(v2["sessions"]["1"])


def test_migrate_runs_every_step_and_sets_the_version() -> None:
    the_routine = simple()
    v1 = _v1_file("journal", [{**_v1_session(the_routine, []), "status": "in_progress",
                                "ended_at": None}])
    current = migrate(v1, 1)
    assert current["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    check_tables(current, "journal")
    assert v1["meta"]["1"]["schema_version"] == 1  # the input is left as it was


def test_an_old_history_is_upgraded_on_open_and_the_original_kept(data_dir: Path) -> None:
    the_routine = simple()
    work = expand(the_routine).work_steps
    raw = json.dumps(_v1_file("history", [_v1_session(the_routine, [_v1_step(s)
                                                                    for s in work])]))
    (data_dir / HISTORY_FILE).write_text(raw)
    with SessionStore.open(data_dir) as store:
        upgraded, split = store.notices  # upgraded, then split into years
        [backup] = data_dir.glob("history.schema1-*.json")
        assert backup.read_text() == raw
        assert str(backup) in upgraded and "split into one file per year" in split
        [doc] = store.sessions()
        assert [s["index"] for s in doc["steps"]] == [s.index for s in work]
    [year] = (data_dir / "history").glob("[0-9][0-9][0-9][0-9].json")
    stored = json.loads(year.read_text())
    assert stored["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert [d["id"] for d in stored["sessions"].values()] == [doc["id"]]


def test_a_viewer_migrates_in_memory_only(data_dir: Path) -> None:
    raw = json.dumps(_v1_file("history", [_v1_session(simple(), [])]))
    (data_dir / HISTORY_FILE).write_text(raw)
    store = SessionStore.open(data_dir, read_only=True)
    assert len(store.sessions()) == 1
    assert (data_dir / HISTORY_FILE).read_text() == raw
    assert list(data_dir.glob("history.schema1-*.json")) == []
