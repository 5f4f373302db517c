"""RECONNECT_TEST_SPEED: every duration of the rhythm and the player runs N times faster."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.break_planner import BreakPlanner, Wakeup
from reconnect.core.break_policy import Rhythm, WorkingHours
from reconnect.core.clock import FakeClock
from reconnect.core.errors import InputError
from reconnect.core.pace import SPEED_VARIABLE, Pace
from reconnect.core.practice_run import PracticeRun, RunState
from reconnect.core.practices import Place, Practice, Step

BERLIN = ZoneInfo("Europe/Berlin")
ALL_DAY = Rhythm(week=(WorkingHours(time(0), time(23, 59)),) * 7, interval=timedelta(minutes=10))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 16, 12, 0, tzinfo=BERLIN))


def test_without_the_variable_time_is_real() -> None:
    assert Pace.from_environ({}) == Pace(1)
    assert Pace.from_environ({SPEED_VARIABLE: " 60 "}) == Pace(60)


@pytest.mark.parametrize("text", ["0", "-3", "fast", "1.5", "٣"])
def test_a_bad_speed_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(InputError) as refused:
        Pace.from_environ({SPEED_VARIABLE: text})
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("RECONNECT_TEST_SPEED must be a whole number of 1 or more")
    assert repr(text) in message


def test_the_rhythm_runs_faster_but_working_hours_stay(clock: FakeClock) -> None:
    fast = Pace(60).rhythm(ALL_DAY)
    assert fast.interval == timedelta(seconds=10)
    assert (fast.quiet_start, fast.quiet_end, fast.grace) == (
        timedelta(seconds=15),
        timedelta(seconds=10),
        timedelta(seconds=5),
    )
    assert fast.week == ALL_DAY.week
    assert Pace(1).rhythm(ALL_DAY) is ALL_DAY


def test_at_speed_60_breaks_snoozes_and_pauses_come_in_seconds(clock: FakeClock) -> None:
    planner = BreakPlanner(ALL_DAY, random.Random(1), clock.now(), pace=Pace(60))
    first = planner.next_wakeup(clock.now())
    assert first == clock.now() + timedelta(seconds=5)  # overdue since 00:00: a grace of 5 s
    clock.advance(timedelta(seconds=5))
    assert planner.on_wakeup(clock.now()) is Wakeup.PROMPT
    planner.skip_next(clock.now())
    assert planner.next_wakeup(clock.now()) == clock.now() + timedelta(seconds=10)
    clock.advance(timedelta(seconds=10))
    assert planner.on_wakeup(clock.now()) is Wakeup.PROMPT
    planner.snooze(clock.now(), 5)
    assert planner.next_wakeup(clock.now()) == clock.now() + timedelta(seconds=5)
    planner.pause_for(clock.now(), timedelta(minutes=30))
    assert planner.status(clock.now()).paused_until == clock.now() + timedelta(seconds=30)


def test_the_rhythms_checks_come_every_30_seconds_or_every_30_over_the_speed() -> None:
    assert Pace().poll_milliseconds() == 30_000
    assert Pace(60).poll_milliseconds() == 500, "a call's end is noticed within half a second"


def test_new_settings_keep_the_pace(clock: FakeClock) -> None:
    planner = BreakPlanner(ALL_DAY, random.Random(1), clock.now(), pace=Pace(60))
    planner.set_rhythm(Rhythm(week=ALL_DAY.week, interval=timedelta(minutes=30)), clock.now())
    assert planner.rhythm.interval == timedelta(seconds=30)


def test_a_practice_step_runs_faster_and_counts_in_practice_seconds(clock: FakeClock) -> None:
    practice = Practice(
        "two-steps", "Two steps", "", ("touch",), Place.DESK, (Step("One", 30), Step("Two", 30))
    )
    run = PracticeRun(practice, Pace(10).practice_clock(clock))
    clock.advance(timedelta(seconds=3))
    assert run.view().step_index == 1
    clock.advance(timedelta(seconds=3))
    assert run.state is RunState.FINISHED
    assert run.view().practised_seconds == pytest.approx(60)
    assert Pace(10).practice_clock(clock).now() == clock.now()  # the date and time stay real
