"""A practice run on a fake clock: countdowns, steps, pauses, skips, stop and the check-in."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reconnect.core.clock import FakeClock
from reconnect.core.practice_run import (
    Finished,
    PracticeRun,
    RunState,
    StepStarted,
)
from reconnect.core.practices import Practice, Step, StepKind
from reconnect.core.vocabulary import Place

PRACTICE = Practice(
    "three-steps",
    "Three steps",
    "A settling step, a walk, a closing step.",
    ("touch",),
    Place.DESK,
    (
        Step("Settle in.", 30),
        Step("Step outside.", 60, StepKind.AWAY),
        Step("Come back.", 10),
    ),
)


def wait(clock: FakeClock, seconds: float) -> None:
    clock.advance(timedelta(seconds=seconds))


def ticks(run: PracticeRun, clock: FakeClock, seconds: float, every: float = 0.2) -> list[object]:
    """Tick like the window does, every ``every`` seconds, and collect what happened."""
    events: list[object] = []
    for _ in range(round(seconds / every)):
        wait(clock, every)
        events.extend(run.tick())
    return events


@pytest.fixture
def run(clock: FakeClock) -> PracticeRun:
    return PracticeRun(PRACTICE, clock)


def test_it_starts_running_on_the_first_step_with_its_full_countdown(run: PracticeRun) -> None:
    view = run.view()
    assert view.state is RunState.RUNNING
    assert (view.step_index, view.step_count) == (0, 3)
    assert view.step.text == "Settle in."
    assert view.next_step is not None and view.next_step.text == "Step outside."
    assert view.step_remaining == 30
    assert (view.step_fraction, view.total_fraction, view.practised_seconds) == (0.0, 0.0, 0.0)
    assert run.tick() == []


def test_the_countdown_rounds_up_and_never_shows_zero(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 0.1)
    assert run.view().step_remaining == 30
    wait(clock, 0.9)
    assert run.view().step_remaining == 29
    wait(clock, 28.5)  # 29.5 s in: the last second
    assert run.view().step_remaining == 1
    wait(clock, 0.5)  # exactly 30 s: the next step has begun
    assert run.tick() == [StepStarted(1)]
    view = run.view()
    assert (view.step_index, view.step_remaining, view.step_fraction) == (1, 60, 0.0)


def test_fractions_follow_the_seconds(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 15)
    view = run.view()
    assert view.step_fraction == pytest.approx(0.5)
    assert view.total_fraction == pytest.approx(15 / 100)
    wait(clock, 45)
    run.tick()
    view = run.view()
    assert view.step_fraction == pytest.approx(0.5)
    assert view.total_fraction == pytest.approx(60 / 100)
    assert view.practised_seconds == pytest.approx(60)


def test_ticking_every_200_ms_goes_through_each_step_on_time(
    run: PracticeRun, clock: FakeClock
) -> None:
    seen: list[tuple[float, object]] = []
    for n in range(1, 520):
        wait(clock, 0.2)
        seen.extend((round(n * 0.2, 1), event) for event in run.tick())
    assert seen == [(30.0, StepStarted(1)), (90.0, StepStarted(2)), (100.0, Finished())]
    view = run.view()
    assert view.state is RunState.FINISHED
    assert (view.step_index, view.step_remaining, view.next_step) == (2, 0, None)
    assert (view.step_fraction, view.total_fraction) == (1.0, 1.0)
    # Time after the end isn't practice.
    assert view.practised_seconds == pytest.approx(100)
    assert run.tick() == []


def test_a_late_tick_hands_out_every_event_in_order(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 95)
    assert run.tick() == [StepStarted(1), StepStarted(2)]
    assert run.view().step_remaining == 5
    wait(clock, 3600)
    assert run.tick() == [Finished()]
    assert run.view().practised_seconds == pytest.approx(100)


def test_a_late_tick_does_not_stretch_the_next_step(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 31.5)  # the window was busy; the walk began at 30 s, not now
    assert run.tick() == [StepStarted(1)]
    assert run.view().step_remaining == 59  # 58.5 left, rounded up


def test_the_view_is_never_stale_and_keeps_the_events_for_tick(
    run: PracticeRun, clock: FakeClock
) -> None:
    wait(clock, 30)
    assert run.view().step_index == 1
    assert run.tick() == [StepStarted(1)]


def test_a_pause_holds_the_countdown_and_is_not_practice(
    run: PracticeRun, clock: FakeClock
) -> None:
    wait(clock, 10)
    run.pause()
    wait(clock, 300)
    view = run.view()
    assert view.state is RunState.PAUSED
    assert (view.step_index, view.step_remaining) == (0, 20)
    assert view.practised_seconds == pytest.approx(10)
    assert run.tick() == []
    run.resume()
    assert run.view().state is RunState.RUNNING
    wait(clock, 19.8)
    assert run.tick() == []
    assert run.view().step_remaining == 1
    wait(clock, 0.2)
    assert run.tick() == [StepStarted(1)]
    assert run.view().practised_seconds == pytest.approx(30)


def test_toggle_pause_is_the_space_key(run: PracticeRun, clock: FakeClock) -> None:
    run.toggle_pause()
    assert run.view().state is RunState.PAUSED
    run.toggle_pause()
    assert run.view().state is RunState.RUNNING


def test_pause_and_resume_are_harmless_twice(run: PracticeRun, clock: FakeClock) -> None:
    run.resume()
    wait(clock, 5)
    run.pause()
    wait(clock, 5)
    run.pause()  # a second pause must not restart the pause
    wait(clock, 5)
    run.resume()
    run.resume()
    wait(clock, 5)
    assert run.view().practised_seconds == pytest.approx(10)


def test_pausing_after_the_time_ran_out_moves_on_first(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 32)
    run.pause()
    view = run.view()
    assert (view.state, view.step_index, view.step_remaining) == (RunState.PAUSED, 1, 58)
    assert run.tick() == [StepStarted(1)]


def test_next_step_jumps_now_and_the_new_step_gets_its_full_time(
    run: PracticeRun, clock: FakeClock
) -> None:
    wait(clock, 12)
    assert run.next_step() == [StepStarted(1)]
    view = run.view()
    assert (view.step_index, view.step_remaining) == (1, 60)
    # The skipped 18 seconds count as done in the overall progress.
    assert view.total_fraction == pytest.approx(30 / 100)
    assert view.practised_seconds == pytest.approx(12)
    wait(clock, 60)
    assert run.tick() == [StepStarted(2)]


def test_next_step_on_the_last_step_finishes(run: PracticeRun, clock: FakeClock) -> None:
    assert run.next_step() == [StepStarted(1)]
    assert run.next_step() == [StepStarted(2)]
    wait(clock, 4)
    assert run.next_step() == [Finished()]
    assert run.view().state is RunState.FINISHED
    assert run.next_step() == []
    assert run.tick() == []


def test_next_step_while_paused_stays_paused(run: PracticeRun, clock: FakeClock) -> None:
    run.pause()
    assert run.next_step() == [StepStarted(1)]
    wait(clock, 100)
    view = run.view()
    assert (view.state, view.step_index, view.step_remaining) == (RunState.PAUSED, 1, 60)


def test_next_step_first_hands_out_what_the_clock_already_did(
    run: PracticeRun, clock: FakeClock
) -> None:
    wait(clock, 31)
    assert run.next_step() == [StepStarted(1), StepStarted(2)]


def test_stop_freezes_the_run(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 40)
    run.stop()
    wait(clock, 100)
    view = run.view()
    assert view.state is RunState.STOPPED
    assert (view.step_index, view.step_remaining) == (1, 50)
    assert view.practised_seconds == pytest.approx(40)
    assert run.tick() == [StepStarted(1)]
    assert run.tick() == []
    assert run.next_step() == []
    run.resume()
    assert run.view().state is RunState.STOPPED


def test_stop_after_the_time_ran_out_leaves_it_finished(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 100)
    run.stop()
    assert run.view().state is RunState.FINISHED
    assert run.wants_checkin()


def test_the_check_in_follows_the_end(run: PracticeRun, clock: FakeClock) -> None:
    assert not run.wants_checkin()
    ticks(run, clock, 100)
    assert run.view().state is RunState.FINISHED
    assert run.wants_checkin()


@pytest.mark.parametrize(("seconds", "wanted"), [(19.8, False), (20.0, True), (45, True)])
def test_the_check_in_follows_a_stop_after_twenty_seconds_of_practice(
    clock: FakeClock, seconds: float, wanted: bool
) -> None:
    run = PracticeRun(PRACTICE, clock)
    wait(clock, seconds)
    run.stop()
    assert run.wants_checkin() is wanted


def test_paused_time_does_not_earn_the_check_in(run: PracticeRun, clock: FakeClock) -> None:
    wait(clock, 10)
    run.pause()
    wait(clock, 600)
    run.stop()
    assert not run.wants_checkin()


def test_a_skipped_practice_finished_early_still_wants_the_check_in(
    run: PracticeRun, clock: FakeClock
) -> None:
    run.next_step()
    run.next_step()
    run.next_step()
    assert run.wants_checkin()


def test_a_practice_without_steps_is_refused(clock: FakeClock) -> None:
    empty = Practice("empty", "Empty", "", ("touch",), Place.DESK, ())
    with pytest.raises(ValueError, match="no steps"):
        PracticeRun(empty, clock)
