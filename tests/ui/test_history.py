"""The History screen on a history made by `ankledesk simulate` over sixteen weeks: the weeks,
the calendar, the charts, edits and measurements through restarts and into the PDF, the
self-check and the hints' Start buttons, and a long export that keeps the window working."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from ankledesk.core.series import week_first
from ankledesk.core.timefmt import clock
from ankledesk.store.measurements import MeasurementLog
from ankledesk.store.session_store import SessionStore
from ankledesk.ui.context import AppContext
from ankledesk.ui.history.data import self_check
from ankledesk.ui.history.measures import MeasureDialog
from ankledesk.ui.history.page import HistoryScreen
from ankledesk.ui.history.selfcheck import SelfCheckPanel
from ankledesk.ui.history.sessions import SessionDialog
from tests.report.pdfcheck import page_texts
from tests.simulated_history import PAIN_WEEK, WEEKS_BACK, WEEKS_OFF, build, hold_for, run

TODAY = dt.date.today()
THIS_WEEK = week_first(TODAY)
WAIT_MS = 60_000


def sessions_planned(back: int) -> int:
    """How many sessions tests/simulated_history.py records in the week `back` weeks ago."""
    if back in WEEKS_OFF:
        return 0
    if back == 0:
        return 1
    return 3 if back % 3 == 0 else 2


@pytest.fixture(scope="session")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("simulated") / "data"
    folder.mkdir()
    return build(folder, TODAY)


@pytest.fixture
def context(simulated: Path, data_dir: Path) -> Iterator[AppContext]:
    shutil.copytree(simulated, data_dir, dirs_exist_ok=True)
    store = SessionStore.open(data_dir)
    yield AppContext(data_dir, store)
    store.close()


@pytest.fixture
def page(context: AppContext, qtbot) -> Iterator[HistoryScreen]:
    screen = HistoryScreen(context)
    screen.move(0, 0)
    screen.resize(1090, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitActive(screen)
    screen.exports.open_url = lambda url: True  # never launch a PDF viewer from a test
    yield screen
    gone(screen, qtbot)


def gone(widget: QWidget, qtbot) -> None:
    """Close and delete a top-level widget now, so nothing of it is left to repaint or be
    collected during a later test."""
    widget.close()
    widget.deleteLater()
    qtbot.wait(1)  # runs the deferred deletion


def reopen(context: AppContext) -> SessionStore:
    """The app closed and started again: a fresh read of the folder."""
    context.store.close()
    return SessionStore.open(context.data_dir, read_only=True)


def test_nothing_is_read_or_made_before_the_screen_is_first_shown(context: AppContext, qtbot):
    screen = HistoryScreen(context)
    assert screen.sessions == [] and not screen.built and screen.findChildren(QWidget) == []
    assert context._sessions is None
    screen.show()
    qtbot.waitExposed(screen)
    assert len(screen.sessions) == sum(sessions_planned(b) for b in range(WEEKS_BACK + 1))
    assert screen.calendar.marks and screen.self_check is not None
    gone(screen, qtbot)


def test_the_navigator_shows_each_weeks_sessions(page: HistoryScreen, qtbot):
    by_week: dict[dt.date, set[str]] = {}
    for s in page.context.store.sessions():
        day = dt.datetime.fromisoformat(s["started_at"]).date()
        by_week.setdefault(week_first(day), set()).add(s["id"])
    assert page.week_label.text().startswith("This week")
    assert not page.next_button.isEnabled() and not page.this_button.isEnabled()
    for back in range(WEEKS_BACK + 1):
        monday = THIS_WEEK - dt.timedelta(weeks=back)
        assert page.week == monday
        shown = page.shown_sessions()
        assert len(shown) == sessions_planned(back), f"{back} weeks back"
        assert {s["id"] for s in shown} == by_week.get(monday, set())
        assert page.week_tab.empty.isVisible() == (not shown)
        if back % 2:  # the keyboard and the button take turns
            qtbot.keyClick(page.week_tab.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        else:
            qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.week_label.text().startswith("Week of")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.week == THIS_WEEK - dt.timedelta(weeks=WEEKS_BACK)
    qtbot.keyClick(page.week_tab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert page.week == THIS_WEEK and page.week_label.text().startswith("This week")


def test_clicking_a_day_on_the_calendar_opens_its_week_with_its_session(page: HistoryScreen,
                                                                         qtbot):
    pain_day = THIS_WEEK - dt.timedelta(weeks=PAIN_WEEK) + dt.timedelta(days=3)
    mark = page.calendar.marks[pain_day]
    assert mark.pain and mark.sessions == 1
    qtbot.mouseClick(page.calendar, Qt.MouseButton.LeftButton,
                     pos=page.calendar.cell_rect(pain_day).center())
    assert page.week == THIS_WEEK - dt.timedelta(weeks=PAIN_WEEK)
    table = page.week_tab.table
    row = table.currentRow()
    assert table.item(row, 0).text().startswith(f"{pain_day:%a %-d %b}")
    assert table.item(row, 6).text() == "⚠ yes"
    assert "Left Achilles sore" in table.item(row, 7).text()


def test_the_hold_chart_has_the_weekly_best_holds_and_gaps_for_the_weeks_off(page, qtbot):
    charts = page.charts
    page.tabs.setCurrentWidget(charts)
    charts.picker.setCurrentIndex(charts.picker.findData("big-toe-raise-hold"))
    expected = [None if back in WEEKS_OFF else float(hold_for(back))
                for back in range(WEEKS_BACK, -1, -1)]
    chart = charts.chart
    assert [day for day, _ in chart.points] == [
        THIS_WEEK - dt.timedelta(weeks=b) for b in range(WEEKS_BACK, -1, -1)]
    assert [value for _, value in chart.points] == expected
    # Three pieces of line: the weeks off break it instead of dropping to zero.
    pieces = [[p.y() for p in line.points()] for line in chart.value_lines()]
    assert pieces == [[v for v in run_ if v is not None] for run_ in (
        expected[:5], expected[6:10], expected[11:])]
    assert all(min(piece) > 0 for piece in pieces)
    names = {s.name() for s in chart.chart().series()}
    assert {"target 0:45", "goal 2:00", "best hold per week"} <= names
    assert "2 without this drill" in charts.note.text()


def test_the_reps_chart_counts_the_reps_of_each_week(page: HistoryScreen):
    charts = page.charts
    charts.picker.setCurrentIndex(charts.picker.findData("banded-lunge"))
    # The chassis circuit runs on even weeks back: 12 reps a side, 4 rounds.
    expected = [96.0 if back % 2 == 0 and back not in WEEKS_OFF and back else None
                for back in range(WEEKS_BACK, -1, -1)]
    assert [v for _, v in charts.chart.points] == expected
    assert charts.chart.chart().title() == "Banded lunges: reps per week"


def test_an_edit_persists_across_a_restart_and_appears_in_the_pdf(page: HistoryScreen, qtbot,
                                                                  tmp_path: Path):
    page.previous_week()
    page.week_tab.table.selectRow(0)
    qtbot.mouseClick(page.week_tab.open, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionDialog) and dialog.isVisible()
    session_id = dialog.session["id"]
    assert dialog.sets.rowCount() == len(dialog.session["steps"])
    dialog.rpe.setCurrentIndex(9)
    dialog.pain.setChecked(True)
    dialog.notes.setPlainText("Calf tight <after> the hills & stairs")
    first_drill = next(iter(dialog.drill_notes))
    dialog.drill_notes[first_drill].setText("slow on the left")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    table = page.week_tab.table
    row = table.ids.index(session_id)
    assert (table.item(row, 5).text(), table.item(row, 6).text()) == ("9", "⚠ yes")
    assert table.item(row, 7).text().startswith("Calf tight <after> the hills & stairs")

    store = reopen(page.context)
    [stored] = [s for s in store.sessions() if s["id"] == session_id]
    assert (stored["rpe"], stored["pain"], stored["notes"]) == (
        9, True, "Calf tight <after> the hills & stairs")
    assert stored["drill_notes"] == {first_drill: "slow on the left"}
    week = page.week.isocalendar()
    pdf = tmp_path / "week.pdf"
    run(page.context.data_dir, "export", "pdf", "--week", f"{week[0]}-W{week[1]:02d}",
        "-o", str(pdf))
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "Calf tight <after> the hills & stairs" in text
    assert "yes ⚠" in text


def test_a_measurement_entered_in_the_app_appears_in_this_weeks_pdf(page: HistoryScreen, qtbot,
                                                                    tmp_path: Path):
    page.tabs.setCurrentWidget(page.measures)
    qtbot.mouseClick(page.measures.add, Qt.MouseButton.LeftButton)
    dialog = page.findChild(MeasureDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.set_value("knee-to-wall", "left", 10.5)
    dialog.set_value("knee-to-wall", "right", 12)
    dialog.set_value("balance-eyes-closed", "right", 25)
    save = dialog.findChild(QPushButton, "saveMeasures")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    shown = page.measures.table
    assert [shown.item(0, c).text() for c in range(3)] == [f"{TODAY:%-d %b %y}", "10.5 cm",
                                                           "12 cm"]
    # The new knee-to-wall is within 15 %: the imbalance hint is gone, the ladder's stays.
    assert [h.kind for h in page.hints.hints] == ["progression"]

    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        page.exports.export_range(tmp_path / "this-week.pdf", THIS_WEEK, THIS_WEEK)
    assert done.args == [[tmp_path / "this-week.pdf"]]
    text = "\n".join(page_texts((tmp_path / "this-week.pdf").read_bytes()))
    assert "Knee-to-wall distance 10.5 cm 12 cm" in text
    assert "Single-leg balance, eyes closed – 25 s" in text

    store = reopen(page.context)
    latest = MeasurementLog(store).all()[-2:]
    assert [(d["kind"], d["left"], d["right"]) for d in latest] == [
        ("knee-to-wall", 10.5, 12.0), ("balance-eyes-closed", None, 25.0)]


def test_the_csv_export_writes_the_sets_and_the_measurements_beside_them(page, qtbot,
                                                                         tmp_path: Path):
    opened = []
    page.exports.open_url = lambda url: opened.append(url.toLocalFile()) or True
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS):
        page.exports.export_csv(tmp_path / "sets.csv")
    sets = (tmp_path / "sets.csv").read_text(encoding="utf-8-sig").splitlines()
    measured = (tmp_path / "sets-measurements.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(sets) == 1 + sum(len(s["steps"]) for s in page.sessions)
    assert len(measured) == 1 + len(page.measured)
    assert opened == [str(tmp_path)]  # a CSV is shown in its folder
    assert "sets.csv and sets-measurements.csv" in page.exports.status.text()


def test_a_long_range_export_shows_progress_and_leaves_the_window_responsive(page, qtbot,
                                                                           tmp_path: Path):
    opened: list[str] = []
    page.exports.open_url = lambda url: opened.append(url.toLocalFile()) or True
    ticks: list[int] = []
    bar_values: list[tuple[int, int]] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (ticks.append(1), bar_values.append(
        (page.exports.progress.value(), page.exports.progress.maximum()))))
    timer.start()
    first = THIS_WEEK - dt.timedelta(weeks=40)
    target = tmp_path / "range.pdf"
    progress: list[tuple[int, int]] = []
    job = page.exports.export_range(target, first, THIS_WEEK)
    job.progressed.connect(lambda done, total: progress.append((done, total)))
    assert page.exports.progress.isVisible() and not page.exports.pdf_range.isEnabled()
    qtbot.waitUntil(lambda: bool(progress) and progress[-1][0] >= 2, timeout=WAIT_MS)
    running_when_clicked = job.isRunning()
    label = page.week_label.text()
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.week_label.text() != label  # the click was handled during the export
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS):
        pass
    timer.stop()
    assert running_when_clicked
    total = 41 + 2
    assert progress[-1] == (total, total)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert any(0 < v < total and m == total for v, m in bar_values)  # the bar moved
    assert len(ticks) >= 2  # the window's own timer kept running (how often: the export's pace)
    assert opened == [str(target)]
    text = "\n".join(page_texts(target.read_bytes()))
    assert "Week by week" in text
    for n in range(41):  # every week of the range has its section
        year, week, _ = (first + dt.timedelta(weeks=n)).isocalendar()
        assert f"({year}-W{week:02d})" in text
    assert page.exports.pdf_range.isEnabled() and not page.exports.progress.isVisible()


def test_every_sign_suggests_the_programs_the_mapping_names(context: AppContext, qtbot):
    panel = SelfCheckPanel(context)
    panel.show()
    for sign in self_check(context):
        panel.set_ticked([sign.id])
        qtbot.wait(10)  # the new rows show, the old ones are gone
        buttons = [b.objectName() for b in panel.findChildren(QPushButton)
                   if b.objectName().startswith("selfCheckStart-") and b.isVisible()]
        assert buttons == [f"selfCheckStart-{p}" for p in sign.programs]
        first = panel.findChild(QPushButton, f"selfCheckStart-{sign.programs[0]}")
        with qtbot.waitSignal(panel.start_requested) as started:
            qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
        assert started.args == [sign.programs[0]]
    gone(panel, qtbot)


def test_the_ladder_hint_starts_the_weighted_hold(page: HistoryScreen, qtbot):
    assert page.hints.hints[0].text == (
        "Big-toe calf-raise hold reached 2:00 twice — try Weighted big-toe hold")
    button = page.hints.findChild(QPushButton, "hintStart-big-toe-strength-weighted")
    with qtbot.waitSignal(page.start_requested) as started:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert started.args == ["big-toe-strength-weighted"]
    routine = page.context.library.routines["big-toe-strength-weighted"]
    assert [i.drill_id for i in routine.items] == ["big-toe-raise-hold-weighted"]
    imbalance = page.hints.findChild(QPushButton, "hintStart-ankle-mobility-foundations")
    assert imbalance is not None and "left side is 18% behind" in page.hints.hints[1].text


def test_the_blank_sheet_for_next_week_is_written_and_opened(page: HistoryScreen, qtbot,
                                                             tmp_path: Path):
    opened: list[str] = []
    page.exports.open_url = lambda url: opened.append(url.toLocalFile()) or True
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        page.exports.export_blank(target, "big-toe-strength-weighted",
                                  TODAY + dt.timedelta(days=7))
    assert done.args == [[target]] and opened == [str(target)]
    text = page_texts(target.read_bytes())[0]
    assert "Big-toe strength: weighted" in text and "Weighted big-toe hold" in text


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(page: HistoryScreen, qtbot,
                                                                     tmp_path: Path):
    target = tmp_path / "no-such-folder" / "week.pdf"
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT_MS) as done:
        page.exports.export_range(target, THIS_WEEK, THIS_WEEK)
    assert done.args == [[]]
    assert page.exports.status.text() == (f"Export failed: The folder {target.parent} does "
                                          "not exist; choose another folder.")
    assert not target.parent.exists()
    assert page.exports.pdf_week.isEnabled() and not page.exports.open_button.isVisible()


def test_the_week_per_drill_adds_up_the_weeks_sets(page: HistoryScreen):
    page.show_week(THIS_WEEK - dt.timedelta(weeks=2))  # big-toe hold and the chassis circuit
    table = page.week_tab.drills
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)]
            for r in range(table.rowCount())}
    assert rows["Big-toe calf-raise hold"] == ["8", "0", "0", clock(hold_for(2)), "–"]
    assert rows["Banded lunges"] == ["8", "0", "0", "–", "96"]
    assert len(rows) == 1 + 6
