"""The main window's sidebar: a click or ↑/↓/Home/End picks a page, and the page follows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ankledesk.ui.main_window import PAGES
from ankledesk.ui.widgets.sidebar import BAR, PAD


def test_keys_and_clicks_move_between_the_pages(qtbot, window):
    sidebar = window.sidebar
    assert sidebar.count() == len(PAGES) and sidebar.currentRow() == 0
    sidebar.setFocus()
    qtbot.waitUntil(sidebar.hasFocus)
    seen: list[int] = []
    sidebar.currentRowChanged.connect(seen.append)
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert window.pages.currentIndex() == 1  # Routines
    qtbot.keyClick(sidebar, Qt.Key.Key_End)
    assert window.pages.currentIndex() == 3  # History
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)  # already the last: stays
    qtbot.keyClick(sidebar, Qt.Key.Key_Home)
    assert window.pages.currentIndex() == 0
    qtbot.mouseClick(sidebar, Qt.MouseButton.LeftButton, pos=sidebar.row_rect(2).center())
    assert window.pages.currentIndex() == 2  # Build
    assert seen == [1, 3, 0, 2]
    qtbot.mouseClick(sidebar, Qt.MouseButton.LeftButton,
                     pos=sidebar.row_rect(len(PAGES)).center())  # below the rows: nothing
    assert sidebar.currentRow() == 2


def test_every_page_name_fits_its_row(window):
    sidebar = window.sidebar
    for row, name in enumerate(PAGES):
        room = sidebar.row_rect(row).width() - BAR - 2 * PAD  # the words start after the bar
        assert sidebar.fontMetrics().horizontalAdvance(name) < room
