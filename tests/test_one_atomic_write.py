"""One atomic write (ankledesk/durable_files.py) for the history, the exports and the clips.

There were two implementations (the store's and report/output.py's: one fsynced the folder and
retried on Windows, the other did neither) and a third path, the user-clip copy, which was not
fsynced at all; and the exports' and the store's new files differed in mode for no reason one
could read. Now every write goes through durable_files, and the test below keeps it so.
"""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from ankledesk.durable_files import usual_file_mode
from ankledesk.report.output import save_atomic
from ankledesk.store.storage import atomic_write_bytes, is_stale_temp
from ankledesk.store.user_clips import UserClips

SRC = Path(__file__).resolve().parent.parent / "src" / "ankledesk"
WRITES = {("os", "replace"), ("os", "rename"), ("os", "link"), ("os", "fsync"),
          ("tempfile", "mkstemp"), ("tempfile", "NamedTemporaryFile"),
          ("shutil", "copyfile"), ("shutil", "copy"), ("shutil", "copy2")}


def test_nothing_but_durable_files_writes_a_file_atomically_by_hand():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "durable_files.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and (node.value.id, node.attr) in WRITES):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_export_gets_the_users_usual_mode_and_a_data_file_stays_private(tmp_path, umask_022):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    assert usual_file_mode() == 0o644
    save_atomic(tmp_path / "week.pdf", b"%PDF-1.4 one")
    atomic_write_bytes(tmp_path / "2026.json", b"{}")
    assert mode(tmp_path / "week.pdf") == 0o644 and mode(tmp_path / "2026.json") == 0o600
    (tmp_path / "week.pdf").chmod(0o640)
    save_atomic(tmp_path / "week.pdf", b"%PDF-1.4 two")  # written over: its mode is kept
    assert mode(tmp_path / "week.pdf") == 0o640
    assert (tmp_path / "week.pdf").read_bytes() == b"%PDF-1.4 two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026.json", "week.pdf"]


def test_an_export_through_a_link_replaces_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "synced" / "week.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "week.pdf"
    link.symlink_to(target)
    save_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_a_clip_is_copied_whole_through_the_same_write(tmp_path, data_dir):
    source = tmp_path / "my clip.MP4"
    source.write_bytes(os.urandom(3 << 20))  # larger than one chunk of the copy
    copied = UserClips(data_dir).set("big-toe-raise-hold", source)
    assert copied.read_bytes() == source.read_bytes()
    leftovers = [p for p in copied.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    # A copy killed half-way leaves a temp file named as every atomic write names them, so
    # the next writer's sweep knows it for ours (a dead writer's: stale).
    dead = tmp_path / f".{copied.name}.999999999.abcdefgh.tmp"
    dead.write_bytes(b"half")
    assert is_stale_temp(dead)
