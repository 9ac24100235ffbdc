"""Clip tests paint QImages: they share the session's one QApplication (pytest-qt's `qapp`, on
pytest-xvfb's display) instead of making their own offscreen one, which would leave the video
tests in the same run without a widget-capable application."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _session_qapplication(qapp):
    return qapp
