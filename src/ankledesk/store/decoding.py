"""Strict JSON, and where each member of an object sits in the text.

Python's json module accepts what JSON does not (`NaN`, `Infinity`, `1e400` read as infinity),
keeps the last of two duplicate keys without a word, and raises RecursionError on deep nesting.
Any of these in one session must cost that session only, so the store decodes in two ways:

- `strict_loads`: the whole text at C speed, refusing all of the above (ShapeError). A healthy
  file is read this way and nothing else is done.
- `object_members`: when the strict read fails, the text of an object is walked member by member
  to find where each value starts and ends, so each session can be decoded (and, if need be,
  kept aside) on its own, byte for byte. Ends are found by the C decoder where it can, and by a
  small iterative scanner where nesting is too deep for it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from ankledesk.store.documents import ShapeError

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_PERMISSIVE = json.JSONDecoder()


def _no_constant(name: str) -> Any:
    raise ShapeError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ShapeError(f"{text} is out of range")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ShapeError(f'the key "{key}" appears twice in one object')
            seen.add(key)
    return result


def strict_loads(text: str) -> Any:
    """JSON as the standard defines it; ShapeError (a ValueError) for anything else."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite,
                          object_pairs_hook=_unique_keys)
    except RecursionError:
        raise ShapeError("nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ShapeError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except ShapeError:
        raise
    except ValueError as exc:  # an integer longer than Python converts (4300 digits)
        raise ShapeError(f"a number cannot be read ({exc})") from None


@dataclass(frozen=True)
class Member:
    """One `"key": value` of an object; `text[start:end]` is the value exactly as written."""

    key: str
    start: int
    end: int


def skip_space(text: str, at: int) -> int:
    match = _WHITESPACE.match(text, at)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _scan_end(text: str, at: int) -> int:
    """End of the array or object starting at `at`, without recursion (any depth)."""
    depth = 0
    for match in _TOKEN.finditer(text, at):
        token = match.group()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
            if depth == 0:
                return match.end()
    raise ShapeError("not valid JSON (the text ends inside an object)")


def value_end(text: str, at: int) -> int:
    """Where the JSON value starting at `at` ends; ShapeError if there is none."""
    try:
        return int(_PERMISSIVE.raw_decode(text, at)[1])
    except json.JSONDecodeError as exc:
        raise ShapeError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except (RecursionError, ValueError):
        # Too deep for the C decoder, or an integer longer than Python converts: find the
        # end without building the value.
        if text[at:at + 1] in ("[", "{"):
            return _scan_end(text, at)
        number = _NUMBER.match(text, at)
        if number is None or number.end() == at:
            raise ShapeError("not valid JSON") from None
        return number.end()


def _expect(text: str, at: int, char: str) -> int:
    if text[at:at + 1] != char:
        line = text.count("\n", 0, at) + 1
        raise ShapeError(f"not valid JSON (expected {char!r} at line {line})")
    return at + 1


def object_members(text: str, at: int) -> tuple[list[Member], int]:
    """The members of the object starting at `at`, in file order (duplicates included), and
    the index just after its closing brace."""
    at = skip_space(text, _expect(text, at, "{"))
    members: list[Member] = []
    if text[at:at + 1] == "}":
        return members, at + 1
    while True:
        if text[at:at + 1] != '"':
            _expect(text, at, '"')
        key_end = value_end(text, at)
        key = json.loads(text[at:key_end])
        at = skip_space(text, _expect(text, skip_space(text, key_end), ":"))
        end = value_end(text, at)
        members.append(Member(key, at, end))
        at = skip_space(text, end)
        if text[at:at + 1] == ",":
            at = skip_space(text, at + 1)
            continue
        return members, _expect(text, at, "}")
