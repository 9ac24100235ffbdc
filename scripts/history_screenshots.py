"""History and the self-check with a few months of simulated data, light and dark, 1280×720.

The history is made by `ankledesk simulate` and `ankledesk measure` (tests/simulated_history.py)
in a temporary data folder; the real window is shown on the (virtual) screen and grabbed from
it the way the demo does (`DemoRun.grab`). Run under a display, or via xvfb-run:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/history_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ankledesk.ui.app import build_window, create_application  # noqa: E402
from ankledesk.ui.main_window import MainWindow  # noqa: E402
from ankledesk.ui.theme import apply_theme  # noqa: E402
from screenshots import OUT, grab  # noqa: E402  (the demo's grab: from the screen)
from screenshots import settle as settle_app  # noqa: E402
from tests.simulated_history import build  # noqa: E402

HISTORY, TODAY = 3, 0
SIZE = (1280, 720)


def settle(seconds: float) -> None:
    settle_app(QApplication.instance(), seconds)


def shot(window: MainWindow, name: str) -> None:
    print(grab(window, name))  # type: ignore[arg-type]  # any widget on the screen


def open_window(data: Path) -> MainWindow:
    window = build_window(data)
    assert window is not None
    window.move(0, 0)
    window.resize(*SIZE)
    window.show()
    settle(0.4)
    return window


def shoot(theme: str, history: Path, fresh: Path) -> None:
    window = open_window(history)
    window.show_page(HISTORY)
    page = window.history
    settle(0.5)
    shot(window, f"history-week-{theme}")
    page.charts.picker.setCurrentIndex(page.charts.picker.findData("big-toe-raise-hold"))
    page.tabs.setCurrentIndex(1)
    settle(0.4)
    shot(window, f"history-chart-hold-{theme}")
    page.charts.picker.setCurrentIndex(page.charts.picker.findData("banded-lunge"))
    settle(0.4)
    shot(window, f"history-chart-reps-{theme}")
    page.tabs.setCurrentIndex(2)
    settle(0.4)
    shot(window, f"history-measurements-{theme}")
    page.tabs.setCurrentIndex(3)
    assert page.self_check is not None  # made when the screen was first shown
    page.self_check.set_ticked(["heels-lift-early", "toes-grip"])
    settle(0.4)
    shot(window, f"history-self-check-{theme}")
    page.tabs.setCurrentIndex(0)
    page.previous_week()
    page.week_tab.table.selectRow(0)
    dialog = page.open_session(page.week_tab.table.ids[0])
    assert dialog is not None
    dialog.move(window.x() + 210, window.y() + 40)
    settle(0.5)
    shot(window, f"history-session-{theme}")
    dialog.reject()
    window.show_page(TODAY)
    settle(0.3)
    shot(window, f"today-hints-{theme}")
    window.close()
    window.context.store.close()
    settle(0.2)

    window = open_window(fresh)
    window.show_page(TODAY)
    window.today.self_check.set_ticked(["single-leg-balance", "ankle-rolls"])
    settle(0.4)
    shot(window, f"today-self-check-{theme}")
    window.close()
    window.context.store.close()
    settle(0.2)


def main() -> int:
    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        history = build(Path(folder) / "history")
        fresh = Path(folder) / "fresh"
        fresh.mkdir()
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            shoot(theme, history, fresh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
