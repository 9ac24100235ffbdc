"""A stand-in org.freedesktop.ScreenSaver service on a private session bus, for the tests.

It is a real D-Bus service (QtDBus, in its own process) that prints every call it gets, so the
test sees exactly what a desktop's screen saver would have been asked.
"""

from __future__ import annotations

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.cookie = 1000

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:
        self.cookie += 1
        print(f"Inhibit {app}: {reason} -> {self.cookie}", flush=True)
        return self.cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        print(f"UnInhibit {cookie}", flush=True)


def main() -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    service = ScreenSaver()
    exported = bus.registerObject("/org/freedesktop/ScreenSaver", service,
                                  QDBusConnection.RegisterOption.ExportAllSlots)
    named = bus.registerService("org.freedesktop.ScreenSaver")
    print("ready" if exported and named else "failed", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
