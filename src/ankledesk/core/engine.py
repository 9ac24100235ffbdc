"""The workout engine: a pure state machine over a plan, driven by a clock passed in.

It never counts ticks. Each step stores when it started running and how much active time it had
before the last pause; every deadline is computed from those, and a step that ends on its own
hands its exact deadline to the next step as that step's start. However late or irregular the
polls, the schedule cannot drift. The Qt side only calls `poll(time.monotonic())` when
`next_wake()` says something is due, and renders `view(now)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ankledesk.core.plan import Plan, Step
from ankledesk.core.records import Outcome

EventKind = Literal[
    "step_started", "step_finished", "countdown", "halfway", "switch_sides", "rest",
    "round_done", "workout_done", "paused", "resumed", "rep",
]
State = Literal["ready", "running", "paused", "finished"]

COUNTDOWN_FROM = 3
HALFWAY_MIN_SECONDS = 10.0
# Less active time than this on a set that was cut short counts as skipped, not partial.
PARTIAL_MIN_SECONDS = 1.0


@dataclass(frozen=True)
class Event:
    """Something that happened at `at` (when it was due, on the engine's clock)."""

    kind: EventKind
    at: float
    step: Step
    count: int | None = None
    outcome: Outcome | None = None
    actual_seconds: float | None = None
    actual_reps: int | None = None


@dataclass(frozen=True)
class View:
    """Everything a screen needs to draw the workout at one instant."""

    state: State
    phase: str
    step: Step | None
    index: int
    total_steps: int
    round: int
    rounds: int
    item: int
    items: int
    remaining: float | None
    elapsed: float
    progress: float
    workout_elapsed: float
    workout_remaining: float
    next_step: Step | None
    rep: int | None = None  # paced reps: the rep under way, from 1
    rep_remaining: float | None = None  # paced reps: seconds left in that rep


class Engine:
    def __init__(self, plan: Plan) -> None:
        if not plan.steps:
            raise ValueError("a plan needs at least one step")
        self.plan = plan
        self.state: State = "ready"
        self.index = 0
        self._run_since: float | None = None  # when the current step last (re)started running
        self._elapsed_before = 0.0  # active seconds of the current step before _run_since
        self._duration: float | None = None  # countdown length incl. adjustments; None: open
        self._fired: set[str] = set()  # scheduled cues already emitted for the current step
        self._started_at: float | None = None
        self._paused_since: float | None = None
        self._paused_total = 0.0
        self._finished_at: float | None = None

    # -- reading the state ---------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    def _elapsed(self, now: float) -> float:
        running = now - self._run_since if self._run_since is not None else 0.0
        return self._elapsed_before + max(0.0, running)

    def _at(self, active: float) -> float:
        """The clock time at which the running step reaches `active` seconds of activity."""
        if self._run_since is None:
            raise RuntimeError("only a running step has a clock time for its cues")
        return self._run_since + (active - self._elapsed_before)

    def _schedule(self) -> list[tuple[float, str]]:
        """The current step's cue points as (active seconds, name), in order."""
        if self._duration is None:
            return []
        points: list[tuple[float, str]] = []
        step = self.step
        pace = step.rep_seconds if step.is_work and step.paced else None
        if pace is not None:
            # each rep's end ticks (the rep count is the rhythm, so no halfway tick)
            reps = step.target_reps or 0
            points += [(k * pace, f"rep:{k}") for k in range(1, reps + 1)
                       if k * pace <= self._duration]
        elif step.is_work and not step.counts_up and self._duration >= HALFWAY_MIN_SECONDS:
            points.append((self._duration / 2, "halfway"))
        for n in range(COUNTDOWN_FROM, 0, -1):
            if self._duration - n > 0:
                points.append((self._duration - n, f"countdown:{n}"))
        points.sort(key=lambda point: point[0])  # stable: a last rep ticks before the end
        points.append((self._duration, "end"))
        return points

    def next_wake(self, now: float) -> float | None:
        """When to poll next: the next cue or deadline, or the next whole second on screen."""
        if self.state != "running":
            return None
        elapsed = self._elapsed(now)
        pending = [a for a, name in self._schedule() if name not in self._fired and a > elapsed]
        if self._duration is not None:
            tick = self._duration - math.floor(self._duration - elapsed - 1e-9)
        else:
            tick = math.floor(elapsed + 1e-9) + 1.0
        return self._at(min([tick, *pending]))

    def _remaining_total(self, now: float) -> float:
        later = sum(s.estimate for s in self.plan.steps[self.index + 1:])
        if self._duration is not None:
            current = max(0.0, self._duration - self._elapsed(now))
        else:
            current = max(0.0, self.step.estimate - self._elapsed(now))
        return current + later

    def view(self, now: float) -> View:
        plan, step = self.plan, self.step
        finished = self.state == "finished"
        elapsed = 0.0 if finished else self._elapsed(now)
        remaining = None
        progress = 1.0 if finished else 0.0
        if not finished and self._duration is not None:
            remaining = max(0.0, self._duration - elapsed)
            progress = min(1.0, elapsed / self._duration) if self._duration > 0 else 1.0
        if self._started_at is None:
            workout_elapsed = 0.0
        else:
            end = self._finished_at if finished and self._finished_at is not None else now
            paused = self._paused_total + (
                now - self._paused_since if self._paused_since is not None else 0.0)
            workout_elapsed = max(0.0, end - self._started_at - paused)
        nxt = plan.steps[self.index + 1] if self.index + 1 < len(plan.steps) else None
        rep, rep_remaining = self._rep_at(elapsed) if not finished else (None, None)
        phase = "done" if finished else ("ready" if self.state == "ready" else step.kind)
        return View(
            state=self.state, phase=phase, step=step, index=self.index,
            total_steps=len(plan.steps), round=step.round, rounds=plan.routine.rounds,
            item=(step.item or 0) + 1, items=len(plan.routine.items),
            remaining=remaining, elapsed=elapsed, progress=progress,
            workout_elapsed=workout_elapsed,
            workout_remaining=0.0 if finished else self._remaining_total(now),
            next_step=None if finished else nxt, rep=rep, rep_remaining=rep_remaining,
        )

    def _rep_at(self, elapsed: float) -> tuple[int | None, float | None]:
        """The paced rep under way after `elapsed` active seconds and the seconds it has left."""
        step = self.step
        pace = step.rep_seconds if step.is_work and step.paced else None
        if pace is None or not step.target_reps:
            return None, None
        rep = min(step.target_reps, math.floor(elapsed / pace + 1e-9) + 1)
        left = rep * pace - elapsed
        if left <= 0 and self._duration is not None:  # lengthened with +: the extra time
            left = self._duration - elapsed
        return rep, max(0.0, left)

    def _reps_counted(self, active: float) -> int:
        """Paced reps finished after `active` seconds (the engine counts them, nobody types)."""
        step = self.step
        if step.rep_seconds is None:
            return 0
        return min(step.target_reps or 0, math.floor(active / step.rep_seconds + 1e-9))

    # -- transitions ---------------------------------------------------------------------

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        step = self.step
        self._run_since = at if self.state == "running" else None
        self._elapsed_before = 0.0
        self._duration = step.seconds
        self._fired = set()
        events = [Event("step_started", at, step)]
        previous = self.plan.steps[index - 1] if index > 0 else None
        if step.kind == "switch" or (
            step.kind == "work" and step.side == "right" and previous is not None
            and previous.kind == "work" and previous.side == "left"
        ):
            events.append(Event("switch_sides", at, step))
        elif step.kind == "rest":
            events.append(Event("rest", at, step))
        return events

    def _finish(self, at: float, outcome: Outcome, actual_reps: int | None = None) -> list[Event]:
        """End the current step at `at` and move on (or end the workout)."""
        step = self.step
        active = self._elapsed(at)
        if step.kind == "work" and step.paced:
            # the engine counted them: a set shortened with − ends with fewer, as partial
            actual_reps = self._reps_counted(active)
            if outcome == "done" and actual_reps < (step.target_reps or 0):
                outcome = "partial"
        elif step.kind == "work" and step.counts_up and outcome == "done" and actual_reps is None:
            actual_reps = step.target_reps
        events = [Event("step_finished", at, step, outcome=outcome, actual_seconds=active,
                        actual_reps=actual_reps if step.mode == "reps" else None)]
        if step.last_in_round:
            events.append(Event("round_done", at, step))
        if self.index + 1 < len(self.plan.steps):
            events.extend(self._enter(self.index + 1, at))
        else:
            self.state = "finished"
            self._finished_at = at
            if self._paused_since is not None:
                self._paused_total += at - self._paused_since
                self._paused_since = None
            self._run_since = None
            events.append(Event("workout_done", at, step))
        return events

    def _cut_short_outcome(self, now: float) -> Outcome:
        if self.step.counts_up:
            return "skipped"
        return "partial" if self._elapsed(now) >= PARTIAL_MIN_SECONDS else "skipped"

    # -- controls ------------------------------------------------------------------------

    def start(self, now: float, index: int = 0) -> list[Event]:
        """Begin at step `index` (0, or where a resumed session left off)."""
        if self.state != "ready":
            return []
        if not 0 <= index < len(self.plan.steps):
            raise ValueError(f"step {index} is outside the plan (0–{len(self.plan.steps) - 1})")
        self.state = "running"
        self._started_at = now
        return self._enter(index, now)

    def poll(self, now: float) -> list[Event]:
        """Emit every cue and step change due by `now`, each stamped with when it was due."""
        events: list[Event] = []
        while self.state == "running":
            elapsed = self._elapsed(now)
            due = [(a, n) for a, n in self._schedule() if n not in self._fired and a <= elapsed]
            if not due:
                break
            for active, name in due:
                at = self._at(active)
                if name == "end":
                    events.extend(self._finish(at, "done"))
                    break
                self._fired.add(name)
                if name == "halfway":
                    events.append(Event("halfway", at, self.step))
                elif name.startswith("rep:"):
                    events.append(Event("rep", at, self.step, count=int(name.split(":")[1])))
                else:
                    events.append(Event("countdown", at, self.step, count=int(name.split(":")[1])))
        return events

    def pause(self, now: float) -> list[Event]:
        events = self.poll(now)
        if self.state != "running":
            return events
        self._elapsed_before = self._elapsed(now)
        self._run_since = None
        self._paused_since = now
        self.state = "paused"
        return [*events, Event("paused", now, self.step)]

    def resume(self, now: float) -> list[Event]:
        if self.state != "paused" or self._paused_since is None:
            return []
        self._paused_total += now - self._paused_since
        self._paused_since = None
        self._run_since = now
        self.state = "running"
        return [Event("resumed", now, self.step)]

    def next(self, now: float) -> list[Event]:
        """Skip ahead: the current step ends now as partial or skipped."""
        events = self.poll(now)
        if self.state not in ("running", "paused"):
            return events
        return events + self._finish(now, self._cut_short_outcome(now))

    def complete(self, now: float, reps: int | None = None) -> list[Event]:
        """*Done* on a reps set (with the reps actually done); elsewhere the same as next."""
        events = self.poll(now)
        if self.state not in ("running", "paused"):
            return events
        step = self.step
        if not (step.is_work and step.counts_up):
            return events + self._finish(now, self._cut_short_outcome(now))
        target = step.target_reps or 0
        done = target if reps is None else max(0, int(reps))
        outcome: Outcome = "done" if done >= target else (
            "partial" if done > 0 else "skipped")
        return events + self._finish(now, outcome, actual_reps=done)

    def previous(self, now: float) -> list[Event]:
        """Go back one step and run it again from its start; the current step is discarded."""
        events = self.poll(now)
        if self.state not in ("running", "paused"):
            return events
        return events + self._enter(max(0, self.index - 1), now)

    def adjust(self, now: float, delta: float) -> list[Event]:
        """Lengthen or shorten the current countdown; shortening past now ends the step now."""
        events = self.poll(now)
        if self.state not in ("running", "paused") or self._duration is None:
            return events
        elapsed = self._elapsed(now)
        self._duration = max(elapsed, self._duration + delta)
        # Cues already behind us under the new length count as fired (no burst of 3-2-1);
        # cues ahead fire again, except a halfway tick, which never repeats.
        self._fired = {n for a, n in self._schedule() if n != "end" and (
            a <= elapsed or (n == "halfway" and n in self._fired))}
        return events + self.poll(now)
