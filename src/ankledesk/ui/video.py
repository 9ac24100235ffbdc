"""The looping demo-clip view: libvlc drawing into our window, switching clips at once.

API (all on the Qt thread):

- `VideoView.show_drill(drill, clip, mirrored=False)`: show this drill's clip, looping, mirrored
  for the other side (its ready-mirrored `<stem>.left.mp4` when there is one, else hflip);
  `clip` None, missing, empty or unplayable shows the drill's cue card.
- `VideoView.preload(drill, clip, mirrored=False)`: get the next step's clip ready behind the
  current one, so the following `show_drill` with the same clip is instant.
- `VideoView.set_speed(rate)`: 0.5 or 1.0 (any rate libvlc takes), kept across switches.
- `VideoView.set_paused(paused)`: freeze the current clip (the workout is paused) or resume it.
- `VideoView.shutdown()`: stop and release every player; call it before the window goes away
  (closeEvent, QApplication.aboutToQuit and the widget's destruction also call it).
- Signals `frames_flowing(path)` (the first MediaPlayerTimeChanged after a switch: frames are
  really being played) and `clip_failed(path, reason)`.

How a switch is instant: native surfaces lie on top of each other, each with its own libvlc
player (two for plain clips, two for mirrored ones, which need their own libvlc instance).
`preload` starts the next clip on a hidden surface and pauses it on its first TimeChanged, so
its demuxer, decoder and video output already exist and its first picture is drawn.
`show_drill` raises that surface and unpauses the player; the previous one is paused, not
stopped, so video outputs are reused rather than rebuilt (that is what keeps memory flat). The
primed clip is opened with libavformat's demuxer, which feeds one frame at a time: with libvlc's
mp4 demuxer the input thread sleeps on its 250 ms read-ahead after a resume before it reports
time again. Clips that were not preloaded start at once on a hidden surface with low caching.

Threading: libvlc calls its event callbacks on its own threads. They only emit a Qt signal on a
parentless bridge object (a queued connection); every libvlc call and every widget change
happens in the slot, on the Qt thread.
"""

from __future__ import annotations

import itertools
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ankledesk.core.model import Drill
from ankledesk.paths import left_side_clip
from ankledesk.ui import vlc_runtime
from ankledesk.ui.cue_card import CueCard

log = logging.getLogger(__name__)

LOOP = "input-repeat=65535"
# A clip started at the moment of the switch: no 300 ms read-ahead for a local file.
FRESH_OPTIONS = (LOOP, "file-caching=0")
# A clip primed behind the current one: libavformat demuxes frame by frame, so a resumed
# player reports time (and keeps feeding frames) at once; any other demuxer as a fallback.
PRIMED_OPTIONS = (LOOP, "file-caching=0", "demux=avformat,any")
# A clip that has not produced a single frame by then is not a video libvlc can play.
NO_FRAMES_TIMEOUT_S = 3.0

_TIME, _VOUT, _ERROR = 0, 1, 2


def _side_version(clip: Path | None, mirrored: bool) -> tuple[Path | None, bool]:
    """The file to play and whether to flip it: a ready-mirrored left-side clip beats hflip,
    which would also mirror the clip's drill name and cue."""
    if mirrored and clip is not None:
        left = left_side_clip(clip)
        if left.is_file():
            return left, False
    return clip, mirrored
_tokens = itertools.count(1)


class _Bridge(QObject):
    """Carries libvlc events to the Qt thread: (player token, event kind, perf_counter)."""

    event = Signal(int, int, float)


def _relay(_event: Any, bridge: _Bridge, token: int, kind: int) -> None:
    """The libvlc callback: runs on a VLC thread, so it only emits the queued signal."""
    bridge.event.emit(token, kind, time.perf_counter())


def attach_window(player: Any, win_id: int) -> None:
    """Give libvlc our native window to draw into, the way this platform needs it."""
    if sys.platform == "win32":
        player.set_hwnd(win_id)
    elif sys.platform == "darwin":
        player.set_nsobject(win_id)
    else:
        player.set_xwindow(win_id)


@dataclass(eq=False)
class _Player:
    """One libvlc player bound to one surface, and what it is doing."""

    token: int
    mp: Any
    events: Any  # python-vlc keeps its ctypes callback on this object: it must outlive the player
    surface: int
    mirrored: bool
    kinds: list[Any] = field(default_factory=list)
    path: str = ""
    state: str = "idle"  # idle, priming, primed, active, paused, failed
    started: float = 0.0  # time.monotonic() at load, for the no-frames watchdog
    loaded_at: float = 0.0  # perf_counter() at load: older queued events are the previous clip's
    saw_time: bool = False

    def load(self, instance: Any, path: str, options: tuple[str, ...]) -> None:
        media = instance.media_new(path, *options)
        self.mp.set_media(media)
        media.release()  # the player holds its own reference
        self.path, self.saw_time, self.started = path, False, time.monotonic()
        self.loaded_at = time.perf_counter()
        self.mp.play()

    def stop(self) -> None:
        if self.state != "idle":
            self.mp.stop()
        self.state, self.path = "idle", ""

    def release(self) -> None:
        for kind in self.kinds:
            self.events.event_detach(kind)
        self.kinds.clear()
        self.mp.stop()
        self.mp.release()


class _Pool:
    """Every player of one view; plain Python, so it can be released after the widget is gone."""

    def __init__(self) -> None:
        self.players: dict[int, _Player] = {}
        self.by_token: dict[int, _Player] = {}

    def release(self) -> None:
        for player in self.players.values():
            try:
                player.release()
            except Exception:  # releasing must go on for the others, whatever one does
                log.exception("releasing a libvlc player failed")
        self.players.clear()
        self.by_token.clear()


class _Surface(QFrame):
    """A native black child window libvlc draws into; VLC keeps the aspect (letterbox)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)


class _VideoArea(QWidget):
    """Four surfaces on top of each other, all filling the area: two per instance (plain and
    mirrored), so a switch between plain and mirrored never tears a video output down."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.surfaces = tuple(_Surface(self) for _ in range(4))

    @staticmethod
    def kind_of(surface: int) -> bool:
        """Whether surface `surface` belongs to the mirroring instance."""
        return surface >= 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.realign()
        super().resizeEvent(event)

    def realign(self) -> None:
        """Put every surface back over the whole area. A native child whose ancestors are not
        native can keep a stale X position after an ancestor moves (the menu bar hidden for a
        workout moves everything up), leaving a strip of old screen content beside the clip,
        and Qt's own record may read right all the same; so the X window is always placed
        again (a geometry Qt thinks unchanged would not reach X)."""
        whole = self.rect()
        for surface in self.surfaces:
            surface.setGeometry(whole.adjusted(0, 0, 0, -1))
            surface.setGeometry(whole)


class VideoView(QWidget):
    """Plays a drill's demo clip looping, mirrored on request; cue card when it cannot."""

    frames_flowing = Signal(str)
    clip_failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = vlc_runtime.runtime()
        self.banner = QLabel(self)
        self.banner.setObjectName("videoBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #7a4b00; color: white; font-size: 14pt; padding: 6px;")
        self.banner.hide()
        self.area = _VideoArea(self)
        self.card = CueCard(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.area)
        self.stack.addWidget(self.card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self._bridge = _Bridge()
        self._bridge.event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._pool = _Pool()
        self._front = 0
        self._active: _Player | None = None
        self._next: _Player | None = None
        self._drill: Drill | None = None
        self._rate = 1.0
        self._switched_at = 0.0
        self._awaiting_frames = False
        self._closed = False
        self.last_switch_seconds: float | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(250)
        self._watchdog.timeout.connect(self._check_stalled)

        pool = self._pool
        self.destroyed.connect(lambda *_: pool.release())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if not self.runtime.available:
            self.banner.setText(self.runtime.hint)
            self.banner.show()
            self.stack.setCurrentWidget(self.card)

    # --- public API -------------------------------------------------------------------------

    def show_drill(self, drill: Drill, clip: Path | None, mirrored: bool = False) -> None:
        """Show `drill`'s clip (looping, mirrored on request) or, failing that, its cue card."""
        clip, mirrored = _side_version(clip, mirrored)
        self._drill = drill
        self.card.show_cues(drill.name, drill.cues)
        if self._closed or not self.runtime.available:
            self._show_card()
            return
        problem = self._precheck(clip)
        if problem:
            self._pause_active()
            self._fail_visible(str(clip) if clip else "", problem)
            return
        path = str(clip)
        kind = self._kind(mirrored)
        player = self._next
        self._next = None
        if player is not None and player.path == path and player.mirrored == kind:
            if player.state == "failed":
                self._pause_active()
                self._fail_visible(path, "libvlc could not play it")
                return
            resume = player.state == "primed"
            self._activate(player)
            if resume:
                player.mp.set_pause(0)
        else:
            if player is not None:
                self._set_aside(player)
            player = self._player(self._hidden_surface(kind))
            if player is None:
                self._fail_visible(path, "libvlc failed to start")
                return
            player.load(self.runtime.instance(kind), path, FRESH_OPTIONS)
            self._activate(player)

    def preload(self, drill: Drill, clip: Path | None, mirrored: bool = False) -> None:
        """Prime the next step's clip on the hidden surface, paused on its first frames."""
        clip, mirrored = _side_version(clip, mirrored)
        if self._closed or not self.runtime.available or self._precheck(clip):
            return
        path, kind = str(clip), self._kind(mirrored)
        current = self._next
        if current is not None and current.path == path and current.mirrored == kind:
            return
        self._next = None
        player = self._player(self._hidden_surface(kind))
        if player is None:
            return
        if current is not None and current is not player:
            self._set_aside(current)
        player.load(self.runtime.instance(kind), path, PRIMED_OPTIONS)
        player.mp.set_rate(self._rate)
        player.state = "priming"
        self._next = player
        self._watchdog.start()

    def set_speed(self, rate: float) -> None:
        """Playback rate, e.g. 0.5 to study a movement; kept for the clips that follow."""
        self._rate = rate
        if self._active is not None and self._active.state == "active":
            self._active.mp.set_rate(rate)

    def realign_surfaces(self) -> None:
        """Call after this view was moved inside its window (see `_VideoArea.realign`)."""
        self.area.realign()

    def set_paused(self, paused: bool) -> None:
        """Freeze the current clip with the workout (Space), or let it run again."""
        if self._active is not None and self._active.state == "active":
            self._active.mp.set_pause(1 if paused else 0)

    def shutdown(self) -> None:
        """Stop and release every player; the view shows cue cards from now on."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        self._active = self._next = None
        self._pool.release()

    # --- what tests and the workout screen may ask ------------------------------------------

    def showing_cue_card(self) -> bool:
        return self.stack.currentWidget() is self.card

    def cue_text(self) -> str:
        return self.card.text()

    def front_surface(self) -> QWidget:
        """The surface on top, where the current clip is drawn (for screen grabs)."""
        return self.area.surfaces[self._front]

    def current_mrl(self) -> str:
        """The MRL of the clip being shown, '' when none."""
        if self._active is None or self._active.state != "active":
            return ""
        media = self._active.mp.get_media()
        return media.get_mrl() if media is not None else ""

    def playback_ms(self) -> int:
        """Position in the current clip, in ms (-1 when nothing plays)."""
        if self._active is None or self._active.state != "active":
            return -1
        return int(self._active.mp.get_time())

    def current_rate(self) -> float:
        """The playback rate libvlc reports for the current clip (0.0 when nothing plays)."""
        if self._active is None or self._active.state != "active":
            return 0.0
        return float(self._active.mp.get_rate())

    def next_is_primed(self) -> bool:
        """Whether the preloaded clip is paused on its first frames, ready to switch to."""
        return self._next is not None and self._next.state == "primed"

    def next_clip(self) -> str:
        """The path of the clip loaded for the next step ('' when none is)."""
        return self._next.path if self._next is not None else ""

    def is_playing(self) -> bool:
        return (self._active is not None and self._active.state == "active"
                and bool(self._active.mp.is_playing()))

    # --- Qt events --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # --- internals --------------------------------------------------------------------------

    def _kind(self, mirrored: bool) -> bool:
        """Mirrored playback needs its own instance; without one, show the clip unmirrored."""
        if mirrored and self.runtime.instance(True) is None:
            log.warning("no mirroring libvlc instance: showing the clip unmirrored")
            return False
        return mirrored

    @staticmethod
    def _precheck(clip: Path | None) -> str:
        """Why `clip` cannot be a video without asking libvlc ('' when it may be)."""
        if clip is None:
            return "this drill has no clip"
        try:
            size = Path(clip).stat().st_size
        except OSError:
            return "the file is missing"
        if size == 0:
            return "the file is empty"
        return ""

    def _hidden_surface(self, mirrored: bool) -> int:
        """A surface of the wanted kind that is not on top."""
        first = 2 if mirrored else 0
        return first + 1 if self._front == first else first

    def _player(self, surface: int) -> _Player | None:
        """The player of `surface` (one each, created on first use, never torn down early)."""
        player = self._pool.players.get(surface)
        if player is not None:
            return player
        mirrored = self.area.kind_of(surface)
        instance = self.runtime.instance(mirrored)
        if instance is None:
            return None
        vlc = self.runtime.module
        mp = instance.media_player_new()
        attach_window(mp, int(self.area.surfaces[surface].winId()))
        mp.video_set_key_input(False)  # keys and clicks belong to Qt (presenter clickers)
        mp.video_set_mouse_input(False)
        player = _Player(next(_tokens), mp, mp.event_manager(), surface, mirrored)
        for event_type, kind in (
            (vlc.EventType.MediaPlayerTimeChanged, _TIME),
            (vlc.EventType.MediaPlayerVout, _VOUT),
            (vlc.EventType.MediaPlayerEncounteredError, _ERROR),
        ):
            player.events.event_attach(event_type, _relay, self._bridge, player.token, kind)
            player.kinds.append(event_type)
        self._pool.players[surface] = player
        self._pool.by_token[player.token] = player
        return player

    @staticmethod
    def _set_aside(player: _Player) -> None:
        """Pause a hidden player that is no longer wanted: its video output stays for reuse."""
        if player.state in ("priming", "primed", "active"):
            player.mp.set_pause(1)
            player.state = "paused"

    def _activate(self, player: _Player) -> None:
        previous = self._active
        self.area.surfaces[player.surface].raise_()
        self._front = player.surface
        player.state = "active"
        player.mp.set_rate(self._rate)
        self._active = player
        if previous is not None and previous is not player:
            self._set_aside(previous)
        self._switched_at = time.perf_counter()
        self._awaiting_frames = True
        self.stack.setCurrentWidget(self.area)
        self._watchdog.start()

    def _pause_active(self) -> None:
        if self._active is not None and self._active.state == "active":
            self._active.mp.set_pause(1)
            self._active.state = "paused"
        self._awaiting_frames = False

    def _show_card(self) -> None:
        self.stack.setCurrentWidget(self.card)

    def _fail_visible(self, path: str, reason: str) -> None:
        name = self._drill.name if self._drill else "?"
        log.warning("clip for %s not shown (%s): %s", name, reason, path or "no clip")
        self._show_card()
        self.clip_failed.emit(path, reason)

    def _fail(self, player: _Player, reason: str) -> None:
        path = player.path
        player.stop()
        player.state = "failed"
        player.path = path
        if player is self._active:
            self._awaiting_frames = False
            self._fail_visible(path, reason)
        elif player is not self._next:
            player.state = "idle"

    def _on_vlc_event(self, token: int, kind: int, stamp: float) -> None:
        player = self._pool.by_token.get(token)
        if player is None or self._closed or player.state in ("idle", "failed"):
            return
        if stamp < player.loaded_at:
            return
        if kind == _ERROR:
            self._fail(player, "libvlc could not play it")
        elif kind == _TIME:
            player.saw_time = True
            if player.state == "priming":
                player.mp.set_pause(1)
                player.state = "primed"
            elif player is self._active and self._awaiting_frames and stamp >= self._switched_at:
                self._awaiting_frames = False
                self.last_switch_seconds = stamp - self._switched_at
                self.frames_flowing.emit(player.path)

    def _check_stalled(self) -> None:
        """Fail clips that never produce a frame (truncated, not a video): no error event."""
        now = time.monotonic()
        waiting = False
        for player in list(self._pool.players.values()):
            if player.state in ("priming", "active") and not player.saw_time:
                if now - player.started > NO_FRAMES_TIMEOUT_S:
                    self._fail(player, "no video frames")
                else:
                    waiting = True
        if not waiting:
            self._watchdog.stop()

