"""Shared look: headings and cards that follow the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QColor, QEnterEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ankledesk.ui.fonts import text_font
from ankledesk.ui.painting import fill, outline, rounded, text_centred

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

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # then the text: (text, None) has PySide6 weigh (icon, text)
        self.setText(text)
        # White words on the green, except when disabled: the painter starts with this pen.
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.ButtonText, QColor("white"))
        self.setPalette(palette)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2 * self.PADDING.width(),
                     metrics.height() + 2 * self.PADDING.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen: the words' colour (see __init__)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        enabled = self.isEnabled()
        box = QRectF(self.rect())
        if enabled:
            colour = QColor(ACCENT_DOWN if self.isDown() else
                            ACCENT_HOVER if self.underMouse() else ACCENT)
        else:
            colour = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
        fill(painter, rounded(box, self.RADIUS), colour)
        if enabled and self.hasFocus():
            half = self.RING / 2
            outline(painter, rounded(box.adjusted(half, half, -half, -half), self.RADIUS - half),
                    QColor(FOCUS_RING), self.RING)
        painter.setFont(self.font())
        text_centred(painter, box, self.text())

    # Repainted on entering and leaving for the hover shade (not every style sets WA_Hover).
    def enterEvent(self, event: QEnterEvent) -> None:
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.update()
        super().leaveEvent(event)


def start_button(text: str = "Start ▶", size: int = 24) -> QPushButton:
    button = StartButton(text)
    button.setObjectName("startButton")
    button.setFont(text_font(size, bold=True))
    button.setMinimumHeight(int(size * 2.6))
    return button
