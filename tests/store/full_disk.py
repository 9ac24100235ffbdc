"""A folder whose writes really fail: a tiny tmpfs mounted on it and filled to the last byte.

The kernel then refuses every write in it with ENOSPC, exactly as a full disk does; nothing in
our process is patched. Mounting needs root (CAP_SYS_ADMIN); without it the folder is made
unwritable instead (EACCES; root ignores permissions, so that is only the fallback for a user
who cannot mount).
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

SIZE = "64k"


def _mount_tmpfs(folder: Path) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    return done.returncode == 0


def _fill(folder: Path) -> None:
    """Write into `folder` until the kernel says there is no space left."""
    with open(folder / "filler.bin", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc


def free(folder: Path) -> None:
    """Undo `full_folder` early (the space is freed: writes work again)."""
    if os.path.ismount(folder):
        subprocess.run(["umount", "-l", str(folder)], check=True)
    else:
        folder.chmod(0o755)


@contextlib.contextmanager
def full_folder(folder: Path) -> Iterator[str]:
    """`folder` (created if need be) full while inside; yields how: "ENOSPC" or "EACCES"."""
    folder.mkdir(parents=True, exist_ok=True)
    if _mount_tmpfs(folder):
        how = "ENOSPC"
        _fill(folder)
    else:
        assert os.geteuid() != 0, "root that cannot mount a tmpfs: no way to fail a write"
        folder.chmod(0o555)
        how = "EACCES"
    try:
        yield how
    finally:
        free(folder)
