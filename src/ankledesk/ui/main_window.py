"""The main window: a sidebar of screens, and the workout over all of it. Navigation only.

Screens do their own work from the AppContext; this window switches between them, takes the
window-level keys (full screen, preferences, quit) and asks before a running workout is left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ankledesk.store.documents import WallClock
from ankledesk.ui.context import AppContext
from ankledesk.ui.fonts import text_font
from ankledesk.ui.today import TodayScreen
from ankledesk.ui.widgets.lazy_page import LazyPage
from ankledesk.ui.widgets.sidebar import Sidebar
from ankledesk.ui.workout.clock import Clock, MonotonicClock

# Everything below is imported where it is first needed: none of it is on the way to the
# first paint (routines: libvlc; the inhibitor: QtDBus; the dialog: the voice list).
if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from ankledesk.core.records import SessionRecord
    from ankledesk.ui.build import BuildScreen
    from ankledesk.ui.history.page import HistoryScreen
    from ankledesk.ui.routines import RoutinesScreen
    from ankledesk.ui.sleep_inhibitor import SleepInhibitor
    from ankledesk.ui.workout.flow import WorkoutFlow

log = logging.getLogger(__name__)

PAGES = ("Today", "Routines", "Build", "History")
BUILD_AFTER_MS = 150


class MainWindow(QMainWindow):
    workout_started = Signal(object)  # the WorkoutFlow
    workout_closed = Signal(dict)

    def __init__(self, context: AppContext, clock: Clock | None = None,
                 inhibitor: SleepInhibitor | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("AnkleDesk")
        self.setMinimumSize(QSize(800, 600))
        self.context = context
        self.clock = clock or MonotonicClock()
        self._inhibitor = inhibitor
        self._say_later_notices = False  # once the start's notices are said
        self.flow: WorkoutFlow | None = None

        self.sidebar = Sidebar(PAGES)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFont(text_font(19, bold=True))
        self.sidebar.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.today = TodayScreen(context)
        self._routines = LazyPage(self._make_routines)
        self._build = LazyPage(self._make_build)
        self._history = LazyPage(self._make_history)
        for page in (self.today, self._routines, self._build, self._history):
            self.pages.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        # A page may read more of the history (older years) as it is first shown.
        self.sidebar.currentRowChanged.connect(lambda *_: QTimer.singleShot(
            0, self, self.say_new_notices))
        self.today.start_requested.connect(self.start_routine)

        home = QWidget()
        home_layout = QHBoxLayout(home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        home_layout.setSpacing(0)
        home_layout.addWidget(self.sidebar)
        home_layout.addWidget(self.pages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(home)
        self.home = home
        self.setCentralWidget(self.stack)
        self.sidebar.setCurrentRow(0)
        self._actions()

    # -- pages, built when first shown --------------------------------------------------------

    def _make_routines(self) -> RoutinesScreen:
        from ankledesk.ui.routines import RoutinesScreen

        page = RoutinesScreen(self.context)
        page.start_requested.connect(self.start_routine)
        return page

    def _make_build(self) -> BuildScreen:
        from ankledesk.ui import build  # a drill library and clips: not needed to start

        page = build.BuildScreen(self.context)
        page.start_requested.connect(self.start_routine)
        return page

    def _make_history(self) -> HistoryScreen:
        from ankledesk.ui.history import page as history  # charts: not needed to start

        page = history.HistoryScreen(self.context)
        page.start_requested.connect(self.start_routine)
        return page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._build.built:
            # Just after the first paint: the Build page takes .toml files dropped anywhere on
            # the window and asks about unsaved circuits before it closes, so it must exist.
            QTimer.singleShot(BUILD_AFTER_MS, self, lambda: self._build.page)

    @property
    def inhibitor(self) -> SleepInhibitor:
        """What holds the screen saver off during a workout (made for the first workout)."""
        if self._inhibitor is None:
            from ankledesk.ui.sleep_inhibitor import SleepInhibitor

            self._inhibitor = SleepInhibitor()
        return self._inhibitor

    @inhibitor.setter
    def inhibitor(self, inhibitor: SleepInhibitor) -> None:
        self._inhibitor = inhibitor

    @property
    def build_ready(self) -> bool:
        """Whether the Build page exists yet (it is made just after the first paint)."""
        return self._build.built

    @property
    def routines(self) -> RoutinesScreen:
        return self._routines.page

    @property
    def build(self) -> BuildScreen:
        return self._build.page

    @property
    def history(self) -> HistoryScreen:
        return self._history.page

    def _actions(self) -> None:
        menu = self.menuBar().addMenu("&AnkleDesk")
        preferences = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        prefs = self._action("&Preferences…", [*preferences, QKeySequence("Ctrl+,")],
                             self.open_preferences)
        quit_action = self._action("&Quit", [QKeySequence("Ctrl+Q")], self.close)
        menu.addAction(prefs)
        menu.addAction(quit_action)
        # The menu bar hides during a workout; the window keeps the shortcuts working.
        self.addActions([prefs, quit_action])
        for number, name in enumerate(PAGES, start=1):
            self.addAction(self._action(name, [QKeySequence(f"Ctrl+{number}")],
                                        lambda *_, n=number - 1: self.show_page(n)))

    def _action(self, text: str, keys: list[QKeySequence],
                slot: Callable[..., object]) -> QAction:
        # Built step by step: QAction(text, parent) and setShortcut(key) have overloads that
        # take an icon or Qt's key enums, and PySide6 builds those types (Qt's whole namespace,
        # ~13 ms) just to weigh them, on the way to the first paint (see ui/painting.py).
        action = QAction(self)
        action.setText(text)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        return action

    # -- navigation ------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Go to a page and put the keyboard where its work is (the list, the Start button)."""
        if self.flow is not None:
            return
        self.sidebar.setCurrentRow(index)
        target = {0: lambda: self.today.start, 1: lambda: self.routines.list}.get(
            index, self.current_page)()
        if target is not None:
            target.setFocus()

    def current_page(self) -> QWidget | None:
        """The workout, or the page on show (built, if it was waiting for its first show)."""
        if self.flow is not None:
            return self.flow
        page = self.pages.currentWidget()
        return page.page if isinstance(page, LazyPage) else page

    def open_preferences(self) -> None:
        from ankledesk.ui.preferences_dialog import PreferencesDialog

        if PreferencesDialog(self.context.prefs, self).exec():
            self.context.preferences_changed.emit()

    # -- workouts --------------------------------------------------------------------------

    def start_routine(self, routine_id: str) -> WorkoutFlow | None:
        routine = self.context.library.routines.get(routine_id)
        if routine is None or self.flow is not None:
            return None
        # Imported here: the workout's code stays off the way to the first paint.
        from ankledesk.ui.workout.flow import WorkoutFlow

        active = self.context.store.begin(routine, WallClock.now(self.clock.now()))
        return self._run(WorkoutFlow(self.context, active, routine, self.clock,
                                     inhibitor=self.inhibitor))

    def resume_leftover(self) -> WorkoutFlow | None:
        store = self.context.store
        if store.leftover is None or self.flow is not None:
            return None
        from ankledesk.ui.workout.flow import WorkoutFlow

        routine = self.context.routine_of_snapshot(store.leftover["routine"])
        active = store.resume(WallClock.now(self.clock.now()))
        return self._run(WorkoutFlow(self.context, active, routine, self.clock,
                                     start_index=active.resume_index, inhibitor=self.inhibitor))

    def _run(self, flow: WorkoutFlow) -> WorkoutFlow:
        if self._routines.built:
            self.routines.hide_preview()
        self.flow = flow
        flow.closed.connect(self._workout_closed)
        flow.full_screen_requested.connect(self.toggle_full_screen)
        self.stack.addWidget(flow)
        self.stack.setCurrentWidget(flow)
        self.menuBar().hide()
        self.workout_started.emit(flow)
        flow.begin()
        return flow

    def _workout_closed(self, document: SessionRecord) -> None:
        flow = self.flow
        self.flow = None
        if self.isFullScreen():
            self.showNormal()
        self.menuBar().show()
        self.stack.setCurrentWidget(self.home)
        self.sidebar.setCurrentRow(0)
        if flow is not None:
            self.stack.removeWidget(flow)
            flow.deleteLater()
        self.workout_closed.emit(document)
        QTimer.singleShot(0, self, self.say_new_notices)

    def say_new_notices(self, *, at_start: bool = False) -> None:
        """What the store had to do with the data (files set aside, read-only) and has not
        said yet. At the start (`at_start`, after_start.py) it waits for an answer, before
        anything else; later finds (an older year read for History, say) are told in a box
        that stops nothing, never during a workout."""
        if at_start:
            self._say_later_notices = True
        elif not self._say_later_notices or self.flow is not None:
            return
        notices = self.context.unsaid_notices()
        if not notices:
            return
        from PySide6.QtWidgets import QMessageBox  # only when there is something to say

        box = QMessageBox(QMessageBox.Icon.Warning, "AnkleDesk: about your data",
                          "\n\n".join(notices), parent=self)
        if at_start:
            box.exec()
            return
        from PySide6.QtCore import Qt  # not before the first paint: see ui/painting.py

        box.setObjectName("laterNotices")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.show()

    # -- full screen -----------------------------------------------------------------------

    def target_screen(self) -> QScreen:
        """The display chosen in preferences, else the one the window is on."""
        wanted = self.context.prefs.full_screen_display
        for screen in QGuiApplication.screens():
            if wanted and screen.name() == wanted:
                return screen
        return self.screen()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            return
        screen = self.target_screen()
        handle = self.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())  # without a window manager, geometry is all there is
        self.showFullScreen()

    # -- leaving ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        flow = self.flow
        if flow is not None and flow.in_workout:
            sets = flow.recorder.recorded
            from PySide6.QtWidgets import QMessageBox  # asked only here

            answer = QMessageBox.question(
                self, "Stop the workout?",
                f"Stop “{flow.routine.name}” now? The {sets} set{'s' if sets != 1 else ''} "
                f"you finished {'is' if sets == 1 else 'are'} saved as a session stopped "
                "early.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if flow is not None and not flow.saved:
            flow.leave_now()
        self._shut_down()
        super().closeEvent(event)

    def close_for_signal(self) -> None:
        """SIGTERM or Ctrl-C (ui/stop_signals.py), once the event loop has ended: close as the
        user would, but ask nothing. A workout under way stays in the journal as it is, every
        finished set in it, and is offered for resume at the next start: the user did not
        choose to stop it, so it is neither stored as stopped early nor given a partial set
        (the set under way is done again). A summary on show is saved, as closing saves it.
        No close event is sent: the Build page would ask about an unsaved circuit."""
        flow = self.flow
        if flow is not None and flow.in_workout:
            flow.halt()
        elif flow is not None and not flow.saved:
            flow.leave_now()
        self._shut_down()
        self.hide()

    def _shut_down(self) -> None:
        """Let go of what outlives the window: the screen saver, libvlc's players."""
        if self._inhibitor is not None:
            self._inhibitor.release()
        if self._routines.built:
            self.routines.shutdown()
        if self._build.built:
            self.build.shutdown()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not before the first paint: see ui/painting.py

        if self.flow is None and event.key() in (Qt.Key.Key_F11,):
            self.toggle_full_screen()
            return
        super().keyPressEvent(event)
