"""The launcher files: a valid .desktop entry and the icon at every size it names."""

from __future__ import annotations

import configparser
import shutil
import subprocess

from PySide6.QtGui import QImage

from tests.conftest import ROOT

RESOURCES = ROOT / "resources"


def test_desktop_entry_has_what_a_menu_needs():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(RESOURCES / "ankledesk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "AnkleDesk"
    assert section["Exec"] == "ankledesk-gui"
    assert section["Icon"] == "ankledesk"
    assert section["Terminal"] == "false"


def test_icons_exist_at_their_sizes():
    assert (RESOURCES / "icons" / "ankledesk.svg").read_text(encoding="utf-8").startswith("<svg")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(RESOURCES / "icons" / f"ankledesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_make_desktop_entry_installs_into_the_folders_given(tmp_path):
    apps, icons = tmp_path / "apps", tmp_path / "icons"
    make = shutil.which("make")
    assert make
    result = subprocess.run([make, "-s", "desktop-entry", f"APPS={apps}", f"ICONS={icons}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    installed = (apps / "ankledesk.desktop").read_text(encoding="utf-8")
    assert f"Exec={ROOT / '.venv' / 'bin' / 'ankledesk-gui'}" in installed
    assert (icons / "48x48" / "apps" / "ankledesk.png").is_file()
    assert (icons / "scalable" / "apps" / "ankledesk.svg").is_file()
