"""Grid cells that never break a value: `1:52` stays whole and `45 s` keeps its `s`.

ReportLab wraps a Paragraph at any space and, when a word is wider than the column, inside
the word. A grid value must only wrap between its parts (`L 1×1:45 / R 2×1:50–1:52` at the
`/`), so a cell is laid out here: the lines are chosen by `grid.cell_lines` with a measure of
the column, every space inside a value becomes a no-break space, long-word splitting is off,
and when even one part is wider than the column the cell's type steps down (7.5 pt to 5 pt)
until it fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ankledesk.core.records import StepRecord
from ankledesk.report import fonts, styles
from ankledesk.report.grid import PARTIAL, SKIPPED, cell_lines

SIZES = (7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
NBSP = "\xa0"

# A space that belongs inside a value: before a unit, after a side label, a mark or "best".
_INSIDE = re.compile(rf" (?=(?:s|sets?|reps|total)\b)|(?<=\b[LR]) |(?<=\bbest) |(?<=[{PARTIAL}"
                     rf"{SKIPPED}]) ")


@cache
def _style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"value{size}", styles.styles()["cell_center"], fontSize=size,
                          leading=round(size * 1.27, 2), splitLongWords=0)


def _paragraph(lines: Sequence[str], size: float) -> Paragraph:
    return Paragraph("<br/>".join(escape(fonts.printable(line)) for line in lines),
                     _style(size))


def _fits(size: float, room: float) -> Callable[[str], bool]:
    return lambda line: fonts.width(line, size) <= room


def day_cell(steps: list[StepRecord], room: float) -> Paragraph:
    """One day's cell, `room` points wide inside its padding: each line is whole (wrapping
    happened only at the side separator), in the largest size where every line fits."""
    for size in SIZES:
        lines = cell_lines(steps, _fits(size, room))
        if all(_fits(size, room)(line) for line in lines):
            break
    return _paragraph([line.replace(" ", NBSP) for line in lines], size)


def unbreakable(line: str) -> str:
    """`line` with the spaces inside its values made no-break (`24 sets ◐ 1` may wrap
    between `24 sets` and `◐ 1`, never between `24` and `sets`)."""
    return _INSIDE.sub(NBSP, line)


def summary_cell(lines: Sequence[str], room: float) -> Paragraph:
    """A cell of short lines (the grid's week column) that may wrap between values only."""
    kept = [unbreakable(line) for line in lines]
    parts = [part for line in kept for part in line.split(" ")]
    size = next((s for s in SIZES if all(_fits(s, room)(p) for p in parts)), SIZES[-1])
    return _paragraph(kept, size)
