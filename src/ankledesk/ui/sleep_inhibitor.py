"""Keeps the screen saver and sleep away while a workout runs (org.freedesktop.ScreenSaver).

Desktop Linux sessions (GNOME, KDE, Xfce …) implement the freedesktop ScreenSaver interface on
the session bus; `Inhibit` returns a cookie that `UnInhibit` hands back. Where there is no
session bus or no such service (a bare X server, a headless machine) it logs one line and does
nothing else: a workout must never fail over a screen saver. Windows and macOS are not covered
here (see the README).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"


class SleepInhibitor:
    """Holds the screen saver off while `holding`; `bus` defaults to the session bus."""

    def __init__(self, app_name: str = "AnkleDesk", bus: QDBusConnection | None = None) -> None:
        self.app_name = app_name
        self._bus = bus
        self.cookie: int | None = None
        self._interface: QDBusInterface | None = None
        self._unavailable = False

    def _bus_interface(self) -> QDBusInterface | None:
        if self._interface is not None or self._unavailable:
            return self._interface
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no D-Bus session bus: the screen saver is not held off during workouts")
            self._unavailable = True
            return None
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        if not interface.isValid():
            log.info("no %s service: the screen saver is not held off during workouts", SERVICE)
            self._unavailable = True
            return None
        self._interface = interface
        return interface

    @property
    def holding(self) -> bool:
        return self.cookie is not None

    def hold(self, reason: str) -> None:
        if self.cookie is not None:
            return
        interface = self._bus_interface()
        if interface is None:
            return
        reply = interface.call("Inhibit", self.app_name, reason)
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
            self.cookie = int(reply.arguments()[0])
        else:
            log.info("screen saver inhibit refused: %s", reply.errorMessage())

    def release(self) -> None:
        if self.cookie is None or self._interface is None:
            return
        # The cookie must go back as a D-Bus uint32; PySide6 would send a Python int as int32,
        # which the service rejects. The interface's introspected method has the right type.
        QMetaObject.invokeMethod(self._interface, "UnInhibit",
                                 Qt.ConnectionType.DirectConnection, Q_ARG("uint", self.cookie))
        self.cookie = None
