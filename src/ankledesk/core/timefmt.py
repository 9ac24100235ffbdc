"""Durations as people read them on a gym timer: `0:45`, `24:00`, `1:02:03`."""

from __future__ import annotations

import math


def clock(seconds: float, ceil: bool = False) -> str:
    """`m:ss` (or `h:mm:ss`). Countdowns round up so `0:00` only shows when time is really up."""
    whole = math.ceil(seconds - 1e-9) if ceil else math.floor(seconds + 1e-9)
    whole = max(0, int(whole))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

