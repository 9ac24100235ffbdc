"""SIGTERM and Ctrl-C in the window: read by the event loop, never raised inside a slot.

A Python signal handler runs between two bytecodes of whatever Python code is running. In the
window that is a slot: raising there (as the CLI does, see entry.py) aborts the journal write
under way, the error hook catches it, and the workout carries on without that set. While Qt
waits for events no Python runs at all, so the handler would not even run until the next
mouse move. So here the Python handler only notes the signal: CPython's own C handler writes
the signal's number to one end of a socket pair (`signal.set_wakeup_fd`), a QSocketNotifier on
the other end wakes the event loop, and `arrived` is emitted there, between two events, when no
slot (and so no write) is under way.

What the app does then (app.py, demo.py): ends the event loop, which ends any dialog's loop
too, closes the window outside it without asking (MainWindow.close_for_signal), releases the
lock, and only then, with Qt idle, raises the CLI's KeyboardInterrupt or Terminated (`reraise`)
so the command line says its one line and exits 130 or 143.
"""

from __future__ import annotations

import _socket
from types import FrameType, TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from ankledesk.errors import INTERRUPTED_EXIT, TERMINATED_EXIT, Terminated

if TYPE_CHECKING:
    import signal
else:  # the builtin half, loaded with the interpreter: `signal` itself imports enum (~1 ms)
    import _signal as signal

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM")
                     if hasattr(signal, name))


def _socket_pair() -> tuple[_socket.socket, _socket.socket]:
    """Two connected sockets: `_socket`'s own where it has them (POSIX), as `socket.py` imports
    `selectors` and `array` on the way, a few ms of the window's start; else socket.py's."""
    if hasattr(_socket, "socketpair"):
        return _socket.socketpair()
    import socket

    return socket.socketpair()


def exit_code(signum: int) -> int:
    """130 for Ctrl-C, 143 for SIGTERM: what a shell reports for a process they ended."""
    return INTERRUPTED_EXIT if signum == signal.SIGINT else TERMINATED_EXIT


class StopSignals(QObject):
    """While installed (a `with` block), SIGINT and SIGTERM come as `arrived(signum)` on the
    event loop; `signum` is the first one, None until one came."""

    arrived = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signum: int | None = None
        self._emitted = False
        self._reader, self._writer = _socket_pair()
        for end in (self._reader, self._writer):
            end.setblocking(False)  # set_wakeup_fd requires it; a full buffer only drops bytes
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._previous_fd: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        # A Python handler must be set for the C handler to write the number at all.
        self._previous = {number: signal.signal(number, self._note) for number in STOP_SIGNALS}
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for number, handler in self._previous.items():
            # None: a handler set outside Python, which cannot be put back; the default then.
            signal.signal(number, signal.SIG_DFL if handler is None else handler)  # type: ignore[arg-type]
        signal.set_wakeup_fd(-1 if self._previous_fd is None else self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _note(self, signum: int, frame: FrameType | None) -> None:
        """The Python handler: notes the signal, raises nothing (see the module docstring)."""
        if self.signum is None:
            self.signum = signum

    def _read(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in numbers:
            if number in STOP_SIGNALS and not self._emitted:
                self._emitted = True
                if self.signum is None:
                    self.signum = number
                self.arrived.emit(self.signum)

    def reraise(self) -> None:
        """After the window is closed and the handlers restored: the exception the CLI turns
        into its one line and exit code (cli.said_stopped), if a signal came."""
        if self.signum is None:
            return
        if self.signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated
