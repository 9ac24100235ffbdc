"""The embedded PDF font: DejaVu Sans, shipped in resources/fonts with its licence.

ReportLab's built-in Helvetica only knows Latin-1, so a note written in Cyrillic, or the
✓ ✗ ◐ marks of the grid, would print as black boxes. DejaVu covers Latin, Greek, Cyrillic and
the common symbols, and ReportLab embeds only the glyphs a document uses, so a PDF stays small.

Characters DejaVu has no glyph for (most emoji, for instance 🏃) would print as an invisible
blank; `printable()` swaps each for MISSING (�) so the reader at least sees something was
written. So does every character beyond the Basic Multilingual Plane — all emoji — even where
DejaVu has a black-and-white glyph (😀): ReportLab's text map of an embedded font is 16-bit,
so such a glyph would copy, search and extract from the PDF as a different character (U+1F600
comes out as U+1F60, ὠ). Emoji joiners and variation selectors, which draw nothing, are
dropped, so 🏃‍♀️ prints as two marks (runner, sign), not four.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ankledesk import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
LICENCE = "LICENSE-DejaVu.txt"

# U+FFFD REPLACEMENT CHARACTER, which DejaVu draws as a diamond with a question mark.
MISSING = "\ufffd"


@cache
def register() -> str:
    """Register DejaVu Sans (regular and bold) with ReportLab once per process; the family
    name to use in styles. `<b>` maps to the bold face; there is no italic face, so `<i>` falls
    back to the upright ones rather than failing."""
    folder = paths.resources_dir() / "fonts"
    for name, filename in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR


@cache
def _coverage() -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)


def printable(text: str) -> str:
    """`text` with control characters dropped (newlines and tabs become spaces or stay for the
    caller) and every character the font cannot draw replaced by MISSING."""
    covered = _coverage()
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 32 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            continue
        elif 0xFE00 <= code <= 0xFE0F or code == 0x200D or 0x1F3FB <= code <= 0x1F3FF:
            continue  # variation selectors, joiners and skin tones: no glyph of their own
        elif code in covered and code <= 0xFFFF:
            out.append(ch)
        else:
            out.append(MISSING)
    return "".join(out)
