"""Building blocks the documents share: the page header, figure boxes, the table look.

Every string that came from the user (names, notes, routine and drill names) goes through
`styles.text` before it reaches a Paragraph; our own markup (`<b>`, `<br/>`) is added after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ankledesk.report import styles
from ankledesk.report.styles import text


def para(markup: str, style: str = "body") -> Paragraph:
    """A Paragraph of markup we wrote (user parts already escaped with `text`)."""
    return Paragraph(markup, styles.styles()[style])


def header(title: str, subtitle: str, name: str | None, width: float,
           blank_name: Flowable | None = None) -> Table:
    """The top of a document: title and dates on the left, the person's name on the right
    (or `blank_name`, a line to write it on), a rule under both."""
    left = [para(text(title), "title"), para(text(subtitle), "subtitle")]
    right = para(text(name), "who") if name else blank_name or para("")
    table = Table([[left, right]], colWidths=[width * 0.68, width * 0.32])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, styles.ACCENT),
    ]))
    return table


def figures(items: Sequence[tuple[str, str, str]], width: float) -> Table:
    """A row of boxed key figures: (big value, label, small note) each."""
    cells = [[para(text(value), "figure"), para(text(label), "figure_label"),
              para(text(note), "figure_label")] for value, label, note in items]
    table = Table([cells], colWidths=[width / len(items)] * len(items))
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, styles.RULE),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, styles.RULE),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8f9")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def grid_style(header_rows: int = 1, zebra: bool = True) -> list[tuple[Any, ...]]:
    """The look of every data table: an accent header row, thin rules, light zebra rows."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), styles.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, styles.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1),
                         [colors.white, styles.ZEBRA]))
    return commands


def boxed_message(title: str, detail: str, width: float) -> Flowable:
    """A clear framed message, for the week where nothing was logged."""
    table = Table([[[para(text(title), "empty"), para(text(detail), "figure_label")]]],
                  colWidths=[width])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, styles.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 22),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 22),
    ]))
    return table
