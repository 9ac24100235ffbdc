"""The clip on the workout screen, asked of libvlc itself (player state, not labels)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import run_to

WAIT_MS = 15_000


def clip_name(flow) -> str:
    return Path(flow.workout_screen.video.current_mrl()).name


@pytest.fixture
def flow(window):
    return window.start_routine("quick-test")


def test_prepare_and_rest_already_play_the_next_drills_clip(qtbot, flow):
    video = flow.workout_screen.video
    assert flow.driver.view().phase == "prepare"
    qtbot.waitUntil(video.is_playing, timeout=WAIT_MS)
    assert clip_name(flow) == "big-toe-raise-hold.left.mp4"
    run_to(flow, lambda: flow.driver.view().phase == "rest")
    view = flow.driver.view()
    assert view.step.rest_kind == "rounds"
    # Round 2 starts with the left big-toe hold: its clip plays during the rest.
    qtbot.waitUntil(lambda: clip_name(flow) == "big-toe-raise-hold.left.mp4", timeout=WAIT_MS)
    qtbot.waitUntil(video.is_playing, timeout=WAIT_MS)
    assert "Next up: Big-toe calf-raise hold · LEFT" in flow.workout_screen.cues.text()


def test_the_left_side_plays_the_mirrored_clip_and_the_right_side_the_plain_one(qtbot, flow):
    video = flow.workout_screen.video
    run_to(flow, lambda: flow.driver.view().phase == "work")
    assert flow.driver.view().step.side == "left"
    qtbot.waitUntil(video.is_playing, timeout=WAIT_MS)
    assert clip_name(flow) == "big-toe-raise-hold.left.mp4"
    run_to(flow, lambda: flow.driver.view().phase == "switch")
    # The switch pause shows the side that comes next.
    qtbot.waitUntil(lambda: clip_name(flow) == "big-toe-raise-hold.mp4", timeout=WAIT_MS)
    qtbot.waitUntil(video.is_playing, timeout=WAIT_MS)
    run_to(flow, lambda: flow.driver.view().step.mode == "reps")
    qtbot.waitUntil(lambda: clip_name(flow) == "ankle-squat.mp4", timeout=WAIT_MS)


def test_pause_freezes_the_clip_and_resume_plays_it(qtbot, flow):
    video = flow.workout_screen.video
    run_to(flow, lambda: flow.driver.view().phase == "work")
    qtbot.waitUntil(lambda: video.is_playing() and video.playback_ms() > 0, timeout=WAIT_MS)
    flow.driver.toggle_pause()
    qtbot.waitUntil(lambda: not video.is_playing(), timeout=WAIT_MS)
    frozen = video.playback_ms()
    qtbot.wait(600)
    assert video.playback_ms() == frozen
    assert flow.workout_screen.pause_button.text() == "▶ Resume"
    assert flow.workout_screen.phase_bar.phase_word == "PAUSED"
    flow.driver.toggle_pause()
    qtbot.waitUntil(video.is_playing, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: video.playback_ms() != frozen, timeout=WAIT_MS)


def test_a_step_key_paints_first_and_primes_the_clip_after_next_a_moment_later(qtbot, flow):
    """→ switches to the next step's clip at once; the clip after that is loaded only once
    the key's effect has been painted (libvlc's set_media costs a few ms), then primed."""
    video = flow.workout_screen.video
    screen = flow.workout_screen
    qtbot.waitUntil(lambda: Path(video.next_clip()).name == "big-toe-raise-hold.mp4"
                    and video.next_is_primed(), timeout=WAIT_MS)
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # prepare → left hold: same clip
    assert flow.driver.view().phase == "work"
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # left hold → switch sides: the right-side clip
    assert flow.driver.view().phase == "switch"
    assert Path(video.next_clip()).name != "ankle-squat.mp4"
    qtbot.waitUntil(lambda: clip_name(flow) == "big-toe-raise-hold.mp4", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: Path(video.next_clip()).name == "ankle-squat.mp4"
                    and video.next_is_primed(), timeout=WAIT_MS)
