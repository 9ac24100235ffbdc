"""History store: the cost of a finished step when years of history are present.

5 years of history (800 sessions of the 40-set runner's chassis circuit, about 3 a week) are
written to a temp folder. Then 300 finished sets are recorded through the real store, as the
app records them: each one goes to the journal with a full durable write (temp file, fsync,
replace, folder fsync) before `record()` returns; a new session starts every 40 sets, and the
finished one moves into its year's file (timed separately: that happens once per workout). In
the same run the same step is inserted through stock TinyDB JSONStorage into a copy of the
whole history as one file, which is what a store without a journal would have to do for every
set. (The history is written as the single history.json of before the split into years; the
store splits it when it opens the folder, before anything is timed.)
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from ankledesk import paths
from ankledesk.core.engine import Event
from ankledesk.core.loader import load_library
from ankledesk.core.plan import Plan, expand
from ankledesk.store.documents import WallClock, iso, new_session, step_record
from ankledesk.store.files import empty_tables
from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.lock import FolderLock
from ankledesk.store.session_store import SessionStore
from ankledesk.store.storage import atomic_write_bytes, dumps

from common import Row, median, ms, percentile

SESSIONS = 800
YEARS = 5
STEP_WRITES = 300
STOCK_WRITES = 40  # each one parses and rewrites the whole file: a few seconds' worth
BUDGET = 0.015

NOTES = """
## History store

A finished set is written to the small journal only (one durable write of a file holding the
session in progress), so its cost does not depend on how much history exists; the session's
year file is written once per workout. The baseline inserts the same set through stock TinyDB
JSONStorage into a copy of the 5-year history as one file, which parses and rewrites the whole
file (and, unlike our storage, rewrites it in place, so a crash mid-write truncates it). Each
finish also takes the history folder's lock (shared with any other data folder linking the
same `history/`); uncontended, it costs a fraction of the finish it guards.
"""


def _finished(step, at: float) -> Event:
    reps = step.counts_up
    seconds = step.estimate if reps else step.seconds
    return Event("step_finished", at, step, outcome="done", actual_seconds=seconds,
                 actual_reps=step.target_reps if reps else None)


def _session(plan: Plan, start: dt.datetime) -> dict:
    doc = new_session(plan.routine, start)
    clock = WallClock(0.0, start)
    doc["steps"] = [step_record(_finished(s, s.start + s.estimate), clock)
                    for s in plan.work_steps]
    doc.update(status="finished", ended_at=iso(start + dt.timedelta(seconds=plan.total)),
               rpe=7)
    return doc


def build_history(folder: Path, plan: Plan, sessions: int = SESSIONS,
                  years: int = YEARS) -> Path:
    """Years of sessions ending now, written in one go (as years of workouts would have left
    it): five years of 800 unless told otherwise."""
    tables = empty_tables("history")
    first = dt.datetime.now().astimezone().replace(microsecond=0) - dt.timedelta(
        days=365 * years)
    spacing = dt.timedelta(days=365 * years / sessions)
    tables["sessions"] = {str(n + 1): _session(plan, first + n * spacing)
                          for n in range(sessions)}
    path = folder / HISTORY_FILE
    atomic_write_bytes(path, dumps(tables))
    return path


def ours(folder: Path, plan: Plan) -> tuple[list[float], list[float]]:
    """(seconds per finished set, seconds per session moved into history)."""
    work = plan.work_steps
    per_step: list[float] = []
    per_finish: list[float] = []
    with SessionStore.open(folder) as store:
        active = None
        for n in range(STEP_WRITES):
            if n % len(work) == 0:
                if active is not None:
                    started = time.perf_counter()
                    active.finish()
                    per_finish.append(time.perf_counter() - started)
                active = store.begin(plan.routine, WallClock.now(0.0))
            step = work[n % len(work)]
            event = _finished(step, step.start + step.estimate)
            started = time.perf_counter()
            active.record(event)
            per_step.append(time.perf_counter() - started)
    return per_step, per_finish


def stock(history: Path, folder: Path, plan: Plan) -> list[float]:
    """The same set inserted through stock TinyDB JSONStorage into a copy of the history."""
    copy = folder / "stock-history.json"
    shutil.copyfile(history, copy)
    work = plan.work_steps
    clock = WallClock.now(0.0)
    db = TinyDB(copy, storage=JSONStorage)
    table = db.table("steps")
    times = []
    for n in range(STOCK_WRITES):
        step = work[n % len(work)]
        record = step_record(_finished(step, step.start + step.estimate), clock)
        started = time.perf_counter()
        table.insert(record)
        times.append(time.perf_counter() - started)
    db.close()
    return times


def history_lock(folder: Path, times: int = 200) -> list[float]:
    """Taking and giving up the history folder's lock, as every finish does once (nobody else
    holding it): what sharing `history/` with another data folder costs when it is not."""
    lock = FolderLock(folder)
    out = []
    for _ in range(times):
        started = time.perf_counter()
        with lock:
            pass
        out.append(time.perf_counter() - started)
    return out


def run() -> list[Row]:
    plan = expand(load_library(paths.builtin_routines_dir()).routine("runners-chassis-circuit"))
    folder = Path(tempfile.mkdtemp(prefix="ankledesk-bench-store-"))
    try:
        history = build_history(folder, plan)
        size = history.stat().st_size
        steps = SESSIONS * len(plan.work_steps)
        baseline_dir = folder / "stock"
        baseline_dir.mkdir()
        baseline = stock(history, baseline_dir, plan)  # before ours splits history.json
        per_step, per_finish = ours(folder, plan)
        locking = history_lock(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    name = f"store: finished step durably written ({YEARS} y of history)"
    p50, p99 = median(per_step), percentile(per_step, 99)
    b50, b99 = median(baseline), percentile(baseline, 99)
    return [
        Row(f"store: {YEARS} y of history ({SESSIONS} sessions, {steps} sets)", "size as one file",
            f"{size / 1e6:.1f} MB"),
        Row(name, f"p50 of {len(per_step)}", ms(p50), baseline=ms(b50)),
        Row(name, f"p99 of {len(per_step)}", ms(p99), baseline=ms(b99), budget="≤ 15 ms",
            ok=p99 <= BUDGET),
        Row(name, "stock TinyDB ÷ ours (p50)", f"{b50 / p50:.0f}×",
            baseline=f"stock: {len(baseline)} inserts"),
        Row("store: session moved into its year's file (once a workout)",
            f"p50 of {len(per_finish)}", ms(median(per_finish))),
        Row("store: the history folder's lock, taken and given up (once a workout)",
            f"p50 of {len(locking)}", ms(median(locking)),
            baseline=f"finish p50 {ms(median(per_finish))}"),
    ]
