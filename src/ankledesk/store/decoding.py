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
from collections.abc import Mapping
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


_CLOSER = {"[": "]", "{": "}"}


def _scan_end(text: str, at: int) -> int:
    """End of the array or object starting at `at`, without recursion (any depth); a bracket
    closed by the other kind (text lost in between) has no end."""
    open_: list[str] = []
    for match in _TOKEN.finditer(text, at):
        token = match.group()
        if token in _CLOSER:
            open_.append(_CLOSER[token])
        elif token in "]}":
            if not open_ or open_.pop() != token:
                raise ShapeError("not valid JSON (a bracket closed by the other kind)")
            if not open_:
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


# -- reading a damaged file (store.salvage) ---------------------------------------------------

BOM = b"\xef\xbb\xbf"
_PADDING = b"\0 \t\r\n"
_GAP = re.compile(r"(?:[ \t\n\r]+|//[^\n]*|/\*.*?(?:\*/|\Z))*", re.DOTALL)
_COMMENT = re.compile(r"//|/\*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_MENDABLE = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?(?:\*/|\Z)|,', re.DOTALL)
_STRAY = re.compile("[\udc80-\udcff]")


def unpadded(raw: bytes) -> tuple[bytes, int]:
    """The file's bytes without a byte-order mark before them (what some Windows editors
    write) or NUL bytes and white space after them (what a file system that crashed while a
    file grew leaves where the data never came), and how many bytes were cut at the start.
    Neither is JSON nor data, so a file is read as if they were absent."""
    start = len(BOM) if raw.startswith(BOM) else 0
    end = len(raw.rstrip(_PADDING))
    return raw[start:max(start, end)], start


def lenient_text(raw: bytes) -> str:
    """`raw` as text whatever it holds: a byte that is not UTF-8 becomes a lone surrogate
    (`surrogateescape`), so a slice encoded back the same way is exactly the bytes it came
    from (a quarantine file keeps them byte for byte)."""
    return raw.decode("utf-8", "surrogateescape")


def stray_bytes(text: str) -> list[int]:
    """Where `lenient_text` found bytes that are not UTF-8."""
    return [m.start() for m in _STRAY.finditer(text)]


def _legacy_char(surrogate: str) -> str:
    byte = bytes([ord(surrogate) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        return byte.decode("latin-1")


def legacy_char(text: str, at: int) -> str:
    """The character a stray byte stands for in Windows-1252 (Latin-1 with printable
    0x80–0x9F): an editor that saved one accented letter in the old Windows encoding is by
    far the likeliest author of a single non-UTF-8 byte in a note or a name."""
    return _legacy_char(text[at])


def skip_gap(text: str, at: int) -> int:
    """Past white space and `//` or `/* */` comments (a hand edit's, not JSON)."""
    match = _GAP.match(text, at)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def has_comment(text: str, start: int, end: int) -> bool:
    return _COMMENT.search(text, start, end) is not None


def string_end(text: str, at: int) -> int | None:
    """The end of the JSON string starting at `at`, None if there is none."""
    match = _STRING.match(text, at)
    return None if match is None else match.end()


def balanced_end(text: str, at: int) -> int | None:
    """End of the array or object starting at `at`, matching brackets outside strings
    whatever lies between them; None if the text ends first."""
    try:
        return _scan_end(text, at)
    except ShapeError:
        return None


def mended_loads(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """The strict JSON value of `text` once mended the way a hand edit breaks it: comments
    dropped, a comma before `}` or `]` dropped, a byte that is not UTF-8 read as Windows-1252.
    Returns the value and (position, what) for each comment and comma mended (stray bytes:
    see `stray_bytes`); ShapeError if it is still not strict JSON (so `NaN`, garbage or a cut
    never pass)."""
    mended: list[tuple[int, str]] = []
    pieces: list[str] = []
    last = 0
    for match in _MENDABLE.finditer(text):
        token = match.group()
        if token.startswith("/"):
            pieces += [text[last:match.start()], " "]
            last = match.end()
            mended.append((match.start(), "a comment"))
        elif token == ",":
            after = skip_gap(text, match.end())
            if text[after:after + 1] in ("}", "]"):
                pieces.append(text[last:match.start()])
                last = match.end()
                mended.append((match.start(), "a comma too many"))
    pieces.append(text[last:])
    result = "".join(pieces)
    if _STRAY.search(result):
        result = _STRAY.sub(lambda m: _legacy_char(m.group()), result)
    return strict_loads(result), mended


@dataclass(frozen=True)
class Part:
    """A member of an object or an element of an array as `lenient_walk` found it:
    `text[start:end]` is its value exactly as written. `key` is the member's name (None for
    an array element); `stray` marks text that is neither (garbage between members); `whole`
    is False when the text ends inside it, or right after a number or a word (`12` cut to
    `1` still reads as JSON: it cannot be trusted)."""

    key: str | None
    start: int
    end: int
    stray: bool = False
    whole: bool = True


@dataclass
class Walk:
    """What `lenient_walk` found: the parts in file order, where the object or array ends
    (the end of the text if it never closes), and (position, what) for each fault."""

    parts: list[Part]
    end: int
    closed: bool
    damage: list[tuple[int, str]]


def _try_end(text: str, at: int) -> tuple[int | None, int]:
    """(the end of the value at `at`, None if it is not JSON; where it went wrong)."""
    try:
        return int(_PERMISSIVE.raw_decode(text, at)[1]), at
    except json.JSONDecodeError as exc:
        return None, exc.pos
    except (RecursionError, ValueError):
        try:
            return value_end(text, at), at
        except ShapeError:
            return None, at


def _stray(text: str, at: int, anchor: re.Pattern[str], walk: Walk, what: str) -> int:
    found = anchor.search(text, at)
    end = found.start() if found else len(text)
    walk.damage.append((at, what))
    walk.parts.append(Part(None, at, at + len(text[at:end].rstrip()), stray=True))
    return end


def lenient_walk(text: str, at: int, anchor: re.Pattern[str],
                 nested: Mapping[str, re.Pattern[str]] | None = None,
                 resync: re.Pattern[str] | None = None) -> Walk:
    """The members (or elements) of the object (or array) starting at `at`, read past what a
    hand edit or a crash leaves: comments, commas too many, garbage, a cut.

    A value that is not JSON runs to its matching bracket when that comes before the next
    `anchor` (where a sibling starts: `,"12":{` in a table of sessions), else to that anchor
    or the end of the text; text where no member can start is a stray part up to the next
    anchor (or `resync`, when given). A member named in `nested` whose value is an array or
    object that is not JSON ends where a walk of it with that anchor ends (the steps of a
    session: its sets' names would read as anchors of the session's own fields). Nothing is
    decoded here: each part's text is judged on its own by the caller."""
    close = "}" if text[at] == "{" else "]"
    resync = resync or anchor
    walk = Walk([], len(text), False, [])
    at += 1
    want = True  # a member may start here: after the bracket or a comma
    comma = at
    while True:
        gap = skip_gap(text, at)
        comment = _COMMENT.search(text, at, gap)
        if comment is not None:
            walk.damage.append((comment.start(), "a comment"))
        at = gap
        if at >= len(text):
            walk.damage.append((at, "the text ends here"))
            return walk
        char = text[at]
        if char == close:
            if want and walk.parts:
                walk.damage.append((comma, "a comma too many"))
            walk.end, walk.closed = at + 1, True
            return walk
        if char == ",":
            if want:
                walk.damage.append((at, "a comma too many"))
            want, comma, at = True, at, at + 1
            continue
        if not want:
            at = _stray(text, at, resync, walk, "text that is not JSON")
            continue
        key = None
        if close == "}":
            key_end = string_end(text, at)
            colon = skip_gap(text, key_end) if key_end is not None else at
            if key_end is None or text[colon:colon + 1] != ":":
                at = _stray(text, at, resync, walk, "text that is not JSON")
                continue
            try:
                key = json.loads(text[at:key_end])
            except ValueError:
                at = _stray(text, at, resync, walk, "a name that is not JSON")
                continue
            at = skip_gap(text, colon + 1)
        end, fault = _try_end(text, at)
        if end is not None:
            after = skip_gap(text, end)
            if after >= len(text) or text[after] in (",", close):
                whole = after < len(text) or text[at] in ('"', "{", "[")
                if not whole:
                    walk.damage.append((at, "the text ends inside it"))
                walk.parts.append(Part(key, at, end, whole=whole))
                at, want = end, False
                continue
            fault = after
        bracket = text[at:at + 1] in ("{", "[")
        if bracket and nested and key is not None and key in nested:
            inner = lenient_walk(text, at, nested[key])
            walk.damage.append((fault, "text that is not JSON" if inner.closed
                                else "the text ends inside it"))
            walk.parts.append(Part(key, at, inner.end, whole=inner.closed))
            at, want = inner.end, False
            continue
        guess = balanced_end(text, at) if bracket else None
        found = anchor.search(text, at)
        cut = guess is None and found is None
        walk.damage.append((fault, "the text ends inside it" if cut else "text that is not JSON"))
        if guess is None or (found is not None and found.start() < guess):
            guess = found.start() if found else len(text)
            guess = at + len(text[at:guess].rstrip())
        walk.parts.append(Part(key, at, guess, whole=not cut))
        at, want = guess, False
