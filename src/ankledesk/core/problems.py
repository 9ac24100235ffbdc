"""A problem found in a user's file, printed as one line the user can act on.

`PATH: FIELD: what is wrong (got VALUE)` — the path says which file, the field says where in it
(items are numbered from 1, as a coach counts them), and the value is shown as it was written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from dataclasses import field as _field
from pathlib import Path

from ankledesk.core.terminal import shown

_MISSING = object()


def show_value(value: object) -> str:
    """Render a value the way it looks in TOML, so the user recognises what they typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        shown = ", ".join(show_value(v) for v in value[:4])
        return f"[{shown}, …]" if len(value) > 4 else f"[{shown}]"
    return str(value)


def display_path(path: Path) -> str:
    """A path as short as it can be while still naming the file unambiguously."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith("..") else str(path)


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, said as one line: the file, the field, what was wrong and
    what was found there.

    A problem inside a routine's [[items]] table also says which, as data: `item_index` (from
    0, the item's place in the routine) and `item_key` (the key in that table, None for the
    table as a whole), so a screen can put it next to the right item without reading `field`.
    """

    path: Path
    field: str | None
    message: str
    got: object = _MISSING
    item_index: int | None = _field(default=None, kw_only=True)
    item_key: str | None = _field(default=None, kw_only=True)

    @property
    def detail(self) -> str:
        """What is wrong and what was found, without the where: shown next to a field."""
        got = "" if self.got is _MISSING else f" (got {show_value(self.got)})"
        return shown(f"{self.message}{got}")

    def __str__(self) -> str:
        where = f"{display_path(self.path)}: "
        if self.field:
            where += f"{self.field}: "
        return shown(f"{where}{self.detail}")
