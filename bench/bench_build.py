"""Build: what one edit costs (the loader judges the whole draft and the plan is expanded, so
the messages and the estimate follow every keystroke), and what a save costs (tomlkit text,
read back, durable write).

The draft is a copy of the largest built-in (the 8-drill, 3-round ankle mobility and foot
strength program, paced reps included). Each edit changes one value, as a spin box would. The
baseline for the edit is the loader reading the same routine from its file (tomllib + the same
rules), which is what `routines check` does; the baseline for the save is a plain
`Path.write_text` of the same text, with no fsync and no read-back.
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from pathlib import Path

from ankledesk import paths
from ankledesk.core import draft as edits
from ankledesk.core.draft import DraftState, estimate, judge
from ankledesk.core.loader import load_library, load_routine_file, parse_routine
from ankledesk.core.routine_doc import render
from ankledesk.routine_files import write_routine

from common import Row, ms, percentile

EDITS = 500
SAVES = 60
EDIT_BUDGET = 0.016  # one frame at 60 Hz: the screen keeps up with typing
SAVE_BUDGET = 0.1

NOTES = """
## Build

One edit in the builder re-judges the whole draft with the loader's rules and expands its plan
(for the messages next to the fields, the estimate and the step list); the draft is a copy of
the largest built-in, 8 drills × 3 rounds. The baseline is the loader reading the same routine
from its file. A save renders the file with tomlkit (updating the existing text, comments kept),
parses it back to check it loads as built, and writes it durably (temp file, fsync, replace,
folder fsync); the baseline is a plain `write_text` of the same text.
"""


def run() -> list[Row]:
    library = load_library(paths.builtin_routines_dir())
    routine = library.routine("ankle-mobility-and-foot-strength")
    drills = library.drills
    source = paths.builtin_routines_dir() / f"{routine.id}.toml"
    original = source.read_text("utf-8")
    state = DraftState.of_routine(routine, name="Copy")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.toml"
        edit_times, load_times = [], []
        for n in range(EDITS):
            began = time.perf_counter()
            state = edits.set_item(state, n % len(state.items), None, "sides",
                                   ("one", "each")[n % 2])
            verdict = judge(state, "copy", target, drills)
            estimate(verdict)
            edit_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            load_routine_file(source, drills)
            load_times.append(time.perf_counter() - began)
        rows.append(Row("build: one edit, judged + estimated (8 drills × 3 rounds)",
                        f"p50 of {EDITS}", ms(percentile(edit_times, 50)),
                        f"{ms(percentile(load_times, 50))} (loader reads the file)"))
        p99 = percentile(edit_times, 99)
        rows.append(Row("build: one edit, judged + estimated (8 drills × 3 rounds)",
                        "p99", ms(p99), ms(percentile(load_times, 99)),
                        f"≤ {ms(EDIT_BUDGET)}", p99 <= EDIT_BUDGET))
        save_times, plain_times = [], []
        for n in range(SAVES):
            state = edits.set_setting(state, "rounds", 2 + n % 3)
            began = time.perf_counter()
            text = render(state, "copy", drills, original)
            parse_routine(tomllib.loads(text), target, drills, str(target))
            write_routine(target, text)
            save_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            (Path(folder) / "plain.toml").write_text(text, encoding="utf-8")
            plain_times.append(time.perf_counter() - began)
        p99 = percentile(save_times, 99)
        rows.append(Row("build: save (tomlkit update, read back, durable write)",
                        f"p50 of {SAVES}", ms(percentile(save_times, 50)),
                        f"{ms(percentile(plain_times, 50))} (plain write_text)"))
        rows.append(Row("build: save (tomlkit update, read back, durable write)", "p99",
                        ms(p99), ms(percentile(plain_times, 99)), f"≤ {ms(SAVE_BUDGET)}",
                        p99 <= SAVE_BUDGET))
    return rows
