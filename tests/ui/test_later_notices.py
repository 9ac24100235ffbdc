"""What the store finds after the start is said too: the window reads older years only when a
page shows them (History), so a session set aside there is told then, in a box that stops
nothing, once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ankledesk.store.digest import outline, write_digest
from tests.store.helpers import year_path
from tests.store.hostile import good_sessions, history_text

BAD = 1


@pytest.fixture
def planted(data_dir: Path) -> Path:
    """This year's sessions, and 2019's with one session no longer valid (rpe 11) behind a
    digest that is up to date: nothing at the start needs 2019 in full."""
    recent = good_sessions(3, start=dt.date.today() - dt.timedelta(days=4))
    year_path(data_dir, dt.date.today().year).write_text(history_text(recent), encoding="utf-8")
    old = [{**doc, "id": f"old-{n}"} for n, doc in
           enumerate(good_sessions(3, start=dt.date(2019, 3, 4)))]
    path = year_path(data_dir, 2019)
    path.write_text(history_text(old, {BAD: json.dumps({**old[BAD], "rpe": 11})}),
                    encoding="utf-8")
    write_digest(path, [outline(doc) for n, doc in enumerate(old) if n != BAD])
    return path


def later_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "laterNotices"
            and w.isVisible()]


def test_a_session_set_aside_in_an_older_year_is_said_when_history_reads_it(
        qtbot, planted, window):
    assert window.context.store.notices == []  # the start did not open 2019
    window.say_new_notices(at_start=True)
    window.show_page(3)  # History: every year, in full
    qtbot.waitUntil(lambda: len(later_boxes()) == 1)
    (box,) = later_boxes()
    assert str(planted) in box.text() and "rpe" in box.text()
    assert not box.isModal()  # the window carries on
    box.close()
    window.show_page(0)
    window.show_page(3)
    qtbot.wait(50)
    assert later_boxes() == []  # said once
