"""The documentation stands alone: every module is named in docs/ARCHITECTURE.md, and nothing in
the repository points at a file outside it (the design notes are docs/design.md)."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "ankledesk"
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
# The architecture page's sections, one per package of the app: `**core/**` … up to the next.
SECTION = re.compile(r"^\*\*(\w+)/\*\*", re.MULTILINE)


def _sections(text: str) -> dict[str, str]:
    found = list(SECTION.finditer(text))
    return {m.group(1): text[m.start():found[i + 1].start() if i + 1 < len(found) else
                             text.index("\n## ", m.start())]
            for i, m in enumerate(found)}


def _unnamed_modules(text: str) -> list[str]:
    """Modules the page does not name: a top-level module as `ankledesk.name`; one inside a
    package by its file name in that package's section, as many times as the package has
    files of that name (ui/build/screen.py and ui/workout/screen.py are two)."""
    sections = _sections(text)
    missing = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name != "__init__.py" and not re.search(rf"ankledesk\.{path.stem}\b", text):
            missing.append(str(path.relative_to(PACKAGE)))
    for package in sorted(p.parent for p in PACKAGE.glob("*/__init__.py")):
        section = sections.get(package.name, "")
        names = Counter(p.name for p in package.rglob("*.py") if p.name != "__init__.py")
        for path in sorted(package.rglob("*.py")):
            if path.name == "__init__.py":
                continue
            if len(re.findall(rf"(?<![\w.]){re.escape(path.name)}", section)) < names[path.name]:
                missing.append(str(path.relative_to(PACKAGE)))
    return missing


def test_architecture_names_every_module():
    assert _unnamed_modules(ARCHITECTURE.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_module_the_page_leaves_out():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert _unnamed_modules(text.replace("`loader.py`", "`the loader`")) == ["core/loader.py"]


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    files = []
    for name in filter(None, listed):
        path = ROOT / name
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" not in data[:4096]:
            files.append(path)
    return files


def test_nothing_points_outside_the_repository():
    design_notes = {p.name for p in (ROOT / "docs").glob("*.md")}
    outside = re.compile(r"\.\./shared|shared/[A-Z]+\.md|\b(DESIGN|UI|DRILLS)\.md\b")
    found = []
    for path in _tracked_text_files():
        if path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in outside.finditer(line):
                if match.group(0) not in design_notes:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert found == []


def test_every_link_in_the_documentation_leads_to_a_file_of_the_repository():
    link = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
    broken = []
    for path in _tracked_text_files():
        if path.suffix != ".md":
            continue
        for target in link.findall(path.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            resolved = (path.parent / target).resolve()
            if not resolved.exists() or not resolved.is_relative_to(ROOT):
                broken.append(f"{path.relative_to(ROOT)}: {target}")
    assert broken == []
