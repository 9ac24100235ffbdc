"""The user's own clip for a drill: any file VLC plays, kept in `<data-dir>/media/`.

A chosen file is copied in (so moving or deleting the original later does not break the drill)
under `<drill-id>.user<suffix>`, and the choice is remembered in `media/user-clips.json`
(`{"drill-id": "file name"}`), written atomically so a crash never leaves half a file. Going
back to the built-in clip forgets the choice and removes the copy. `clip_path` is what the
video view plays: the user's clip if one is set and present, else the shipped `media/<clip>`.
Qt-free on purpose (import-linter): the CLI and tests use it without a display.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ankledesk import paths
from ankledesk.core.model import Drill
from ankledesk.durable_files import atomic_copy
from ankledesk.errors import UserError
from ankledesk.store.storage import atomic_write_bytes, remove_durably

log = logging.getLogger(__name__)

INDEX_NAME = "user-clips.json"


class UserClips:
    """Which drills use the user's own clip, stored in one data folder."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.folder = paths.user_media_dir(data_dir if data_dir is not None else paths.data_dir())
        self.index_path = self.folder / INDEX_NAME

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # A damaged index only loses the choices: the built-in clips still play.
            log.warning("ignoring unreadable %s: %s", self.index_path, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def _write(self, index: dict[str, str]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        atomic_write_bytes(self.index_path, text.encode("utf-8"))

    def all(self) -> dict[str, Path]:
        """Drill id → the user's clip file, for every drill that has one set."""
        return {drill_id: self.folder / name for drill_id, name in self._read().items()}

    def get(self, drill_id: str) -> Path | None:
        """The user's clip for `drill_id` if one is set and its file is still there."""
        name = self._read().get(drill_id)
        if name is None:
            return None
        path = self.folder / name
        return path if path.is_file() else None

    def set(self, drill_id: str, source: Path | str) -> Path:
        """Copy `source` in as `drill_id`'s clip and remember it; returns the copy's path."""
        source = Path(source).expanduser()
        if not source.is_file():
            what = "a folder" if source.is_dir() else "not found"
            raise UserError(f"{source}: cannot use as a clip for {drill_id}: {what}")
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise UserError(f"{source}: cannot read it: {exc.strerror or exc}") from exc
        if size == 0:
            raise UserError(f"{source}: cannot use as a clip for {drill_id}: the file is empty")
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{drill_id}.user{source.suffix.lower()}"
        target = self.folder / name
        try:
            atomic_copy(source, target)  # fsynced, so a crash after set() returns keeps it
        except OSError as exc:
            raise UserError(f"{source}: could not copy it into {self.folder}: "
                            f"{exc.strerror or exc}") from exc
        index = self._read()
        old = index.get(drill_id)
        index[drill_id] = name
        self._write(index)
        if old and old != name:
            remove_durably(self.folder / old)
        return target

    def reset(self, drill_id: str) -> bool:
        """Go back to the built-in clip; returns False when no own clip was set."""
        index = self._read()
        name = index.pop(drill_id, None)
        if name is None:
            return False
        self._write(index)
        remove_durably(self.folder / name)
        return True

    def clip_path(self, drill: Drill) -> Path | None:
        """The clip to play for `drill`: the user's if set and present, else the built-in one."""
        own = self.get(drill.id)
        if own is not None:
            return own
        if not drill.clip:
            return None
        return paths.builtin_media_dir() / drill.clip
