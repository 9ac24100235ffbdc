"""User text made safe to print on a terminal.

A routine name, a note or a `--name` may hold control characters (an escape sequence pasted
from somewhere, a stray carriage return): printed raw they could recolour, move the cursor,
rewrite the line the user is reading or ring the bell. Every message that repeats user text
passes it through `shown`, which writes such characters as visible escapes (`\\x1b`, `\\r`,
`\\u202e`), the way Python's repr does, and leaves everything else (accents, 足首, 🏃) as typed.
"""

from __future__ import annotations

import unicodedata

_UNSAFE = ("Cc", "Cf", "Cs")
_KEPT = "\u200d\ufe0f"  # the emoji joiner and presentation selector: 🏃‍♀️ stays one emoji
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """`text` with control, format (bidi overrides, zero-width) and unpaired surrogate
    characters written as escapes, so printing it cannot drive the terminal."""
    return "".join(_escape(ch) if unicodedata.category(ch) in _UNSAFE and ch not in _KEPT
                   else ch for ch in str(text))
