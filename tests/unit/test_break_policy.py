"""The break policy: working hours, intervals, quiet edges, randomness and daylight saving."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.break_policy import (
    Rhythm,
    WorkingHours,
    is_working_time,
    next_break_after,
    next_opening,
    window_on,
)
from tests.unit.conftest import local, real_gap, wall

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MIN = timedelta(minutes=1)
DEFAULT = Rhythm.default()


def sundays(hours: WorkingHours, **settings: timedelta) -> Rhythm:
    """A rhythm with work on Sundays only, to cross the night-time DST changes."""
    return Rhythm(week=(None,) * 6 + (hours,), **settings)


# -- The default rhythm, Monday to Friday 09:00-17:30 -------------------------------------------


def test_the_first_break_of_the_day_comes_an_interval_after_opening() -> None:
    plan = next_break_after(local("2026-06-16 09:05"), None, DEFAULT)
    assert wall(plan) == "Tue 2026-06-16 10:00 +0200"
    assert plan.reason == "first-of-day"


def test_a_break_comes_an_interval_after_the_last_one_ended() -> None:
    plan = next_break_after(local("2026-06-16 10:30"), local("2026-06-16 10:20"), DEFAULT)
    assert wall(plan) == "Tue 2026-06-16 11:20 +0200"
    assert plan.reason == "interval"


def test_an_overdue_break_comes_after_a_grace_period_not_at_once() -> None:
    plan = next_break_after(local("2026-06-16 11:00"), local("2026-06-15 08:00"), DEFAULT)
    assert wall(plan) == "Tue 2026-06-16 11:05 +0200"
    assert plan.reason == "overdue"


def test_no_break_in_the_last_ten_minutes_so_it_moves_to_the_next_day() -> None:
    plan = next_break_after(local("2026-06-16 17:00"), local("2026-06-16 16:50"), DEFAULT)
    assert wall(plan) == "Wed 2026-06-17 10:00 +0200"
    assert plan.reason == "next-day"


def test_the_last_allowed_moment_is_ten_minutes_before_the_end() -> None:
    plan = next_break_after(local("2026-06-16 17:00"), local("2026-06-16 16:20"), DEFAULT)
    assert wall(plan) == "Tue 2026-06-16 17:20 +0200"


def test_an_overdue_break_that_would_fall_in_the_quiet_end_waits_for_the_next_day() -> None:
    plan = next_break_after(local("2026-06-16 17:18"), None, DEFAULT)
    assert wall(plan) == "Wed 2026-06-17 10:00 +0200"


@pytest.mark.parametrize(
    ("now", "last"),
    [
        ("2026-06-19 17:00", "2026-06-19 16:40"),  # the interval ends in the quiet end
        ("2026-06-19 17:25", None),  # already in the quiet end
        ("2026-06-19 20:00", None),  # evening
        ("2026-06-20 11:00", None),  # Saturday
        ("2026-06-21 23:59", "2026-06-19 16:00"),  # Sunday night, Friday's break long gone
    ],
)
def test_after_friday_work_the_next_break_is_on_monday(now: str, last: str | None) -> None:
    plan = next_break_after(local(now), None if last is None else local(last), DEFAULT)
    assert wall(plan) == "Mon 2026-06-22 10:00 +0200"
    assert plan.reason == "next-day"


def test_before_opening_the_break_comes_later_the_same_day() -> None:
    plan = next_break_after(local("2026-06-16 07:00"), local("2026-06-15 16:00"), DEFAULT)
    assert wall(plan) == "Tue 2026-06-16 10:00 +0200"
    assert plan.reason == "first-of-day"


def test_no_break_in_the_first_fifteen_minutes() -> None:
    rhythm = Rhythm(interval=timedelta(minutes=10))
    plan = next_break_after(local("2026-06-16 09:00"), None, rhythm)
    assert wall(plan) == "Tue 2026-06-16 09:15 +0200"
    # A break taken early, before the quiet start is over, still does not bring one sooner.
    plan = next_break_after(local("2026-06-16 09:03"), local("2026-06-16 09:02"), rhythm)
    assert wall(plan) == "Tue 2026-06-16 09:15 +0200"


def test_a_long_interval_on_a_new_day_is_held_to_the_last_allowed_moment() -> None:
    rhythm = Rhythm(
        week=(WorkingHours(time(9), time(10)),) * 5 + (None, None),
        interval=timedelta(minutes=240),
    )
    plan = next_break_after(local("2026-06-16 07:00"), None, rhythm)
    assert wall(plan) == "Tue 2026-06-16 09:50 +0200"


def test_a_week_with_only_wednesday() -> None:
    wednesday = WorkingHours(time(13, 0), time(16, 0))
    rhythm = Rhythm(week=(None, None, wednesday, None, None, None, None))
    plan = next_break_after(local("2026-06-18 10:00"), None, rhythm)  # a Thursday
    assert wall(plan) == "Wed 2026-06-24 14:00 +0200"
    assert plan.reason == "next-day"
    plan = next_break_after(local("2026-06-17 14:30"), local("2026-06-17 14:10"), rhythm)
    assert wall(plan) == "Wed 2026-06-17 15:10 +0200"


def test_a_day_too_short_for_any_break_is_skipped() -> None:
    short = WorkingHours(time(9, 0), time(9, 20))  # 15 quiet minutes + 10 quiet minutes > 20
    rhythm = Rhythm(week=(short, *DEFAULT.week[1:]))
    plan = next_break_after(local("2026-06-15 08:00"), None, rhythm)  # Monday
    assert wall(plan) == "Tue 2026-06-16 10:00 +0200"


def test_without_working_days_there_is_no_break() -> None:
    rhythm = Rhythm(week=(None,) * 7)
    plan = next_break_after(local("2026-06-16 10:00"), None, rhythm)
    assert (plan.at, plan.reason) == (None, "no-working-days")
    assert next_opening(local("2026-06-16 10:00"), rhythm) is None


def test_the_plan_is_in_the_zone_of_now() -> None:
    now = local("2026-06-16 10:30", NEW_YORK)
    plan = next_break_after(now, local("2026-06-16 16:20", BERLIN), DEFAULT)  # 10:20 in NY
    assert wall(plan) == "Tue 2026-06-16 11:20 -0400"


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_break_after(datetime(2026, 6, 16, 10, 0), None, DEFAULT)
    with pytest.raises(ValueError, match="aware"):
        next_break_after(local("2026-06-16 10:00"), datetime(2026, 6, 16, 9, 0), DEFAULT)


# -- Randomness --------------------------------------------------------------------------------


def test_randomness_stays_within_its_range_and_varies() -> None:
    rhythm = Rhythm(randomness=timedelta(minutes=10))
    rng = random.Random(20260616)
    last = local("2026-06-16 10:50")
    gaps = [
        real_gap(next_break_after(local("2026-06-16 11:00"), last, rhythm, rng).at, last)
        for _ in range(1000)
    ]
    assert all(50 * MIN <= gap <= 70 * MIN for gap in gaps)
    assert len(set(gaps)) > 100
    assert min(gaps) < 52 * MIN and max(gaps) > 68 * MIN


def test_randomness_is_reproducible_from_the_seed() -> None:
    rhythm = Rhythm(randomness=timedelta(minutes=15))
    now, last = local("2026-06-16 11:00"), local("2026-06-16 10:50")
    plans = [next_break_after(now, last, rhythm, random.Random(7)) for _ in range(3)]
    assert plans[0] == plans[1] == plans[2]


def test_the_first_break_of_a_new_day_varies_too() -> None:
    rhythm = Rhythm(randomness=timedelta(minutes=15))
    rng = random.Random(11)
    opening = local("2026-06-17 09:00")
    gaps = {
        real_gap(next_break_after(local("2026-06-16 18:00"), None, rhythm, rng).at, opening)
        for _ in range(200)
    }
    assert len(gaps) > 1
    assert min(gaps) >= 45 * MIN and max(gaps) <= 75 * MIN


def test_without_randomness_the_interval_is_exact_even_with_a_random_source() -> None:
    rng = random.Random(1)
    plans = {next_break_after(local("2026-06-16 10:30"), local("2026-06-16 10:20"), DEFAULT, rng)}
    plans |= {next_break_after(local("2026-06-16 10:30"), local("2026-06-16 10:20"), DEFAULT)}
    assert [wall(plan) for plan in plans] == ["Tue 2026-06-16 11:20 +0200"]


def test_randomness_never_exceeds_half_the_interval() -> None:
    rhythm = Rhythm(interval=timedelta(minutes=10), randomness=timedelta(minutes=15))
    rng = random.Random(3)
    last = local("2026-06-16 11:00")
    gaps = {real_gap(next_break_after(last, last, rhythm, rng).at, last) for _ in range(200)}
    assert min(gaps) >= 5 * MIN and max(gaps) <= 15 * MIN


# -- Validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"interval": timedelta(minutes=5)}, "10 to 240 minutes, not 5"),
        ({"interval": timedelta(minutes=241)}, "10 to 240 minutes, not 241"),
        ({"randomness": timedelta(minutes=16)}, "0 to 15 minutes, not 16"),
        ({"randomness": timedelta(minutes=-1)}, "0 to 15 minutes"),
        ({"grace": timedelta(minutes=-1)}, "grace must be 0 minutes or more"),
        ({"week": (None,) * 6}, "7 days"),
    ],
)
def test_out_of_range_settings_are_refused(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Rhythm(**settings)


def test_the_limits_themselves_are_allowed() -> None:
    Rhythm(interval=timedelta(minutes=10), randomness=timedelta(0))
    Rhythm(interval=timedelta(minutes=240), randomness=timedelta(minutes=15))


def test_working_hours_that_start_and_end_at_the_same_time_are_refused() -> None:
    # No time at all, or a whole day without end: there is no telling which was meant.
    with pytest.raises(ValueError, match=r"end at another time than they start.*09:00 to 09:00"):
        WorkingHours(time(9, 0), time(9, 0))
    with pytest.raises(ValueError, match="00:00 to 00:00"):
        WorkingHours(time(0, 0), time(0, 0))


def test_an_end_before_the_start_is_a_night_into_the_next_morning() -> None:
    assert WorkingHours(time(19, 0), time(8, 30)).overnight
    assert WorkingHours(time(9, 0), time(8, 59)).overnight
    assert not WorkingHours(time(9, 0), time(17, 30)).overnight


# -- Windows, working time and the next opening ------------------------------------------------


def test_the_window_of_a_working_day() -> None:
    window = window_on(date(2026, 6, 16), DEFAULT, BERLIN)
    assert window is not None
    bounds = (window.opens, window.first_break, window.last_break, window.closes)
    assert [bound.strftime("%H:%M %z") for bound in bounds] == [
        "09:00 +0200",
        "09:15 +0200",
        "17:20 +0200",
        "17:30 +0200",
    ]
    assert window.has_room


def test_a_day_off_has_no_window() -> None:
    assert window_on(date(2026, 6, 20), DEFAULT, BERLIN) is None  # Saturday


@pytest.mark.parametrize(
    ("now", "working"),
    [
        ("2026-06-16 08:59", False),
        ("2026-06-16 09:00", True),
        ("2026-06-16 17:29", True),
        ("2026-06-16 17:30", False),
        ("2026-06-20 11:00", False),  # Saturday
    ],
)
def test_working_time(now: str, working: bool) -> None:
    assert is_working_time(local(now), DEFAULT) is working


@pytest.mark.parametrize(
    ("now", "opening"),
    [
        ("2026-06-16 07:00", "Tue 2026-06-16 09:00 +0200"),
        ("2026-06-16 09:00", "Wed 2026-06-17 09:00 +0200"),  # strictly after now
        ("2026-06-16 12:00", "Wed 2026-06-17 09:00 +0200"),
        ("2026-06-19 18:00", "Mon 2026-06-22 09:00 +0200"),
        ("2026-06-20 11:00", "Mon 2026-06-22 09:00 +0200"),
    ],
)
def test_next_opening(now: str, opening: str) -> None:
    found = next_opening(local(now), DEFAULT)
    assert found is not None
    assert found.strftime("%a %Y-%m-%d %H:%M %z") == opening


# -- Daylight saving ---------------------------------------------------------------------------

NIGHT = WorkingHours(time(0, 30), time(5, 0))


@pytest.mark.parametrize(
    ("zone", "day", "before", "after"),
    [
        # Berlin jumps from 02:00 CET to 03:00 CEST; New York from 02:00 EST to 03:00 EDT.
        (BERLIN, "2026-03-29", "+0100", "+0200"),
        (NEW_YORK, "2026-03-08", "-0500", "-0400"),
    ],
)
def test_an_interval_across_the_spring_change_is_one_real_hour(
    zone: ZoneInfo, day: str, before: str, after: str
) -> None:
    last = local(f"{day} 01:30", zone)
    plan = next_break_after(local(f"{day} 01:35", zone), last, sundays(NIGHT))
    assert plan.at is not None
    assert plan.at.strftime("%H:%M %z") == f"03:30 {after}"
    assert last.strftime("%z") == before
    assert real_gap(plan.at, last) == timedelta(hours=1)


@pytest.mark.parametrize(
    ("zone", "day", "start"),
    [
        (BERLIN, "2026-03-29", time(2, 30)),  # 02:30 does not exist that night
        (NEW_YORK, "2026-03-08", time(2, 30)),
    ],
)
def test_working_hours_starting_in_the_spring_gap_start_when_the_clock_resumes(
    zone: ZoneInfo, day: str, start: time
) -> None:
    window = window_on(date.fromisoformat(day), sundays(WorkingHours(start, time(6))), zone)
    assert window is not None
    assert window.opens.strftime("%H:%M") == "03:30"
    assert window.first_break.strftime("%H:%M") == "03:45"


def test_working_hours_lost_entirely_in_the_spring_gap_make_no_window() -> None:
    # The wall clock goes from 01:59 straight to 03:00: 02:15-03:00 never happens that night.
    rhythm = sundays(WorkingHours(time(2, 15), time(3, 0)))
    assert window_on(date(2026, 3, 29), rhythm, BERLIN) is None


@pytest.mark.parametrize(
    ("zone", "day", "repeated", "first", "second"),
    [
        # Berlin: 03:00 CEST falls back to 02:00 CET. New York: 02:00 EDT falls back to 01:00 EST.
        (BERLIN, "2026-10-25", 2, "+0200", "+0100"),
        (NEW_YORK, "2026-11-01", 1, "-0400", "-0500"),
    ],
)
def test_an_interval_across_the_autumn_change_is_one_real_hour(
    zone: ZoneInfo, day: str, repeated: int, first: str, second: str
) -> None:
    rhythm = sundays(NIGHT)
    # From the first pass of the repeated hour, one real hour later reads the same wall time.
    last = local(f"{day} {repeated:02}:30", zone, fold=0)
    plan = next_break_after(local(f"{day} {repeated:02}:35", zone, fold=0), last, rhythm)
    assert plan.at is not None
    assert plan.at.strftime("%H:%M %z") == f"{repeated:02}:30 {second}"
    assert last.strftime("%z") == first
    assert real_gap(plan.at, last) == timedelta(hours=1)
    # During the second pass the policy is not fooled by wall times that look earlier.
    now = local(f"{day} {repeated:02}:10", zone, fold=1)
    plan = next_break_after(now, last, rhythm)
    assert plan.reason == "interval"
    assert plan.at is not None
    assert real_gap(plan.at, last) == timedelta(hours=1)


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK])
def test_working_hours_starting_in_the_repeated_hour_start_at_its_first_pass(
    zone: ZoneInfo,
) -> None:
    day = date(2026, 10, 25) if zone is BERLIN else date(2026, 11, 1)
    start = time(2, 30) if zone is BERLIN else time(1, 30)
    window = window_on(day, sundays(WorkingHours(start, time(6))), zone)
    assert window is not None
    assert window.opens.strftime("%H:%M") == start.strftime("%H:%M")
    assert window.opens.dst() == timedelta(hours=1)  # still summer time
    # The repeated hour makes the working night one real hour longer than its wall times say.
    wall_length = datetime.combine(day, time(6)) - datetime.combine(day, start)
    assert real_gap(window.closes, window.opens) == wall_length + timedelta(hours=1)


@pytest.mark.parametrize(
    ("zone", "friday", "monday"),
    [
        (BERLIN, "2026-03-27", "Mon 2026-03-30 10:00 +0200"),
        (BERLIN, "2026-10-23", "Mon 2026-10-26 10:00 +0100"),
        (NEW_YORK, "2026-03-06", "Mon 2026-03-09 10:00 -0400"),
        (NEW_YORK, "2026-10-30", "Mon 2026-11-02 10:00 -0500"),
    ],
)
def test_friday_to_monday_across_a_weekend_with_a_clock_change(
    zone: ZoneInfo, friday: str, monday: str
) -> None:
    plan = next_break_after(local(f"{friday} 17:25", zone), local(f"{friday} 16:30", zone), DEFAULT)
    assert wall(plan) == monday
    assert plan.reason == "next-day"
    opening = next_opening(local(f"{friday} 17:25", zone), DEFAULT)
    assert opening is not None
    assert opening.strftime("%H:%M") == "09:00"
