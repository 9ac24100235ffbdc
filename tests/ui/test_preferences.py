"""Preferences live in the data folder, survive a restart, and shrug off a damaged file; the
object and its dialog are both made from the one table of settings (core/settings.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
)

from ankledesk.core import settings
from ankledesk.core.settings import Choice, Flag, Number, Text
from ankledesk.ui.preferences import Preferences
from ankledesk.ui.preferences_dialog import PreferencesDialog

# settings.ini as an earlier AnkleDesk wrote it, every value away from its default.
OLD_SETTINGS_INI = """\
[display]
full_screen=HDMI-1

[print]
name=Sam Runner
paper=letter

[sound]
halfway=false
voice=false
voice_name=Anne
volume=40

[week]
start=sunday
target=5

[workout]
mirror_left=false
muted=true
"""


def test_preferences_persist_in_the_data_folder(qtbot, data_dir):
    prefs = Preferences(data_dir)
    assert (prefs.mirror_left, prefs.week_start, prefs.weekly_target, prefs.paper,
            prefs.name, prefs.full_screen_display) == (True, "monday", 2, "a4", "", "")
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.widget("mirror_left").setChecked(False)
    dialog.widget("week_start").setCurrentIndex(1)
    dialog.widget("weekly_target").setValue(3)
    dialog.widget("paper").setCurrentIndex(1)
    dialog.widget("name").setText("  Sam Runner ")
    dialog.accept()
    again = Preferences(data_dir)  # as after a restart
    assert (again.mirror_left, again.week_start, again.weekly_target, again.paper,
            again.name) == (False, "sunday", 3, "letter", "Sam Runner")
    assert (data_dir / "settings.ini").is_file()


def test_a_damaged_settings_file_gives_the_defaults(data_dir):
    (data_dir / "settings.ini").write_text(
        "[week]\ntarget=lots\nstart=someday\n[print]\npaper=A0\n[workout]\nmirror_left=maybe\n",
        encoding="utf-8")
    prefs = Preferences(data_dir)
    assert (prefs.weekly_target, prefs.week_start, prefs.paper, prefs.mirror_left) == (
        2, "monday", "a4", True)


def test_the_weekly_target_shows_on_today(qtbot, window):
    window.context.prefs.weekly_target = 3
    window.context.preferences_changed.emit()
    assert window.today.week_line.text().startswith("0 of 3 sessions")


def test_a_settings_file_written_before_the_table_reads_the_same(data_dir):
    (data_dir / "settings.ini").write_text(OLD_SETTINGS_INI, encoding="utf-8")
    prefs = Preferences(data_dir)
    assert {s.name: prefs.get(s) for s in settings.SETTINGS} == {
        "mirror_left": False, "week_start": "sunday", "weekly_target": 5, "paper": "letter",
        "full_screen_display": "HDMI-1", "cue_volume": 40, "voice_on": False,
        "halfway_tick": False, "voice": "Anne", "name": "Sam Runner", "muted": True}


def test_writing_every_setting_gives_the_same_file_as_before(tmp_path):
    prefs = Preferences(tmp_path)
    (prefs.mirror_left, prefs.week_start, prefs.weekly_target, prefs.paper,
     prefs.full_screen_display, prefs.cue_volume, prefs.voice_on, prefs.halfway_tick,
     prefs.voice, prefs.name, prefs.muted) = (
        False, "sunday", 5, "letter", "HDMI-1", 40, False, False, " Anne ", "Sam Runner ", True)
    assert (tmp_path / "settings.ini").read_text(encoding="utf-8") == OLD_SETTINGS_INI


def test_out_of_range_values_are_clamped_or_defaulted_by_the_table(tmp_path):
    prefs = Preferences(tmp_path)
    prefs.weekly_target, prefs.cue_volume, prefs.week_start, prefs.paper = 99, -5, "friday", "A0"
    assert (prefs.weekly_target, prefs.cue_volume, prefs.week_start, prefs.paper) == (
        settings.WEEKLY_TARGET_SETTING.high, settings.CUE_VOLUME.low, "monday", "a4")


def test_every_row_of_the_table_is_a_typed_attribute_and_nothing_else_is():
    attributes = {name for name in vars(Preferences) if not name.startswith("_")
                  and hasattr(vars(Preferences)[name], "setting")}
    assert attributes == {s.name for s in settings.SETTINGS}
    for setting in settings.SETTINGS:
        assert getattr(Preferences, setting.name).setting is setting


def _form_rows(dialog: PreferencesDialog) -> list[tuple[str | None, object]]:
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        spanning = form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        text = label.widget().text() if label is not None else None
        assert label is None or isinstance(label.widget(), QLabel)
        rows.append((text, (field or spanning).widget()))
    return rows[:-1]  # the last row is OK / Cancel


def test_the_dialog_has_one_control_per_row_made_from_the_row(qtbot, data_dir):
    dialog = PreferencesDialog(Preferences(data_dir))
    qtbot.addWidget(dialog)
    shown = [s for s in settings.SETTINGS if s.in_dialog]
    rows = _form_rows(dialog)
    assert len(rows) == len(shown)
    for setting, (label, widget) in zip(shown, rows, strict=True):
        assert widget is dialog.widget(setting.name)
        if isinstance(setting, Flag):
            assert isinstance(widget, QCheckBox) and label is None
            assert widget.text() == setting.label and widget.isChecked() == setting.default
            continue
        assert label == setting.label
        if isinstance(setting, Number):
            assert isinstance(widget, QSpinBox | QSlider)
            assert (widget.minimum(), widget.maximum(), widget.value()) == (
                setting.low, setting.high, setting.default)
        elif isinstance(setting, Choice):
            assert isinstance(widget, QComboBox)
            assert [widget.itemData(i) for i in range(widget.count())] == list(setting.options)
            assert [widget.itemText(i) for i in range(widget.count())] == list(setting.shown)
        else:
            assert isinstance(setting, Text)
            assert isinstance(widget, QLineEdit | QComboBox)
            if isinstance(widget, QLineEdit):
                assert widget.placeholderText() == setting.empty
            else:
                assert widget.itemText(0) == setting.empty
