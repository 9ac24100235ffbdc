"""Turning a story of flowables into PDF bytes, with a "Page x of y" footer on every page.

"of y" is only known once every page is laid out, so the canvas keeps each finished page's
state and draws the footers when the document is saved (the usual ReportLab recipe), which
costs one layout pass instead of two. The footer is one line: a long name in it is cut with
`…` before it could reach the page number (the header prints it in full).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from ankledesk import __version__
from ankledesk.report import fonts, styles

FOOTER_SIZE = 7.5


def _numbered_canvas(footer: str) -> type[canvas.Canvas]:
    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = styles.MARGIN * 0.55
            self.saveState()
            self.setStrokeColor(styles.RULE)
            self.setLineWidth(0.4)
            self.line(styles.MARGIN, y + 9, width - styles.MARGIN, y + 9)
            self.setFillColor(styles.MUTED)
            number = f"Page {self._pageNumber} of {total}"
            self.setFont(fonts.REGULAR, FOOTER_SIZE)
            self.drawRightString(width - styles.MARGIN, y, number)
            room = (width - 2 * styles.MARGIN - 12
                    - fonts.width(number, FOOTER_SIZE))
            fonts.draw(self._run(y), fonts.fit(footer, FOOTER_SIZE, room), FOOTER_SIZE,
                       styles.MARGIN)
            self.restoreState()

        def _run(self, y: float) -> Callable[[float, str, str], None]:
            def put(x: float, face: str, chunk: str) -> None:
                self.setFont(face, FOOTER_SIZE)
                self.drawString(x, y, chunk)
            return put

    return NumberedCanvas


def render(story: Sequence[Flowable], *, paper: str, title: str, footer: str,
           author: str = "", pagesize: tuple[float, float] | None = None) -> bytes:
    """Lay `story` out on `paper` (a4 or letter; `pagesize` to turn it, e.g. landscape) and
    return the PDF's bytes."""
    fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize or styles.page_size(paper), leftMargin=styles.MARGIN,
        rightMargin=styles.MARGIN, topMargin=styles.MARGIN, bottomMargin=styles.MARGIN,
        title=fonts.printable(title), author=fonts.printable(author),
        creator=f"AnkleDesk {__version__}", subject="Ankle and foot training log",
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()


def frame_width(paper: str) -> float:
    """The width the story can use on `paper`."""
    return float(styles.page_size(paper)[0] - 2 * styles.MARGIN)
