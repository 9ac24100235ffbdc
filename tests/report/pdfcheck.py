"""Reading the PDFs back the way a reader sees them: text per page (pdfplumber), page sizes,
and pages rendered to PNG by poppler's pdftoppm."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pdfplumber
from PIL import Image, ImageStat


def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(float(p.mediabox[2] - p.mediabox[0]), float(p.mediabox[3] - p.mediabox[1]))
                for p in pdf.pages]


def render_pages(data: bytes, folder: Path, dpi: int = 50) -> list[Path]:
    """Each page as a PNG, by pdftoppm (poppler-utils), as a PDF viewer would draw it."""
    source = folder / "doc.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(folder / "page")],
                   check=True, capture_output=True, timeout=60)
    return sorted(folder.glob("page*.png"))


def ink_spread(png: Path) -> float:
    """The grey-level standard deviation of a page: about 0 for a blank page."""
    with Image.open(png) as image:
        return ImageStat.Stat(image.convert("L")).stddev[0]


def page_words(data: bytes) -> list[list[dict]]:
    """Each page's words with their boxes (pdfplumber: x0, x1, top, bottom in points)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_words(keep_blank_chars=False) for page in pdf.pages]


def region_text(data: bytes, page: int, bbox: tuple[float, float, float, float]) -> str:
    """The text inside `bbox` (x0, top, x1, bottom) of page `page` (0-based), one line per
    line, words joined by single spaces."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[page].crop(bbox).extract_text() or ""


def figure_box_text(data: bytes, label: str, page: int = 0, boxes: int = 5) -> str:
    """The text of the summary box (one of `boxes` equal boxes across the frame) holding the
    word `label`, its lines joined by spaces: the boxes sit side by side, so the page's own
    text interleaves their lines."""
    from ankledesk.report.styles import MARGIN

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[page]
        word = next(w for w in p.extract_words() if w["text"] == label)
        width = (float(p.width) - 2 * MARGIN) / boxes
        column = int((word["x0"] - MARGIN) // width)
        x0 = MARGIN + column * width
        text = p.crop((x0 + 1, word["top"] - 30, x0 + width - 1,
                       word["bottom"] + 40)).extract_text() or ""
    return " ".join(text.split())


def ink_in(png: Path, bbox: tuple[float, float, float, float], dpi: int) -> int:
    """How many dark pixels a rendered page has inside `bbox` (points, pdfplumber's x0, top,
    x1, bottom): 0 where nothing was drawn."""
    scale = dpi / 72
    with Image.open(png) as image:
        crop = image.convert("L").crop(tuple(round(v * scale) for v in bbox))
        return sum(crop.histogram()[:128])
