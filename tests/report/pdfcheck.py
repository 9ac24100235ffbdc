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
