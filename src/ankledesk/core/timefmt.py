"""Durations as people read them: every place that writes a duration for a person uses these.

- `duration_text`: a gym timer's `0:45`, `24:00`, `1:02:03` (the screens, the CLI, the hints);
- `seconds_text`: a set's length as a coach writes it on paper, `45 s` under a minute and
  `2:05` from a minute up (the printed logs and their charts).
"""

from __future__ import annotations

import math


def duration_text(seconds: float, ceil: bool = False) -> str:
    """`m:ss` (or `h:mm:ss`). Countdowns round up so `0:00` only shows when time is really up."""
    whole = math.ceil(seconds - 1e-9) if ceil else math.floor(seconds + 1e-9)
    whole = max(0, int(whole))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def seconds_text(seconds: float) -> str:
    """`45 s` under a minute, `2:05` from a minute up (rounded to the nearest second)."""
    whole = round(seconds)
    return f"{whole} s" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"
