"""Coaching hints with a Start button: the progression ladder and left/right imbalances, on
History and on Today."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ankledesk.core.hints import Hint, coaching_hints
from ankledesk.core.measures import Measurement
from ankledesk.core.records import SessionView
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body

NONE_DUE = "No step up the ladder is due yet: keep building the holds toward their goal."


def clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()  # at once: the deletion waits for the event loop
            widget.deleteLater()
        else:
            inner = item.layout()
            if isinstance(inner, QVBoxLayout | QHBoxLayout):
                clear(inner)


class HintsPanel(QWidget):
    start_requested = Signal(str)

    def __init__(self, context: AppContext, *, show_none: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintsPanel")
        self.context = context
        self.show_none = show_none
        self.hints: list[Hint] = []
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(6)

    def refresh(self, sessions: Iterable[SessionView],
                measurements: Iterable[Measurement]) -> None:
        library = self.context.library
        self.hints = coaching_hints(sessions, measurements, library.routines, library.drills)
        clear(self.rows)
        title = QLabel("Next steps")
        title.setFont(text_font(16, bold=True))
        self.rows.addWidget(title)
        if not self.hints:
            self.rows.addWidget(body(NONE_DUE if self.show_none else "", 14))
        for hint in self.hints:
            row = QHBoxLayout()
            icon = "↑" if hint.kind == "progression" else "⇄"
            label = body(f"{icon} {hint.text}", 14)
            label.setObjectName(f"hint-{hint.kind}")
            row.addWidget(label, 1)
            if hint.routine_id:
                button = QPushButton(f"Start {hint.routine_name} ▶")
                button.setObjectName(f"hintStart-{hint.routine_id}")
                button.setMinimumHeight(34)
                button.clicked.connect(
                    lambda *_, r=hint.routine_id: self.start_requested.emit(r))
                row.addWidget(button)
            self.rows.addLayout(row)
        self.setVisible(bool(self.hints) or self.show_none)
