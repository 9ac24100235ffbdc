"""The Preferences dialog: a form over `Preferences`, written back only on OK."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ankledesk.ui.preferences import PAPERS, WEEK_STARTS, Preferences

_WINDOW_SCREEN = "The screen the window is on"


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("AnkleDesk preferences")
        self.prefs = prefs
        self.mirror = QCheckBox("Mirror the clip for the left side")
        self.mirror.setChecked(prefs.mirror_left)
        self.week_start = QComboBox()
        self.week_start.addItems([w.capitalize() for w in WEEK_STARTS])
        self.week_start.setCurrentIndex(WEEK_STARTS.index(prefs.week_start))
        self.target = QSpinBox()
        self.target.setRange(1, 14)
        self.target.setSuffix(" sessions a week")
        self.target.setValue(prefs.weekly_target)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentIndex(PAPERS.index(prefs.paper))
        self.display = QComboBox()
        self.display.addItem(_WINDOW_SCREEN, "")
        for screen in QGuiApplication.screens():
            size = screen.size()
            self.display.addItem(f"{screen.name()} ({size.width()}×{size.height()})",
                                 screen.name())
        found = self.display.findData(prefs.full_screen_display)
        self.display.setCurrentIndex(max(0, found))
        self.name = QLineEdit(prefs.name)
        self.name.setPlaceholderText("printed on your logs")
        form = QFormLayout(self)
        form.addRow(self.mirror)
        form.addRow("Week starts on", self.week_start)
        form.addRow("Weekly target", self.target)
        form.addRow("Paper for printed logs", self.paper)
        form.addRow("Full screen on", self.display)
        form.addRow("Your name", self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.prefs.mirror_left = self.mirror.isChecked()
        self.prefs.week_start = WEEK_STARTS[self.week_start.currentIndex()]
        self.prefs.weekly_target = self.target.value()
        self.prefs.paper = PAPERS[self.paper.currentIndex()]
        self.prefs.full_screen_display = str(self.display.currentData() or "")
        self.prefs.name = self.name.text()
        super().accept()
