"""Preferences live in the data folder, survive a restart, and shrug off a damaged file."""

from __future__ import annotations

from ankledesk.ui.preferences import Preferences
from ankledesk.ui.preferences_dialog import PreferencesDialog


def test_preferences_persist_in_the_data_folder(qtbot, data_dir):
    prefs = Preferences(data_dir)
    assert (prefs.mirror_left, prefs.week_start, prefs.weekly_target, prefs.paper,
            prefs.name, prefs.full_screen_display) == (True, "monday", 2, "a4", "", "")
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.mirror.setChecked(False)
    dialog.week_start.setCurrentIndex(1)
    dialog.target.setValue(3)
    dialog.paper.setCurrentIndex(1)
    dialog.name.setText("  Sam Runner ")
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
