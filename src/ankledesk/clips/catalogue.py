"""Joins the drill catalogue (names, cues) to the clip keyframes, for the command and the tests."""

from __future__ import annotations

from functools import cache

from ankledesk import paths
from ankledesk.clips.keyframes import CLIPS
from ankledesk.clips.spec import ClipSpec
from ankledesk.core.loader import load_drills
from ankledesk.core.model import Drill


@cache
def drills() -> dict[str, Drill]:
    """Every built-in drill by id, in catalogue order."""
    found, _problems = load_drills(paths.builtin_routines_dir() / "drills.toml")
    return found


def clip_items(ids: list[str] | None = None) -> list[tuple[ClipSpec, str, str]]:
    """(spec, drill name, first cue) for the given drill ids, or every drill with a clip."""
    catalogue = drills()
    chosen = ids if ids is not None else [i for i in catalogue if i in CLIPS]
    return [(CLIPS[i], catalogue[i].name, catalogue[i].cues[0]) for i in chosen]


def each_side(drill_id: str) -> bool:
    """Whether the drill runs on both sides, so it also ships a left-side (mirrored) clip."""
    drill = drills().get(drill_id)
    return drill is not None and drill.sides == "each"
