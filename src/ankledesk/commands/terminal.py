"""What the CLI prints beyond single lines, defanged like them (see ankledesk.core.terminal).

`shown` makes a line of user text safe to print; a JSON document and a CSV table need the same
care in their own syntax: `json.dumps(ensure_ascii=False)` leaves DEL, the C1 controls (0x9b
is a CSI on many terminals), the line separators and the bidi controls raw, and a CSV cell's
text is user text too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ankledesk.core.terminal import shown

# What json.dumps(ensure_ascii=False) leaves raw: DEL, C1, the separators and the bidi marks.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_json(value: Any) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)` with the controls JSON leaves raw
    written as `\\u` escapes: the same data to a JSON reader, harmless to a terminal."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def cell(value: Any) -> Any:
    """A CSV cell for the terminal: text defanged (`shown`), numbers as they are."""
    return shown(value) if isinstance(value, str) else value
