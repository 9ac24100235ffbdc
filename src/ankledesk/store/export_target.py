"""Where an export may write: the one set of rules `ankledesk export` and History's Export both
follow, so the window can never do what the command refuses.

A target is refused when it is a folder, when its folder does not exist, when it is one of the
data folder's own files (store/owned.py: the preferences, the history, the journal, the cache,
…; through a symlink or a hard link too), or when it is read-only and replacing it was not
asked for (`--force`; in the window, confirming "Replace?" in the save dialog). Every file an
export writes is checked, the one named and any written beside it. The refusal carries a line
for the terminal and a sentence for a dialog.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ankledesk.errors import UserError
from ankledesk.store.advice import explain
from ankledesk.store.owned import ANOTHER_NAME, owner


class TargetRefused(UserError):
    """An export's file that must not be written: `str()` is the terminal's line (the path,
    what is wrong, what was found), `sentence` the dialog's, in plain words."""

    def __init__(self, line: str, sentence: str) -> None:
        super().__init__(line)
        self.sentence = sentence


def check_target(data_dir: Path, text: str, *, replace_read_only: bool) -> Path:
    """The file `text` names, if an export may write it; else TargetRefused. (Checked before
    any work, so a typo costs no waiting, and again just before writing.)"""
    path = Path(text).expanduser()
    try:
        return _checked(data_dir, text, path, replace_read_only)
    except OSError as exc:  # a name too long, a folder that cannot be searched, …
        advice = explain(exc, safe="nothing was written")
        named = advice.startswith(f"{exc.filename}:")  # the path first, as the line would
        raise TargetRefused(f"cannot write {advice if named else f'{text}: {advice}'}",
                            f"That file cannot be written: {advice}.") from None


def _checked(data_dir: Path, text: str, path: Path, replace_read_only: bool) -> Path:
    if text.endswith(("/", os.sep)) and not path.is_dir():
        raise TargetRefused(f"cannot write {text}: the folder {text} does not exist",
                            f"The folder {text} does not exist; {ANOTHER_NAME}.")
    if path.is_dir():
        raise TargetRefused(f"{text} is a folder; give a file name, e.g. {path / 'log.pdf'}",
                            "That is a folder; give a file name.")
    owned = owner(data_dir, path)
    if owned is not None:
        found = (f", in the data folder {data_dir}" if owned.path == Path(os.path.abspath(path))
                 else f" ({owned.path})")
        raise TargetRefused(f"{text}: {owned.reason}{found}; an export never writes over "
                            f"AnkleDesk's files: {owned.advice}", owned.sentence())
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise TargetRefused(f"cannot write {text}: the folder {target.parent} does not exist",
                            f"The folder {target.parent} does not exist; choose another "
                            "folder.")
    if target.exists() and not replace_read_only and not _writable(target):
        raise TargetRefused(f"{text} is read-only; use --force to replace it anyway",
                            f"That file is read-only; {ANOTHER_NAME}.")
    return path


def _writable(path: Path) -> bool:
    """Write permission as the user set it (root's os.access says yes to everything)."""
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)
