"""The break planner through a night shift: the tray's state, prompts, snoozes and pauses
across midnight, and a clock change in the night."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from reconnect.core.break_planner import BreakPlanner, Mode, Wakeup
from reconnect.core.break_policy import Rhythm, WorkingHours
from reconnect.core.clock import FakeClock
from tests.unit.conftest import local, wall

BERLIN = ZoneInfo("Europe/Berlin")
MIN = timedelta(minutes=1)
NIGHT_SHIFT = WorkingHours(time(19, 0), time(8, 30))
NIGHTS = Rhythm(week=(NIGHT_SHIFT,) * 5 + (None, None))  # Monday to Friday nights
EVERY_NIGHT = Rhythm(week=(NIGHT_SHIFT,) * 7)
# 2026-06-15 is a Monday; 2026-06-19 a Friday.


def planner_at(clock: FakeClock, last: datetime | None, rhythm: Rhythm = NIGHTS) -> BreakPlanner:
    return BreakPlanner(rhythm, random.Random(1), clock.now(), last)


def wake_at_planned_time(planner: BreakPlanner, clock: FakeClock) -> Wakeup:
    """Move the clock to the armed time, as the app's timer does, and fire."""
    armed = planner.next_wakeup(clock.now())
    assert armed is not None
    clock.advance(armed.astimezone(UTC) - clock.now().astimezone(UTC))
    return planner.on_wakeup(clock.now())


def test_prompts_come_on_through_midnight() -> None:
    clock = FakeClock(local("2026-06-15 23:05"))
    planner = planner_at(clock, last=local("2026-06-15 22:50"))
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert wall(clock.now()) == "Mon 2026-06-15 23:50 +0200"
    planner.started(clock.now())
    clock.advance(2 * MIN)
    planner.finished(clock.now())
    assert wall(planner.status(clock.now()).next_break_at) == "Tue 2026-06-16 00:52 +0200"
    clock.advance(timedelta(minutes=30))  # 00:22, after midnight: still the same night's work
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert wall(clock.now()) == "Tue 2026-06-16 00:52 +0200"


def test_outside_the_night_the_tooltip_names_the_evening_it_starts_again() -> None:
    clock = FakeClock(local("2026-06-16 10:00"))
    planner = planner_at(clock, last=local("2026-06-16 07:30"))
    status = planner.status(clock.now())
    assert status.mode is Mode.OUTSIDE_HOURS
    assert wall(status.opens_at) == "Tue 2026-06-16 19:00 +0200"
    assert wall(status.next_break_at) == "Tue 2026-06-16 20:00 +0200"
    assert planner.describe(clock.now()) == "Outside working hours until 19:00"
    clock.advance(timedelta(hours=9, minutes=30))  # 19:30
    assert planner.status(clock.now()).mode is Mode.ACTIVE


def test_after_friday_night_the_tooltip_waits_for_monday_evening() -> None:
    clock = FakeClock(local("2026-06-20 08:00"))  # Saturday morning, Friday's night
    planner = planner_at(clock, last=local("2026-06-20 07:30"))
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert wall(planner.status(clock.now()).next_break_at) == "Mon 2026-06-22 20:00 +0200"
    clock.advance(timedelta(hours=1))  # 09:00 Saturday
    assert planner.describe(clock.now()) == "Outside working hours until Monday 19:00"


def test_a_snooze_after_midnight_stays_in_the_night() -> None:
    clock = FakeClock(local("2026-06-16 01:55"))
    planner = planner_at(clock, last=local("2026-06-16 01:00"))
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT  # 02:00
    planner.snooze(clock.now(), 10)
    assert wall(planner.status(clock.now()).next_break_at) == "Tue 2026-06-16 02:10 +0200"


def test_a_snooze_into_the_quiet_end_of_the_night_waits_for_the_next_night() -> None:
    clock = FakeClock(local("2026-06-16 08:05"))
    planner = planner_at(clock, last=local("2026-06-16 07:10"))
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT  # 08:10
    planner.snooze(clock.now(), 5)  # 08:15 still fits before 08:20
    assert wall(planner.status(clock.now()).next_break_at) == "Tue 2026-06-16 08:15 +0200"
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    planner.snooze(clock.now(), 10)  # 08:25 is in the last ten minutes
    assert wall(planner.status(clock.now()).next_break_at) == "Tue 2026-06-16 20:00 +0200"


def test_a_pause_until_tomorrow_in_the_small_hours_lasts_until_the_next_night() -> None:
    # At 02:00 the night that began on Monday is still "today": tomorrow's is Tuesday's night.
    clock = FakeClock(local("2026-06-16 02:00"))
    planner = planner_at(clock, last=local("2026-06-16 01:30"))
    planner.pause_until_tomorrow(clock.now())
    assert wall(planner.status(clock.now()).paused_until) == "Tue 2026-06-16 19:00 +0200"
    assert planner.describe(clock.now()) == "Paused until 19:00"
    # From the evening, before midnight, it is the same next night.
    evening = FakeClock(local("2026-06-15 23:00"))
    planner = planner_at(evening, last=None)
    planner.pause_until_tomorrow(evening.now())
    assert wall(planner.status(evening.now()).paused_until) == "Tue 2026-06-16 19:00 +0200"


def test_a_spring_change_in_the_night_keeps_breaks_an_hour_apart() -> None:
    # Berlin, Sunday 29 March 2026: the clock jumps from 02:00 CET to 03:00 CEST.
    clock = FakeClock(local("2026-03-29 01:35"))
    planner = planner_at(clock, last=local("2026-03-29 01:30"), rhythm=EVERY_NIGHT)
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert planner.describe(clock.now()) == "Next break at 03:30, in 55 min"
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert wall(clock.now()) == "Sun 2026-03-29 03:30 +0200"
    planner.skip_next(clock.now())
    assert wall(planner.status(clock.now()).next_break_at) == "Sun 2026-03-29 04:30 +0200"
    for expected in ("04:30", "05:30", "06:30", "07:30"):
        assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
        assert clock.now().strftime("%H:%M %z") == f"{expected} +0200"
        planner.skip_next(clock.now())
    # 08:30 would fall in the night's last ten minutes: the next break is in the evening's night.
    assert wall(planner.status(clock.now()).next_break_at) == "Sun 2026-03-29 20:00 +0200"
    clock.advance(timedelta(hours=1, minutes=5))  # 08:35 summer time: the night is over
    assert planner.describe(clock.now()) == "Outside working hours until 19:00"


def test_an_autumn_change_in_the_night_keeps_the_repeated_hour_as_work() -> None:
    # Berlin, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET.
    clock = FakeClock(local("2026-10-25 01:50"))
    planner = planner_at(clock, last=local("2026-10-25 01:40"), rhythm=EVERY_NIGHT)
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
    assert wall(clock.now()) == "Sun 2026-10-25 02:40 +0200"
    planner.skip_next(clock.now())
    # One real hour later the wall clock reads 02:40 again, in winter time.
    assert wall(planner.status(clock.now()).next_break_at) == "Sun 2026-10-25 02:40 +0100"
    clock.advance(timedelta(minutes=30))  # 02:10 winter time, the second pass
    assert planner.status(clock.now()).mode is Mode.ACTIVE
    assert wake_at_planned_time(planner, clock) is Wakeup.PROMPT
