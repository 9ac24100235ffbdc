"""The Wayland → xcb choice made before the QApplication exists."""

from __future__ import annotations

import sys

import pytest

from ankledesk.ui.qt_platform import use_xcb_on_wayland


@pytest.mark.parametrize(("env", "expected"), [
    ({"WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
    ({"XDG_SESSION_TYPE": "wayland"}, "xcb"),
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"}, "wayland"),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, None),
    ({}, None),
])
def test_wayland_sessions_start_qt_on_xcb(monkeypatch, env: dict, expected: str | None) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    environ = dict(env)
    changed = use_xcb_on_wayland(environ)
    assert environ.get("QT_QPA_PLATFORM") == expected
    assert changed == (expected == "xcb")


def test_other_platforms_are_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    environ = {"WAYLAND_DISPLAY": "wayland-0"}
    assert use_xcb_on_wayland(environ) is False
    assert "QT_QPA_PLATFORM" not in environ
