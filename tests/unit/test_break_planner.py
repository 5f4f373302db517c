"""The break planner: each tray action on a fake clock, sleep and clock jumps, and the tooltip."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.break_planner import BreakPlanner, Mode, Status, Wakeup
from reconnect.core.break_policy import Rhythm, WorkingHours
from reconnect.core.clock import FakeClock
from tests.unit.conftest import local, wall

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MIN = timedelta(minutes=1)
DEFAULT = Rhythm.default()  # Monday to Friday 09:00-17:30, every 60 minutes, no randomness

# 2026-06-16 is a Tuesday; 2026-06-19 a Friday; 2026-06-22 a Monday.


def planner_at(
    clock: FakeClock, last: datetime | None = None, rhythm: Rhythm = DEFAULT
) -> BreakPlanner:
    return BreakPlanner(rhythm, random.Random(1), clock.now(), last)


def next_break(planner: BreakPlanner, clock: FakeClock) -> str:
    return wall(planner.status(clock.now()).next_break_at)


def wake_at_planned_time(planner: BreakPlanner, clock: FakeClock) -> Wakeup:
    """Move the clock to the armed time, as the app's timer does, and fire."""
    armed = planner.next_wakeup(clock.now())
    assert armed is not None
    clock.advance(armed.astimezone(UTC) - clock.now().astimezone(UTC))
    return planner.on_wakeup(clock.now())


@pytest.fixture
def clock() -> FakeClock:
    """A Tuesday morning in Berlin, just after work began."""
    return FakeClock(local("2026-06-16 09:05"))


# -- Planning and prompting ------------------------------------------------------------------------


def test_the_first_break_is_planned_at_start(clock: FakeClock) -> None:
    planner = planner_at(clock)
    status = planner.status(clock.now())
    assert status.mode is Mode.ACTIVE
    assert wall(status.next_break_at) == "Tue 2026-06-16 10:00 +0200"
    assert planner.next_wakeup(clock.now()) == status.next_break_at


def test_the_last_break_end_given_at_start_counts(clock: FakeClock) -> None:
    clock.advance(25 * MIN)  # 09:30
    planner = planner_at(clock, last=local("2026-06-16 09:20"))
    assert next_break(planner, clock) == "Tue 2026-06-16 10:20 +0200"


def test_a_wakeup_at_the_planned_time_prompts_once(clock: FakeClock) -> None:
    planner = planner_at(clock)
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    clock.advance(3 * MIN)
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    status = planner.status(clock.now())
    assert status.mode is Mode.DUE
    assert wall(status.due_since) == "Tue 2026-06-16 10:00 +0200"
    assert status.next_break_at is None
    assert planner.next_wakeup(clock.now()) is None


def test_an_early_wakeup_does_nothing(clock: FakeClock) -> None:
    planner = planner_at(clock)
    clock.advance(50 * MIN)  # 09:55
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    assert next_break(planner, clock) == "Tue 2026-06-16 10:00 +0200"


def test_after_a_practice_the_next_break_is_an_interval_later(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    clock.advance(1 * MIN)
    planner.started(clock.now())
    status = planner.status(clock.now())
    assert (status.mode, status.next_break_at, planner.next_wakeup(clock.now())) == (
        Mode.ACTIVE,
        None,
        None,
    )
    assert planner.describe(clock.now()) == "A break is under way"
    clock.advance(6 * MIN)  # 10:07
    planner.finished(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 11:07 +0200"
    assert planner.last_break_end == clock.now()


def test_a_practice_from_the_tray_before_the_break_moves_it(clock: FakeClock) -> None:
    planner = planner_at(clock)
    clock.advance(25 * MIN)  # 09:30
    planner.started(clock.now())
    assert planner.on_wakeup(local("2026-06-16 10:00")) is Wakeup.NOTHING
    clock.advance(5 * MIN)
    planner.finished(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 10:35 +0200"


# -- Snooze ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "expected"), [(5, "10:05"), (10, "10:10"), (20, "10:20")])
def test_a_snooze_brings_the_break_back_after_exactly_that_long(
    clock: FakeClock, minutes: int, expected: str
) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    planner.snooze(clock.now(), minutes)
    assert next_break(planner, clock) == f"Tue 2026-06-16 {expected} +0200"
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert clock.now().strftime("%H:%M") == expected


def test_a_snooze_past_the_last_break_time_waits_for_the_next_working_day() -> None:
    clock = FakeClock(local("2026-06-16 17:05"))
    planner = planner_at(clock, last=local("2026-06-16 16:12"))
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT  # 17:12
    planner.snooze(clock.now(), 5)  # 17:17 still fits before 17:20
    assert next_break(planner, clock) == "Tue 2026-06-16 17:17 +0200"
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    planner.snooze(clock.now(), 10)  # 17:27 is in the quiet end
    assert next_break(planner, clock) == "Wed 2026-06-17 10:00 +0200"


def test_a_late_snooze_on_friday_moves_to_monday() -> None:
    clock = FakeClock(local("2026-06-19 17:15"))
    planner = planner_at(clock, last=local("2026-06-19 16:15"))
    planner.snooze(clock.now(), 20)
    assert next_break(planner, clock) == "Mon 2026-06-22 10:00 +0200"


@pytest.mark.parametrize("minutes", [0, -5, 121])
def test_a_snooze_lasts_one_to_120_minutes(clock: FakeClock, minutes: int) -> None:
    planner = planner_at(clock)
    with pytest.raises(ValueError, match=f"1 to 120 minutes, not {minutes}"):
        planner.snooze(clock.now(), minutes)


def test_resume_during_a_snooze_plans_from_the_last_break_but_not_in_the_past() -> None:
    clock = FakeClock(local("2026-06-16 10:30"))
    planner = planner_at(clock, last=local("2026-06-16 10:00"))
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT  # 11:00
    planner.snooze(clock.now(), 20)
    clock.advance(5 * MIN)  # 11:05: the interval from 10:00 has passed, so a grace period
    planner.resume(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 11:10 +0200"


# -- Skip and missed -------------------------------------------------------------------------------


def test_skipping_the_planned_break_plans_an_interval_after_it(clock: FakeClock) -> None:
    planner = planner_at(clock)
    clock.advance(25 * MIN)  # 09:30; the break is at 10:00
    planner.skip_next(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 11:00 +0200"
    assert wall(planner.last_break_end) == "Tue 2026-06-16 10:00 +0200"
    assert planner.on_wakeup(local("2026-06-16 10:00")) is Wakeup.NOTHING


def test_skipping_a_due_break_plans_an_interval_from_now(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    clock.advance(2 * MIN)
    planner.skip_next(clock.now())
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert next_break(planner, clock) == "Tue 2026-06-16 11:02 +0200"


def test_skipping_tomorrows_first_break_plans_an_interval_after_it() -> None:
    clock = FakeClock(local("2026-06-16 18:00"))
    planner = planner_at(clock)
    assert next_break(planner, clock) == "Wed 2026-06-17 10:00 +0200"
    planner.skip_next(clock.now())
    assert next_break(planner, clock) == "Wed 2026-06-17 11:00 +0200"


def test_a_missed_prompt_is_treated_like_a_skip(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    clock.advance(10 * MIN)
    planner.missed(clock.now())
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert next_break(planner, clock) == "Tue 2026-06-16 11:10 +0200"


def test_missed_without_a_prompt_changes_nothing(clock: FakeClock) -> None:
    planner = planner_at(clock)
    planner.missed(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 10:00 +0200"


# -- Pause and resume ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "until", "then"),
    [
        (timedelta(minutes=30), "10:10", "10:30"),  # an interval after the 09:30 break
        (timedelta(hours=1), "10:40", "10:45"),  # the interval passed: a grace period after
        (timedelta(hours=2), "11:40", "11:45"),
    ],
)
def test_a_pause_holds_every_prompt_and_plans_from_its_end(
    length: timedelta, until: str, then: str
) -> None:
    clock = FakeClock(local("2026-06-16 09:40"))
    planner = planner_at(clock, last=local("2026-06-16 09:30"))
    planner.pause_for(clock.now(), length)

    status = planner.status(clock.now())
    assert status.mode is Mode.PAUSED
    assert wall(status.paused_until) == f"Tue 2026-06-16 {until} +0200"
    assert wall(status.next_break_at) == f"Tue 2026-06-16 {then} +0200"
    assert planner.describe(clock.now()) == f"Paused until {until}"
    assert planner.next_wakeup(clock.now()) == status.paused_until
    # The break that was planned for 10:30 does not come during the pause.
    assert planner.on_wakeup(local("2026-06-16 10:09")) is Wakeup.NOTHING

    assert wake_at_planned_time(planner, clock) is Wakeup.NOTHING  # the pause ends
    status = planner.status(clock.now())
    assert status.mode is Mode.ACTIVE
    assert wall(status.next_break_at) == f"Tue 2026-06-16 {then} +0200"
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT


def test_a_pause_until_tomorrow_on_friday_lasts_until_monday() -> None:
    clock = FakeClock(local("2026-06-19 11:00"))
    planner = planner_at(clock)
    planner.pause_until_tomorrow(clock.now())
    status = planner.status(clock.now())
    assert wall(status.paused_until) == "Mon 2026-06-22 09:00 +0200"
    assert wall(status.next_break_at) == "Mon 2026-06-22 10:00 +0200"
    assert planner.describe(clock.now()) == "Paused until Monday 09:00"
    clock.advance(timedelta(days=1))  # Saturday
    assert planner.describe(clock.now()) == "Paused until Monday 09:00"
    clock.advance(timedelta(days=1))  # Sunday
    assert planner.describe(clock.now()) == "Paused until tomorrow 09:00"
    assert wake_at_planned_time(planner, clock) is Wakeup.NOTHING
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert next_break(planner, clock) == "Mon 2026-06-22 10:00 +0200"


def test_a_pause_until_tomorrow_on_tuesday_evening_ends_on_wednesday() -> None:
    clock = FakeClock(local("2026-06-16 20:00"))
    planner = planner_at(clock)
    planner.pause_until_tomorrow(clock.now())
    assert planner.describe(clock.now()) == "Paused until tomorrow 09:00"


def test_a_pause_needs_a_future_end_and_working_days_for_tomorrow(clock: FakeClock) -> None:
    planner = planner_at(clock)
    with pytest.raises(ValueError, match="after now"):
        planner.pause(clock.now(), clock.now())
    with pytest.raises(ValueError, match="more than 0 minutes"):
        planner.pause_for(clock.now(), timedelta(0))
    idle = BreakPlanner(Rhythm(week=(None,) * 7), random.Random(1), clock.now())
    with pytest.raises(ValueError, match="No working hours are set"):
        idle.pause_until_tomorrow(clock.now())


def test_a_pause_closes_a_due_prompt_and_overrides_a_snooze(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)  # 10:00, due
    planner.pause_for(clock.now(), timedelta(minutes=30))
    assert planner.status(clock.now()).mode is Mode.PAUSED
    planner.snooze(clock.now(), 5)  # the pause stays
    assert planner.status(clock.now()).mode is Mode.PAUSED
    assert planner.on_wakeup(local("2026-06-16 10:05")) is Wakeup.NOTHING


def test_resume_ends_a_pause_and_plans_from_now(clock: FakeClock) -> None:
    planner = planner_at(clock)
    planner.pause_for(clock.now(), timedelta(hours=2))
    clock.advance(85 * MIN)  # 10:30: the 10:00 break was held back; it comes after a grace
    planner.resume(clock.now())
    status = planner.status(clock.now())
    assert (status.mode, status.paused_until) == (Mode.ACTIVE, None)
    assert wall(status.next_break_at) == "Tue 2026-06-16 10:35 +0200"
    assert planner.next_wakeup(clock.now()) == status.next_break_at


# -- Away and back ---------------------------------------------------------------------------------


def test_a_break_waits_while_the_person_is_away_and_coming_back_counts_as_it(
    clock: FakeClock,
) -> None:
    planner = planner_at(clock)
    clock.advance(45 * MIN)  # 09:50
    planner.away(clock.now(), since=local("2026-06-16 09:45"))
    assert wake_at_planned_time(planner, clock) is Wakeup.NOTHING  # 10:00
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    assert planner.next_wakeup(clock.now()) is None
    clock.advance(30 * MIN)  # 10:30
    assert planner.back(clock.now()) is True
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert next_break(planner, clock) == "Tue 2026-06-16 11:30 +0200"
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING


def test_a_short_absence_is_a_natural_break_without_dropping_anything(clock: FakeClock) -> None:
    planner = planner_at(clock)
    clock.advance(15 * MIN)  # 09:20
    planner.away(clock.now(), since=local("2026-06-16 09:10"))
    clock.advance(10 * MIN)  # 09:30
    assert planner.back(clock.now()) is False
    assert next_break(planner, clock) == "Tue 2026-06-16 10:30 +0200"


def test_back_without_being_away_changes_nothing(clock: FakeClock) -> None:
    planner = planner_at(clock)
    assert planner.back(clock.now()) is False
    assert next_break(planner, clock) == "Tue 2026-06-16 10:00 +0200"


def test_going_away_while_prompted_drops_the_prompt_on_return(clock: FakeClock) -> None:
    planner = planner_at(clock)
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    clock.advance(5 * MIN)
    planner.away(clock.now(), since=local("2026-06-16 09:58"))
    clock.advance(20 * MIN)  # 10:25
    assert planner.back(clock.now()) is True
    assert next_break(planner, clock) == "Tue 2026-06-16 11:25 +0200"


def test_away_since_a_future_time_is_refused(clock: FakeClock) -> None:
    planner = planner_at(clock)
    with pytest.raises(ValueError, match="after now"):
        planner.away(clock.now(), since=clock.now() + MIN)


# -- Sleep and clock changes -----------------------------------------------------------------------


def test_a_wakeup_eight_hours_late_does_not_prompt_and_plans_once() -> None:
    clock = FakeClock(local("2026-06-16 09:55"))
    planner = planner_at(clock)
    clock.suspend(timedelta(hours=8))  # the timer fires on resume, at 17:55
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    status = planner.status(clock.now())
    assert status.mode is Mode.OUTSIDE_HOURS
    assert wall(status.next_break_at) == "Wed 2026-06-17 10:00 +0200"
    assert planner.next_wakeup(clock.now()) == status.next_break_at
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING
    assert next_break(planner, clock) == "Wed 2026-06-17 10:00 +0200"


@pytest.mark.parametrize(("late", "answer"), [(5 * MIN, Wakeup.PROMPT), (6 * MIN, Wakeup.NOTHING)])
def test_a_wakeup_up_to_five_minutes_late_still_prompts(
    clock: FakeClock, late: timedelta, answer: Wakeup
) -> None:
    planner = planner_at(clock)
    clock.advance(55 * MIN + late)
    assert planner.on_wakeup(clock.now()) is answer
    if answer is Wakeup.NOTHING:
        # Replanned from now: the interval has passed, so a grace period after now.
        assert next_break(planner, clock) == "Tue 2026-06-16 10:11 +0200"


def test_replan_after_resume_keeps_the_last_break_and_closes_the_prompt(clock: FakeClock) -> None:
    planner = planner_at(clock, last=local("2026-06-16 09:04"))
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT  # 10:04
    clock.suspend(timedelta(minutes=30))
    planner.replan(clock.now())
    status = planner.status(clock.now())
    assert status.mode is Mode.ACTIVE
    assert wall(status.next_break_at) == "Tue 2026-06-16 10:39 +0200"
    assert wall(planner.last_break_end) == "Tue 2026-06-16 09:04 +0200"


def test_replan_keeps_a_snooze_that_still_lies_ahead(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    planner.snooze(clock.now(), 20)
    clock.suspend(5 * MIN)
    planner.replan(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 10:20 +0200"


def test_a_clock_stepped_back_an_hour_gives_a_future_plan_and_no_second_prompt(
    clock: FakeClock,
) -> None:
    planner = planner_at(clock)
    prompts = [wake_at_planned_time(planner, clock)]  # 10:00
    clock.advance(MIN)
    clock.jump_wall(-timedelta(hours=1))  # 09:01
    prompts.append(planner.on_wakeup(clock.now()))  # the app checks again: still the same one
    planner.replan(clock.now())
    next_at = planner.next_wakeup(clock.now())
    assert next_at is not None
    assert next_at.astimezone(UTC) > clock.now().astimezone(UTC)
    prompts.append(planner.on_wakeup(clock.now()))
    assert prompts == [Wakeup.PROMPT, Wakeup.NOTHING, Wakeup.NOTHING]


def test_a_clock_stepped_back_after_a_practice_keeps_the_plan_ahead(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    planner.started(clock.now())
    clock.advance(5 * MIN)
    planner.finished(clock.now())  # 10:05, next at 11:05
    clock.jump_wall(-timedelta(hours=1))  # 09:05
    planner.replan(clock.now())
    assert next_break(planner, clock) == "Tue 2026-06-16 11:05 +0200"
    assert planner.on_wakeup(clock.now()) is Wakeup.NOTHING


# -- Daylight saving -------------------------------------------------------------------------------
# Plain datetimes here: each step is taken in real (UTC) time, as a real clock moves.

NIGHT_SUNDAYS = Rhythm(week=(None,) * 6 + (WorkingHours(time(0, 30), time(5, 0)),))


def later(moment: datetime, delta: timedelta) -> datetime:
    """``delta`` of real time after ``moment``, read on the same zone's wall clock."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


@pytest.mark.parametrize(
    ("zone", "day", "planned"),
    [
        # One real hour after 01:30, the clocks have sprung forward: 03:30 summer time.
        (BERLIN, "2026-03-29", "03:30 +0200"),
        (NEW_YORK, "2026-03-08", "03:30 -0400"),
    ],
)
def test_a_spring_change_between_planning_and_wakeup(
    zone: ZoneInfo, day: str, planned: str
) -> None:
    now = local(f"{day} 01:35", zone)
    planner = BreakPlanner(NIGHT_SUNDAYS, random.Random(1), now, local(f"{day} 01:30", zone))
    assert planner.describe(now) == f"Next break at {planned[:5]}, in 55 min"
    assert planner.on_wakeup(later(now, 54 * MIN)) is Wakeup.NOTHING
    wakeup = later(now, 55 * MIN)
    assert wakeup.strftime("%H:%M %z") == planned
    assert planner.next_wakeup(now) == wakeup
    assert planner.on_wakeup(wakeup) is Wakeup.PROMPT


@pytest.mark.parametrize(
    ("zone", "day", "hour", "summer", "winter"),
    [
        # The repeated hour: 02:xx in Berlin, 01:xx in New York.
        (BERLIN, "2026-10-25", 2, "+0200", "+0100"),
        (NEW_YORK, "2026-11-01", 1, "-0400", "-0500"),
    ],
)
def test_an_autumn_change_between_planning_and_wakeup(
    zone: ZoneInfo, day: str, hour: int, summer: str, winter: str
) -> None:
    now = local(f"{day} {hour:02}:35", zone)
    assert now.strftime("%z") == summer
    planner = BreakPlanner(NIGHT_SUNDAYS, random.Random(1), now, local(f"{day} {hour:02}:30", zone))
    planned = planner.next_wakeup(now)
    assert planned is not None
    assert planned.strftime("%H:%M %z") == f"{hour:02}:30 {winter}"
    assert planner.describe(now) == f"Next break at {hour:02}:30, in 55 min"
    # Half an hour later the wall clock reads an earlier time than the break: still not due.
    assert later(now, 30 * MIN).strftime("%H:%M %z") == f"{hour:02}:05 {winter}"
    assert planner.on_wakeup(later(now, 30 * MIN)) is Wakeup.NOTHING
    assert planner.on_wakeup(later(now, 54 * MIN)) is Wakeup.NOTHING
    assert planner.on_wakeup(later(now, 55 * MIN)) is Wakeup.PROMPT
    assert planner.on_wakeup(later(now, 56 * MIN)) is Wakeup.NOTHING


@pytest.mark.parametrize(
    ("zone", "friday", "monday"),
    [
        (BERLIN, "2026-03-27", "Mon 2026-03-30 10:00 +0200"),
        (BERLIN, "2026-10-23", "Mon 2026-10-26 10:00 +0100"),
        (NEW_YORK, "2026-03-06", "Mon 2026-03-09 10:00 -0400"),
        (NEW_YORK, "2026-10-30", "Mon 2026-11-02 10:00 -0500"),
    ],
)
def test_a_weekend_with_a_clock_change_between_planning_and_wakeup(
    zone: ZoneInfo, friday: str, monday: str
) -> None:
    now = local(f"{friday} 17:25", zone)
    planner = BreakPlanner(DEFAULT, random.Random(1), now, local(f"{friday} 16:30", zone))
    assert wall(planner.next_wakeup(now)) == monday
    assert planner.describe(now) == "Next break on Monday at 10:00"
    evening = later(now, 10 * MIN)
    assert planner.describe(evening) == "Outside working hours until Monday 09:00"
    # Woken at Monday's wall time, the one-hour shift does not make the wakeup look late.
    assert planner.on_wakeup(later(local(monday[4:20], zone), -MIN)) is Wakeup.NOTHING
    assert planner.on_wakeup(local(monday[4:20], zone)) is Wakeup.PROMPT


# -- Settings --------------------------------------------------------------------------------------


def test_a_new_interval_changes_the_next_break_at_once() -> None:
    clock = FakeClock(local("2026-06-16 10:05"))
    planner = planner_at(clock, last=local("2026-06-16 10:00"))
    assert next_break(planner, clock) == "Tue 2026-06-16 11:00 +0200"
    planner.set_rhythm(Rhythm(interval=timedelta(minutes=30)), clock.now())
    assert planner.rhythm.interval == timedelta(minutes=30)
    assert next_break(planner, clock) == "Tue 2026-06-16 10:30 +0200"


def test_new_settings_keep_a_pause(clock: FakeClock) -> None:
    planner = planner_at(clock)
    planner.pause_for(clock.now(), timedelta(hours=1))  # until 10:05
    planner.set_rhythm(Rhythm(interval=timedelta(minutes=90)), clock.now())
    status = planner.status(clock.now())
    assert status.mode is Mode.PAUSED
    assert wall(status.next_break_at) == "Tue 2026-06-16 10:30 +0200"


def test_randomness_comes_from_the_injected_source() -> None:
    rhythm = Rhythm(randomness=timedelta(minutes=10))
    now, last = local("2026-06-16 10:05"), local("2026-06-16 10:00")
    plans = [
        BreakPlanner(rhythm, random.Random(seed), now, last).status(now).next_break_at
        for seed in (5, 5, 6)
    ]
    assert plans[0] == plans[1] != plans[2]
    for plan in plans:
        assert plan is not None
        assert local("2026-06-16 10:50") <= plan <= local("2026-06-16 11:10")


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        BreakPlanner(DEFAULT, random.Random(1), datetime(2026, 6, 16, 9, 5))


# -- Status and tooltip ----------------------------------------------------------------------------


def test_the_status_as_iso_strings(clock: FakeClock) -> None:
    planner = planner_at(clock)
    assert planner.status(clock.now()).to_dict() == {
        "state": "active",
        "next_break_at": "2026-06-16T10:00:00+02:00",
        "paused_until": None,
        "due_since": None,
        "opens_at": None,
    }
    planner.pause_for(clock.now(), timedelta(minutes=30))
    assert planner.status(clock.now()).to_dict()["paused_until"] == "2026-06-16T09:35:00+02:00"
    assert planner.status(clock.now()).to_dict()["state"] == "paused"
    evening = FakeClock(local("2026-06-16 19:00", NEW_YORK))
    assert planner_at(evening).status(evening.now()).to_dict() == {
        "state": "outside_hours",
        "next_break_at": "2026-06-17T10:00:00-04:00",
        "paused_until": None,
        "due_since": None,
        "opens_at": "2026-06-17T09:00:00-04:00",
    }


def test_a_due_status_as_iso_strings(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    assert (
        Status(Mode.DUE, due_since=clock.now()).to_dict() == planner.status(clock.now()).to_dict()
    )
    assert planner.status(clock.now()).to_dict()["due_since"] == "2026-06-16T10:00:00+02:00"


@pytest.mark.parametrize(
    ("now", "last", "text"),
    [
        ("2026-06-16 13:57", "2026-06-16 13:20", "Next break at 14:20, in 23 min"),
        ("2026-06-16 13:56:30", "2026-06-16 13:20", "Next break at 14:20, in 24 min"),
        ("2026-06-16 13:15", "2026-06-16 13:20", "Next break at 14:20, in 1 h 5 min"),
        ("2026-06-16 13:20", "2026-06-16 13:20", "Next break at 14:20, in 1 h"),
        ("2026-06-16 14:19", "2026-06-16 13:20", "Next break at 14:20, in 1 min"),
        ("2026-06-16 14:19:30", "2026-06-16 13:20", "Next break at 14:20, in less than a minute"),
        ("2026-06-16 17:25", None, "Next break tomorrow at 10:00"),
        ("2026-06-19 17:25", None, "Next break on Monday at 10:00"),
        ("2026-06-16 07:00", None, "Outside working hours until 09:00"),
        ("2026-06-16 18:00", None, "Outside working hours until tomorrow 09:00"),
        ("2026-06-20 11:00", None, "Outside working hours until Monday 09:00"),
    ],
)
def test_the_tooltip_while_active_or_outside_hours(now: str, last: str | None, text: str) -> None:
    clock = FakeClock(local(now))
    planner = planner_at(clock, last=None if last is None else local(last))
    assert planner.describe(clock.now()) == text


def test_the_tooltip_names_a_day_a_week_ahead_by_its_date() -> None:
    wednesdays = Rhythm(week=(None, None, WorkingHours(time(13), time(16)), *(None,) * 4))
    clock = FakeClock(local("2026-06-17 15:55"))  # a Wednesday, in the quiet end
    planner = planner_at(clock, rhythm=wednesdays)
    assert planner.describe(clock.now()) == "Next break on Wednesday 24 June at 14:00"


@pytest.mark.parametrize(
    ("now", "until", "text"),
    [
        ("2026-06-16 14:00", "2026-06-16 15:00", "Paused until 15:00"),
        ("2026-06-16 14:00", "2026-06-17 09:00", "Paused until tomorrow 09:00"),
        ("2026-06-18 14:00", "2026-06-22 09:00", "Paused until Monday 09:00"),
    ],
)
def test_the_tooltip_while_paused(now: str, until: str, text: str) -> None:
    clock = FakeClock(local(now))
    planner = planner_at(clock)
    planner.pause(clock.now(), local(until))
    assert planner.describe(clock.now()) == text


def test_the_tooltip_when_due_and_without_working_days(clock: FakeClock) -> None:
    planner = planner_at(clock)
    wake_at_planned_time(planner, clock)
    assert planner.describe(clock.now()) == "A break is here whenever you are ready"
    idle = BreakPlanner(Rhythm(week=(None,) * 7), random.Random(1), clock.now())
    status = idle.status(clock.now())
    assert (status.mode, status.next_break_at, idle.next_wakeup(clock.now())) == (
        Mode.NO_WORKING_DAYS,
        None,
        None,
    )
    assert idle.describe(clock.now()) == "No working hours are set, so no breaks are planned"
    assert idle.on_wakeup(clock.now()) is Wakeup.NOTHING


def test_the_tooltip_follows_the_zone_of_now() -> None:
    clock = FakeClock(local("2026-06-16 09:05", NEW_YORK))
    planner = planner_at(clock)
    assert planner.describe(clock.now()) == "Next break at 10:00, in 55 min"
    assert wall(planner.status(clock.now()).next_break_at) == "Tue 2026-06-16 10:00 -0400"


@pytest.mark.parametrize("late", [timedelta(0), timedelta(seconds=40), 3 * MIN])
def test_the_tooltip_once_the_break_time_has_come_counts_down_no_more(
    clock: FakeClock, late: timedelta
) -> None:
    """Between the planned time and the wake-up's arrival, the break is here, not "in 1 min"."""
    planner = planner_at(clock)
    planned = planner.next_wakeup(clock.now())
    assert planned is not None
    clock.advance(planned - clock.now() + late)
    assert planner.describe(clock.now()) == "A break is here whenever you are ready"
