"""M silences tones and voice and the screen says so; the sound preferences are kept and used."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ankledesk.ui.preferences import Preferences
from ankledesk.ui.preferences_dialog import PreferencesDialog
from ankledesk.ui.workout.clock import ManualClock


def to_next_cue(flow, clock) -> None:
    """To the engine's next wake-up: a cue, a deadline or the next second on screen."""
    clock.t = flow.driver.engine.next_wake(clock.now())
    flow.driver.poll()


def test_m_mutes_every_cue_and_the_screen_shows_it(qtbot, make_window, data_dir):
    clock = ManualClock(1000.0)
    window = make_window(clock)
    flow = window.start_routine("audible-test")
    screen, cues = flow.workout_screen, flow.cues
    qtbot.waitUntil(lambda: cues.tones.all_ready, timeout=5_000)
    played: list[str] = []
    cues.tone_played.connect(lambda cue, _at: played.append(cue))
    announced: list[str] = []
    cues.announced.connect(lambda text: announced.append(text))

    qtbot.keyClick(screen, Qt.Key.Key_M)
    assert cues.muted and screen.mute_label.text() == "♪ cues muted"
    assert Preferences(data_dir).muted  # kept for the next workout
    while flow.driver.view().phase == "prepare":  # 2-1 … and WORK: all silent
        to_next_cue(flow, clock)
        qtbot.wait(100)
    assert played == [] and announced == []

    qtbot.keyClick(screen, Qt.Key.Key_M)
    assert not cues.muted and screen.mute_label.text() == ""
    assert not Preferences(data_dir).muted
    while flow.driver.view().remaining > 3:  # to the hold's first countdown pip
        to_next_cue(flow, clock)
    assert played == ["countdown"]


def test_a_muted_app_starts_its_next_workout_muted(qtbot, make_window, data_dir):
    Preferences(data_dir).muted = True
    window = make_window(ManualClock(1000.0))
    flow = window.start_routine("audible-test")
    assert flow.cues.muted and flow.workout_screen.mute_label.text() == "♪ cues muted"


def test_sound_preferences_are_kept_and_checked(data_dir, tmp_path):
    prefs = Preferences(data_dir)
    assert (prefs.cue_volume, prefs.voice_on, prefs.halfway_tick, prefs.voice) == (
        100, True, True, "")
    prefs.cue_volume, prefs.voice_on, prefs.halfway_tick, prefs.voice = 40, False, False, "Bob"
    again = Preferences(data_dir)
    assert (again.cue_volume, again.voice_on, again.halfway_tick, again.voice) == (
        40, False, False, "Bob")
    # A hand-edited file (in a folder of its own: QSettings caches a file it has read).
    edited = tmp_path / "edited"
    edited.mkdir()
    (edited / "settings.ini").write_text(
        "[sound]\nvolume=loud\nvoice=maybe\nhalfway=no\n", encoding="utf-8")
    damaged = Preferences(edited)
    # Unreadable values give the default back; "no" is read as no.
    assert (damaged.cue_volume, damaged.voice_on, damaged.halfway_tick) == (100, True, False)


def test_the_dialog_sets_volume_voice_and_tick_and_lists_english_voices(qtbot, data_dir):
    prefs = Preferences(data_dir)
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.voices.listed, timeout=20_000) as listed:
        pass
    assert listed.args[0] == ["Charly", "Mary", "Anne", "Bob"]  # the mock engine's English
    dialog.widget("cue_volume").setValue(55)
    dialog.widget("voice_on").setChecked(False)
    dialog.widget("halfway_tick").setChecked(False)
    dialog.voice.setCurrentIndex(dialog.voice.findData("Anne"))
    dialog.accept()
    again = Preferences(data_dir)
    assert (again.cue_volume, again.voice_on, again.halfway_tick, again.voice) == (
        55, False, False, "Anne")


def test_the_preferences_reach_the_workout(qtbot, make_window, data_dir):
    prefs = Preferences(data_dir)
    prefs.cue_volume, prefs.halfway_tick, prefs.voice = 50, False, "Anne"
    window = make_window(ManualClock(1000.0))
    flow = window.start_routine("spoken-test")
    cues = flow.cues
    assert (cues.volume, cues.halfway, cues.voice_name) == (0.5, False, "Anne")
    qtbot.waitUntil(lambda: cues.voice is not None and cues.voice.is_ready, timeout=20_000)
    assert cues.voice.voice_name == "Anne"
