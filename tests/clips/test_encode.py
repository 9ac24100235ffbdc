"""Encoding: a real H.264 mp4 that PyAV reads back at the right size, rate and length."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av

from ankledesk.clips.catalogue import clip_items
from ankledesk.clips.encode import encode
from ankledesk.clips.render import FPS, Renderer, frame_count

DRILL = "ankle-rocks"


def _render(path: Path) -> int:
    (spec, name, caption), = clip_items([DRILL])
    return encode(Renderer(spec, name, caption).frames(FPS), path, FPS)


def _frames(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [bytes(f.to_rgb().planes[0]) for f in container.decode(video=0)]


def test_clip_decodes_with_size_rate_and_frame_count(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    written = _render(path)
    (spec, _, _), = clip_items([DRILL])
    assert written == frame_count(spec)
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.width, stream.height) == (1280, 720)
        assert stream.average_rate == FPS
        decoded = list(container.decode(video=0))
    assert len(decoded) == written
    assert path.stat().st_size < 400 * 1024


def _difference(a: bytes, b: bytes) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def test_clip_loops_and_is_byte_identical(tmp_path: Path) -> None:
    one, two = tmp_path / "one.mp4", tmp_path / "two.mp4"
    _render(one)
    _render(two)
    assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(two.read_bytes()).digest()
    frames = _frames(one)
    (spec, _, _), = clip_items([DRILL])
    seam = _difference(frames[-1], frames[0])
    poster = _difference(frames[round(spec.poster_time * FPS)], frames[0])
    assert seam < 1.0  # last frame flows into the first...
    assert poster > 3 * seam  # ...while the clip in between really moves
