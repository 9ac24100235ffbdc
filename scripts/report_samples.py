"""Render the printable documents from a realistic eight-week history, to look at them.

`python scripts/report_samples.py OUT` writes into OUT a weekly log (A4 and Letter), an
eight-week range that runs one week into the future, and the blank sheet of each built-in
routine (A4 and Letter), each as a PDF and its pages as PNGs (pdftoppm, 70 dpi). With
`--docs` it also refreshes docs/report-week.png and docs/report-blank.png, the README's
pictures. The history is tests/report/factories.eight_weeks (see its docstring).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ankledesk.library import open_library  # noqa: E402
from ankledesk.report import blank_sheet, range_log, weekly_log  # noqa: E402
from tests.report.factories import (  # noqa: E402
    EIGHT_WEEKS_LAST,
    EIGHT_WEEKS_TODAY,
    eight_weeks,
    monday,
)

NAME = "Alex Runner"


def pngs(pdf: Path, dpi: int = 70) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pdf.with_suffix(""))],
                   check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", action="store_true", help="refresh docs/report-*.png")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    history = eight_weeks()
    last = monday(EIGHT_WEEKS_LAST)
    library = open_library(args.out / "data")
    docs: dict[str, bytes] = {}
    for paper in ("a4", "letter"):
        docs[f"week-{paper}"] = weekly_log(history, last, paper=paper, name=NAME,
                                           drills=library.drills, today=EIGHT_WEEKS_TODAY)
        docs[f"range-{paper}"] = range_log(history, monday("2026-W40"), monday("2026-W48"),
                                           paper=paper, name=NAME, drills=library.drills,
                                           today=EIGHT_WEEKS_TODAY)
        for routine in library.routines.values():
            docs[f"blank-{routine.id}-{paper}"] = blank_sheet(routine, monday("2026-W48"),
                                                              paper=paper)
    for stem, data in docs.items():
        pdf = args.out / f"{stem}.pdf"
        pdf.write_bytes(data)
        pngs(pdf)
    if args.docs:
        for stem, target in (("week-a4", "report-week.png"),
                             ("blank-big-toe-strength-a4", "report-blank.png")):
            subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-singlefile",
                            str(args.out / f"{stem}.pdf"), str(ROOT / "docs" / target[:-4])],
                           check=True)
    print(f"wrote {len(docs)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
