"""The drill library of the Build screen: search, filters, each drill's dosage and its clip.

The clip of the drill under the mouse (or, without a mouse, the selected one) plays in the
preview; a drill is added to the circuit with a double-click, Enter, or by dragging it over.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.model import CATEGORIES, MODES, Drill
from ankledesk.ui.build.fields import EDITOR_KEYS
from ankledesk.ui.build.model import DRILL_MIME
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import body
from ankledesk.ui.video import VideoView

ANY = ""
NO_EQUIPMENT = "(none needed)"


def matches(drill: Drill, words: str, category: str, equipment: str, mode: str) -> bool:
    """Whether a drill passes the search (every word in its name or cues) and the filters."""
    text = " ".join((drill.name, drill.id, *drill.cues)).lower()
    if any(word not in text for word in words.lower().split()):
        return False
    if category and drill.category != category:
        return False
    if mode and drill.mode != mode:
        return False
    if equipment == NO_EQUIPMENT:
        return not drill.equipment
    return not equipment or equipment in drill.equipment


class DrillList(QListWidget):
    """Drills as list rows; dragging one carries its id to the circuit."""

    add_requested = Signal(str)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            drill_id = items[0].data(Qt.ItemDataRole.UserRole)
            mime.setData(DRILL_MIME, QByteArray(drill_id.encode()))
        return mime

    def mimeTypes(self) -> list[str]:
        return [DRILL_MIME]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.add_requested.emit(self.currentItem().data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    add_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName("drillSearch")
        self.search.setPlaceholderText("Search drills: name or cue words")
        self.search.setClearButtonEnabled(True)
        self.search.setFont(text_font(15))
        self.search.installEventFilter(EDITOR_KEYS)
        self.category = self._combo("categoryFilter", "All categories",
                                    [(c.title(), c) for c in CATEGORIES])
        self.mode = self._combo("modeFilter", "Any mode", [(m, m) for m in MODES])
        self.equipment = self._combo("equipmentFilter", "Any equipment", [])
        self.list = DrillList()
        self.list.setObjectName("drillLibrary")
        self.list.setFont(text_font(15))
        self.list.setMouseTracking(True)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.count = body(size=12)
        self.count.setObjectName("drillCount")
        self.video: VideoView | None = None
        self._playing: str | None = None  # the drill whose clip is on, so typing never restarts it
        self.video_box = QVBoxLayout()
        self.cues = body(size=13)
        self.cues.setObjectName("drillCues")
        self.cues.setTextFormat(Qt.TextFormat.PlainText)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for combo in (self.category, self.equipment, self.mode):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.count)
        layout.addLayout(self.video_box, 2)
        layout.addWidget(self.cues)

        self.search.textChanged.connect(lambda *_: self.refresh())
        for combo in (self.category, self.equipment, self.mode):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.list.itemDoubleClicked.connect(
            lambda item: self.add_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.list.add_requested.connect(self.add_requested)
        self.list.currentItemChanged.connect(lambda item, _old: self._preview(item))
        self.list.itemEntered.connect(self._preview)
        context.history_changed.connect(self.reload)
        self.reload()

    @staticmethod
    def _combo(name: str, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setFont(text_font(13))
        combo.addItem(everything, ANY)
        for text, value in choices:
            combo.addItem(text, value)
        return combo

    def reload(self) -> None:
        """The catalogue may have changed (a reload after a save): refill the equipment."""
        chosen = self.equipment.currentData()
        self.equipment.blockSignals(True)
        self.equipment.clear()
        self.equipment.addItem("Any equipment", ANY)
        self.equipment.addItem(NO_EQUIPMENT, NO_EQUIPMENT)
        things = sorted({t for d in self.context.library.drills.values() for t in d.equipment},
                        key=str.lower)
        for thing in things:
            self.equipment.addItem(thing, thing)
        self.equipment.setCurrentIndex(max(0, self.equipment.findData(chosen)))
        self.equipment.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_drill_id()
        drills = self.context.library.drills
        words = self.search.text()
        shown = [d for d in sorted(drills.values(), key=lambda d: d.name.lower())
                 if matches(d, words, self.category.currentData(), self.equipment.currentData(),
                            self.mode.currentData())]
        self.list.blockSignals(True)
        self.list.clear()
        for drill in shown:
            item = QListWidgetItem(f"{drill.name}\n     {drill.category} · {drill.dosage}")
            item.setData(Qt.ItemDataRole.UserRole, drill.id)
            item.setToolTip(drill.description or "\n".join(drill.cues))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.count.setText(f"{len(shown)} of {len(drills)} drills")
        rows = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(len(shown))]
        self.list.setCurrentRow(rows.index(current) if current in rows else 0 if rows else -1)
        self._preview(self.list.currentItem())

    def current_drill_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _preview(self, item: QListWidgetItem | None) -> None:
        drill = self.context.library.drills.get(item.data(Qt.ItemDataRole.UserRole)) \
            if item else None
        self.cues.setText("\n".join(f"• {c}" for c in drill.cues[:3]) if drill else "")
        if drill is not None and self.video is not None and drill.id != self._playing:
            self._playing = drill.id
            self.video.show_drill(drill, self.context.clip_for(drill))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.video is None:
            self.video = VideoView(self)
            self.video.setObjectName("buildVideo")
            self.video.setMinimumSize(240, 135)
            self.video_box.addWidget(self.video)
            self._preview(self.list.currentItem())
        else:
            self.video.set_paused(False)

    def pause_clip(self) -> None:
        if self.video is not None:
            self.video.set_paused(True)

    def shutdown(self) -> None:
        if self.video is not None:
            self.video.shutdown()
