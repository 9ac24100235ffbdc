"""Every drill in the catalogue has keyframes, and every keyframed clip is a real drill."""

from __future__ import annotations

from ankledesk.clips.catalogue import drills
from ankledesk.clips.keyframes import CLIPS


def test_every_drill_has_keyframes() -> None:
    assert set(drills()) == set(CLIPS)


def test_every_caption_fits_the_frame() -> None:
    for drill in drills().values():
        assert drill.cues and len(drill.cues[0]) <= 44
