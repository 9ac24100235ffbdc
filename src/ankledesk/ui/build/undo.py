"""Undo and redo of every edit: each command holds the draft before and after it.

Because a draft state is an immutable value, a command is just the pair; consecutive edits of one
field (typing a name, spinning a number) merge into one step, as in any editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ankledesk.core.draft import DraftState

# QUndoCommand ids: -1 never merges; field edits merge by the field they change.
_FIELD_IDS: dict[str, int] = {}


def merge_id(key: str | None) -> int:
    if key is None:
        return -1
    return _FIELD_IDS.setdefault(key, len(_FIELD_IDS) + 1)


class EditCommand(QUndoCommand):
    def __init__(self, text: str, before: DraftState, after: DraftState,
                 apply: Callable[[DraftState], None], merge_key: str | None = None) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self._apply = apply
        self._id = merge_id(merge_key)

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.id() != self._id or self._id == -1:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
