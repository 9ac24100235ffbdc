"""VideoView against the real libvlc under Xvfb: pixels on screen, mirroring, looping, switches.

libvlc draws straight into the X window, so QWidget.grab() cannot see the video; the tests grab
the screen (Xvfb has no compositor, so the root window holds what is displayed) and read pixels
at the view's position. Waits are generous `waitUntil`s, never timing assertions.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import BLUE, GREEN, RED, SOLIDS, YELLOW

WAIT_MS = 15_000


def screen() -> QImage:
    return QGuiApplication.primaryScreen().grabWindow(0).toImage()


def colour_at(widget: QWidget, x: int, y: int, image: QImage | None = None) -> QColor:
    """The colour on screen at (x, y) inside `widget`."""
    point = widget.mapToGlobal(QPoint(x, y))
    return (image or screen()).pixelColor(point.x(), point.y())


def near(colour: QColor, rgb: tuple[int, int, int], tolerance: int = 48) -> bool:
    return all(abs(a - b) <= tolerance
               for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb, strict=True))


def halves(view) -> tuple[QColor, QColor]:
    surface = view.front_surface()
    image = screen()
    y = surface.height() // 2
    return (colour_at(surface, surface.width() // 4, y, image),
            colour_at(surface, surface.width() * 3 // 4, y, image))


def shows(view, left: tuple[int, int, int], right: tuple[int, int, int]) -> bool:
    a, b = halves(view)
    return near(a, left) and near(b, right)


def test_clip_plays_in_the_widget_and_is_on_screen(qtbot, view, clips, drill, tmp_path) -> None:
    with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS) as flowing:
        view.show_drill(drill, clips["split"])
    assert flowing.args == [str(clips["split"])]
    assert not view.showing_cue_card()
    qtbot.waitUntil(lambda: shows(view, RED, BLUE), timeout=WAIT_MS)
    grab = screen()
    grab.save(str(tmp_path / "video.png"))
    # the black background is gone where the clip is drawn
    assert not near(colour_at(view.front_surface(), 320, 180, grab), (0, 0, 0))
    assert view.current_mrl().endswith("split.mp4")


def test_mirrored_clip_is_flipped(qtbot, view, clips, drill) -> None:
    view.show_drill(drill, clips["split"], mirrored=True)
    qtbot.waitUntil(lambda: shows(view, BLUE, RED), timeout=WAIT_MS)
    view.preload(drill, clips["split"], mirrored=False)
    qtbot.waitUntil(view.next_is_primed, timeout=WAIT_MS)
    view.show_drill(drill, clips["split"], mirrored=False)
    qtbot.waitUntil(lambda: shows(view, RED, BLUE), timeout=WAIT_MS)


def test_left_side_plays_the_ready_mirrored_clip_unflipped(qtbot, view, clips, drill) -> None:
    """hflip would print the clip's caption backwards: a `.left` sibling is played as it is."""
    view.show_drill(drill, clips["sided"], mirrored=True)
    qtbot.waitUntil(lambda: shows(view, GREEN, YELLOW), timeout=WAIT_MS)
    assert view.current_mrl().endswith("sided.left.mp4")
    view.preload(drill, clips["sided"], mirrored=False)
    qtbot.waitUntil(view.next_is_primed, timeout=WAIT_MS)
    view.show_drill(drill, clips["sided"], mirrored=False)
    qtbot.waitUntil(lambda: shows(view, RED, BLUE), timeout=WAIT_MS)
    assert view.current_mrl().endswith("sided.mp4")


def test_letterboxed_on_black(qtbot, view, clips, drill) -> None:
    view.resize(960, 360)
    view.show_drill(drill, clips["split"])
    surface = view.front_surface()
    qtbot.waitUntil(lambda: surface.width() == 960, timeout=WAIT_MS)

    def letterboxed() -> bool:
        image = screen()
        return (near(colour_at(surface, 20, 180, image), (0, 0, 0), 24)
                and near(colour_at(surface, 940, 180, image), (0, 0, 0), 24)
                and near(colour_at(surface, 300, 180, image), RED)
                and near(colour_at(surface, 660, 180, image), BLUE))

    qtbot.waitUntil(letterboxed, timeout=WAIT_MS)


@pytest.mark.parametrize("preloaded", [False, True], ids=["started", "preloaded"])
def test_playback_loops_past_the_clip_length(qtbot, view, clips, drill, preloaded) -> None:
    if preloaded:
        view.preload(drill, clips["split"])
        qtbot.waitUntil(view.next_is_primed, timeout=WAIT_MS)
    view.show_drill(drill, clips["split"])
    qtbot.waitUntil(lambda: view.playback_ms() > 2_000, timeout=WAIT_MS)  # clip is 3 s long
    qtbot.waitUntil(lambda: 0 <= view.playback_ms() < 1_500, timeout=WAIT_MS)  # wrapped
    qtbot.waitUntil(lambda: view.playback_ms() > 1_500, timeout=WAIT_MS)  # and goes on
    assert view.is_playing()
    assert not view.showing_cue_card()


def test_fifty_switches_all_show_the_right_clip(qtbot, view, clips, drill) -> None:
    names = list(SOLIDS)
    for step in range(50):
        name = names[step % len(names)]
        mirrored = step % 5 == 4
        if step % 2 == 0:  # the usual path: preloaded during the step before, then switched to
            view.preload(drill, clips[name], mirrored)
            qtbot.waitUntil(view.next_is_primed, timeout=WAIT_MS)
        with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS) as flowing:
            view.show_drill(drill, clips[name], mirrored)
        assert flowing.args == [str(clips[name])], f"switch {step}"
        assert view.current_mrl().endswith(f"/{name}.mp4"), f"switch {step}"
        colour = SOLIDS[name]
        qtbot.waitUntil(lambda colour=colour: shows(view, colour, colour), timeout=WAIT_MS)


def test_speed_half_and_full(qtbot, view, clips, drill) -> None:
    view.show_drill(drill, clips["split"])
    view.set_speed(0.5)
    qtbot.waitUntil(lambda: view.current_rate() == pytest.approx(0.5), timeout=WAIT_MS)
    view.preload(drill, clips["green"])
    qtbot.waitUntil(view.next_is_primed, timeout=WAIT_MS)
    view.show_drill(drill, clips["green"])  # the speed carries over to the next clip
    qtbot.waitUntil(lambda: view.current_rate() == pytest.approx(0.5), timeout=WAIT_MS)
    view.set_speed(1.0)
    qtbot.waitUntil(lambda: view.current_rate() == pytest.approx(1.0), timeout=WAIT_MS)


def assert_cue_card(view, drill) -> None:
    assert view.showing_cue_card()
    text = view.cue_text()
    assert drill.name in text
    for cue in drill.cues:
        assert cue in text


@pytest.mark.parametrize("case", ["missing", "empty", "truncated", "text"])
def test_bad_clip_shows_the_cue_card_and_the_view_goes_on(qtbot, view, clips, drill, case,
                                                          caplog) -> None:
    caplog.set_level(logging.WARNING, logger="ankledesk.ui.video")
    with qtbot.waitSignal(view.clip_failed, timeout=WAIT_MS) as failed:
        view.show_drill(drill, clips[case])
    assert failed.args[0] == str(clips[case])
    assert_cue_card(view, drill)
    assert any(str(clips[case]) in r.getMessage() for r in caplog.records)
    with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS):
        view.show_drill(drill, clips["split"])
    assert not view.showing_cue_card()
    qtbot.waitUntil(lambda: shows(view, RED, BLUE), timeout=WAIT_MS)


def test_bad_clip_preloaded_shows_the_cue_card(qtbot, view, clips, drill) -> None:
    view.show_drill(drill, clips["split"])
    view.preload(drill, clips["text"])
    with qtbot.waitSignal(view.clip_failed, timeout=WAIT_MS):
        view.show_drill(drill, clips["text"])
    assert_cue_card(view, drill)


def test_drill_without_clip_shows_the_cue_card(qtbot, view, drill) -> None:
    view.show_drill(drill, None)
    assert_cue_card(view, drill)


def test_closing_mid_clip_neither_crashes_nor_hangs(qtbot, view, clips, drill) -> None:
    view.preload(drill, clips["green"])
    with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS):
        view.show_drill(drill, clips["split"])
    view.close()
    qtbot.wait(300)  # queued libvlc events still arriving must be ignored
    view.show_drill(drill, clips["split"])  # after shutdown: the cue card, no libvlc call
    assert_cue_card(view, drill)


def test_destroying_the_widget_mid_clip_releases_its_players(qtbot, clips, drill) -> None:
    from ankledesk.ui.video import VideoView

    parent = QWidget()
    parent.resize(640, 360)
    view = VideoView(parent)
    view.resize(640, 360)
    parent.show()
    qtbot.waitExposed(parent)
    with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS):
        view.show_drill(drill, clips["split"])
    pool = view._pool
    parent.deleteLater()  # no shutdown(): the destroyed handler must release the players
    qtbot.waitUntil(lambda: not pool.players, timeout=WAIT_MS)
    qtbot.wait(300)


def test_user_clip_in_any_format_plays(qtbot, view, clips, drill, data_dir: Path) -> None:
    from ankledesk.store.user_clips import UserClips

    own = UserClips().set(drill.id, clips["split"])
    with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS):
        view.show_drill(drill, UserClips().clip_path(drill))
    assert view.current_mrl().endswith(own.name)
