"""The table of settings (core/settings.py) is the one place a settings.ini key is written."""

from __future__ import annotations

from ankledesk.core import settings
from tests.conftest import ROOT

TABLE = ROOT / "src" / "ankledesk" / "core" / "settings.py"


def test_no_other_module_writes_a_settings_key():
    keys = {s.key for s in settings.SETTINGS}
    found = []
    for module in sorted((ROOT / "src" / "ankledesk").rglob("*.py")):
        if module == TABLE:
            continue
        text = module.read_text(encoding="utf-8")
        found += [f"{module.relative_to(ROOT)}: {key}" for key in sorted(keys)
                  if f'"{key}"' in text or f"'{key}'" in text]
    assert found == []


def test_every_row_is_named_once_and_keyed_once():
    names = [s.name for s in settings.SETTINGS]
    keys = [s.key for s in settings.SETTINGS]
    assert len(set(names)) == len(names) and len(set(keys)) == len(keys)


def test_each_default_is_a_value_the_row_accepts():
    for setting in settings.SETTINGS:
        assert setting.read(setting.default) == setting.default
        assert setting.stored(setting.default) == setting.default
