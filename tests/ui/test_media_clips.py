"""The shipped clips: one for every drill in routines/drills.toml, and each one plays in VLC."""

from __future__ import annotations

from ankledesk import paths
from ankledesk.core.loader import load_drills

DRILLS, PROBLEMS = load_drills(paths.builtin_routines_dir() / "drills.toml")
MEDIA = paths.builtin_media_dir()
WAIT_MS = 15_000


def test_catalogue_loads() -> None:
    assert not PROBLEMS
    assert DRILLS


def test_every_drill_has_its_clip() -> None:
    missing = [f"{d.id}: {d.clip or '(no clip named)'}" for d in DRILLS.values()
               if not d.clip or not (MEDIA / d.clip).is_file()]
    assert not missing, "drills without a clip in media/:\n" + "\n".join(missing)


def test_every_each_side_drill_has_its_left_side_clip() -> None:
    missing = [d.id for d in DRILLS.values() if d.sides == "each" and d.clip
               and not paths.left_side_clip(MEDIA / d.clip).is_file()]
    assert not missing, "each-side drills without a .left clip: " + ", ".join(missing)


def test_every_clip_in_media_belongs_to_a_drill() -> None:
    named = {d.clip for d in DRILLS.values()} | {
        paths.left_side_clip(MEDIA / d.clip).name for d in DRILLS.values()
        if d.sides == "each" and d.clip}
    strays = sorted(p.name for p in MEDIA.glob("*.mp4") if p.name not in named)
    assert not strays


def test_every_clip_decodes_in_vlc(qtbot, view) -> None:
    clips = sorted(MEDIA.glob("*.mp4"))
    assert clips, f"no clips in {MEDIA}"
    vlc = view.runtime.module
    by_clip = {d.clip: d for d in DRILLS.values()}
    for clip in clips:
        media = view.runtime.instance().media_new(str(clip))
        try:
            media.parse_with_options(vlc.MediaParseFlag.local, 10_000)
            qtbot.waitUntil(lambda media=media: media.get_parsed_status() != 0, timeout=WAIT_MS)
            assert media.get_parsed_status() == vlc.MediaParsedStatus.done, clip.name
            assert media.get_duration() > 0, clip.name
            tracks = media.tracks_get() or []
            assert any(t.type == vlc.TrackType.video for t in tracks), clip.name
        finally:
            media.release()
        drill = by_clip.get(clip.name) or next(iter(DRILLS.values()))
        with qtbot.waitSignal(view.frames_flowing, timeout=WAIT_MS):  # frames really decoded
            view.show_drill(drill, clip)
        assert not view.showing_cue_card(), clip.name
