"""The circuit's items as a Qt list model over the core draft, with drag and drop.

The model only shows a `DraftState` and turns drops into requests: a drill dropped from the
library asks for an insert, a row dropped inside the list asks for a move. The screen makes
each request an undoable edit and hands the new state back with `set_state`; the model never
changes the draft on its own, so every change goes through the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ankledesk.core.draft import DraftItem, DraftState
from ankledesk.core.model import Drill, RoutineItem
from ankledesk.core.problems import Problem

DRILL_MIME = "application/x-ankledesk-drill"
ROW_MIME = "application/x-ankledesk-circuit-row"
ERROR_COLOUR = QColor("#d93025")

Index = QModelIndex | QPersistentModelIndex


def item_dosage(item: DraftItem) -> str:
    """`45 s each side`, `6 × 10 s reps`: as the Routines screen words a dosage."""
    return RoutineItem(item.drill, item.mode, item.amount if item.mode != "reps" else None,
                       item.amount if item.mode == "reps" else None, item.sides, item.cap,
                       item.rep_seconds).dosage()


class CircuitModel(QAbstractListModel):
    insert_requested = Signal(int, str)  # row, drill id
    move_requested = Signal(int, int)  # from row, to row (in the list after the move)

    def __init__(self, drills: dict[str, Drill], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drills = drills
        self.state = DraftState()
        self.problems: dict[int, list[Problem]] = {}

    def set_state(self, state: DraftState, problems: dict[int, list[Problem]]) -> None:
        """Show `state`; rows keep their place when only values changed."""
        same_rows = len(state.items) == len(self.state.items)
        self.state = state
        self.problems = problems
        if same_rows and state.items:
            self.dataChanged.emit(self.index(0), self.index(len(state.items) - 1))
        elif not same_rows:
            self.beginResetModel()
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.state.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.state.items):
            return None
        row = index.row()
        item = self.state.items[row]
        problems = self.problems.get(row, [])
        if role == Qt.ItemDataRole.DisplayRole:
            drill = self.drills.get(item.drill)
            name = drill.name if drill else item.drill
            mark = "  ⚠" if problems else ""
            return f"{row + 1}. {name}\n     {item_dosage(item)}{mark}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{p.field}: {p.message}" for p in problems) or None
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            return ERROR_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return item.drill
        return None

    # -- drag and drop -------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled) & ~Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, DRILL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(ROW_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(ROW_MIME) or data.hasFormat(DRILL_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Turn a drop into a request. Returns False so the view never removes rows itself
        (a move is one edit, made by the screen)."""
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        if data.hasFormat(DRILL_MIME):
            drill_id = bytes(data.data(DRILL_MIME).data()).decode()
            if drill_id in self.drills:
                self.insert_requested.emit(target, drill_id)
            return False
        if data.hasFormat(ROW_MIME):
            text = bytes(data.data(ROW_MIME).data()).decode()
            rows = [int(r) for r in text.split(",") if r.strip().isdigit()]
            if len(rows) == 1 and 0 <= rows[0] < self.rowCount():
                source = rows[0]
                # dropped before row `target` of the old list: its index once it is moved
                moved_to = target - 1 if target > source else target
                if moved_to != source:
                    self.move_requested.emit(source, moved_to)
        return False
