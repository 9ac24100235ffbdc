"""The user's own clips: set, remembered, back to built-in, and bad sources told clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ankledesk import paths
from ankledesk.core.model import Drill
from ankledesk.errors import UserError
from ankledesk.store.user_clips import INDEX_NAME, UserClips

DRILL = Drill(id="short-foot", name="Short foot", category="strength", mode="hold", seconds=30,
              reps=None, sides="one", clip="short-foot.mp4")


@pytest.fixture
def own_clip(tmp_path: Path) -> Path:
    path = tmp_path / "My Short Foot.MOV"
    path.write_bytes(b"\x00\x00\x00\x18ftypqt  not really decoded here")
    return path


def test_no_own_clip_gives_the_builtin_one(data_dir: Path) -> None:
    clips = UserClips()
    assert clips.get(DRILL.id) is None
    assert clips.clip_path(DRILL) == paths.builtin_media_dir() / "short-foot.mp4"


def test_drill_without_any_clip_gives_none(data_dir: Path) -> None:
    bare = Drill(id="x", name="X", category="drill", mode="timed", seconds=10, reps=None,
                 sides="one")
    assert UserClips().clip_path(bare) is None


def test_set_copies_into_the_data_folder_and_is_remembered(data_dir: Path,
                                                           own_clip: Path) -> None:
    copy = UserClips().set(DRILL.id, own_clip)
    assert copy.parent == data_dir / "media"
    assert copy.name == "short-foot.user.mov"
    assert copy.read_bytes() == own_clip.read_bytes()
    own_clip.unlink()  # the original may go away: the copy is what plays
    again = UserClips()  # a new instance, as after a restart
    assert again.get(DRILL.id) == copy
    assert again.clip_path(DRILL) == copy
    index = json.loads((data_dir / "media" / INDEX_NAME).read_text(encoding="utf-8"))
    assert index == {"short-foot": "short-foot.user.mov"}


def test_explicit_data_dir_wins_over_the_environment(tmp_path: Path, own_clip: Path) -> None:
    other = tmp_path / "elsewhere"
    copy = UserClips(other).set(DRILL.id, own_clip)
    assert copy.parent == other / "media"
    assert UserClips().get(DRILL.id) is None


def test_replacing_an_own_clip_removes_the_old_copy(data_dir: Path, own_clip: Path,
                                                    tmp_path: Path) -> None:
    clips = UserClips()
    first = clips.set(DRILL.id, own_clip)
    second_source = tmp_path / "take2.mp4"
    second_source.write_bytes(b"second take")
    second = clips.set(DRILL.id, second_source)
    assert second.name == "short-foot.user.mp4"
    assert not first.exists()
    assert clips.get(DRILL.id) == second


def test_reset_goes_back_to_builtin(data_dir: Path, own_clip: Path) -> None:
    clips = UserClips()
    copy = clips.set(DRILL.id, own_clip)
    assert clips.reset(DRILL.id) is True
    assert not copy.exists()
    assert UserClips().clip_path(DRILL) == paths.builtin_media_dir() / "short-foot.mp4"
    assert clips.reset(DRILL.id) is False


def test_own_clip_deleted_behind_our_back_falls_back(data_dir: Path, own_clip: Path) -> None:
    clips = UserClips()
    clips.set(DRILL.id, own_clip).unlink()
    assert clips.clip_path(DRILL) == paths.builtin_media_dir() / "short-foot.mp4"


@pytest.mark.parametrize("case", ["missing", "folder", "empty"])
def test_bad_source_is_a_clear_user_error(data_dir: Path, tmp_path: Path, case: str) -> None:
    source = tmp_path / "clip.mp4"
    if case == "folder":
        source.mkdir()
    elif case == "empty":
        source.write_bytes(b"")
    with pytest.raises(UserError) as caught:
        UserClips().set(DRILL.id, source)
    message = str(caught.value)
    assert str(source) in message
    assert {"missing": "not found", "folder": "a folder", "empty": "empty"}[case] in message
    assert UserClips().get(DRILL.id) is None


def test_damaged_index_only_loses_the_choices(data_dir: Path) -> None:
    media = data_dir / "media"
    media.mkdir()
    (media / INDEX_NAME).write_text("{not json", encoding="utf-8")
    assert UserClips().clip_path(DRILL) == paths.builtin_media_dir() / "short-foot.mp4"
