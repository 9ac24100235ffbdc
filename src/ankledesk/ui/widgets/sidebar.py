"""The main window's list of pages, painted here: four words a runner can hit from a step
away, the current one marked by a bar and a tint of the highlight colour. A QListWidget (an
item view in a scroll area) did the same with more machinery than four rows need, on the way to
the first paint.

Keys: ↑/↓ (and Home/End) move between pages while the sidebar has the focus; a click picks a
page. `currentRowChanged` is emitted as QListWidget's was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from ankledesk.ui.painting import fill, outline, rectangle, text_left
from ankledesk.ui.style import FOCUS_RING

PAD = 6  # around each row's words
BAR = 5  # the bar that marks the page on show, in the highlight colour
TINT = 0.28  # the page on show's row: the highlight colour this strong over the base


class Sidebar(QWidget):
    currentRowChanged = Signal(int)

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = list(names)
        self._row = -1
        self._hover = -1
        # StrongFocus, set by name: Qt's enum would build Qt's whole namespace before the
        # first paint (see ui/painting.py).
        self.setProperty("focusPolicy", "StrongFocus")
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        # Every row's words in Text, on a tint of the highlight for the page on show: one
        # colour, the pen the painter starts with (see ui/painting.py for why not setPen).
        self.setForegroundRole(QPalette.ColorRole.Text)

    # -- the list ------------------------------------------------------------------------

    def currentRow(self) -> int:
        return self._row

    def setCurrentRow(self, row: int) -> None:
        if not 0 <= row < len(self.names) or row == self._row:
            return
        self._row = row
        self.update()
        self.currentRowChanged.emit(row)

    def count(self) -> int:
        return len(self.names)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 2 * PAD

    def row_rect(self, row: int) -> QRect:
        height = self._row_height()
        return QRect(PAD, PAD + row * (height + PAD), self.width() - 2 * PAD, height)

    def _row_at(self, y: int) -> int:
        """The row under `y`, or -1 (in a gap, or below the last row)."""
        height = self._row_height()
        row, into = divmod(y - PAD, height + PAD)
        return row if y >= PAD and into < height and row < len(self.names) else -1

    # -- size and paint --------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        widest = max((self.fontMetrics().horizontalAdvance(n) for n in self.names), default=0)
        return QSize(widest + 4 * PAD + BAR, self.row_rect(len(self.names)).top())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen: the palette's Text (see __init__), for every row
        palette = self.palette()
        painter.setFont(self.font())
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for row, name in enumerate(self.names):
            box = QRectF(self.row_rect(row))
            if row == self._row:
                tint = palette.color(QPalette.ColorRole.Highlight)  # a copy
                tint.setAlphaF(TINT)
                fill(painter, rectangle(box), tint)
                fill(painter, rectangle(QRectF(box.left(), box.top(), BAR, box.height())),
                     highlight)
            elif row == self._hover:
                fill(painter, rectangle(box), palette.color(QPalette.ColorRole.AlternateBase))
            text_left(painter, box.adjusted(PAD + BAR, 0, -PAD, 0), name)
            if row == self._row and self.hasFocus():
                outline(painter, rectangle(box.adjusted(1.5, 1.5, -1.5, -1.5)),
                        QColor(FOCUS_RING), 3)

    # -- mouse and keys --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(int(event.position().y()))
        if row >= 0:
            self.setCurrentRow(row)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(int(event.position().y()))
        if row != self._hover:
            self._hover = row
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = -1
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not on the way to the first paint (ui/painting.py)

        moves = {Qt.Key.Key_Up: self._row - 1, Qt.Key.Key_Down: self._row + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.names) - 1}
        target = moves.get(Qt.Key(event.key()))
        if target is None:
            super().keyPressEvent(event)
            return
        self.setCurrentRow(max(0, min(len(self.names) - 1, target)))
