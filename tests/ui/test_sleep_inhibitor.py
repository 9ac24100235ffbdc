"""A running workout keeps the screen saver away; a pause or the end lets it back. Checked on a
private D-Bus session bus against a real service process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection

from ankledesk.ui.sleep_inhibitor import SleepInhibitor
from tests.conftest import ROOT
from tests.ui.conftest import run_to


@pytest.fixture
def session_bus() -> Iterator[str]:
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                               "--print-address=1"], stdout=subprocess.PIPE, text=True)
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)


@pytest.fixture
def screensaver(session_bus: str) -> Iterator[subprocess.Popen]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus, "QT_QPA_PLATFORM": "offscreen"}
    service = subprocess.Popen([sys.executable, "-m", "tests.ui.fake_screensaver"], env=env,
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert service.stdout.readline().strip() == "ready"
    yield service
    service.terminate()
    service.wait(timeout=10)


def calls(service: subprocess.Popen, count: int) -> list[str]:
    return [service.stdout.readline().strip() for _ in range(count)]


def test_held_while_running_released_on_pause_and_at_the_end(qtbot, window, clock,
                                                              session_bus, screensaver):
    bus = QDBusConnection.connectToBus(session_bus, "ankledesk-test-bus")
    try:
        window.inhibitor = SleepInhibitor(bus=bus)
        flow = window.start_routine("quick-test")
        assert calls(screensaver, 1) == ["Inhibit AnkleDesk: A workout is running -> 1001"]
        flow.driver.toggle_pause()
        assert calls(screensaver, 1) == ["UnInhibit 1001"]
        flow.driver.toggle_pause()
        assert calls(screensaver, 1) == ["Inhibit AnkleDesk: A workout is running -> 1002"]
        run_to(flow, lambda: flow.summary is not None)
        assert calls(screensaver, 1) == ["UnInhibit 1002"]
        assert not window.inhibitor.holding
    finally:
        QDBusConnection.disconnectFromBus("ankledesk-test-bus")


def test_without_a_screen_saver_service_nothing_happens(qtbot, window, session_bus):
    bus = QDBusConnection.connectToBus(session_bus, "ankledesk-empty-bus")
    try:
        window.inhibitor = SleepInhibitor(bus=bus)
        flow = window.start_routine("quick-test")
        assert flow.driver.running and not window.inhibitor.holding
    finally:
        QDBusConnection.disconnectFromBus("ankledesk-empty-bus")
