"""The self-check: signs of limited ankle mobility or weak foot control, and what addresses them.

Article 004 lists the signs (heels lifting early in squats, trouble balancing on one leg, a
stiff short stride, …); which built-in programs address each is data, `routines/self-check.toml`,
so a coach can change the advice without touching code. The History and Today screens show the
signs as a checklist and `ankledesk suggest` prints the same suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ankledesk.core.loader import ID_PATTERN, TomlReader, read_toml
from ankledesk.core.model import Routine
from ankledesk.core.problems import Problem

SELF_CHECK_FILE = "self-check.toml"


@dataclass(frozen=True)
class Sign:
    """One sign a runner can tick, and the programs (routine ids) that address it."""

    id: str
    text: str
    why: str
    programs: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """A program suggested by the ticked signs, with the signs it addresses (in check order)."""

    routine_id: str
    name: str
    signs: tuple[Sign, ...]


def _sign(table: object, n: int, path: Path, routines: Mapping[str, Routine] | None,
          problems: list[Problem]) -> Sign | None:
    where = f"signs[{n}]"
    if not isinstance(table, dict):
        problems.append(Problem(path, where, "expected a table with id, text and programs"))
        return None
    sign_id, text, why = table.get("id"), table.get("text"), table.get("why", "")
    programs = table.get("programs")
    before = len(problems)
    if not isinstance(sign_id, str) or not ID_PATTERN.fullmatch(sign_id):
        problems.append(Problem(path, f"{where}.id",
                                "expected lowercase letters, digits and hyphens", sign_id))
    if not isinstance(text, str) or not text.strip():
        problems.append(Problem(path, f"{where}.text", "expected the sign in words", text))
    if not isinstance(why, str):
        problems.append(Problem(path, f"{where}.why", "expected text", why))
    if (not isinstance(programs, list) or not programs
            or not all(isinstance(p, str) for p in programs)):
        problems.append(Problem(path, f"{where}.programs",
                                "expected a list of one or more routine ids", programs))
    elif routines is not None:
        for k, rid in enumerate(programs):
            if rid not in routines:
                problems.append(Problem(path, f"{where}.programs[{k + 1}]",
                                        "no routine has this id", rid))
    if len(problems) > before:
        return None
    assert isinstance(sign_id, str) and isinstance(text, str) and isinstance(programs, list)
    return Sign(sign_id, text.strip(), str(why).strip(), tuple(programs))


def load_self_check(path: Path, routines: Mapping[str, Routine] | None = None,
                    read: TomlReader = read_toml) -> tuple[list[Sign], list[Problem]]:
    """The signs in `path`, in file order, and one Problem per mistake (a bad sign is left out,
    the others load). With `routines`, every program named must be one of them."""
    data = read(path)
    if isinstance(data, Problem):
        return [], [data]
    tables = data.get("signs")
    if not isinstance(tables, list) or not tables:
        return [], [Problem(path, "signs", "expected one or more [[signs]] tables")]
    problems: list[Problem] = []
    signs: list[Sign] = []
    for n, table in enumerate(tables, start=1):
        sign = _sign(table, n, path, routines, problems)
        if sign is None:
            continue
        if any(s.id == sign.id for s in signs):
            problems.append(Problem(path, f"signs[{n}].id", "used by an earlier sign", sign.id))
            continue
        signs.append(sign)
    return signs, problems


def suggestions(signs: Iterable[Sign], ticked: Iterable[str],
                routines: Mapping[str, Routine]) -> list[Suggestion]:
    """The programs that address the ticked signs: those addressing most of them first, then in
    the order the check names them. Programs missing from `routines` are left out."""
    wanted = set(ticked)
    chosen = [s for s in signs if s.id in wanted]
    found: dict[str, list[Sign]] = {}
    order: dict[str, tuple[int, int]] = {}
    for n, sign in enumerate(chosen):
        for rank, rid in enumerate(sign.programs):
            if rid not in routines:
                continue
            found.setdefault(rid, []).append(sign)
            order.setdefault(rid, (rank, n))
    ranked = sorted(found, key=lambda rid: (-len(found[rid]), order[rid]))
    return [Suggestion(rid, routines[rid].name, tuple(found[rid])) for rid in ranked]
