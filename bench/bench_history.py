"""Ten years of history: what each command costs as a whole process, against an empty history.

Ten years of the 40-set runner's chassis circuit (1,500 sessions, 60,000 sets, about 17 MB of
JSON) are written to one data folder as the single history.json of before the split into
years, nothing to another. Before timing, one finish runs untimed in each folder: the first
writer splits history.json into one file per year (store.split), which happens once in a data
folder's life and is not counted. In the same run, each command runs as the user's shell runs
it (`python -m ankledesk …`, a fresh process) against both folders, nine times, the two
folders taking turns (so a busy moment of a shared machine falls on both); the figures
are the median wall time and the largest peak RSS (from wait4's rusage). Finishing a session
is `simulate --resume` of a journal whose every set is done, which opens the store, moves the
session into its year's file and removes the journal. A separate figure: `export pdf` of a
week holding one session with a 1 MB note.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.plan import Plan, expand
from ankledesk.core.progress import IsoWeek
from ankledesk.store.documents import new_session
from ankledesk.store.files import empty_tables
from ankledesk.store.history import History, history_dir
from ankledesk.store.journal import JOURNAL_FILE
from ankledesk.store.storage import atomic_write_bytes, dumps
from bench_store import _session, build_history

from common import Row

SESSIONS = 1500
YEARS = 10
RUNS = 9
NOTE_BYTES = 1_000_000
ROOT = Path(__file__).resolve().parent.parent

NOTES = """
## Ten years of history, per command

Each command runs as a whole process (`python -m ankledesk …`) against ten years of history
(1,500 sessions of the 40-set chassis circuit, one file per year after the split of the
single history.json, which runs once before timing) and, in the same run, against an empty
data folder, the two taking turns; median wall time of nine runs, largest peak RSS. The
budget is at most twice the empty figure: what a command reads should grow with what it
shows, not with the years behind it. A week reads its own year in full and the other years'
digests (for the streak and the ladder); a finish rewrites its own year's file and digest.
Finishing is `simulate --resume` of a journal whose sets are all done. The last row exports
the week of one session whose note is 1 MB long.
"""


def _journal(folder: Path, plan: Plan) -> None:
    """A cut-short session with every set done: resuming it only stores it."""
    tables = empty_tables("journal")
    doc = _session(plan, dt.datetime.now().astimezone().replace(microsecond=0))
    doc.update(id=uuid.uuid4().hex, status="in_progress", ended_at=None, rpe=None,
               resume_index=len(plan.steps))
    tables["sessions"] = {"1": doc}
    atomic_write_bytes(folder / JOURNAL_FILE, dumps(tables))


# Linux reports a child's peak RSS as at least its parent's RSS when it forked (exec keeps the
# old address space's high-water mark), and this process holds ten years of history. So each
# command is started by a small launcher process, which reports the command's own peak.
LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - started, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status))
"""


def _measure(folder: Path, args: list[str], before: Callable[[], None] | None = None
             ) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one `python -m ankledesk ARGS` process."""
    if before is not None:
        before()
    env = {**os.environ, paths.DATA_DIR_ENV: str(folder)}
    run = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, "-m", "ankledesk",
                          *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    elapsed, peak, code = run.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"ankledesk {' '.join(args)}: {run.stderr}")
    return float(elapsed), int(peak)


def _series(folder: Path, args: list[str]) -> tuple[float, int]:
    return _turns([folder], args)[0]


def _turns(folders: list[Path], args: list[str],
           before: Callable[[Path], None] | None = None) -> list[tuple[float, int]]:
    """(median seconds, largest peak RSS) of RUNS runs in each folder, the folders taking turns:
    a busy moment on a shared machine then falls on both sides of a comparison, not on one."""
    runs: dict[Path, list[tuple[float, int]]] = {folder: [] for folder in folders}
    for _ in range(RUNS):
        for folder in folders:
            runs[folder].append(_measure(folder, args, before and (lambda f=folder: before(f))))
    return [(statistics.median(t for t, _ in runs[f]), max(r for _, r in runs[f]))
            for f in folders]


def _note_history(folder: Path, plan: Plan) -> IsoWeek:
    doc = new_session(plan.routine)
    doc.update(status="finished", ended_at=doc["started_at"],
               notes=("Felt the left calf; " * (NOTE_BYTES // 20 + 1))[:NOTE_BYTES])
    History(folder, writable=True).add(doc)
    return IsoWeek.of(dt.date.fromisoformat(doc["started_at"][:10]))


def _size(folder: Path) -> tuple[int, int]:
    """(bytes of the year files, bytes of their digests)."""
    files = list(history_dir(folder).glob("*.json"))
    digests = sum(p.stat().st_size for p in files if p.name.endswith(".digest.json"))
    return sum(p.stat().st_size for p in files) - digests, digests


def run() -> list[Row]:
    plan = expand(load_library(paths.builtin_routines_dir()).routine("runners-chassis-circuit"))
    base = Path(tempfile.mkdtemp(prefix="ankledesk-bench-history-"))
    rows: list[Row] = []
    try:
        full, empty, noted = base / "ten-years", base / "empty", base / "note"
        for folder in (full, empty, noted):
            folder.mkdir()
        size = build_history(full, plan, SESSIONS, YEARS).stat().st_size
        week = str(IsoWeek.of(dt.date.today()))
        out = base / "log.pdf"
        commands = {
            "history --week": ["history", "--week", week],
            "history summary": ["history", "summary", "--week", week],
            "export pdf --week": ["export", "pdf", "--week", week, "-o", str(out)],
            "finish a session": ["simulate", "--resume", "--speed", "1000000"],
        }
        for folder in (full, empty):  # untimed: whatever a first writer does once
            _measure(folder, commands["finish a session"], lambda f=folder: _journal(f, plan))
        years, digests = _size(full)
        label = f"history: {YEARS} y ({SESSIONS} sessions × {len(plan.work_steps)} sets)"
        rows.append(Row(label, "history.json before the split", f"{size / 1e6:.1f} MB"))
        rows.append(Row(label, "year files / digests after it",
                        f"{years / 1e6:.1f} MB / {digests / 1e6:.2f} MB"))
        for name, args in commands.items():
            finish = name == "finish a session"
            (t_full, rss_full), (t_empty, rss_empty) = _turns(
                [full, empty], args, (lambda f: _journal(f, plan)) if finish else None)
            label = f"history: {name}, whole process"
            rows.append(Row(label, f"median time of {RUNS}", f"{t_full:.2f} s",
                            baseline=f"{t_empty:.2f} s empty", budget="≤ 2× empty",
                            ok=t_full <= 2 * t_empty))
            rows.append(Row(label, "peak RSS", f"{rss_full / 2**20:.0f} MB",
                            baseline=f"{rss_empty / 2**20:.0f} MB empty", budget="≤ 2× empty",
                            ok=rss_full <= 2 * rss_empty))
        note_week = _note_history(noted, plan)
        t_note, _ = _series(noted, ["export", "pdf", "--week", str(note_week), "-o", str(out)])
        rows.append(Row("history: export pdf of a week with a 1 MB note", f"median of {RUNS}",
                        f"{t_note:.2f} s", budget="≤ 2 s", ok=t_note <= 2.0))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return rows

