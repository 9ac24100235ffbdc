"""History screen: what opening it and moving around costs with five years of history.

The 5-year history of the store benchmark (800 sessions of the 40-set chassis circuit, split
into year files when the store opens) plus 60 measurements. The first show reads every year
(sessions and measurements), draws the calendar, the hints, the week and the chart: timed with
a fresh AppContext each time (the store keeps its parsed files: see NOTES), next to reading the
sessions alone in the same run. Then a week back (the navigator) and a drill switch in the
chart picker. QtCharts is only imported by the History screen: its import is timed in a fresh
interpreter next to importing QtWidgets alone, as the share it adds to start-up.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ankledesk import paths
from ankledesk.core.loader import load_library
from ankledesk.core.plan import expand
from bench_store import build_history

from common import Row, median, ms, percentile

RUNS = 5
CLICKS = 40

NOTES = """
## History screen

The store benchmark's 5-year history (800 sessions, 32,000 sets, one file per year) with 60
measurements. *First show* is `HistoryScreen.refresh()` with a fresh AppContext (its caches
empty): read every year's file and the measurements, the calendar's six months, the hints, the
week's table and the first drill's chart; the baseline is `SessionStore.sessions()` alone, the
part every screen pays. The app's store (it holds the lock) keeps each year's parsed tables
while the file on disk is unchanged (a finish parses its year once), so every run but the very
first reads from memory: the baseline is that re-read, not a parse. A week back and a drill
switch are single clicks' worth of work. The QtCharts import is timed in a fresh interpreter
(median of 5) next to importing QtWidgets alone.
"""


def _import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; " \
           "print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(RUNS)]
    return median(times)


def _measure(app, folder: Path) -> dict[str, list[float]]:
    from ankledesk.store.measurements import MeasurementLog
    from ankledesk.store.session_store import SessionStore
    from ankledesk.ui.context import AppContext
    from ankledesk.ui.history.page import HistoryScreen

    store = SessionStore.open(folder)
    log = MeasurementLog(store)
    start = dt.datetime.now().astimezone() - dt.timedelta(days=5 * 365)
    for n in range(60):
        log.add("knee-to-wall", left=8 + n * 0.02, right=10, taken_at=start + dt.timedelta(
            days=30 * n))
    found: dict[str, list[float]] = {"first": [], "read": [], "week": [], "drill": []}
    screen = None
    for run in range(RUNS):
        t = time.perf_counter()
        store.sessions(include_in_progress=False)
        found["read"].append(time.perf_counter() - t)
        context = AppContext(folder, store)
        screen = HistoryScreen(context)
        screen.resize(1090, 700)
        t = time.perf_counter()
        screen.show()  # the first show builds the screen and reads the history
        app.processEvents()
        found["first"].append(time.perf_counter() - t)
        if run < RUNS - 1:
            screen.close()
            screen.deleteLater()
    assert screen is not None
    for _ in range(CLICKS):
        t = time.perf_counter()
        screen.previous_week()
        app.processEvents()
        found["week"].append(time.perf_counter() - t)
    picker = screen.charts.picker
    for n in range(CLICKS):
        t = time.perf_counter()
        picker.setCurrentIndex(n % picker.count())
        app.processEvents()
        found["drill"].append(time.perf_counter() - t)
    screen.close()
    store.close()
    return found


def run() -> list[Row]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    plan = expand(load_library(paths.builtin_routines_dir()).routines[
        "runners-chassis-circuit"])
    with tempfile.TemporaryDirectory() as tmp:
        build_history(Path(tmp), plan)
        found = _measure(app, Path(tmp))
    charts = _import_seconds("PySide6.QtCharts")
    widgets = _import_seconds("PySide6.QtWidgets")
    name = "history screen (5 y: 800 sessions, 60 measurements)"
    return [
        Row(name, f"first show, median of {RUNS}", ms(median(found["first"])),
            f"read sessions only: {ms(median(found['read']))}"),
        Row(name, f"a week back, p95 of {CLICKS}", ms(percentile(found["week"], 95))),
        Row(name, f"drill switch in the chart, p95 of {CLICKS}",
            ms(percentile(found["drill"], 95))),
        Row("start-up: import QtCharts (it loads QtWidgets)", "fresh interpreter, median of 5",
            ms(charts), f"QtWidgets alone: {ms(widgets)}"),
    ]
