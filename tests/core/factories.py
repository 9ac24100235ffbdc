"""Small routines built in code, so engine and plan tests state exactly what they run."""

from __future__ import annotations

from ankledesk.core.model import Drill, Routine, RoutineItem


def drill(drill_id: str, mode: str = "hold", amount: int = 45, sides: str = "one") -> Drill:
    return Drill(
        id=drill_id, name=drill_id.replace("-", " ").title(), category="strength", mode=mode,
        seconds=None if mode == "reps" else amount, reps=amount if mode == "reps" else None,
        sides=sides, cues=("cue one", "cue two"),
    )


def item(d: Drill, amount: int | None = None, sides: str | None = None,
         cap: int | None = None) -> RoutineItem:
    if d.mode == "reps":
        return RoutineItem(d.id, "reps", None, amount or d.reps, sides or d.sides, cap)
    return RoutineItem(d.id, d.mode, amount or d.seconds, None, sides or d.sides)


def routine(*pairs: tuple[Drill, RoutineItem], rounds: int = 2, rest_rounds: int = 60,
            rest_drills: int = 0, prepare: int = 10, side_switch: int = 5) -> Routine:
    return Routine(
        id="test-circuit", name="Test circuit", items=tuple(i for _, i in pairs), rounds=rounds,
        rest_between_rounds=rest_rounds, rest_between_drills=rest_drills, prepare=prepare,
        side_switch=side_switch, drills={d.id: d for d, _ in pairs},
    )


def simple(**kw) -> Routine:
    """Hold 45 s each side, then 10 reps, then a 30 s timed set: every step kind at once."""
    hold = drill("toe-hold", "hold", 45, "each")
    reps = drill("heel-raise", "reps", 10)
    timed = drill("ankle-rocks", "timed", 30)
    return routine((hold, item(hold)), (reps, item(reps)), (timed, item(timed)), **kw)
