"""The self-check: the articles' signs of limited ankle mobility or weak foot control as a
checklist; what is ticked suggests the programs that address it, each with a Start button.

The signs and the programs come from routines/self-check.toml (data, not code), the same file
`ankledesk suggest` reads. History shows it in full; Today shows a compact one to a new user.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.selfcheck import Suggestion, suggestions
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.history.hints import clear
from ankledesk.ui.style import body, heading
from ankledesk.ui.widgets.check_box import CheckBox

INTRO = ("Tick what you notice. Each sign points to programs that work on it; they are a "
         "starting point, not a diagnosis. If it hurts, see a physio first.")


class SelfCheckPanel(QWidget):
    start_requested = Signal(str)

    def __init__(self, context: AppContext, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheck")
        self.context = context
        self.compact = compact
        self.boxes: dict[str, QCheckBox] = {}
        self.found: list[Suggestion] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0) if compact else layout.setContentsMargins(
            12, 8, 12, 8)
        title = heading("Self-check: how do your ankles and feet behave?",
                        18 if compact else 22)
        title.setToolTip(INTRO)
        layout.addWidget(title)
        if not compact:  # Today has no room for it: the title's tooltip says it there
            layout.addWidget(body(INTRO, 14))
        signs = QGridLayout()
        signs.setHorizontalSpacing(24)
        columns = 3 if compact else 1
        for n, sign in enumerate(context.self_check()):
            box = CheckBox(sign.text, 20)
            box.setObjectName(f"sign-{sign.id}")
            box.setFont(text_font(15 if compact else 16))
            box.setToolTip(sign.why)
            box.toggled.connect(self._update)
            self.boxes[sign.id] = box
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(box)
            if not compact:
                why = body(sign.why, 13)
                why.setContentsMargins(28, 0, 0, 6)
                cell.addWidget(why)
            signs.addLayout(cell, n // columns, n % columns)
        self.result_title = QLabel()
        self.result_title.setFont(text_font(16, bold=True))
        self.result_title.setWordWrap(True)
        self.results = QVBoxLayout()
        self.results.setSpacing(6)
        found = QVBoxLayout()
        found.addWidget(self.result_title)
        found.addLayout(self.results)
        if compact:  # Today: the signs in three columns, the programs under them
            layout.addLayout(signs)
            layout.addLayout(found)
        else:  # History: the signs on the left, the programs beside them
            found.addStretch(1)
            columns_row = QHBoxLayout()
            columns_row.setSpacing(24)
            columns_row.addLayout(signs, 1)
            columns_row.addLayout(found, 1)
            layout.addLayout(columns_row)
            layout.addStretch(1)
        self._update()

    def ticked(self) -> list[str]:
        return [sign for sign, box in self.boxes.items() if box.isChecked()]

    def set_ticked(self, signs: list[str]) -> None:
        for sign, box in self.boxes.items():
            box.setChecked(sign in signs)

    def _update(self) -> None:
        self.found = suggestions(self.context.self_check(), self.ticked(),
                                 self.context.library.routines)
        clear(self.results)
        if not self.found:
            self.result_title.setText("Nothing ticked: the suggestions appear here.")
            return
        self.result_title.setText("Programs that address what you ticked")
        if self.compact:  # Today: one row of Start buttons named after the programs
            row = QHBoxLayout()
            for found in self.found[:3]:
                row.addWidget(self._start_button(found, f"{found.name} ▶"))
            row.addStretch(1)
            self.results.addLayout(row)
            return
        for found in self.found:
            row = QHBoxLayout()
            signs = "; ".join(s.text.lower() for s in found.signs)
            label = body(f"<b>{found.name}</b><br><small>for {signs}</small>", 15)
            label.setObjectName(f"suggestion-{found.routine_id}")
            row.addWidget(label, 1)
            row.addWidget(self._start_button(found, "Start ▶"))
            self.results.addLayout(row)

    def _start_button(self, found: Suggestion, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"selfCheckStart-{found.routine_id}")
        button.setToolTip("For " + "; ".join(s.text.lower() for s in found.signs))
        button.setMinimumHeight(34)
        button.setMinimumWidth(100)
        button.clicked.connect(lambda *_, r=found.routine_id: self.start_requested.emit(r))
        return button
