"""The app's libvlc: loaded once, lazily, and allowed to be missing.

libvlc is a system library that python-vlc finds at import time, so `import vlc` can raise on a
machine without VLC, and `vlc.Instance()` returns None when libvlc starts but cannot load its
plugins. Both cases become a `VlcRuntime` with `available == False` and a one-line reason; the
video view then shows cue cards instead of clips and the rest of the app carries on.

One instance serves every player in the app. A second one exists only for mirrored playback:
libvlc 3.0 ignores `video-filter` given as a media option (the video output reads it from the
player and the instance, never from the input), so hflip has to be set when the instance is
created. It is created on the first mirrored clip.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

# Quiet; no audio (demo clips are silent, a user's clip must not talk over the gym's music);
# no title overlay and no subtitle file scan per clip; software decoding on one thread: the
# flat-shaded 1280x720 clips decode well within a frame on one, and three frame threads per
# switch made the process grow about 80 KB a switch (allocator churn), against a flat line.
BASE_ARGS = (
    "--quiet",
    "--no-audio",
    "--no-video-title-show",
    "--no-osd",
    "--no-spu",
    "--no-sub-autodetect-file",
    "--no-snapshot-preview",
    "--avcodec-hw=none",
    "--avcodec-threads=1",
    "--no-xlib",
)
MIRROR_ARGS = ("--video-filter=transform", "--transform-type=hflip")


def install_hint(platform: str | None = None) -> str:
    """The one line that tells a user how to get libvlc on their system."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return "Video needs VLC: sudo apt install vlc (or your distribution's vlc package)."
    if platform == "darwin":
        return "Video needs VLC: install VLC from https://www.videolan.org/vlc/ and restart."
    if platform == "win32":
        return ("Video needs VLC: install the 64-bit VLC from https://www.videolan.org/vlc/ "
                "and restart.")
    return "Video needs VLC (libvlc 3): install it from https://www.videolan.org/vlc/."


@dataclass
class VlcRuntime:
    """libvlc as the app sees it: the module and its instances, or why there are none."""

    module: ModuleType | None
    reason: str = ""
    _instances: dict[bool, Any] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.module is not None and not self.reason

    @property
    def hint(self) -> str:
        """What the video view tells the user instead of a clip: how to get a working libvlc."""
        return self.reason if self.reason.startswith("Video is off:") else install_hint()

    def instance(self, mirrored: bool = False) -> Any | None:
        """The shared `vlc.Instance` (or its mirroring twin), created on first use."""
        if not self.available:
            return None
        if mirrored not in self._instances:
            args = [*BASE_ARGS, *(MIRROR_ARGS if mirrored else ())]
            try:
                made = self.module.Instance(args)
            except Exception as exc:  # a broken plugin set can raise from inside libvlc
                made = None
                log.warning("libvlc failed to start: %s", exc)
            if made is None:
                self.reason = "libvlc is installed but failed to start."
                log.warning("vlc.Instance(%s) returned None: showing cue cards", args)
                return None
            self._instances[mirrored] = made
        return self._instances[mirrored]

    def release(self) -> None:
        """Release the instances (players must be released first)."""
        for made in self._instances.values():
            made.release()
        self._instances.clear()


_runtime: VlcRuntime | None = None


def env_hint(environ: Mapping[str, str] | None = None) -> str | None:
    """The line for a libvlc that python-vlc was told to take from somewhere it is not, or
    None: PYTHON_VLC_LIB_PATH (the library) or PYTHON_VLC_MODULE_PATH (its plugins)."""
    env = os.environ if environ is None else environ
    lib = env.get("PYTHON_VLC_LIB_PATH")
    if lib is not None:
        return (f"Video is off: PYTHON_VLC_LIB_PATH={lib!r} is not a libvlc that loads; "
                "unset it to use the system's VLC.")
    plugins = env.get("PYTHON_VLC_MODULE_PATH")
    if plugins is not None and not os.path.isdir(plugins):
        return (f"Video is off: PYTHON_VLC_MODULE_PATH={plugins!r} is not a folder; unset it "
                "to use VLC's own plugins.")
    return None


def _load() -> VlcRuntime:
    try:
        module = importlib.import_module("vlc")
    except SystemExit:
        # python-vlc ends the process (sys.exit(1)) when PYTHON_VLC_LIB_PATH or
        # PYTHON_VLC_MODULE_PATH points nowhere usable; for the app that is a missing libvlc.
        hint = env_hint() or "libvlc could not be loaded."
        log.warning("python-vlc gave up loading libvlc: %s", hint)
        return VlcRuntime(None, hint)
    except Exception as exc:  # ImportError, OSError or NameError, depending on what is missing
        log.warning("python-vlc could not load libvlc: %s", exc)
        return VlcRuntime(None, "libvlc is not installed.")
    if module is None:
        return VlcRuntime(None, "libvlc is not installed.")
    return VlcRuntime(module)


def runtime() -> VlcRuntime:
    """The app's libvlc runtime: loaded and checked once (module-level lazy singleton)."""
    global _runtime
    if _runtime is None:
        _runtime = _load()
        if _runtime.available:
            _runtime.instance(False)
    return _runtime


def reset_runtime() -> None:
    """Forget the loaded runtime, so the next `runtime()` loads libvlc again (tests, shutdown)."""
    global _runtime
    if _runtime is not None:
        _runtime.release()
    _runtime = None
