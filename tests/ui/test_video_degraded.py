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


def check_degraded(qtbot, drill, clip, banner: str | None = None) -> None:
    from ankledesk.ui.video import VideoView

    view = VideoView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert not view.runtime.available
    assert view.banner.isVisible()
    assert "VLC" in view.banner.text()
    assert (banner or vlc_runtime.install_hint()) == view.banner.text()
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


@pytest.mark.parametrize(("variable", "value"), [
    ("PYTHON_VLC_LIB_PATH", "/nowhere/libvlc.so.5"),
    ("PYTHON_VLC_MODULE_PATH", "/nowhere/plugins"),
])
def test_a_libvlc_path_that_leads_nowhere_shows_cue_cards_and_names_it(
        qtbot, monkeypatch, fresh_runtime, drill, clips, variable, value) -> None:
    """python-vlc itself calls sys.exit(1) on these (the whole app closed with code 1): the
    real import runs again here, with the variable set as a user's shell would."""
    monkeypatch.setenv(variable, value)
    monkeypatch.delitem(sys.modules, "vlc")
    hint = vlc_runtime.runtime().hint
    assert hint.startswith(f"Video is off: {variable}={value!r} is not ")
    assert "\n" not in hint
    check_degraded(qtbot, drill, clips["split"], banner=hint)


def test_a_wrong_libvlc_path_does_not_end_the_process(tmp_path) -> None:
    """In a process of its own, as a user's start would be: the runtime says why, and the
    process goes on to its end (python-vlc's sys.exit(1) used to be the end of the app)."""
    import os
    import subprocess

    env = dict(os.environ, PYTHON_VLC_LIB_PATH=str(tmp_path / "libvlc.so.5"))
    code = ("from ankledesk.ui import vlc_runtime\n"
            "r = vlc_runtime.runtime()\n"
            "print(r.available, r.hint)\n")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False Video is off: PYTHON_VLC_LIB_PATH=")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("platform", "expected"), [
    ("linux", "sudo apt install vlc"),
    ("darwin", "videolan.org"),
    ("win32", "videolan.org"),
])
def test_install_hint_per_platform(platform: str, expected: str) -> None:
    hint = vlc_runtime.install_hint(platform)
    assert expected in hint
    assert "\n" not in hint
