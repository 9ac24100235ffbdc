"""One AnkleDesk recording workouts, for the shared-history stress test: a real process that
uses SessionStore exactly as `ankledesk simulate` does (open the folder, begin, journal every
set the engine finishes, finish, close), a tiny routine on a virtual clock.

    python -m tests.store.shared_writer DATA_DIR

Each round it gets everything up to the finish ready, prints `ready`, waits for `go` on stdin
(the test says go to both writers at once), finishes, and prints `saved <id>` only once the
finish has returned, or `refused <the error>`. `stop` ends it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ankledesk.commands.autopilot import drive
from ankledesk.core.engine import Engine
from ankledesk.core.model import Drill, Routine, RoutineItem
from ankledesk.core.plan import expand
from ankledesk.errors import UserError
from ankledesk.store.documents import WallClock
from ankledesk.store.session_store import SessionStore

_DRILL = Drill(id="toe-hold", name="Toe Hold", category="strength", mode="timed", seconds=1,
               reps=None, sides="one", cues=())
ROUTINE = Routine(id="tiny", name="Tiny", items=(RoutineItem("toe-hold", "timed", 1, None,
                                                             "one"),),
                  rounds=1, rest_between_rounds=0, rest_between_drills=0, prepare=0,
                  side_switch=0, drills={"toe-hold": _DRILL})


def main(data_dir: Path) -> int:
    for line in iter(sys.stdin.readline, ""):
        if line.strip() == "stop":
            return 0
        with SessionStore.open(data_dir) as store:
            active = store.begin(ROUTINE, WallClock.now(0.0))
            ended = 0.0
            for events in drive(Engine(expand(ROUTINE)), speed=1e6):
                for event in events:
                    if event.kind == "step_finished" and event.step.is_work:
                        active.record(event)
                    elif event.kind == "workout_done":
                        ended = event.at
            print("ready", flush=True)
            if sys.stdin.readline().strip() != "go":
                return 1
            try:
                doc = active.finish(at=ended)
            except UserError as exc:
                print(f"refused {exc}", flush=True)
                continue
            print(f"saved {doc['id']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
