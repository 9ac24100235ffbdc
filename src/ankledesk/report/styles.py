"""Paper sizes, colours, paragraph styles and the one way user text enters a Paragraph.

Everything printed must read on a black-and-white laser printer: colours are only ever a second
cue next to a symbol or a word, and the greys are dark enough to survive a photocopy.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ankledesk.report import fonts
from ankledesk.report.paper import PAPER_NAMES

PAPERS: dict[str, tuple[float, float]] = dict(zip(PAPER_NAMES, (A4, LETTER), strict=True))
MARGIN = 16 * mm

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#9aa3ad")
FAINT = colors.HexColor("#e7ebef")
ACCENT = colors.HexColor("#1f6f78")
ACCENT_LIGHT = colors.HexColor("#d9ecee")
WARN = colors.HexColor("#9c3d10")
ZEBRA = colors.HexColor("#f3f6f7")


def page_size(paper: str) -> tuple[float, float]:
    """The page size for `a4` or `letter` (case-insensitive); ValueError names the choices."""
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f'paper "{paper}" is not one of: {", ".join(PAPERS)}') from None


def text(value: object) -> str:
    """User text, safe for a Paragraph: `<`, `>` and `&` escaped (ReportLab parses Paragraph
    text as markup, so a note `<b>&` would otherwise turn bold or abort the build), line breaks
    kept as line breaks, control characters dropped, and each run DejaVu cannot draw (Chinese,
    an emoji) wrapped in a `<font>` naming the face that can (see `fonts.runs`)."""
    out = []
    for face, chunk in fonts.runs("" if value is None else str(value)):
        safe = escape(chunk).replace("\t", " ").replace("\n", "<br/>")
        out.append(safe if face == fonts.REGULAR else f'<font name="{face}">{safe}</font>')
    return "".join(out)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The document's paragraph styles, by role."""
    family = fonts.register()
    base = ParagraphStyle("body", fontName=family, fontSize=9, leading=12, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
        "cell_center": ParagraphStyle("cell_center", base, fontSize=7.5, leading=9.5,
                                      alignment=TA_CENTER),
        "head": ParagraphStyle("head", base, fontName=fonts.BOLD, fontSize=8, leading=10,
                               textColor=colors.white),
        "head_center": ParagraphStyle("head_center", base, fontName=fonts.BOLD, fontSize=8,
                                      leading=10, textColor=colors.white, alignment=TA_CENTER),
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=18, leading=22),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=10.5, leading=14,
                                   textColor=MUTED),
        "who": ParagraphStyle("who", base, fontSize=10.5, leading=14, alignment=TA_RIGHT),
        "h2": ParagraphStyle("h2", base, fontName=fonts.BOLD, fontSize=11.5, leading=15,
                             spaceBefore=10, spaceAfter=4, textColor=ACCENT, keepWithNext=1),
        "figure": ParagraphStyle("figure", base, fontName=fonts.BOLD, fontSize=15,
                                 leading=18, alignment=TA_CENTER),
        "figure_label": ParagraphStyle("figure_label", base, fontSize=7.5, leading=9.5,
                                       textColor=MUTED, alignment=TA_CENTER),
        "empty": ParagraphStyle("empty", base, fontSize=12, leading=16, alignment=TA_CENTER,
                                textColor=MUTED),
    }
