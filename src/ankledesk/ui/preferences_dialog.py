"""The Preferences dialog: a form over `Preferences`, written back only on OK."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSlider,
    QSpinBox,
    QWidget,
)

from ankledesk.core.weeks import WEEK_STARTS
from ankledesk.ui.preferences import PAPERS, Preferences
from ankledesk.ui.workout.voice import VoiceList

_WINDOW_SCREEN = "The screen the window is on"
_AUTOMATIC_VOICE = "Automatic (the first English voice)"


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("AnkleDesk preferences")
        self.prefs = prefs
        self.mirror = QCheckBox("Mirror the clip for the left side")
        self.mirror.setChecked(prefs.mirror_left)
        self.week_start = QComboBox()
        self.week_start.addItems([w.capitalize() for w in WEEK_STARTS])
        self.week_start.setCurrentIndex(list(WEEK_STARTS).index(prefs.week_start))
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
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(prefs.cue_volume)
        self.volume.setAccessibleName("Cue volume")
        self.voice_on = QCheckBox("Announce what comes next aloud")
        self.voice_on.setChecked(prefs.voice_on)
        self.halfway = QCheckBox("Tick halfway through a hold")
        self.halfway.setChecked(prefs.halfway_tick)
        self.voice = QComboBox()
        self.voice.addItem(_AUTOMATIC_VOICE, "")
        if prefs.voice:
            self.voice.addItem(prefs.voice, prefs.voice)
            self.voice.setCurrentIndex(1)
        # Listing voices starts the speech engine (seconds): in the background, added as found.
        self.voices = VoiceList(parent=self)
        self.voices.listed.connect(self._add_voices)
        self.name = QLineEdit(prefs.name)
        self.name.setPlaceholderText("printed on your logs")
        form = QFormLayout(self)
        form.addRow(self.mirror)
        form.addRow("Week starts on", self.week_start)
        form.addRow("Weekly target", self.target)
        form.addRow("Paper for printed logs", self.paper)
        form.addRow("Full screen on", self.display)
        form.addRow("Cue volume", self.volume)
        form.addRow(self.voice_on)
        form.addRow(self.halfway)
        form.addRow("Voice", self.voice)
        form.addRow("Your name", self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add_voices(self, names: list[str]) -> None:
        for name in names:
            if self.voice.findData(name) < 0:
                self.voice.addItem(name, name)

    def done(self, result: int) -> None:
        self.voices.shutdown()
        super().done(result)

    def accept(self) -> None:
        self.prefs.cue_volume = self.volume.value()
        self.prefs.voice_on = self.voice_on.isChecked()
        self.prefs.halfway_tick = self.halfway.isChecked()
        self.prefs.voice = str(self.voice.currentData() or "")
        self.prefs.mirror_left = self.mirror.isChecked()
        self.prefs.week_start = list(WEEK_STARTS)[self.week_start.currentIndex()]
        self.prefs.weekly_target = self.target.value()
        self.prefs.paper = PAPERS[self.paper.currentIndex()]
        self.prefs.full_screen_display = str(self.display.currentData() or "")
        self.prefs.name = self.name.text()
        super().accept()
