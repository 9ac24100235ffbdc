"""Another process's windows on the test's X display: which are shown, and a key pressed there.

A test that runs the real `ankledesk` in a subprocess cannot reach its widgets, so it answers
the window's questions the way a user does: through the X server. XTest (libXtst) fakes the key
press; the window titles come from `_NET_WM_NAME`, which Qt sets. ctypes, so no X client
library is needed in the venv. Windows are told apart by the pid Qt puts on them (_NET_WM_PID),
so the test process's own windows never count.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

XK_RETURN = 0xFF0D
_ANY_PROPERTY_TYPE = 0
_SUCCESS = 0


def _library(name: str, fallback: str) -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library(name) or fallback)


_x11 = _library("X11", "libX11.so.6")
_xtst = _library("Xtst", "libXtst.so.6")
_Window = ctypes.c_ulong
_x11.XOpenDisplay.restype = ctypes.c_void_p
_x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
_x11.XDefaultRootWindow.restype = _Window
_x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_x11.XInternAtom.restype = ctypes.c_ulong
_x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_x11.XQueryTree.argtypes = [ctypes.c_void_p, _Window, ctypes.POINTER(_Window),
                            ctypes.POINTER(_Window), ctypes.POINTER(ctypes.POINTER(_Window)),
                            ctypes.POINTER(ctypes.c_uint)]
_x11.XGetWindowProperty.argtypes = [
    ctypes.c_void_p, _Window, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
    ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
    ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.c_void_p)]
_x11.XFree.argtypes = [ctypes.c_void_p]
_x11.XFlush.argtypes = [ctypes.c_void_p]
_x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
_x11.XKeysymToKeycode.restype = ctypes.c_ubyte
_x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
_x11.XGetInputFocus.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Window),
                                ctypes.POINTER(ctypes.c_int)]
_xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                    ctypes.c_ulong]


class _Attributes(ctypes.Structure):
    """XWindowAttributes, for its map_state."""

    _fields_ = [(name, ctypes.c_int) for name in ("x", "y", "width", "height", "border_width",
                                                   "depth")] + [
        ("visual", ctypes.c_void_p), ("root", _Window), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


_IS_VIEWABLE = 2
_x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, _Window, ctypes.POINTER(_Attributes)]


@contextmanager
def display() -> Iterator[int]:
    """A connection to $DISPLAY (pytest-xvfb's in the test suite)."""
    handle = _x11.XOpenDisplay(os.environ["DISPLAY"].encode())
    assert handle, f"cannot open X display {os.environ['DISPLAY']}"
    try:
        yield handle
    finally:
        _x11.XCloseDisplay(handle)


def _children(handle: int, window: int) -> list[int]:
    root, parent = _Window(), _Window()
    children = ctypes.POINTER(_Window)()
    count = ctypes.c_uint()
    if not _x11.XQueryTree(handle, window, ctypes.byref(root), ctypes.byref(parent),
                           ctypes.byref(children), ctypes.byref(count)):
        return []  # gone meanwhile
    found = [children[i] for i in range(count.value)]
    if children:
        _x11.XFree(children)
    return found


def _property(handle: int, window: int, name: bytes) -> bytes:
    atom = _x11.XInternAtom(handle, name, 0)
    kind, unit = ctypes.c_ulong(), ctypes.c_int()
    items, after = ctypes.c_ulong(), ctypes.c_ulong()
    data = ctypes.c_void_p()
    status = _x11.XGetWindowProperty(handle, window, atom, 0, 1024, 0, _ANY_PROPERTY_TYPE,
                                     ctypes.byref(kind), ctypes.byref(unit),
                                     ctypes.byref(items), ctypes.byref(after),
                                     ctypes.byref(data))
    if status != _SUCCESS or not data.value:
        return b""
    try:  # 32-bit items come as C longs
        size = items.value * (ctypes.sizeof(ctypes.c_long) if unit.value == 32 else 1)
        return ctypes.string_at(data.value, size)
    finally:
        _x11.XFree(data)


def _title(handle: int, window: int) -> str:
    return _property(handle, window, b"_NET_WM_NAME").decode("utf-8", "replace")


def _pid(handle: int, window: int) -> int | None:
    raw = _property(handle, window, b"_NET_WM_PID")
    return ctypes.c_long.from_buffer_copy(raw).value if raw else None


def _viewable(handle: int, window: int) -> bool:
    attributes = _Attributes()
    if not _x11.XGetWindowAttributes(handle, window, ctypes.byref(attributes)):
        return False
    return attributes.map_state == _IS_VIEWABLE


def windows(handle: int, pid: int) -> dict[int, str]:
    """Process `pid`'s top-level windows on show (no window manager: the root's mapped
    children) and their titles."""
    _x11.XSync(handle, 0)
    root = _x11.XDefaultRootWindow(handle)
    return {window: _title(handle, window) for window in _children(handle, root)
            if _viewable(handle, window) and _pid(handle, window) == pid}


def wait_for_window(handle: int, title: str, process: subprocess.Popen,
                    timeout: float) -> None:
    """Until `process` shows a window titled `title`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if title in windows(handle, process.pid).values():
            return
        if process.poll() is not None:
            raise AssertionError(f"the app ended before its window {title!r} showed")
        time.sleep(0.05)
    raise AssertionError(f"no window {title!r} on show within {timeout:.0f} s")


def focused(handle: int) -> int:
    window, revert = _Window(), ctypes.c_int()
    _x11.XGetInputFocus(handle, ctypes.byref(window), ctypes.byref(revert))
    return window.value


def wait_for_focus(handle: int, title: str, process: subprocess.Popen,
                   timeout: float) -> None:
    """Until `process` shows a window titled `title` and it has the keyboard (as after a
    click on it), so that a key pressed now goes there."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if windows(handle, process.pid).get(focused(handle)) == title:
            return
        if process.poll() is not None:
            raise AssertionError(f"the app ended before its window {title!r} showed")
        time.sleep(0.05)
    raise AssertionError(f"no window {title!r} with the keyboard within {timeout:.0f} s")


def press(handle: int, keysym: int) -> None:
    """One key pressed and released, as from the keyboard, to the window with the focus."""
    code = _x11.XKeysymToKeycode(handle, keysym)
    _xtst.XTestFakeKeyEvent(handle, code, 1, 0)
    _xtst.XTestFakeKeyEvent(handle, code, 0, 0)
    _x11.XFlush(handle)
