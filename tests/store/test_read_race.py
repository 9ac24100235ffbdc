"""Readers never miss a session (issue 12, point 5): readers race real `simulate` processes
that finish workouts, moving each session from the journal into history.json. Read the other
way round (history, then journal) a session that moves between the two reads is in neither;
the store reads the journal first and reconciles by id, so a session once seen is seen in every
later read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from ankledesk import paths
from ankledesk.store.history import HISTORY_FILE
from ankledesk.store.session_store import SessionStore
from tests.conftest import ROOT
from tests.store.hostile import good_sessions, history_text

WORKOUTS = 3


def test_readers_racing_finishes_never_miss_a_session(data_dir: Path) -> None:
    # Enough history that a read takes a while, as with years of it.
    (data_dir / HISTORY_FILE).write_text(history_text(good_sessions(400)))
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    failures: list[str] = []

    def workouts() -> None:
        for _ in range(WORKOUTS):
            run = subprocess.run([sys.executable, "-m", "ankledesk", "simulate",
                                  "big-toe-strength", "--speed", "4000"], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=120)
            if run.returncode != 0:
                failures.append(run.stderr)

    writer = threading.Thread(target=workouts)
    writer.start()
    seen: set[str] = set()
    reads = in_progress_reads = 0
    try:
        while writer.is_alive():
            store = SessionStore.open(data_dir, read_only=True)
            docs = store.sessions()
            ids = {doc["id"] for doc in docs}
            missed = seen - ids
            assert not missed, f"read {reads} lost {sorted(missed)}"
            assert len(ids) == len(docs)  # and never counts one twice
            seen |= ids
            reads += 1
            in_progress_reads += any(doc["status"] == "in_progress" for doc in docs)
    finally:
        writer.join()
    assert failures == []
    assert len(seen) == 400 + WORKOUTS
    assert in_progress_reads > 0  # the race was really run: reads caught workouts mid-way
