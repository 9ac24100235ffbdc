"""Schema migrations: one function per step from version N to N+1, applied in order.

Every data file (a year of history, the journal, the measurements) keeps its schema version in
a `meta` table. A file older than the app is migrated on open (after a copy of the original is
kept next to it); a file newer than the app is never touched. Each migration takes and returns
the file's raw table dict, must not drop anything, and has its own test.

Versions:
1. The first document shape: steps carried round, drill, side, mode, targets, actuals, outcome
   and end time, but not their place in the plan.
2. Steps also carry `index` (their place in the expanded plan, so a step run again after
   *Previous* replaces its record instead of duplicating it) and the drill's `name`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ankledesk.core.plan import expand
from ankledesk.store.documents import SCHEMA_VERSION, routine_from_snapshot

Tables = dict[str, dict[str, Any]]
META_TABLE = "meta"
SESSIONS_TABLE = "sessions"


def _v1_to_v2(tables: Tables) -> Tables:
    """Give every step its plan index and drill name by re-expanding the routine snapshot.

    Steps are matched in order to the first unused work step of the same round, drill and
    side (a drill may appear twice in a routine). A snapshot that no longer expands, or a step
    with no match, gets the next index after the plan and the drill id as its name: the record
    is kept, only its place is unknown.
    """
    for doc in tables.get(SESSIONS_TABLE, {}).values():
        try:
            work = [s for s in expand(routine_from_snapshot(doc["routine"])).steps if s.is_work]
        except (KeyError, TypeError, ValueError):
            work = []
        used: set[int] = set()
        spare = len(work) + 1000
        for step in doc.get("steps", []):
            match = next((w for w in work if w.index not in used and w.round == step.get("round")
                          and w.drill_id == step.get("drill_id")
                          and w.side == step.get("side")), None)
            if match is None:
                step["index"], step["name"] = spare, step.get("drill_id") or ""
                spare += 1
            else:
                used.add(match.index)
                step["index"], step["name"] = match.index, match.name
        doc["steps"] = sorted(doc.get("steps", []), key=lambda s: s["index"])
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {
    1: _v1_to_v2,
}


def migrate(tables: Tables, from_version: int) -> Tables:
    """`tables` brought from `from_version` up to SCHEMA_VERSION (a new dict; input untouched)."""
    if from_version > SCHEMA_VERSION:
        raise ValueError(f"schema {from_version} is newer than this app's {SCHEMA_VERSION}")
    result = copy.deepcopy(tables)
    for version in range(from_version, SCHEMA_VERSION):
        result = MIGRATIONS[version](result)
        for meta in result.get(META_TABLE, {}).values():
            meta["schema_version"] = version + 1
    return result
