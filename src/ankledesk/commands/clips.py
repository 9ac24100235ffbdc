"""`ankledesk clips render | sheet`: re-make the demo clips in media/ and their contact sheet.

Only whoever changes the keyframes needs this (with the `clips` extra for PyAV); users get the
rendered clips with the app.
"""

from __future__ import annotations

import argparse
import difflib
import time
from pathlib import Path

from ankledesk import paths
from ankledesk.errors import UserError

DEFAULT_SHEET = Path("docs") / "clips.png"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("clips", help="render the drills' demo clips (needs the clips extra)")
    commands = parser.add_subparsers(dest="clips_command", metavar="ACTION", required=True)

    p = commands.add_parser(
        "render", help="render media/<drill-id>.mp4 for every drill (and <drill-id>.left.mp4, "
        "mirrored with readable text, for each-side drills)")
    p.add_argument("--drill", action="append", metavar="ID",
                   help="only this drill (repeatable)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="output folder (default: the built-in media folder)")
    p.set_defaults(func=cmd_render)

    p = commands.add_parser("sheet", help="a contact sheet of every clip at mid-movement")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_SHEET, metavar="PNG",
                   help=f"where to write it (default: {DEFAULT_SHEET})")
    p.set_defaults(func=cmd_sheet)


def _chosen(ids: list[str] | None) -> list[str] | None:
    """Check requested drill ids against the catalogue and the keyframes."""
    from ankledesk.clips.catalogue import drills
    from ankledesk.clips.keyframes import CLIPS

    catalogue = drills()
    for drill_id in ids or []:
        if drill_id not in catalogue:
            hint = difflib.get_close_matches(drill_id, list(catalogue), n=1)
            extra = f'; did you mean "{hint[0]}"?' if hint else ""
            raise UserError(f'no drill with id "{drill_id}"{extra}')
    missing = [i for i in (ids or catalogue) if i not in CLIPS]
    if missing:
        raise UserError(f"no keyframes for: {', '.join(missing)}")
    return ids


def cmd_render(args: argparse.Namespace) -> int:
    ids = _chosen(args.drill)
    from ankledesk.clips.catalogue import clip_items, each_side
    from ankledesk.clips.encode import encode, require_av
    from ankledesk.clips.render import FPS, Renderer

    require_av()
    out = args.out or paths.builtin_media_dir()
    started = time.monotonic()
    total = 0
    for spec, name, caption in clip_items(ids):
        right = out / f"{spec.drill_id}.mp4"
        versions = [(right, False)]
        if each_side(spec.drill_id):
            versions.append((paths.left_side_clip(right), True))
        for target, mirrored in versions:
            frames = encode(Renderer(spec, name, caption, mirrored).frames(FPS), target, FPS)
            size = target.stat().st_size
            total += size
            print(f"{target}  {size / 1024:.0f} KB  {frames} frames, {frames / FPS:.2f} s",
                  flush=True)
    print(f"{total / 1024:.0f} KB in all, {time.monotonic() - started:.0f} s")
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    _chosen(None)
    from ankledesk.clips.catalogue import clip_items
    from ankledesk.clips.sheet import save_sheet

    size = save_sheet(clip_items(), args.output)
    print(f"{args.output}  {size / 1024:.0f} KB")
    return 0
