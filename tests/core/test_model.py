"""The plain data's derived text: one dosage wording for a drill and a routine's item."""

from __future__ import annotations

import pytest

from ankledesk.core.model import RoutineItem, dosage_text
from tests.core.factories import drill, item


@pytest.mark.parametrize(("mode", "amount", "sides", "text"), [
    ("hold", 45, "each", "45 s each side"),
    ("timed", 30, "one", "30 s"),
    ("reps", 12, "one", "12 reps"),
    ("reps", 6, "each", "6 reps each side"),
])
def test_a_drill_and_its_item_write_the_dosage_alike(mode: str, amount: int, sides: str,
                                                    text: str) -> None:
    d = drill("toe-hold", mode, amount, sides)
    assert d.dosage == item(d).dosage() == text
    assert dosage_text(d.mode, d.seconds, d.reps, d.sides) == text


def test_an_item_writes_its_own_prescription_not_the_drills() -> None:
    d = drill("toe-hold", "hold", 45, "each")
    assert item(d, amount=60, sides="one").dosage() == "60 s"
    assert RoutineItem("heel-raise", "reps", None, 8, "each", cap=40).dosage() == (
        "8 reps each side")
