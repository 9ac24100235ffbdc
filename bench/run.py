"""`make bench`: run every benchmark, print one table, record it in docs/benchmarks.md.

Each `bench/bench_<area>.py` module has `run() -> list[Row]`. Timings live here and never in
tests, because these machines are shared and noisy; every comparison is measured in the same
run as its baseline. `python bench/run.py engine store` runs only those areas and does not
touch docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Row  # noqa: E402

ROOT = HERE.parent
REPORT = ROOT / "docs" / "benchmarks.md"


def areas() -> list[str]:
    """Every area, sound first: QtMultimedia binds to the sound server the first time it is
    used in the process, so the cue benchmark's own server must be the first it sees."""
    found = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    return sorted(found, key=lambda area: area != "sound")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def table(rows: list[Row]) -> list[str]:
    head = ["benchmark", "metric", "ours", "baseline (same run)", "budget", ""]
    body = [[r.benchmark, r.metric, r.value, r.baseline, r.budget, r.verdict] for r in rows]
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)] + [
        "| " + " | ".join(cells) + " |" for cells in body]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help=f"areas to run (default all: {areas()})")
    args = parser.parse_args()
    chosen = args.only or areas()
    rows: list[Row] = []
    started = time.monotonic()
    display = None
    if not os.environ.get("DISPLAY"):
        # One virtual screen for the whole run: the areas share one QApplication, which must
        # not outlive the display it was opened on.
        from pyvirtualdisplay import Display

        display = Display(visible=False, size=(1920, 1080), color_depth=24)
        display.start()
    os.environ.pop("WAYLAND_DISPLAY", None)  # the areas open their windows on that X display
    for area in chosen:
        print(f"running {area} …", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench_{area}")
        found = module.run()
        print("\n".join(table(found)[2:]), file=sys.stderr, flush=True)
        rows.extend(found)
    if display is not None:
        display.stop()
    lines = table(rows)
    print("\n".join(lines))
    if not args.only:
        stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(
            "# Benchmarks\n\n"
            "Measured by `make bench` (bench/run.py); every baseline ran in the same run as the\n"
            "figure it is compared with. Timings are never asserted in tests.\n\n"
            f"- Ran: {stamp}, {time.monotonic() - started:.0f} s in all\n"
            f"- Machine: {machine()}\n\n" + "\n".join(lines) + "\n"
            + "".join(getattr(importlib.import_module(f"bench_{a}"), "NOTES", "") for a in chosen),
            encoding="utf-8",
        )
        print(f"\nwritten to {REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
