"""The loader's problems, said in the circuit builder's words.

The loader writes for a file: `items[2].cap: give a cap or rep_seconds, not both (got 90)`,
naming the file's keys and quoting what it found, which is what someone editing the TOML
needs. Beside a field of the Build screen the where is the field itself and what was found is
in it, so the same problem reads better as what to do. Problems with no wording here keep the
loader's (its one line is still right, only less friendly), and `ankledesk routines import`
and the other commands keep the loader's words as they are.
"""

from __future__ import annotations

import re

from ankledesk.core.problems import Problem

_RANGE = re.compile(r"expected whole (?P<unit>\w+) (?P<low>\d+)–(?P<high>\d+)")

_SAID_AS = {
    ("name", "expected non-empty text"): "Give the circuit a name",
    (None, "expected non-empty text"): "Can't be left empty",
    (None, "give a cap or rep_seconds, not both"):
        "Clear the cap or the rep length: a paced set has no cap",
    (None, "a routine needs at least one [[items]] table"): "Add at least one drill to the circuit",
}


def in_form_words(problem: Problem) -> str:
    said = _SAID_AS.get((problem.field, problem.message)) or _SAID_AS.get(
        (None, problem.message))
    if said is not None:
        return said
    found = _RANGE.fullmatch(problem.message)
    if found is not None:
        return f"From {found['low']} to {found['high']} {found['unit']}"
    return problem.detail
