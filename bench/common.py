"""Shared shape of a benchmark result row and small statistics helpers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass
class Row:
    """One measured figure, next to its baseline (same run) and its budget."""

    benchmark: str
    metric: str
    value: str
    baseline: str = ""
    budget: str = ""
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "OVER", None: ""}[self.ok]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: with few samples it reports a value that really occurred."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
