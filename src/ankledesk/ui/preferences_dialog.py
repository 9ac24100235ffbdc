"""The Preferences dialog: a form over `Preferences`, written back only on OK.

One control per row of `core.settings.SETTINGS` shown in the dialog, made from the row (its
label, range, suffix, options), so the dialog cannot disagree with what Preferences accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

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

from ankledesk.core import settings
from ankledesk.core.settings import Choice, Flag, Number, Setting, Text
from ankledesk.ui.preferences import Preferences
from ankledesk.ui.workout.voice import VoiceList

T = TypeVar("T")


class _Control:
    """A row's widget, whether the form shows the row's label beside it (a check box carries
    its own), and `save`, which writes the value it holds to the preferences."""

    def __init__(self, widget: QWidget, beside: bool, save: Callable[[Preferences], None]
                 ) -> None:
        self.widget = widget
        self.beside = beside
        self.save = save


def _bound(setting: Setting[T], widget: QWidget, value: Callable[[], T],
           beside: bool = True) -> _Control:
    return _Control(widget, beside, lambda prefs: prefs.set(setting, value()))


def _flag(setting: Flag, value: bool) -> _Control:
    box = QCheckBox(setting.label)
    box.setChecked(value)
    return _bound(setting, box, box.isChecked, beside=False)


def _number(setting: Number, value: int) -> _Control:
    if setting.control == "slider":
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(setting.low, setting.high)
        slider.setValue(value)
        slider.setAccessibleName(setting.label)
        return _bound(setting, slider, slider.value)
    spin = QSpinBox()
    spin.setRange(setting.low, setting.high)
    spin.setSuffix(setting.suffix)
    spin.setValue(value)
    return _bound(setting, spin, spin.value)


def _choice(setting: Choice[Any], value: str) -> _Control:
    combo = QComboBox()
    for option, words in zip(setting.options, setting.shown, strict=True):
        combo.addItem(words, option)
    combo.setCurrentIndex(setting.options.index(value))
    return _bound(setting, combo, lambda: str(combo.currentData()))


def _text(setting: Text, value: str) -> _Control:
    if setting.control == "line":
        line = QLineEdit(value)
        line.setPlaceholderText(setting.empty)
        return _bound(setting, line, line.text)
    combo = QComboBox()
    combo.addItem(setting.empty, "")
    if setting.control == "screen":
        for screen in QGuiApplication.screens():
            size = screen.size()
            combo.addItem(f"{screen.name()} ({size.width()}×{size.height()})", screen.name())
        combo.setCurrentIndex(max(0, combo.findData(value)))
    elif value:  # a voice: the one chosen, until the speech engine lists the others
        combo.addItem(value, value)
        combo.setCurrentIndex(1)
    return _bound(setting, combo, lambda: str(combo.currentData() or ""))


def _control_for(setting: Setting[bool] | Setting[int] | Setting[str],
                prefs: Preferences) -> _Control:
    """The widget for one row of the table, showing its current value."""
    if isinstance(setting, Flag):
        return _flag(setting, prefs.get(setting))
    if isinstance(setting, Number):
        return _number(setting, prefs.get(setting))
    if isinstance(setting, Choice):
        return _choice(setting, prefs.get(setting))
    if isinstance(setting, Text):
        return _text(setting, prefs.get(setting))
    raise TypeError(f"no control for {type(setting).__name__}")


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("AnkleDesk preferences")
        self.prefs = prefs
        self.controls = {s.name: (s, _control_for(s, prefs))
                         for s in settings.SETTINGS if s.in_dialog}
        form = QFormLayout(self)
        for setting, control in self.controls.values():
            if control.beside:
                form.addRow(setting.label, control.widget)
            else:
                form.addRow(control.widget)
        voice = self.widget(settings.VOICE.name)
        assert isinstance(voice, QComboBox)
        self.voice = voice
        # Listing voices starts the speech engine (seconds): in the background, added as found.
        self.voices = VoiceList(parent=self)
        self.voices.listed.connect(self._add_voices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def widget(self, name: str) -> QWidget:
        """The control of the setting called `name` (its attribute on Preferences)."""
        return self.controls[name][1].widget


    def _add_voices(self, names: list[str]) -> None:
        for name in names:
            if self.voice.findData(name) < 0:
                self.voice.addItem(name, name)

    def done(self, result: int) -> None:
        self.voices.shutdown()
        super().done(result)

    def accept(self) -> None:
        for _, control in self.controls.values():
            control.save(self.prefs)
        super().accept()
