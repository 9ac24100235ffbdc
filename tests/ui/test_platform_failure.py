"""A window that cannot open says why in one line and exits 1 (Qt aborted with exit 134 and a
paragraph blaming its plugin, with no word from us).

The missing library is made missing for real: the app runs in a mount namespace of its own
where an overlay hides libxcb-cursor.so.0 (a whiteout over the library's folder), so the
dynamic loader fails exactly as on a machine without libxcb-cursor0.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from ankledesk.ui.platform_failure import debian_package, failure_line
from tests.conftest import ROOT

LIBRARY = "libxcb-cursor.so.0"


def library_folder(soname: str) -> Path:
    """The folder the loader takes `soname` from on this machine (ldconfig's cache)."""
    listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True,
                             check=True).stdout
    for line in listing.splitlines():
        entry, _, target = line.strip().partition(" => ")
        if entry.split(" ")[0] == soname and target:
            return Path(target).resolve().parent
    raise AssertionError(f"{soname} is not installed here: the suite's set-up installs it")


def run_window(data_dir: Path, env: dict[str, str], shell_first: str = ""
               ) -> subprocess.CompletedProcess[str]:
    """The window, to its first paint; `shell_first`: what a root shell does before it, in a
    mount namespace of the window's own."""
    command = [sys.executable, "-m", "ankledesk", "--data-dir", str(data_dir),
               "--exit-after-paint"]
    if shell_first:
        command = ["unshare", "-m", "sh", "-c",
                   shell_first + " ".join(shlex.quote(word) for word in command)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60,
                          cwd=ROOT)


def test_without_libxcb_cursor_one_line_names_the_package(tmp_path, data_dir):
    lower = library_folder(LIBRARY)
    upper, work = tmp_path / "upper", tmp_path / "work"
    upper.mkdir()
    work.mkdir()
    os.mknod(upper / LIBRARY, 0o600 | 0o020000, os.makedev(0, 0))  # an overlay whiteout
    hide = (f"mount -t overlay overlay -o lowerdir={lower},upperdir={upper},workdir={work} "
            f"{lower} && exec ")
    result = run_window(data_dir, dict(os.environ), hide)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "ankledesk: the window cannot open: Qt's xcb plugin needs libxcb-cursor.so.0, which "
        "is not installed (on Debian or Ubuntu: sudo apt install libxcb-cursor0)."]
    assert "painted" not in result.stdout
    assert not (data_dir / "ankledesk.lock").exists()
    log = (data_dir / "logs" / "ankledesk.log").read_text("utf-8")
    assert "xcb-cursor0" in log  # Qt's own words are kept for whoever reads the log


@pytest.mark.parametrize(("display", "expected"), [
    ("", "DISPLAY is not set"),
    (":97", "no X server answers on DISPLAY=:97"),
])
def test_without_a_display_one_line_says_so_and_offers_the_demo(data_dir, display, expected):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    if display:
        env["DISPLAY"] = display
    result = run_window(data_dir, env)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ankledesk: the window needs a display")
    assert expected in lines[0] and "ankledesk demo" in lines[0]
    assert "Aborted" not in result.stderr and "xcb-cursor" not in result.stderr


def test_a_normal_start_still_paints(data_dir):
    result = run_window(data_dir, dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["painted"]


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libEGL.so.1", "libegl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libfontconfig.so.1.12.0", "libfontconfig1"),
])
def test_the_package_follows_debians_library_naming(soname, package):
    assert debian_package(soname) == package


def test_an_unknown_plugin_is_named_with_qts_reason():
    line = failure_line(['Could not find the Qt platform plugin "bogus" in ""'],
                        {"QT_QPA_PLATFORM": "bogus"}, lambda plugin: None)
    assert line == ('the window cannot open: Qt could not start its "bogus" platform plugin '
                    '(Could not find the Qt platform plugin "bogus" in "")')
