"""One run through a practice: which step is on, how long is left, pauses, skips and the end.

Plain Python on the injected clock's monotonic seconds; the player window only shows ``view()``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from reconnect.core.clock import Clock
from reconnect.core.practices import Practice, Step

# Monotonic seconds are floats summed many times over; a step whose time is up by all but a
# rounding error is up, so a 30 s step never shows "31" or lingers for one more tick.
_EPSILON = 1e-6


class RunState(StrEnum):
    """Where a run stands."""

    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # the last step's time ran out, or the person skipped past it
    STOPPED = "stopped"  # the person ended it early


@dataclass(frozen=True)
class StepStarted:
    """A step began; ``index`` counts from 0. The first step starts with the run, unannounced."""

    index: int


@dataclass(frozen=True)
class Finished:
    """The last step is over."""


RunEvent = StepStarted | Finished


@dataclass(frozen=True)
class RunView:
    """Everything the player window shows, computed on demand.

    Attributes:
        step_index: the current step, from 0; the last one once the run has finished.
        next_step: the step after this one, or None on the last.
        step_remaining: whole seconds left in the step, rounded up: 30 at the start of a
            30 s step, 1 in its last second, never 0 while running or paused.
        step_fraction: 0..1 through this step.
        total_fraction: 0..1 through the whole practice, by seconds; skipped steps count as done.
        practised_seconds: time actually spent practising; pauses are left out.
    """

    state: RunState
    step_index: int
    step_count: int
    step: Step
    next_step: Step | None
    step_remaining: int
    step_fraction: float
    total_fraction: float
    practised_seconds: float


class PracticeRun:
    """A practice being done now, step by step, on the clock's monotonic seconds.

    The run starts RUNNING at step 0 when created. Its state follows from the time alone:
    every public method first catches up with the clock, and the steps that began (or the
    end) while nobody was asking are kept as events until ``tick`` or ``next_step`` hands
    them out, so none is ever lost, however late the caller comes.

    A suspended machine stops the monotonic clock, so sleep doesn't count as practice.

    Args:
        practice: the practice to run; it needs at least one step.
        clock: where the seconds come from.

    Raises:
        ValueError: the practice has no steps.
    """

    MIN_SECONDS_FOR_CHECKIN = 20

    def __init__(self, practice: Practice, clock: Clock) -> None:
        if not practice.steps:
            raise ValueError(f"practice {practice.id!r} has no steps to run")
        self.practice = practice
        self._clock = clock
        self._origin = clock.monotonic()
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._ended_at: float | None = None  # practised seconds when it finished or stopped
        self._state = RunState.RUNNING
        self._index = 0
        self._step_start = 0.0  # practised seconds when the current step began
        self._pending: list[RunEvent] = []

    @property
    def state(self) -> RunState:
        self._catch_up()
        return self._state

    def view(self) -> RunView:
        """What the window shows now."""
        self._catch_up()
        steps = self.practice.steps
        step = steps[self._index]
        elapsed = min(max(self._practised() - self._step_start, 0.0), float(step.seconds))
        if self._state is RunState.FINISHED:
            elapsed = float(step.seconds)
        left = math.ceil(step.seconds - elapsed - _EPSILON)
        live = self._state in (RunState.RUNNING, RunState.PAUSED)
        remaining = max(1 if live else 0, left)
        step_fraction = elapsed / step.seconds if step.seconds > 0 else 1.0
        total = self.practice.seconds
        done = sum(s.seconds for s in steps[: self._index]) + elapsed
        total_fraction = min(done / total, 1.0) if total > 0 else 1.0
        if self._state is RunState.FINISHED:
            total_fraction = 1.0
        return RunView(
            state=self._state,
            step_index=self._index,
            step_count=len(steps),
            step=step,
            next_step=steps[self._index + 1] if self._index + 1 < len(steps) else None,
            step_remaining=remaining,
            step_fraction=step_fraction,
            total_fraction=total_fraction,
            practised_seconds=self._practised(),
        )

    def tick(self) -> list[RunEvent]:
        """Move on to the steps whose time has come.

        Returns:
            In order, a ``StepStarted`` for each step that began since the last call and
            ``Finished`` if the practice ended; empty most of the time.
        """
        self._catch_up()
        return self._drain()

    def pause(self) -> None:
        """Hold the countdown; does nothing unless running."""
        self._catch_up()
        if self._state is RunState.RUNNING:
            self._paused_at = self._clock.monotonic()
            self._state = RunState.PAUSED

    def resume(self) -> None:
        """Carry on from where the pause began; does nothing unless paused."""
        if self._state is RunState.PAUSED and self._paused_at is not None:
            self._paused_total += self._clock.monotonic() - self._paused_at
            self._paused_at = None
            self._state = RunState.RUNNING

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused (the Space key)."""
        if self.state is RunState.PAUSED:
            self.resume()
        else:
            self.pause()

    def next_step(self) -> list[RunEvent]:
        """Go to the next step now; after the last one the practice is finished.

        A paused run stays paused on the new step.

        Returns:
            The events not yet handed out, then ``StepStarted`` or ``Finished`` for this move;
            empty when the run is already over.
        """
        self._catch_up()
        if self._state in (RunState.RUNNING, RunState.PAUSED):
            self._advance(self._practised())
        return self._drain()

    def stop(self) -> None:
        """End the run early (the Esc key). A run whose time already ran out stays finished."""
        self._catch_up()
        if self._state in (RunState.RUNNING, RunState.PAUSED):
            self._ended_at = self._practised()
            self._state = RunState.STOPPED

    def wants_checkin(self) -> bool:
        """True when the check-in should follow: finished, or stopped after 20 s of practice."""
        state = self.state
        if state is RunState.FINISHED:
            return True
        return state is RunState.STOPPED and self._practised() >= self.MIN_SECONDS_FOR_CHECKIN

    def _practised(self) -> float:
        if self._ended_at is not None:
            return self._ended_at
        now = self._paused_at if self._paused_at is not None else self._clock.monotonic()
        return now - self._origin - self._paused_total

    def _catch_up(self) -> None:
        if self._state is not RunState.RUNNING:
            return  # a paused run's time stands still; an ended one has no time left
        practised = self._practised()
        while self._state is RunState.RUNNING:
            end = self._step_start + self.practice.steps[self._index].seconds
            if practised < end - _EPSILON:
                break
            # The next step starts when this one was due to end, not when we noticed,
            # so a late tick doesn't stretch the practice.
            self._advance(end)

    def _advance(self, at: float) -> None:
        if self._index + 1 < len(self.practice.steps):
            self._index += 1
            self._step_start = at
            self._pending.append(StepStarted(self._index))
        else:
            self._ended_at = at
            self._paused_at = None
            self._state = RunState.FINISHED
            self._pending.append(Finished())

    def _drain(self) -> list[RunEvent]:
        events, self._pending = self._pending, []
        return events
