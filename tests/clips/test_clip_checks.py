"""Checks that protect the clips a newcomer learns from: every drill ships its clips, they are
the ones the keyframes draw, loops close, hops fly, holds are held, bands are tied to
something, nothing leaves the picture, and a foot close-up shows the foot of the clip's side.

Kinematics are sampled (no painting) except where the check is about pixels: the committed
clips' first frames, and which foot a close-up looks like.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import av
import pytest

from ankledesk import paths
from ankledesk.clips import canvas, footprint, props
from ankledesk.clips.catalogue import clip_items, drills, each_side
from ankledesk.clips.encode import rgba_bytes
from ankledesk.clips.figure_painter import toe_order
from ankledesk.clips.ground import body_points, figure_at, foot_points, gap, phase
from ankledesk.clips.keyframes import CLIPS
from ankledesk.clips.placement import Figure
from ankledesk.clips.pose import sample
from ankledesk.clips.render import FPS, SCENE, Renderer, frame_count
from ankledesk.clips.skeleton import leg_angles
from ankledesk.clips.spec import ClipSpec

MAX_BYTES = 400 * 1024
STALE = 6.0  # mean largest |difference| (0-255) between a committed clip's and a fresh frame
OFF, FAR_OFF_PIXELS = 60, 5  # ...and how many sampled pixels may be that far off (H.264: 0-1)
FLIGHT = 0.015  # metres: both feet at least this far off the floor is a hop's flight
LANDING_KNEE = 25.0  # degrees of knee bend at a hop's lowest point: a soft landing
STILL = 0.025  # metres: the most any point of the body may move during a hold
MIN_HOLD = 1.0  # seconds: a hold the eye can see as one
PLYOMETRIC = sorted(i for i, d in drills().items() if d.category == "plyometric")
HOLDS = sorted(i for i, d in drills().items() if d.mode == "hold")


def _media(drill_id: str, left: bool = False) -> str:
    right = paths.builtin_media_dir() / f"{drill_id}.mp4"
    return str(paths.left_side_clip(right) if left else right)


def _versions() -> list[tuple[str, bool]]:
    return [(i, left) for i in sorted(CLIPS) for left in ((False, True) if each_side(i)
                                                         else (False,))]


# --- Every drill ships its clips, sharp and small -----------------------------------------------
def test_every_drill_has_a_clip_and_a_left_clip_where_it_is_each_side() -> None:
    media = paths.builtin_media_dir()
    for drill_id in drills():
        assert (media / f"{drill_id}.mp4").is_file(), drill_id
        left = paths.left_side_clip(media / f"{drill_id}.mp4")
        assert left.is_file() == each_side(drill_id), (drill_id, left)
    expected = {f"{i}.mp4" for i in drills()} | {
        paths.left_side_clip(media / f"{i}.mp4").name for i in drills() if each_side(i)}
    assert {p.name for p in media.glob("*.mp4")} == expected  # and no stray clips


@pytest.mark.parametrize(("drill_id", "left"), _versions())
def test_committed_clip_is_720p_h264_small_and_drawn_from_the_keyframes(drill_id: str,
                                                                         left: bool) -> None:
    path = _media(drill_id, left)
    spec, name, caption = clip_items([drill_id])[0]
    assert Path(path).stat().st_size < MAX_BYTES
    with av.open(path) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.width, stream.height) == (canvas.PIXEL_WIDTH, canvas.PIXEL_HEIGHT)
        assert stream.frames in (0, frame_count(spec))
        first = next(container.decode(video=0)).to_rgb().planes[0]
        decoded = bytes(first)
    fresh = Renderer(spec, name, caption, mirrored=left).frame(0.0)
    drawn = rgba_bytes(fresh)
    # Every 61st pixel, RGB against RGBA: a stale clip (keyframes changed, not re-rendered)
    # differs far more than H.264's loss does.
    # A moved limb leaves pixels far off (over `OFF` in some channel) where H.264 leaves none.
    pixels = range(0, canvas.PIXEL_WIDTH * canvas.PIXEL_HEIGHT, 61)
    diffs = [max(abs(decoded[i * 3 + c] - drawn[i * 4 + c]) for c in range(3)) for i in pixels]
    assert sum(diffs) / len(diffs) < STALE and sum(d > OFF for d in diffs) <= FAR_OFF_PIXELS, \
        f"{path} is stale: run `make clips`"


# --- Loops ---------------------------------------------------------------------------------------
def _points(fig: Figure) -> list[tuple[float, float]]:
    return [pt for _, pt, _ in body_points(fig)]


def _step(a: Figure, b: Figure) -> float:
    return max(math.dist(p, q) for p, q in zip(_points(a), _points(b), strict=True))


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_loop_is_seamless(drill_id: str) -> None:
    """The jump from the last frame back to the first is no bigger than the biggest step
    between frames inside the loop, and moving floors travel whole spacings."""
    spec = CLIPS[drill_id]
    frames = [figure_at(spec, i / FPS) for i in range(frame_count(spec))]
    inside = max((_step(a, b) for a, b in itertools.pairwise(frames)), default=0.0)
    seam = _step(frames[-1], frames[0])
    assert seam <= inside + 1e-6, (drill_id, seam, inside)
    for prop in spec.props:
        if "travel" in prop.params:
            laps = prop.params["travel"] / prop.params.get("spacing", 1.0)
            assert laps == pytest.approx(round(laps)), (drill_id, prop.kind)


# --- Nothing floats, nothing leaves the picture --------------------------------------------
@pytest.mark.parametrize("drill_id", sorted(d for d, s in CLIPS.items()
                                            if any(p.kind == "band" for p in s.props)))
def test_band_anchors_are_tied_to_something(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    for band in (p for p in spec.props if p.kind == "band"):
        anchor = band.params["anchor"]
        assert any(props.holds(other, anchor) for other in spec.props), (drill_id, anchor)


def test_a_band_in_mid_air_is_caught() -> None:
    band = props.Prop("band", anchor=(-1.6, 0.85), to="pelvis")
    post = props.Prop("post", x=-1.2, h=1.1)
    assert not any(props.holds(p, band.params["anchor"]) for p in (band, post))
    assert props.holds(post, (-1.2, 0.85))


@pytest.mark.parametrize("drill_id", sorted(CLIPS))
def test_figure_stays_in_the_picture_clear_of_title_and_caption(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    if spec.frame_on or spec.camera is not None:
        return  # close-ups crop the body on purpose
    cam = Renderer(spec, "", "").camera
    for i in range(0, frame_count(spec), 3):
        for name, pt, radius in body_points(figure_at(spec, i / FPS)):
            px, r = cam.px(pt), radius * cam.scale
            assert SCENE.top() <= px.y() - r and px.y() + r <= SCENE.bottom(), (drill_id, name)
            assert SCENE.left() <= px.x() - r and px.x() + r <= SCENE.right(), (drill_id, name)


# --- Hops fly and land softly; holds hold --------------------------------------------------
def _feet_clearance(spec: ClipSpec, t: float) -> float:
    fig = figure_at(spec, t)
    return min(gap(spec, point, phase(spec, t)) for side in "rl"
               for point in foot_points(fig, side))


@pytest.mark.parametrize("drill_id", PLYOMETRIC)
def test_hops_leave_the_floor_and_land_with_bent_knees(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    times = [i / FPS for i in range(frame_count(spec))]
    flying = [t for t in times if _feet_clearance(spec, t) > FLIGHT]
    assert len(flying) >= 3, f"{drill_id}: no frames with both feet off the floor"
    lowest = min(times, key=lambda t: figure_at(spec, t).joints["pelvis"][1])
    pose = sample(spec.keys, lowest).pose
    bend = max(leg_angles(pose, side)[1] for side in "rl")
    assert bend >= LANDING_KNEE, (drill_id, lowest, bend)


def test_plyometric_drills_are_the_hopping_ones() -> None:
    assert {"mini-hops", "lateral-hops", "forward-skips", "line-drills"} <= set(PLYOMETRIC)


@pytest.mark.parametrize("drill_id", HOLDS)
def test_a_hold_is_held_still(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    assert spec.hold is not None, f"{drill_id} is a hold: say when its clip holds still"
    start, end = spec.hold
    assert end - start >= MIN_HOLD and 0 <= start < end <= spec.duration
    still = figure_at(spec, start)
    steps = max(2, round((end - start) * FPS))
    moved = max(_step(still, figure_at(spec, start + (end - start) * i / steps))
                for i in range(steps + 1))
    assert moved < STILL, (drill_id, round(moved, 3))


# --- A close-up shows the foot of the clip's side -------------------------------------------------
def apparent_side(fig: Figure, side: str, mirrored: bool) -> str:
    """Which foot the drawing of `side`'s foot looks like: the handedness of (heel to ball, big
    toe to little toe, sole to instep) in screen x, up and nearness, where a toe's nearness is
    its place in the painting order (painted last = seen in front)."""
    foot = fig.feet[side]
    depth = foot.outline_depth or {}
    order = toe_order(fig, side)
    sign = -1.0 if mirrored else 1.0

    def vec(a: tuple[float, float], b: tuple[float, float], da: float, db: float,
            ) -> tuple[float, float, float]:
        return (sign * (b[0] - a[0]), b[1] - a[1], db - da)

    along = vec(foot.outline["heel"], foot.outline["ball"], depth["heel"], depth["ball"])
    up = vec(foot.outline["ball"], foot.outline["ball_top"], depth["ball"], depth["ball_top"])
    rank = {toe: i for i, toe in enumerate(order)}
    big, little = foot.toes[0][0], foot.toes[4][0]
    span = max(abs(foot.toe_depth[0] - foot.toe_depth[4]), 1e-3)
    across = vec(big, little, 0.0, span * (1 if rank[4] > rank[0] else -1))
    det = (along[0] * (across[1] * up[2] - across[2] * up[1])
           - along[1] * (across[0] * up[2] - across[2] * up[0])
           + along[2] * (across[0] * up[1] - across[1] * up[0]))
    return "r" if det < 0 else "l"


def _close_ups() -> list[str]:
    return sorted(d for d, s in CLIPS.items()
                  if s.inset is not None or s.frame_on or s.pressure is not None)


@pytest.mark.parametrize("drill_id", _close_ups())
def test_close_up_shows_the_foot_of_the_clips_side(drill_id: str) -> None:
    spec = CLIPS[drill_id]
    if spec.pressure is not None:  # the footprint: a right foot from above, big toe left
        big, little = footprint.TOES[0], footprint.TOES[4]
        assert big[0] < little[0] and big[2] > little[2]
        assert footprint.SPOTS["big_toe"][0] < 0 < footprint.SPOTS["little_toes"][0]
    if spec.inset is None and not spec.frame_on:
        return
    view = spec.inset_view or spec.view
    t = spec.poster_time
    fig = figure_at(spec, t, view=view)
    if spec.inset is not None:  # the close-up is centred on the working (right) foot
        centre = spec.inset[0] + (fig.joints[spec.inset_on][0] if spec.inset_on else 0.0)
        right = fig.joints["r_ankle"][0]
        reach = Renderer(spec, "", "").panel.width() / 2 / spec.inset_scale
        assert abs(right - centre) < reach, (drill_id, right, centre)
    assert apparent_side(fig, "r", mirrored=False) == "r", drill_id
    assert apparent_side(fig, "r", mirrored=True) == "l", drill_id


def test_painting_the_big_toe_in_front_in_a_side_view_reads_as_a_left_foot() -> None:
    """The review's bug: a right foot seen from its outside with the big toe painted over the
    others looks like a left foot; painting by depth fixes it, and the check sees both."""
    spec = CLIPS["big-toe-raise-hold"]
    fig = figure_at(spec, spec.poster_time)
    assert fig.view == "side" and toe_order(fig, "r")[-1] == 4  # little toe nearest
    assert apparent_side(fig, "r", mirrored=False) == "r"
    foot = fig.feet["r"]
    swapped = type(foot)(foot.outline, foot.edges, foot.toes,
                         tuple(-d for d in foot.toe_depth), foot.outline_depth)
    wrong = Figure(fig.view, fig.joints, {**fig.feet, "r": swapped}, fig.near_side)
    assert apparent_side(wrong, "r", mirrored=False) == "l"
