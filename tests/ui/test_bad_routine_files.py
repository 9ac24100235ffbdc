"""The window with bad files in `DATA/routines/` (nested 700 deep, dotted keys 3000 deep, a
FIFO, 2 MB, an id ending in a newline): it opens, the good routine is on the Routines page,
each bad file is one line there, and the next start (through the cache of parsed files) is the
same."""

from __future__ import annotations

import json
import os
import subprocess

from PySide6.QtCore import Qt

from ankledesk.store.parsed_toml import CACHE_FILE
from tests.ui.build_helpers import open_window

GOOD = 'id = "my-good"\nname = "Good one"\nrounds = 2\n[[items]]\ndrill = "toe-yoga"\n'


def test_the_window_opens_with_every_bad_file_said_once_and_the_good_one_listed(qtbot,
                                                                                 data_dir):
    folder = data_dir / "routines"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "deep.toml").write_text("x = " + "[" * 700 + "]" * 700 + "\n", encoding="utf-8")
    (folder / "dotted.toml").write_text("a" + ".a" * 3000 + " = 1\n", encoding="utf-8")
    os.mkfifo(folder / "fifo.toml")
    subprocess.run(["truncate", "-s", "2M", str(folder / "two-mb.toml")], check=True)
    (folder / "newline.toml").write_text(GOOD.replace('"my-good"', '"abc\\n"'),
                                         encoding="utf-8")
    lines = [
        f"{folder / 'deep.toml'}: nested 700 levels deep (at most 16)",
        f"{folder / 'dotted.toml'}: nested 3000 levels deep (at most 16)",
        f"{folder / 'fifo.toml'}: is a FIFO (a named pipe), not a file; it was not read",
        f'{folder / "newline.toml"}: id: expected lowercase letters, digits and hyphens '
        '(got "abc\\n")',
        f"{folder / 'two-mb.toml'}: 2.0 MB, too big for a routine file (at most 256 KB); "
        "it was not read",
    ]
    for start in ("first", "cached"):
        with open_window(qtbot, data_dir) as win:
            win.show_page(1)
            page = win.routines
            ids = [page.list.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(page.list.count())]
            assert "my-good" in ids, start
            assert page.problems.text() == "5 problems in routine files:\n" + "\n".join(lines)
        cached = json.loads((data_dir / CACHE_FILE).read_text(encoding="utf-8"))["files"]
        # The cache keeps parsed TOML (the newline id is TOML, refused by the routine rules)
        assert sorted(key for key in cached if key.startswith(str(folder))) == [
            str(folder / "good.toml"), str(folder / "newline.toml")]
