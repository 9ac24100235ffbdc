"""The app's cache of parsed TOML, `<data>/cache/parsed-toml.json`.

Python's TOML parser is pure Python, and parsing the library's files and the self-check with it
was the largest single step between starting the app and its first paint (about 9 ms), while
reading the same data back as JSON takes a fraction of a millisecond. An entry is used only when
the file's text is exactly the text it was parsed from, so an edited routine can never be served
stale; a missing, damaged or unwritable cache only means parsing again. The commands don't keep
it: a command that only reads (`history`, `routines list`) writes nothing in the data folder.

    parsed = ParsedToml.of(data_dir)
    library = open_library(data_dir, parsed.read)
    parsed.save()
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ankledesk import paths
from ankledesk.core.loader import parse_toml, read_text
from ankledesk.core.problems import Problem
from ankledesk.store.storage import atomic_write_bytes, dumps

CACHE_FILE = paths.cache_dir(Path()) / "parsed-toml.json"
CACHE_FORMAT = 1


class ParsedToml:
    """TOML files as parsed before, by exact text (see the module docstring)."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._known: dict[str, Any] = {}
        self._used: dict[str, dict[str, Any]] = {}
        self._changed = False
        try:
            document = json.loads(file.read_bytes())
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(document, dict) and document.get("format") == CACHE_FORMAT \
                and isinstance(document.get("files"), dict):
            self._known = document["files"]

    @classmethod
    def of(cls, data_dir: Path) -> ParsedToml:
        return cls(Path(data_dir) / CACHE_FILE)

    def read(self, path: Path) -> dict[str, Any] | Problem:
        """What `read_toml(path)` gives, from the cache when the text is unchanged."""
        text = read_text(path)
        if isinstance(text, Problem):
            return text
        key = str(path)
        entry = self._known.get(key)
        if isinstance(entry, dict) and entry.get("text") == text:
            cached = entry.get("data")
            if isinstance(cached, dict):
                self._used[key] = entry
                return cached
        data = parse_toml(path, text)
        if isinstance(data, dict) and _same_as_json(data):
            self._used[key] = {"text": text, "data": data}
            self._changed = True
        return data

    def save(self) -> None:
        """Write what changed (a file gone or renamed drops out); best effort."""
        kept = {key: entry for key, entry in self._known.items() if Path(key).is_file()}
        if not self._changed and kept.keys() == self._known.keys():
            return
        self._known = {**kept, **self._used}
        self._changed = False
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.file, dumps({"format": CACHE_FORMAT, "files": self._known}))
        except OSError:
            return  # a read-only data folder: parsed again next time, nothing else changes


def _same_as_json(data: dict[str, Any]) -> bool:
    """Whether the parsed TOML survives a trip through JSON unchanged (dates and NaN don't)."""
    try:
        return bool(json.loads(dumps(data)) == data)
    except (TypeError, ValueError):
        return False
