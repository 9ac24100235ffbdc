"""The gym-mode workout screen (docs/design.md): read from three metres, worked with one key.

It takes the driver (the engine's Qt adapter) in its constructor, connects to it there, and
renders `driver.view()` whenever the driver says something changed; each widget repaints only
when what it shows changes. It never reads a clock. Leaving is asked for with `leave_requested`
(Esc twice, or the Stop button); full screen with `full_screen_requested`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ankledesk.core.engine import View
from ankledesk.core.model import Drill
from ankledesk.core.plan import Step
from ankledesk.core.timefmt import duration_text
from ankledesk.ui.fonts import text_font
from ankledesk.ui.style import StartButton
from ankledesk.ui.video import VideoView
from ankledesk.ui.widgets.aspect_box import AspectBox
from ankledesk.ui.widgets.countdown import Countdown
from ankledesk.ui.widgets.phase_bar import PhaseBar
from ankledesk.ui.widgets.phase_colors import style_for
from ankledesk.ui.widgets.progress_ring import ProgressRing
from ankledesk.ui.workout.driver import WorkoutDriver

ADJUST_SECONDS = 10

# Button captions: full, and compact for narrow windows (the tooltip always names the key).
CAPTIONS = {
    "prev": ("◀ Prev", "◀"),
    "pause": ("❚❚ Pause", "❚❚"),
    "resume": ("▶ Resume", "▶"),
    "done": ("Done ✓", "Done ✓"),
    "next": ("Next ▶", "▶"),
    "minus": (f"−{ADJUST_SECONDS} s", f"−{ADJUST_SECONDS}"),
    "plus": (f"+{ADJUST_SECONDS} s", f"+{ADJUST_SECONDS}"),
    "mute": ("♪ Mute", "♪ off"),
    "unmute": ("♪ Unmute", "♪ on"),
    "fullScreen": ("⤢ Full screen", "⤢"),
    "stop": ("■ Stop", "■"),
}
# Below this width the control row uses the compact captions.
COMPACT_BELOW = 1150

DrillLookup = Callable[[str], Drill | None]
ClipLookup = Callable[[Drill], Path | None]

_PAUSE_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_MediaPlay, Qt.Key.Key_MediaPause,
               Qt.Key.Key_MediaTogglePlayPause}
_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_MediaNext}
_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_MediaPrevious}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_PLUS_KEYS = {Qt.Key.Key_Plus, Qt.Key.Key_Equal}
_MINUS_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}


def amount_text(step: Step) -> str:
    """What a work step asks for: `45 s`, `12 reps`, `12 each side`."""
    if step.counts_up:
        return f"{step.target_reps} reps"
    if step.paced:
        return f"{step.target_reps} × {step.rep_seconds:g} s reps"
    return f"{step.seconds:g} s"


def work_title(step: Step) -> str:
    side = f" · {step.side.upper()}" if step.side else ""
    return f"{step.name}{side}"


def reps_target_text(step: Step) -> str:
    """`12 each side · now LEFT`: the set's target, as the drill is dosed."""
    each = " each side" if step.side else ""
    now = f" · now {step.side.upper()}" if step.side else ""
    return f"{step.target_reps} reps{each}{now}\nthen Done (Enter)"


def paced_rep_text(step: Step, view: View) -> str:
    """`rep 3 of 6` and what is left of the set, under the rep's own countdown."""
    left = duration_text(view.remaining or 0.0, ceil=True)
    return f"rep {view.rep} of {step.target_reps}\nset {left} left"


def _fit_template(seconds: float) -> str:
    """The widest countdown text a step of this length can show, as zeros (fits the digits)."""
    return "".join("0" if ch.isdigit() else ch for ch in duration_text(seconds))


PRELOAD_DELAY_MS = 25


class WorkoutScreen(QWidget):
    leave_requested = Signal()
    full_screen_requested = Signal()
    mute_toggled = Signal(bool)

    def __init__(self, driver: WorkoutDriver, drill_of: DrillLookup, clip_of: ClipLookup,
                 *, mirror_left: bool = True, muted: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # libvlc's surfaces are native windows, which makes this screen one too: it must paint
        # its own background, or X shows whatever was there before in the margins.
        self.setAutoFillBackground(True)
        self.driver = driver
        self._drill_of = drill_of
        self._clip_of = clip_of
        self.mirror_left = mirror_left
        self.muted = muted
        self._shown_clip: tuple[str, bool] | None = None
        self._cue_px = 20
        self._cues_fitted: tuple[int, int] | None = None
        self._preloaded: tuple[str, bool] | None = None
        self._to_preload: tuple[Drill, Path | None, bool] | None = None
        self._clips: dict[str, Path | None] = {}
        # Priming the next clip (libvlc's set_media, a few ms) waits until the key's effect
        # is painted: the runner sees the new step within one frame, the clip is primed a
        # moment later, long before the step after it starts.
        self._preload_timer = QTimer(self)
        self._preload_timer.setSingleShot(True)
        self._preload_timer.setInterval(PRELOAD_DELAY_MS)
        self._preload_timer.timeout.connect(self._preload_next)
        self.confirming_stop = False

        centre = self._build_centre()
        info = self._build_info()
        controls = self._build_controls()
        self._build_stop_bar()
        self._lay_out(centre, info, controls)

        driver.changed.connect(self.refresh)
        self._apply_sizes()
        self.refresh()

    # -- the screen's parts, built in this order (it is also the widgets' stacking order) ---

    def _build_centre(self) -> QHBoxLayout:
        """The phase bar; the clip with the cues under it; the countdown over the ring (or,
        on a reps set, the target and the big Done)."""
        self.phase_bar = PhaseBar(self)
        self.video = VideoView(self)
        self.video.setObjectName("workoutVideo")
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.video.frames_flowing.connect(self._hold_clip_if_paused)

        self.countdown = Countdown(self)
        self.ring = ProgressRing(self)
        self.reps_target = self._label("repsTarget", wrap=True)
        self.reps_target.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Painted like Start (a style sheet here made every switch to a reps step slower).
        self.done_button = self._button("doneBig", "Done ✓", "Done (Enter)", self._done,
                                        kind=StartButton)
        self.done_button.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Expanding)
        reps_panel = QWidget(self)
        reps_layout = QVBoxLayout(reps_panel)
        reps_layout.setContentsMargins(0, 0, 0, 0)
        reps_layout.addWidget(self.reps_target, 1)
        reps_layout.addWidget(self.done_button, 1)
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.ring)
        self.middle.addWidget(reps_panel)
        self.cues = self._label("cues", wrap=True)
        self.cues.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.cues.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.cues.setTextFormat(Qt.TextFormat.PlainText)

        self.video_box = AspectBox(self.video, parent=self)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.video_box, 1)
        left.addWidget(self.cues)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.countdown, 5)
        right.addWidget(self.middle, 4)
        centre = QHBoxLayout()
        centre.setSpacing(16)
        centre.addLayout(left, 11)
        centre.addLayout(right, 9)
        return centre

    def _build_info(self) -> QHBoxLayout:
        """What comes next, the mute mark and the time so far."""
        self.next_label = self._label("nextUp")
        self.next_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.elapsed_label = self._label("elapsed")
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight |
                                        Qt.AlignmentFlag.AlignVCenter)
        self.mute_label = self._label("muteIndicator")
        info = QHBoxLayout()
        info.addWidget(self.next_label, 1)
        info.addWidget(self.mute_label)
        info.addWidget(self.elapsed_label)
        return info

    def _build_controls(self) -> QHBoxLayout:
        """The row of buttons, each with the key that does the same."""
        self.prev_button = self._button("prev", "◀ Prev", "Previous step (← or Page Up)",
                                        self.driver.previous)
        self.pause_button = self._button("pause", "❚❚ Pause", "Pause or resume (Space)",
                                         self.driver.toggle_pause)
        self.done_small = self._button("done", "Done ✓", "Done with this set (Enter)",
                                       self._done)
        self.next_button = self._button("next", "Next ▶", "Next step (→ or Page Down)",
                                        self.driver.next)
        self.minus_button = self._button("minus", f"−{ADJUST_SECONDS} s",
                                         f"{ADJUST_SECONDS} seconds less (−)",
                                         lambda: self.driver.adjust(-ADJUST_SECONDS))
        self.plus_button = self._button("plus", f"+{ADJUST_SECONDS} s",
                                        f"{ADJUST_SECONDS} seconds more (+)",
                                        lambda: self.driver.adjust(ADJUST_SECONDS))
        self.mute_button = self._button("mute", "♪ Mute", "Mute the cues (M)",
                                        self.toggle_mute)
        self.full_button = self._button("fullScreen", "⤢ Full screen",
                                        "Full screen (F or F11; Esc leaves)",
                                        self.full_screen_requested.emit)
        self.stop_button = self._button("stop", "■ Stop", "Stop the workout (Esc, twice)",
                                        self.ask_to_stop)
        controls = QHBoxLayout()
        controls.setSpacing(8)
        for button in (self.prev_button, self.pause_button, self.done_small, self.next_button):
            controls.addWidget(button, 2)
        controls.addSpacing(12)
        for button in (self.minus_button, self.plus_button):
            controls.addWidget(button, 1)
        controls.addSpacing(12)
        for button in (self.mute_button, self.full_button, self.stop_button):
            controls.addWidget(button, 2)
        return controls

    def _build_stop_bar(self) -> None:
        """The red bar Esc shows: a second Esc stops, any other key carries on."""
        self.stop_bar = QWidget(self)
        self.stop_bar.setObjectName("stopBar")
        self.stop_bar.setStyleSheet("#stopBar { background: #b3261e; border-radius: 6px; }"
                                    "#stopBar QLabel { color: white; }")
        self.stop_text = QLabel("Stop the workout? Esc again stops and saves every set you "
                                "finished. Any other key carries on.", self.stop_bar)
        self.stop_text.setObjectName("stopText")
        self.stop_text.setWordWrap(True)
        self.stop_yes = self._button("stopYes", "Stop and save", "Stop now (Esc)",
                                     self._confirm_stop, parent=self.stop_bar)
        self.stop_no = self._button("stopNo", "Keep going", "Carry on (any other key)",
                                    self.cancel_stop, parent=self.stop_bar)
        stop_layout = QHBoxLayout(self.stop_bar)
        stop_layout.addWidget(self.stop_text, 1)
        stop_layout.addWidget(self.stop_yes)
        stop_layout.addWidget(self.stop_no)
        self.stop_bar.hide()

    def _lay_out(self, centre: QHBoxLayout, info: QHBoxLayout, controls: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.phase_bar)
        body = QVBoxLayout()
        body.setContentsMargins(16, 12, 16, 12)
        body.setSpacing(10)
        body.addLayout(centre, 1)
        body.addLayout(info)
        body.addLayout(controls)
        body.addWidget(self.stop_bar)
        layout.addLayout(body, 1)

    # -- building blocks -----------------------------------------------------------------

    def _label(self, name: str, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        return label

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], object],
                parent: QWidget | None = None, kind: type[QPushButton] = QPushButton
                ) -> QPushButton:
        button = kind(text, parent or self)
        button.setObjectName(name)
        button.setToolTip(tip)
        # Buttons never take the keyboard focus: Space must pause, not click the last button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda *_: slot())
        return button

    # -- sizes: everything in proportion to the window, in pixels --------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()
        self.refresh()
        # Once the layout has placed the clip, its native surfaces must follow it.
        QTimer.singleShot(0, self.video.realign_surfaces)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.video.realign_surfaces)

    def _caption(self, button: QPushButton, name: str) -> None:
        full, compact = CAPTIONS[name]
        text = compact if self.width() < COMPACT_BELOW else full
        if button.text() != text:
            button.setText(text)

    def _apply_sizes(self) -> None:
        for button in (self.prev_button, self.done_small, self.next_button, self.minus_button,
                       self.plus_button, self.full_button, self.stop_button):
            self._caption(button, button.objectName())
        unit = max(6.0, min(self.height() / 100, self.width() / 140))
        self.phase_bar.setFixedHeight(max(44, int(unit * 9)))
        self._cue_px = int(unit * 3.4)
        self.cues.setFixedHeight(max(80, int(unit * 20)))
        self.reps_target.setFont(text_font(int(unit * 4.2), bold=True))
        self.next_label.setFont(text_font(int(unit * 2.9)))
        self.elapsed_label.setFont(text_font(int(unit * 2.9), bold=True))
        self.mute_label.setFont(text_font(int(unit * 2.6), bold=True))
        self.stop_text.setFont(text_font(int(unit * 2.6), bold=True))
        button_font = text_font(max(12, int(unit * 2.2)), bold=True)
        for button in self.findChildren(QPushButton):
            button.setFont(button_font)
            button.setMinimumHeight(max(36, int(unit * 6)))
        self.done_button.setFont(text_font(int(unit * 5), bold=True))

    # -- rendering -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show `driver.view()`: each part repaints only if what it shows changed."""
        view = self.driver.view()
        step = view.step
        paused = view.state == "paused"
        colour = style_for(view.phase).qbackground
        if view.phase == "done":
            self.phase_bar.show_phase("done", step.name if step else "", "Workout done")
        elif step is not None:
            self.phase_bar.show_phase(view.phase, self._title(view), self._where(view), paused)
        if step is not None and step.counts_up and view.state != "finished":
            # Time into the set, marked "+" so that from across the room it never reads as
            # time left (the holds' countdowns show the same digits without it).
            self.countdown.set_fit("+" + _fit_template(max(599.0, view.elapsed)))
            self.countdown.set_text("+" + duration_text(view.elapsed), None)
            self.middle.setCurrentIndex(1)
            self.reps_target.setText(reps_target_text(step))
            self.done_button.show()
        elif step is not None and view.rep is not None and view.state != "finished":
            # paced reps: the rep's own countdown, and which rep of how many
            self.countdown.set_fit(_fit_template(step.rep_seconds or 0.0))
            self.countdown.set_text(duration_text(view.rep_remaining or 0.0, ceil=True), None)
            self.middle.setCurrentIndex(1)
            self.reps_target.setText(paced_rep_text(step, view))
            self.done_button.hide()
        else:
            remaining = view.remaining if view.remaining is not None else 0.0
            self.countdown.set_fit(_fit_template(step.seconds or 0.0) if step else "0:00")
            self.countdown.set_text(duration_text(remaining, ceil=True), None)
            self.middle.setCurrentIndex(0)
            self.ring.set_progress(view.progress, colour)
        is_reps = bool(step and step.is_work and step.counts_up and view.state != "finished")
        self.done_small.setEnabled(is_reps)
        self._caption(self.pause_button, "resume" if paused else "pause")
        cues = self._cue_text(view)
        if cues != self.cues.text() or self._cues_fitted != (self.cues.width(), self._cue_px):
            self.cues.setText(cues)
            self._fit_cues()
        full = self._next_text(view)
        self.next_label.setToolTip(full)
        self._set(self.next_label, self.next_label.fontMetrics().elidedText(
            full, Qt.TextElideMode.ElideRight, self.next_label.contentsRect().width()))
        total = view.workout_elapsed + view.workout_remaining
        self._set(self.elapsed_label,
                  f"elapsed {duration_text(view.workout_elapsed)} / {duration_text(total)}")
        self._set(self.mute_label, "♪ cues muted" if self.muted else "")
        self._caption(self.mute_button, "unmute" if self.muted else "mute")
        self._update_video(view)

    def _fit_cues(self) -> None:
        """The cues at their full size when they fit, a little smaller when a drill has long
        ones: never cut off."""
        size = self._cue_px
        while size > 12:
            self.cues.setFont(text_font(size))
            if self.cues.heightForWidth(self.cues.width()) <= self.cues.height():
                break
            size -= 1
        self._cues_fitted = (self.cues.width(), self._cue_px)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _title(self, view: View) -> str:
        step = view.step
        assert step is not None
        if step.kind == "work":
            return work_title(step)
        upcoming = self._upcoming_work(view)
        if step.kind == "switch":
            return f"{step.name} · {step.side.upper() if step.side else ''} next"
        if upcoming is None:
            return step.name
        return f"Next up: {work_title(upcoming)}"

    @staticmethod
    def _where(view: View) -> str:
        step = view.step
        if step is not None and step.rest_kind == "rounds":
            return f"Round {view.round} of {view.rounds} done · round {view.round + 1} next"
        return f"Round {view.round} of {view.rounds} · Drill {view.item} of {view.items}"

    def _upcoming_work(self, view: View) -> Step | None:
        """The work step the screen is about: the current one, or the next one during a pause
        (prepare, rest, switch), whose clip already plays."""
        steps = self.driver.plan.steps
        for step in steps[view.index:]:
            if step.is_work:
                return step
        return None

    def _cue_text(self, view: View) -> str:
        step = view.step
        if view.state == "finished" or step is None:
            return "Workout done."
        target = self._upcoming_work(view)
        if target is None:
            return ""
        drill = self._drill_of(target.drill_id or "")
        cues = [f"• {cue}" for cue in (drill.cues if drill else ())[:3]]
        if step.is_work:
            return "\n".join(cues)
        head = f"Next up: {work_title(target)} · {amount_text(target)}"
        return "\n".join([head, *cues])

    def _next_text(self, view: View) -> str:
        nxt = view.next_step
        if nxt is None:
            return "Next: finish" if view.state != "finished" else ""
        if nxt.is_work:
            return f"Next: {work_title(nxt)} · {amount_text(nxt)}"
        after = next((s for s in self.driver.plan.steps[nxt.index:] if s.is_work), None)
        then = f", then {work_title(after)} · {amount_text(after)}" if after else ""
        return f"Next: {nxt.describe()}{then}"

    # -- video -----------------------------------------------------------------------------

    def _clip_key(self, step: Step) -> tuple[Drill, Path | None, bool] | None:
        drill = self._drill_of(step.drill_id or "")
        if drill is None:
            return None
        mirrored = self.mirror_left and step.side == "left"
        if drill.id not in self._clips:
            # Looked up once per drill: a lookup stats files, and a workout's clips don't
            # change under it (Build is another page).
            self._clips[drill.id] = self._clip_of(drill)
        return drill, self._clips[drill.id], mirrored

    def _update_video(self, view: View) -> None:
        if view.state == "finished":
            return
        target = self._upcoming_work(view)
        if target is None:
            return
        key = self._clip_key(target)
        if key is None:
            return
        drill, clip, mirrored = key
        if self._shown_clip != (drill.id, mirrored):
            self.video.show_drill(drill, clip, mirrored=mirrored)
            self._shown_clip = (drill.id, mirrored)
            self._preloaded = self._to_preload = None
            self._preload_timer.stop()
        following = next((s for s in self.driver.plan.steps[target.index + 1:] if s.is_work
                          and self._clip_key(s) is not None
                          and (s.drill_id, self.mirror_left and s.side == "left")
                          != self._shown_clip), None)
        if following is not None:
            drill2, clip2, mirrored2 = self._clip_key(following)  # type: ignore[misc]
            if self._preloaded != (drill2.id, mirrored2):
                self._to_preload = (drill2, clip2, mirrored2)
                self._preloaded = (drill2.id, mirrored2)
                self._preload_timer.start()
        self.video.set_paused(view.state == "paused")

    @property
    def preload_pending(self) -> bool:
        """Whether the clip after next is still to be loaded (it waits for the paint)."""
        return self._preload_timer.isActive()

    def _preload_next(self) -> None:
        if self._to_preload is not None:
            drill, clip, mirrored = self._to_preload
            self._to_preload = None
            self.video.preload(drill, clip, mirrored=mirrored)

    def _hold_clip_if_paused(self, _path: str) -> None:
        if self.driver.state == "paused":
            self.video.set_paused(True)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self.confirming_stop:
            if key == Qt.Key.Key_Escape:
                self._confirm_stop()
            else:
                self.cancel_stop()
            return
        if key in _PAUSE_KEYS:
            self.driver.toggle_pause()
        elif key in _ENTER_KEYS:
            self._done()
        elif key in _NEXT_KEYS:
            self.driver.next()
        elif key in _PREVIOUS_KEYS:
            self.driver.previous()
        elif key in _PLUS_KEYS:
            self.driver.adjust(ADJUST_SECONDS)
        elif key in _MINUS_KEYS:
            self.driver.adjust(-ADJUST_SECONDS)
        elif key == Qt.Key.Key_M:
            self.toggle_mute()
        elif key in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.full_screen_requested.emit()
        elif key == Qt.Key.Key_Escape:
            window = self.window()
            if window.isFullScreen():
                window.showNormal()
            self.ask_to_stop()
        else:
            super().keyPressEvent(event)

    def _done(self) -> None:
        self.driver.complete()

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        self.mute_toggled.emit(self.muted)
        self.refresh()

    def ask_to_stop(self) -> None:
        """The first Esc: ask, inline, without stopping the clock (it may have been a slip)."""
        if not self.driver.active:
            return
        self.confirming_stop = True
        self.stop_bar.show()

    def cancel_stop(self) -> None:
        self.confirming_stop = False
        self.stop_bar.hide()
        self.setFocus()

    def _confirm_stop(self) -> None:
        self.confirming_stop = False
        self.stop_bar.hide()
        self.leave_requested.emit()

    def shutdown(self) -> None:
        self.video.shutdown()

