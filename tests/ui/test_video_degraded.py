"""Without a working libvlc the view shows cue cards and an install banner; nothing else breaks.

The only mocks in the video suite live here: making `import vlc` fail, or `vlc.Instance()`
return None, is the one way to reach these paths on a machine that has VLC.
"""

from __future__ import annotations

import sys

import pytest

from ankledesk.ui import vlc_runtime


@pytest.fixture
def fresh_runtime():
    """Load libvlc anew for this test, and again (for real) after it."""
    vlc_runtime.reset_runtime()
    yield
    vlc_runtime.reset_runtime()


def check_degraded(qtbot, drill, clip) -> None:
    from ankledesk.ui.video import VideoView

    view = VideoView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert not view.runtime.available
    assert view.banner.isVisible()
    assert "VLC" in view.banner.text()
    assert vlc_runtime.install_hint() == view.banner.text()
    view.show_drill(drill, clip)
    view.preload(drill, clip)
    assert view.showing_cue_card()
    assert drill.name in view.cue_text()
    assert drill.cues[0] in view.cue_text()
    view.set_speed(0.5)
    view.shutdown()


def test_import_vlc_fails(qtbot, monkeypatch, fresh_runtime, drill, clips) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` now raises ImportError
    check_degraded(qtbot, drill, clips["split"])


def test_vlc_instance_returns_none(qtbot, monkeypatch, fresh_runtime, drill, clips) -> None:
    import vlc

    monkeypatch.setattr(vlc, "Instance", lambda *args, **kwargs: None)
    check_degraded(qtbot, drill, clips["split"])


@pytest.mark.parametrize(("platform", "expected"), [
    ("linux", "sudo apt install vlc"),
    ("darwin", "videolan.org"),
    ("win32", "videolan.org"),
])
def test_install_hint_per_platform(platform: str, expected: str) -> None:
    hint = vlc_runtime.install_hint(platform)
    assert expected in hint
    assert "\n" not in hint
