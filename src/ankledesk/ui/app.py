"""The GUI's entry point: QApplication, the error hook, the store, then the main window.

Order matters. The excepthook goes in before anything else, so an error while building the
window is logged and shown rather than lost; the data folder's lock is taken before the window
exists, so a second AnkleDesk says so and writes nothing; the store's notices and a cut-short
workout are dealt with once the window is on screen.
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ankledesk import paths
from ankledesk.errors import UserError
from ankledesk.store.lock import AlreadyRunning
from ankledesk.store.session_store import SessionStore
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import install_fonts
from ankledesk.ui.main_window import MainWindow
from ankledesk.ui.platform_failure import PlatformWatch
from ankledesk.ui.qt_platform import use_xcb_on_wayland
from ankledesk.ui.workout.clock import Clock

if TYPE_CHECKING:
    from ankledesk.ui.error_dialog import ErrorDialog

log = logging.getLogger("ankledesk")

_dialogs: list[ErrorDialog] = []  # shown, not modal: kept alive until closed


def log_path(data_dir: Path) -> Path:
    return paths.logs_dir(data_dir) / "ankledesk.log"


def start_logging(data_dir: Path) -> Path | None:
    """Log to <data>/logs/ankledesk.log (warnings and errors; info for the app's own steps)."""
    target = log_path(data_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return target


def install_excepthook(data_dir: Path) -> None:
    """Any exception that escapes a slot or an event handler: logged, then a dialog."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("uncaught exception\n%s", details)
        if QApplication.instance() is None:
            print(f"ankledesk: internal error: {kind.__name__}: {exc}", file=sys.stderr)
            return
        from ankledesk.ui.error_dialog import ErrorDialog  # only ever needed here

        target = log_path(data_dir)
        dialog = ErrorDialog(f"{kind.__name__}: {exc}", details,
                             target if target.exists() else None, QApplication.activeWindow())
        _dialogs.append(dialog)
        dialog.finished.connect(lambda *_: _dialogs.remove(dialog))
        dialog.show()

    sys.excepthook = hook


def create_application(argv: list[str] | None = None) -> QApplication:
    use_xcb_on_wayland()
    app = QApplication.instance()
    if app is None:
        with PlatformWatch():  # no display, or a library Qt's plugin needs: one line, exit 1
            app = QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AnkleDesk")
    app.setDesktopFileName("ankledesk")
    install_fonts()
    return app


def set_window_icon(app: QApplication) -> None:
    """The icon windows show in the task bar. Set once the window is on screen: rendering the
    SVG at every size X asks for takes longer than painting the whole window."""
    from PySide6.QtGui import QIcon

    icon = paths.resources_dir() / "icons" / "ankledesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def open_store(data_dir: Path, parent: QWidget | None = None) -> SessionStore | None:
    """The data folder's store, or None after telling the user why not (nothing written)."""
    try:
        return SessionStore.open(data_dir)
    except AlreadyRunning as exc:
        from PySide6.QtWidgets import QMessageBox  # only when the app cannot start

        who = f"process {exc.pid}" if exc.pid else "another program"
        QMessageBox.information(
            parent, "AnkleDesk is already open",
            f"AnkleDesk is already running ({who}) with the data in {data_dir}.\n\n"
            "Switch to that window: only one AnkleDesk at a time records your workouts.")
        return None
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, "AnkleDesk cannot start", str(exc))
        return None


class FirstPaint(QObject):
    """Calls `then` once the window has painted for the first time: what can wait (the icon,
    the notices, the resume question) waits for it, and the start-up benchmark ends there.

    A top-level widget paints its whole tree while it handles an UpdateRequest, so the moment
    after the first one is handled is the moment the user first sees the window."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.UpdateRequest:
            self._seen = True
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self._then()


def build_window(data_dir: Path, clock: Clock | None = None) -> MainWindow | None:
    """Everything but the event loop (tests and the demo drive the window themselves)."""
    store = open_store(data_dir)
    if store is None:
        return None
    context = AppContext(data_dir, store)
    window = MainWindow(context, clock=clock)
    window.destroyed.connect(lambda *_: store.close())
    return window


def run(data_dir: Path, *, exit_after_paint: bool = False) -> int:
    """`ankledesk` with no command: the app, until its window closes."""
    start_logging(data_dir)
    install_excepthook(data_dir)
    app = create_application()
    window = build_window(data_dir)
    if window is None:
        return 1
    window.resize(1280, 800)

    def painted() -> None:
        # Started: what was made so far stays for good (see entry.py), so the collector
        # leaves it out of its rounds from now on, and is back on for the rest.
        gc.freeze()
        gc.enable()
        if exit_after_paint:
            print("painted", flush=True)
            app.quit()
            return
        from ankledesk.ui.after_start import after_shown

        set_window_icon(app)
        after_shown(window)

    window.installEventFilter(FirstPaint(window, painted))
    window.show()
    code = app.exec()
    window.context.store.close()
    return code
