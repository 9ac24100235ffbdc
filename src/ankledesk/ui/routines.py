"""Routines: every built-in and custom circuit; the selected one previewed with its clips.

The clip player is created the first time the screen is shown (libvlc stays off the path to
the first paint) and paused whenever the screen is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.model import Routine
from ankledesk.core.plan import expand
from ankledesk.core.timefmt import duration_text
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body, heading, start_button
from ankledesk.ui.video import VideoView


def equipment_of(routine: Routine) -> list[str]:
    seen: list[str] = []
    for drill_id in routine.drill_ids:
        drill = routine.drills.get(drill_id)
        for thing in drill.equipment if drill else ():
            if thing not in seen:
                seen.append(thing)
    return seen


class RoutinesScreen(QWidget):
    start_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routinesScreen")
        self.context = context
        self.list = QListWidget()
        self.list.setObjectName("routineList")
        self.list.setFont(text_font(17))
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(lambda *_: self._preview())
        self.name = heading("", 26)
        self.description = body(size=15)
        self.meta = body(size=15)
        self.drills = QListWidget()
        self.drills.setObjectName("drillList")
        self.drills.setFont(text_font(15))
        self.drills.setWordWrap(True)
        self.drills.currentRowChanged.connect(lambda *_: self._show_clip())
        self.video: VideoView | None = None
        self.video_box = QVBoxLayout()
        self.start = start_button("Start ▶")
        self.start.setToolTip("Start this routine (Enter)")
        self.start.clicked.connect(self._start)
        self.problems = body(size=13)
        self.problems.setObjectName("routineProblems")

        preview = QVBoxLayout()
        preview.addWidget(self.name)
        preview.addWidget(self.description)
        preview.addWidget(self.meta)
        middle = QHBoxLayout()
        middle.addWidget(self.drills, 2)
        middle.addLayout(self.video_box, 3)
        preview.addLayout(middle, 1)
        preview.addWidget(self.start)
        left = QVBoxLayout()
        left.addWidget(heading("Routines", 26))
        left.addWidget(self.list, 1)
        left.addWidget(self.problems)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(20)
        layout.addLayout(left, 2)
        layout.addLayout(preview, 5)
        context.history_changed.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        current = self.current_routine_id()
        self.list.blockSignals(True)
        self.list.clear()
        library = self.context.library
        for routine in sorted(library.routines.values(),
                              key=lambda r: (r.source != "built-in", r.name.lower())):
            kind = "built-in" if routine.source == "built-in" else "custom"
            item = QListWidgetItem(f"{routine.name}\n   {kind} · "
                                   f"{duration_text(expand(routine).total)}")
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        problems = library.problems
        self.problems.setText(
            "" if not problems else
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in routine files:\n"
            + "\n".join(str(p) for p in problems[:5]))
        self.select(current or (self.list.item(0).data(Qt.ItemDataRole.UserRole)
                                if self.list.count() else None))

    def select(self, routine_id: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == routine_id:
                self.list.setCurrentRow(row)
                return

    def current_routine_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_routine(self) -> Routine | None:
        rid = self.current_routine_id()
        return self.context.library.routines.get(rid) if rid else None

    def _preview(self) -> None:
        routine = self.current_routine()
        self.drills.clear()
        if routine is None:
            return
        plan = expand(routine)
        self.name.setText(routine.name)
        self.description.setText(routine.description)
        equipment = equipment_of(routine)
        rest = f"{routine.rest_between_rounds} s rest between rounds" if routine.rounds > 1 else ""
        self.meta.setText(" · ".join(p for p in (
            f"{routine.rounds} round{'s' if routine.rounds != 1 else ''}",
            f"about {duration_text(plan.total)}", rest,
            "equipment: " + (", ".join(equipment) if equipment else "none")) if p))
        for item in routine.items:
            drill = routine.drills.get(item.drill_id)
            self.drills.addItem(f"{drill.name if drill else item.drill_id} · {item.dosage()}")
        self.drills.setCurrentRow(0)

    def _show_clip(self) -> None:
        routine = self.current_routine()
        row = self.drills.currentRow()
        if routine is None or self.video is None or not 0 <= row < len(routine.items):
            return
        drill = self.context.drill(routine.items[row].drill_id, routine)
        if drill is not None:
            self.video.show_drill(drill, self.context.clip_for(drill))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.video is None:
            self.video = VideoView(self)
            self.video.setObjectName("previewVideo")
            self.video.setMinimumSize(320, 180)
            self.video_box.addWidget(self.video)
            self._show_clip()
        else:
            self.video.set_paused(False)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.video is not None:
            self.video.set_paused(True)
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter starts the selected routine (the list passes Enter on to its parent)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._start()
            return
        super().keyPressEvent(event)

    def hide_preview(self) -> None:
        """A workout is starting: the preview clip must not play behind it."""
        if self.video is not None:
            self.video.set_paused(True)

    def _start(self) -> None:
        rid = self.current_routine_id()
        if rid:
            self.start_requested.emit(rid)

    def shutdown(self) -> None:
        if self.video is not None:
            self.video.shutdown()
