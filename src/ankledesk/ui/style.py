"""Shared look: headings and cards that follow the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ankledesk.ui.fonts import text_font

ACCENT = "#137333"  # the WORK green: the colour of "go"
ACCENT_HOVER = "#188a3e"
ACCENT_DOWN = "#0d5224"
FOCUS_RING = "#f9ab00"  # the keyboard's place, seen from across the room


def heading(text: str, size: int = 28, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(text_font(size, bold=True))
    label.setWordWrap(True)
    return label


def body(text: str = "", size: int = 16, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(text_font(size))
    label.setWordWrap(True)
    return label


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel a shade off the window colour, in either theme."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    palette = frame.palette()
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
    frame.setPalette(palette)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(8)
    return frame, layout


class StartButton(QPushButton):
    """The big green Start, painted here rather than by a style sheet: Qt's style-sheet engine
    costs a few milliseconds to set up, and Today is on the way to the app's first paint."""

    PADDING = QSize(24, 6)
    RADIUS = 8.0
    RING = 3.0

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2 * self.PADDING.width(),
                     metrics.height() + 2 * self.PADDING.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        enabled = self.isEnabled()
        if not enabled:
            fill = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
            ink = self.palette().color(QPalette.ColorGroup.Disabled,
                                       QPalette.ColorRole.ButtonText)
        else:
            fill = QColor(ACCENT_DOWN if self.isDown() else
                          ACCENT_HOVER if self.underMouse() else ACCENT)
            ink = QColor("white")
        box = QRectF(self.rect())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, self.RADIUS, self.RADIUS)
        if enabled and self.hasFocus():
            half = self.RING / 2
            painter.setPen(QPen(QColor(FOCUS_RING), self.RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(half, half, -half, -half),
                                    self.RADIUS - half, self.RADIUS - half)
        painter.setPen(ink)
        painter.setFont(self.font())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text())


def start_button(text: str = "Start ▶", parent: QWidget | None = None,
                 size: int = 24) -> QPushButton:
    button = StartButton(text, parent)
    button.setObjectName("startButton")
    button.setFont(text_font(size, bold=True))
    button.setMinimumHeight(int(size * 2.6))
    button.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repaint on entering and leaving
    return button
