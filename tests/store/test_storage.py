"""The atomic storage: whole files only, retries on Windows-style PermissionError."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from ankledesk import durable_files
from ankledesk.store.storage import (
    AtomicJSONStorage,
    FrozenStorage,
    ReadOnlyError,
    atomic_write_bytes,
    leftover_temp_files,
    replace_with_retry,
)


def test_tinydb_round_trip_through_the_atomic_storage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"name": "Zehen-Übung 🦶", "n": 1.5})
    assert json.loads(path.read_text(encoding="utf-8"))["t"]["1"]["name"] == "Zehen-Übung 🦶"
    assert TinyDB(path, storage=AtomicJSONStorage).table("t").all() == [
        {"name": "Zehen-Übung 🦶", "n": 1.5}]
    assert leftover_temp_files(path) == []


def test_a_missing_or_blank_file_reads_as_an_empty_database(tmp_path: Path) -> None:
    assert AtomicJSONStorage(tmp_path / "none.json").read() is None
    (tmp_path / "blank.json").write_text("  \n")
    assert AtomicJSONStorage(tmp_path / "blank.json").read() is None


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path,
                                                             monkeypatch) -> None:
    path = tmp_path / "db.json"
    atomic_write_bytes(path, b'{"old": {}}')

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable_files, "replace_with_retry", broken_replace)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(path, b'{"new": {}}')
    assert path.read_bytes() == b'{"old": {}}'
    assert leftover_temp_files(path) == []


def test_nan_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    atomic_write_bytes(path, b'{"old": {}}')
    with pytest.raises(ValueError):
        AtomicJSONStorage(path).write({"t": {"1": {"x": float("nan")}}})
    assert path.read_bytes() == b'{"old": {}}'


def test_replace_is_retried_while_windows_holds_the_file(tmp_path: Path) -> None:
    calls = []

    def flaky(src, dst):
        calls.append(src)
        if len(calls) < 3:
            raise PermissionError(13, "The process cannot access the file")
        os.replace(src, dst)

    (tmp_path / "a").write_text("new")
    replace_with_retry(tmp_path / "a", tmp_path / "b", replace=flaky, sleep=lambda s: None)
    assert len(calls) == 3
    assert (tmp_path / "b").read_text() == "new"


def test_replace_gives_up_after_its_timeout(tmp_path: Path) -> None:
    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    with pytest.raises(PermissionError):
        replace_with_retry(tmp_path / "a", tmp_path / "b", timeout=0.0, replace=locked,
                           sleep=lambda s: None)


def test_read_only_storages_refuse_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    atomic_write_bytes(path, b'{"t": {}}')
    with pytest.raises(ReadOnlyError):
        AtomicJSONStorage(path, read_only=True).write({})
    assert path.read_bytes() == b'{"t": {}}'
    frozen = TinyDB({"t": {"1": {"a": 1}}}, "label", storage=FrozenStorage)
    assert frozen.table("t").all() == [{"a": 1}]
    with pytest.raises(ReadOnlyError):
        frozen.table("t").insert({"a": 2})
    assert frozen.table("t").all() == [{"a": 1}]


def test_an_exclusive_write_never_replaces_what_holds_the_name(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "new.toml"
    atomic_write_bytes(path, b"first", exclusive=True)
    assert path.read_bytes() == b"first"
    (folder / "dangling.toml").symlink_to(folder / "nowhere")
    for taken in (path, folder / "dangling.toml"):
        with pytest.raises(FileExistsError) as refused:
            atomic_write_bytes(taken, b"second", exclusive=True)
        assert refused.value.filename == str(taken)
        assert leftover_temp_files(taken) == []
    assert path.read_bytes() == b"first"
    assert os.readlink(folder / "dangling.toml") == str(folder / "nowhere")
    assert sorted(p.name for p in folder.iterdir()) == ["dangling.toml", "new.toml"]


def test_without_hard_links_an_exclusive_write_claims_the_name_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT stick has no hard links (link(2) fails with EPERM): still one winner, whole."""
    def no_links(source: object, target: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "new.toml"
    atomic_write_bytes(path, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic_write_bytes(path, b"second", exclusive=True)
    assert path.read_bytes() == b"first"
    assert [p.name for p in folder.iterdir()] == ["new.toml"]
