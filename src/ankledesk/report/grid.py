"""The drill × day grid: what was done of each drill on each day, written the way a coach
writes it (`4×45 s`, `4×6/side`), with cut-short and skipped sets marked by symbols that read
on a black-and-white printout.

Pure functions over session documents, no ReportLab: the tests and the GUI can read the same
cells the PDF prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ankledesk.core.records import SessionRecord, StepRecord
from ankledesk.core.timefmt import seconds_text

PARTIAL = "◐"
SKIPPED = "✗"
NOT_DONE = "·"
TIMES = "×"
TRAINED = "●"

LEGEND = (
    f"4{TIMES}45 s = four sets of 45 s done · 4{TIMES}6/side = four sets of 6 reps on each side"
    f" · L/R = left/right when the sides differ · {PARTIAL} 1{TIMES}30 s = a set cut short, "
    f"with what was done · {SKIPPED} 2 = sets skipped · a dot ({NOT_DONE}) = not trained that day"
    f" · {TRAINED} after a day's name = a day with a session"
)


@dataclass
class DrillRow:
    """One drill's line of the grid: its steps per day, in the order first done."""

    drill_id: str
    name: str
    mode: str
    days: dict[dt.date, list[StepRecord]] = field(default_factory=dict)

    def steps(self) -> list[StepRecord]:
        return [step for day in sorted(self.days) for step in self.days[day]]


def _day(session: SessionRecord) -> dt.date:
    return dt.datetime.fromisoformat(session["started_at"]).date()


def drill_rows(sessions: Iterable[SessionRecord]) -> list[DrillRow]:
    """The grid's rows for `sessions` (already limited to the period), a session belonging to
    the day it started on, as `ankledesk.core.progress` counts it."""
    rows: dict[str, DrillRow] = {}
    for session in sessions:
        day = _day(session)
        for step in session.get("steps", []):
            drill = step["drill_id"]
            row = rows.get(drill)
            if row is None:
                row = rows[drill] = DrillRow(drill, step.get("name") or drill, step["mode"])
            row.days.setdefault(day, []).append(step)
    return list(rows.values())


def _value(step: StepRecord) -> float:
    if step["mode"] == "reps":
        reps = step.get("actual_reps")
        return float(reps if reps is not None else step.get("target_reps") or 0)
    return float(step.get("actual_seconds") or 0.0)


def _amount(steps: list[StepRecord]) -> str:
    """What the sets achieved: one value (`45 s`, `6`) or a range (`38–45 s`)."""
    values = sorted({round(_value(s)) for s in steps})
    seconds = steps[0]["mode"] != "reps"
    if len(values) == 1:
        return seconds_text(values[0]) if seconds else str(values[0])
    if seconds and values[-1] >= 60:
        return f"{seconds_text(values[0])}–{seconds_text(values[-1])}"
    return f"{values[0]}–{values[-1]}" + (" s" if seconds else "")


SIDE_SEPARATOR = " / "
"""Between the sides of one cell value (`L 1×1:45 / R 2×1:50–1:52`): the only place a value
may wrap; a part such as `R 2×1:50–1:52` or `45 s` is never broken."""


def _sets(steps: list[StepRecord]) -> list[str]:
    """`4×45 s`, `4×6/side`, or one part per side (`L 4×6`, `R 3×6`) when the sides differ."""
    sides = {s.get("side") for s in steps}
    if sides <= {None}:
        return [f"{len(steps)}{TIMES}{_amount(steps)}"]
    left = [s for s in steps if s.get("side") == "left"]
    right = [s for s in steps if s.get("side") == "right"]
    unsided = [s for s in steps if s.get("side") is None]
    if len(left) == len(right) and not unsided and \
            _amount(left) == _amount(right):
        return [f"{len(left)}{TIMES}{_amount(left)}/side"]
    return [f"{label} {len(group)}{TIMES}{_amount(group)}".strip()
            for label, group in (("L", left), ("R", right), ("", unsided)) if group]


def cell_groups(steps: list[StepRecord]) -> list[tuple[str, list[str]]]:
    """One grid cell as (mark, parts) groups: the sets done (no mark), those cut short
    (PARTIAL) and those skipped (SKIPPED); [("", [NOT_DONE])] for an empty day."""
    if not steps:
        return [("", [NOT_DONE])]
    done = [s for s in steps if s["outcome"] == "done"]
    partial = [s for s in steps if s["outcome"] == "partial"]
    skipped = [s for s in steps if s["outcome"] == "skipped"]
    groups = []
    if done:
        groups.append(("", _sets(done)))
    if partial:
        groups.append((PARTIAL, _sets(partial)))
    if skipped:
        groups.append((SKIPPED, [str(len(skipped))]))
    return groups


def wrap_group(mark: str, parts: list[str], fits: Callable[[str], bool]) -> list[str]:
    """A group's lines: parts joined by SIDE_SEPARATOR while `fits(line)` says the line still
    fits, else a new line (the break replacing the separator); every line carries the group's
    mark, so a cut-short value that wraps keeps its ◐ on each of its lines."""
    prefix = f"{mark} " if mark else ""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{SIDE_SEPARATOR}{part}" if lines else ""
        if lines and fits(joined):
            lines[-1] = joined
        else:
            lines.append(prefix + part)
    return lines


def cell_lines(steps: list[StepRecord],
               fits: Callable[[str], bool] = lambda line: True) -> list[str]:
    """The text of one grid cell, one entry per printed line; `fits(line)` tells whether a
    line fits the column (by default every line does: one line per group)."""
    return [line for mark, parts in cell_groups(steps) for line in wrap_group(mark, parts, fits)]


def week_lines(row: DrillRow) -> list[str]:
    """The grid's last column: the drill's week in one or two short lines."""
    steps = row.steps()
    done = sum(1 for s in steps if s["outcome"] == "done")
    partial = sum(1 for s in steps if s["outcome"] == "partial")
    skipped = sum(1 for s in steps if s["outcome"] == "skipped")
    counts = f"{done} set{'s' if done != 1 else ''}"
    if partial:
        counts += f" {PARTIAL}{partial}"
    if skipped:
        counts += f" {SKIPPED}{skipped}"
    lines = [counts]
    worked = [s for s in steps if s["outcome"] != "skipped"]
    if row.mode == "hold" and worked:
        lines.append("best " + seconds_text(max(float(s["actual_seconds"]) for s in worked)))
    elif row.mode == "reps":
        lines.append(f"{sum(int(s.get('actual_reps') or 0) for s in worked)} reps")
    elif worked:
        lines.append(seconds_text(sum(float(s["actual_seconds"]) for s in worked)) + " total")
    return lines
