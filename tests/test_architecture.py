"""The layer rules of docs/design.md, enforced: every module has a layer, layers point down, and
core, store and report never import Qt or VLC."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [{name.strip() for name in layer.split("|")} for layer in contract["layers"]]


def test_every_module_of_the_package_has_a_layer():
    package = ROOT / "src" / "ankledesk"
    top = {f"ankledesk.{p.stem}" for p in package.glob("*.py") if p.name != "__init__.py"}
    top |= {f"ankledesk.{p.parent.name}" for p in package.glob("*/__init__.py")}
    placed = set().union(*_layers())
    assert top - placed == set(), "place these in the layers contract (pyproject.toml)"
    assert placed - top == set(), "the layers contract names modules that do not exist"


def test_the_gui_and_the_commands_are_independent_siblings_under_the_cli():
    layers = _layers()
    assert layers.index({"ankledesk.cli"}) + 1 == layers.index(
        {"ankledesk.ui", "ankledesk.commands"})
    assert layers[-1] == {"ankledesk.core"}
