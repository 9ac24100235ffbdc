"""The routine library the app uses: the shipped routines, then the user's own folder.

`read` is how the TOML files are read: `read_toml` for the commands, the data folder's cache of
parsed files for the app (store/parsed_toml.py).
"""

from __future__ import annotations

from pathlib import Path

from ankledesk import paths
from ankledesk.core.loader import Library, TomlReader, load_library, read_toml


def open_library(data_dir: Path, read: TomlReader = read_toml) -> Library:
    return load_library(paths.builtin_routines_dir(), paths.user_routines_dir(data_dir), read)
