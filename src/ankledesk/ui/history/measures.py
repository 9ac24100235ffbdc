"""Measurements in the app: the entry form (after a workout's summary, or from History) and
History's Measurements tab (a chart per kind, left and right, and the list)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.measures import KINDS, Kind, MeasurementError, taken
from ankledesk.errors import UserError
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.history.charts import MeasureChart
from ankledesk.ui.style import body

log = logging.getLogger(__name__)

NOT_TAKEN = "not taken"
HOW = {
    "knee-to-wall": "Toes this far from the wall, knee still touching it, heel down",
    "balance-eyes-closed": "Seconds on one foot with the eyes closed",
    "big-toe-hold": "Longest big-toe calf-raise hold, in seconds",
}


def _spin(kind: Kind, name: str) -> QDoubleSpinBox:
    """A value box whose lowest step reads "not taken" (stored as no value)."""
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(1 if kind.unit == "cm" else 0)
    spin.setSingleStep(0.5 if kind.unit == "cm" else 5)
    spin.setRange(kind.low - 1, kind.high)
    spin.setSpecialValueText(NOT_TAKEN)
    spin.setValue(kind.low - 1)
    spin.setSuffix(f" {kind.unit}")
    spin.setMinimumWidth(130)
    spin.setFont(text_font(16))
    return spin


class MeasureDialog(QDialog):
    """Enter any of the three measurements, either side; each kind with a value is stored."""

    def __init__(self, context: AppContext, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measureDialog")
        self.setWindowTitle("Measurements")
        self.context = context
        self.session_id = session_id
        self.saved: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(body("Track the simple measures: the same test, the same way, every "
                              "few weeks. Leave a side at “not taken” to skip it.", 15))
        grid = QGridLayout()
        for c, text in enumerate(("", "Left", "Right")):
            head = QLabel(text)
            head.setFont(text_font(15, bold=True))
            grid.addWidget(head, 0, c)
        self.fields: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for row, kind in enumerate(KINDS.values(), start=1):
            name = QLabel(f"<b>{kind.name}</b><br><small>{HOW[kind.id]}</small>")
            name.setFont(text_font(15))
            left, right = _spin(kind, f"{kind.id}-left"), _spin(kind, f"{kind.id}-right")
            self.fields[kind.id] = (left, right)
            grid.addWidget(name, row, 0)
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveMeasures")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_value(self, kind: str, side: str, value: float) -> None:
        self.fields[kind][0 if side == "left" else 1].setValue(value)

    def values(self) -> dict[str, tuple[float | None, float | None]]:
        """The kinds with at least one side given: {kind: (left, right)}."""
        found = {}
        for kind_id, spins in self.fields.items():
            low = KINDS[kind_id].low - 1
            left, right = (None if s.value() <= low else s.value() for s in spins)
            if left is not None or right is not None:
                found[kind_id] = (left, right)
        return found

    def save(self) -> None:
        try:
            self.saved = self.context.add_measurements(self.values(), self.session_id)
        except (MeasurementError, UserError, OSError) as exc:
            log.warning("measurement not saved: %s", exc)
            QMessageBox.warning(self, "Not saved", f"The measurement was not saved: {exc}")
            return
        self.accept()


class MeasurementsTab(QWidget):
    """The chart of one kind (picked above it) and the list of every measurement."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("measureKind")
        self.kind.setFont(text_font(15))
        for kind in KINDS.values():
            self.kind.addItem(kind.name, kind.id)
        self.chart = MeasureChart()
        self.chart.setObjectName("measureChart")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("measureTable")
        self.table.setHorizontalHeaderLabels(("Taken", "Left", "Right"))
        self.table.setFont(text_font(14))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.add = QPushButton("Add measurements…")
        self.add.setObjectName("addMeasures")
        self.add.setFont(text_font(15, bold=True))
        self.add.setMinimumHeight(40)
        self.add.clicked.connect(self.add_requested)
        side = QVBoxLayout()
        side.addWidget(self.add)
        side.addWidget(self.table, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel("Show"))
        top.addWidget(self.kind)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.chart, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(side, 1)
        self.docs: list[dict[str, Any]] = []
        self.kind.currentIndexChanged.connect(lambda *_: self._draw())

    def set_measurements(self, docs: list[dict[str, Any]]) -> None:
        self.docs = docs
        self._draw()

    def _draw(self) -> None:
        """The chosen kind's chart, and its measurements newest first beside it."""
        kind = KINDS[self.kind.currentData()]
        self.chart.show_kind(kind.id, self.docs)
        mine = [d for d in reversed(self.docs) if d["kind"] == kind.id]
        self.table.setRowCount(len(mine))
        for r, doc in enumerate(mine):
            for c, text in enumerate((f"{taken(doc):%-d %b %y}", kind.show(doc["left"]),
                                      kind.show(doc["right"]))):
                self.table.setItem(r, c, QTableWidgetItem(text))


def ask_measurements(context: AppContext, session_id: str | None, parent: QWidget,
                     then: Callable[[list[dict[str, Any]]], None] | None = None
                     ) -> MeasureDialog:
    """Open the entry form (non-blocking); `then(saved)` runs after a save (the context has
    told every screen already)."""
    dialog = MeasureDialog(context, session_id, parent)
    if then is not None:
        dialog.accepted.connect(lambda: then(dialog.saved))
    dialog.open()
    return dialog
