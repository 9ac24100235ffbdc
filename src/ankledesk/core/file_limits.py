"""The bounds a hand-written TOML file is read within, so one file can cost only itself.

A routine file is a few KB nested three or four levels deep (the largest file shipped,
drills.toml, is 25 KB), but the folder it sits in is the user's, and so is a file someone
sends: a FIFO there would block every command that loads routines, a link to /dev/zero would be
read until memory ran out, 100 MB of TOML keeps tomllib busy for minutes, and tomllib, which
recurses once per bracket, raises a RecursionError that names no file a few hundred levels
down. So the file's type is checked before it is opened (through any links) and again on the
open descriptor (opened without blocking, so a FIFO swapped in meanwhile is never waited on),
its size is capped before a byte is read, and the nesting of its brackets is counted before it
is parsed. Each limit broken is one `FileRefused` reason, which the loader turns into a Problem
naming the file; the other files load.
"""

from __future__ import annotations

import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

MAX_BYTES = 256 * 1024
"""Ten times the largest file shipped: no routine written by hand or by the Build screen comes
near it, and tomllib parses this much in well under a second."""
MAX_DEPTH = 16
"""A routine is nested three levels deep (`[[items]]`, a list inside an item); 16 leaves room
for any hand-written layout and is far from where tomllib's recursion gives out."""

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))

# Everything in TOML text but the brackets that nest: runs of other characters, and strings and
# comments whole (brackets in them are text). The string forms are TOML 1.0's, each written as
# an unrolled loop so a long string is one quick run; a multi-line string may end with up to
# two quotes of its own before the closing three. A quote that opens no complete string is
# dropped alone: tomllib stops reading at it anyway.
_NOT_NESTING = re.compile(r'''
      [^"'\#\[\]{}]+
    | """[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"{3,5}
    | \'\'\'[^']*(?:'(?!'')[^']*)*'{3,5}
    | "[^"\\\n]*(?:\\.[^"\\\n]*)*"
    | '[^'\n]*'
    | \#[^\n]*
    | ["']
''', re.VERBOSE | re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class FileRefused(ValueError):
    """A file outside the bounds above; the message says which and what was found."""


def size_text(size: int) -> str:
    """A file size as a person reads it: `900 bytes`, `256 KB`, `2.0 MB` (rounded up, so a
    file one byte over the cap never reads as the cap)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _not_regular(mode: int) -> str | None:
    """What the file is when it is not a regular file; None when it is one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "something other than a file"


def _refuse_kind(path: Path, kind: str) -> FileRefused:
    if path.is_symlink():
        return FileRefused(f"is a link to {os.path.realpath(path)}, {kind}, not a file; "
                           "it was not read")
    return FileRefused(f"is {kind}, not a file; it was not read")


def _too_big(size_said: str, limit: int) -> FileRefused:
    return FileRefused(f"{size_said}, too big for a routine file (at most {size_text(limit)}); "
                       "it was not read")


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path`, a regular file (links followed) of at most `limit` bytes.

    FileRefused for anything else, before a byte is read; OSError when it cannot be opened."""
    try:
        kind = _not_regular(os.stat(path).st_mode)  # nothing is opened before this says "a file"
    except FileNotFoundError:
        if path.is_symlink():
            raise FileRefused(f"is a link to {os.readlink(path)}, which does not exist; "
                              "it was not read") from None
        raise
    if kind is not None:
        raise _refuse_kind(path, kind)
    fd = os.open(path, _FLAGS)
    with os.fdopen(fd, "rb") as fh:
        found = os.fstat(fh.fileno())  # what was opened, if the name changed hands meanwhile
        kind = _not_regular(found.st_mode)
        if kind is not None:
            raise _refuse_kind(path, kind)
        if found.st_size > limit:
            raise _too_big(size_text(found.st_size), limit)
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        raise _too_big(f"more than {size_text(limit)}", limit)
    return data


def text_depth(text: str) -> int:
    """How deep the brackets and braces of TOML text nest, outside strings and comments.

    A table header counts as its brackets (`[[items]]` is 2). Text tomllib would refuse may be
    counted differently, but only after the point where tomllib stops reading it."""
    brackets = _NOT_NESTING.sub("", text)
    levels = accumulate(map(_STEP.__getitem__, brackets), lambda depth, step: max(depth + step, 0))
    return max(levels, default=0)


def data_depth(data: dict[str, Any]) -> int:
    """How deep the tables and arrays below the top of a parsed document nest (dotted keys
    nest without a bracket: `a.b.c = 1` is 2). Counted without recursion, so any depth can be
    measured."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: list[Any] = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def too_deep(depth: int) -> FileRefused | None:
    """The reason to refuse a file nested `depth` levels deep, if it is too deep."""
    if depth <= MAX_DEPTH:
        return None
    return FileRefused(f"nested {depth} levels deep (at most {MAX_DEPTH})")
