"""Frames -> H.264 .mp4 through PyAV, reproducibly.

PyAV is the optional `clips` extra: only whoever re-renders media/ needs it, so it is imported
here, inside the function, and the app itself never loads it. One encoder thread and bit-exact
muxing (no creation time, no library version strings) make the same frames give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QImage

from ankledesk.errors import UserError

INSTALL_HINT = "PyAV is needed to render clips: pip install 'ankledesk[clips]'"
CRF = 23  # flat shapes compress well: crisp edges and still every clip far under 400 KB


def rgba_bytes(image: QImage) -> bytes:
    """Tightly packed RGBA rows (4-byte pixels never need row padding), as PyAV takes them."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return bytes(rgba.constBits())[: rgba.width() * 4 * rgba.height()]


def require_av() -> None:
    """Fail early, with the install command, when the optional PyAV is missing."""
    try:
        import av  # noqa: F401
    except ImportError as exc:
        raise UserError(INSTALL_HINT) from exc


def encode(frames: Iterable[QImage], path: Path, fps: int) -> int:
    """Write `frames` as a yuv420p H.264 mp4 at `fps`; returns how many frames were written."""
    require_av()
    import av

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with av.open(str(tmp), mode="w", format="mp4",
                 options={"fflags": "+bitexact", "movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.pix_fmt = "yuv420p"
        stream.codec_context.thread_count = 1
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        stream.options = {"crf": str(CRF), "preset": "slow", "tune": "animation",
                          "x264-params": f"keyint={fps * 2}:threads=1"}
        for image in frames:
            if count == 0:
                stream.width, stream.height = image.width(), image.height()
            frame = av.VideoFrame.from_bytes(rgba_bytes(image), image.width(), image.height(),
                                             format="rgba")
            frame.pts = count
            for packet in stream.encode(frame):
                container.mux(packet)
            count += 1
        for packet in stream.encode():
            container.mux(packet)
    tmp.replace(path)
    return count
