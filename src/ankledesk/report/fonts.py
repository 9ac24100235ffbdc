"""The embedded PDF fonts, and which of them draws each run of characters.

DejaVu Sans (regular and bold) sets everything it can: Latin, Greek, Cyrillic and the grid's
✓ ✗ ◐ marks. Two fallbacks, shipped in resources/fonts with their licences, cover what it
cannot: Droid Sans Fallback (Chinese, Japanese and Korean, one compact static TrueType file)
and Symbola (monochrome emoji up to Unicode 9, black ink that prints on any laser printer).
Text is split into runs, each set in the first of DejaVu, Droid, Symbola that has every glyph
of the run, so a note mixing `Ça va`, `足首` and `🏃` prints all three. ReportLab embeds only
the glyphs a document uses, so a PDF stays small whichever fonts it touches.

What still cannot print (docs/report.md says the same to users): emoji newer than Unicode 9
(🦶, 🥵), scripts none of the three fonts has (Thai, Devanagari, Arabic shaping, Hebrew
right-to-left order), and emoji colour, skin tones and joined sequences (🏃‍♀️ prints as the
runner then ♀). A character no font has prints as MISSING (�), so the reader sees that
something was written.

ReportLab writes each glyph's Unicode value into the PDF's text map with four hex digits, so
a character beyond U+FFFF (every emoji) would copy, search and extract as another character
(U+1F600 as U+1F60, ὠ); `register` installs a text map writer that spells those as UTF-16
surrogate pairs, as the PDF reference asks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ankledesk import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "DroidSansFallback"
EMOJI = "Symbola"
FALLBACKS = (CJK, EMOJI)
"""Tried in this order for characters DejaVu lacks."""

EMOJI_BLOCKS = 0x1F000
"""From here on (the emoji and pictograph blocks) Symbola is preferred to DejaVu."""

FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
         CJK: "DroidSansFallback.ttf", EMOJI: "Symbola.ttf"}

# U+FFFD REPLACEMENT CHARACTER, which DejaVu draws as a diamond with a question mark.
MISSING = "\ufffd"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap for a font subset, with code points beyond the Basic
    Multilingual Plane written as UTF-16 surrogate pairs instead of five hex digits."""
    def utf16(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{n:02X}> <{utf16(code)}>" for n, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@cache
def register() -> str:
    """Register the four faces with ReportLab once per process; the family name to use in
    styles. `<b>` maps to DejaVu's bold face; the fallbacks have one face, used for bold too;
    there is no italic face, so `<i>` falls back to the upright ones rather than failing."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    folder = paths.resources_dir() / "fonts"
    for name, filename in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    for face in FALLBACKS:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(face, bold, italic, face)
    return REGULAR


@cache
def _coverage(font: str) -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def _invisible(code: int) -> bool:
    """Control and format characters (bidi overrides, zero-width joiners), lone surrogates,
    and the emoji variation selectors and skin-tone modifiers: nothing of their own to draw
    in a monochrome font."""
    return (code < 32 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF
            or 0xFE00 <= code <= 0xFE0F or code == 0x200D or 0x1F3FB <= code <= 0x1F3FF
            or unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs"))


def font_for(ch: str, base: str = REGULAR) -> str | None:
    """The first face that draws `ch`: `base` (DejaVu, regular or bold: a run may sit inside
    `<b>`, so both faces must have it), then the fallbacks; None when none does."""
    code = ord(ch)
    if code >= EMOJI_BLOCKS and code in _coverage(EMOJI):
        return EMOJI  # DejaVu draws a few emoji (😀) too; one emoji face keeps them alike
    if code in _coverage(REGULAR) and code in _coverage(BOLD):
        return base
    for face in FALLBACKS:
        if code in _coverage(face):
            return face
    return None


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@lru_cache(maxsize=8192)
def runs(text: str, base: str = REGULAR) -> tuple[tuple[str, str], ...]:
    """`text` as (face, characters) runs, each drawable in its face. Control characters are
    dropped (newlines and tabs stay, for the caller to turn into breaks and spaces); a
    character no face has becomes MISSING in `base`. Spaces join the run they are in. (Plain
    ASCII, most of any document, is one DejaVu run; repeated strings come from a cache.)"""
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return ((base, text),) if text else ()
    out: list[tuple[str, str]] = []
    for ch in text:
        if ch in "\n\t " or ch == "\xa0":
            face = out[-1][0] if out else base
        elif _invisible(ord(ch)):
            continue
        else:
            found = font_for(ch, base)
            face, ch = (found, ch) if found else (base, MISSING)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return tuple(out)


def printable(text: str) -> str:
    """`text` as it will print: control characters dropped (newlines and tabs kept for the
    caller) and every character no embedded face can draw replaced by MISSING."""
    return "".join(chunk for _, chunk in runs(text))


def width(text: str, size: float, base: str = REGULAR) -> float:
    """How wide `text` prints at `size` points, each run in its own face."""
    return sum(float(pdfmetrics.stringWidth(chunk, face, size))
               for face, chunk in runs(text, base))


def fit(text: str, size: float, room: float, base: str = REGULAR) -> str:
    """`text`, cut at a word where it can be and ended with `…`, so it prints within `room`
    points (a footer, a chart title: places with one line and no room to wrap)."""
    text = printable(text).replace("\n", " ").replace("\t", " ")
    if width(text, size, base) <= room:
        return text
    cut = text
    while cut and width(cut + "…", size, base) > room:
        cut = cut[:-1]
    words = cut.rsplit(" ", 1)
    if len(words) == 2 and len(words[0]) > len(cut) * 0.6:
        cut = words[0]
    return cut.rstrip() + "…"


def draw(put: Callable[[float, str, str], None], text: str, size: float, x: float,
         anchor: str = "start", base: str = REGULAR) -> float:
    """Lay `text` out run by run from `x` (or ending at `x` for `anchor="end"`, centred on it
    for "middle"), calling `put(x, face, chunk)` for each run; the width used."""
    chunks = runs(text, base)
    total = sum(float(pdfmetrics.stringWidth(chunk, face, size)) for face, chunk in chunks)
    x -= {"start": 0.0, "middle": total / 2, "end": total}[anchor]
    for face, chunk in chunks:
        put(x, face, chunk)
        x += float(pdfmetrics.stringWidth(chunk, face, size))
    return total
