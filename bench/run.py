"""`make bench`: run every benchmark, print one table, record it in docs/benchmarks.md.

Each `bench/bench_<area>.py` module has `run() -> list[Row]`, run in a fresh interpreter of
its own, so no area measures another's leftovers (a QApplication, a grown heap, the sound
server QtMultimedia bound to). Timings live here and never in tests, because these machines
are shared and noisy; every comparison is measured in the same run as its baseline.
`python bench/run.py engine store` runs only those areas and does not touch
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Row  # noqa: E402

ROOT = HERE.parent
REPORT = ROOT / "docs" / "benchmarks.md"


ROWS_MARK = "bench rows: "


def areas() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def run_area(area: str) -> list[Row]:
    """`area` in a child interpreter; its rows come back as the last line it prints."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--area", area],
                          stdout=subprocess.PIPE, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(ROWS_MARK)]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"bench {area} failed (exit {done.returncode})")
    return [Row(**fields) for fields in json.loads(lines[-1].removeprefix(ROWS_MARK))]


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
    parser.add_argument("--area", help=argparse.SUPPRESS)  # a child run by run_area
    args = parser.parse_args()
    if args.area:
        found = importlib.import_module(f"bench_{args.area}").run()
        print(ROWS_MARK + json.dumps([dataclasses.asdict(row) for row in found]), flush=True)
        return 0
    chosen = args.only or areas()
    rows: list[Row] = []
    started = time.monotonic()
    display = None
    if not os.environ.get("DISPLAY"):
        # One virtual screen for the whole run, inherited by every area's interpreter.
        from pyvirtualdisplay import Display

        display = Display(visible=False, size=(1920, 1080), color_depth=24)
        display.start()
    os.environ.pop("WAYLAND_DISPLAY", None)  # the areas open their windows on that X display
    for area in chosen:
        print(f"running {area} …", file=sys.stderr, flush=True)
        found = run_area(area)
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
            "Measured by `make bench` (bench/run.py), each area in a fresh interpreter of its\n"
            "own; every baseline ran in the same run as the figure it is compared with.\n"
            "Timings are never asserted in tests.\n\n"
            f"- Ran: {stamp}, {time.monotonic() - started:.0f} s in all\n"
            f"- Machine: {machine()}\n\n" + "\n".join(lines) + "\n"
            + "".join(getattr(importlib.import_module(f"bench_{a}"), "NOTES", "") for a in chosen),
            encoding="utf-8",
        )
        print(f"\nwritten to {REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
