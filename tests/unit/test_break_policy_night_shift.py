"""The break policy across midnight: night shifts, their quiet edges, next openings and DST.

"Monday 19:00-08:30" opens on Monday evening and closes on Tuesday morning.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.break_policy import (
    Rhythm,
    WorkingHours,
    is_working_time,
    next_break_after,
    next_opening,
    window_at,
    window_on,
)
from tests.unit.conftest import local, real_gap, wall

BERLIN = ZoneInfo("Europe/Berlin")
DEFAULT = Rhythm.default()
# 2026-06-15 is a Monday; 2026-06-19 a Friday.


NIGHT_SHIFT = WorkingHours(time(19, 0), time(8, 30))
NIGHTS = Rhythm(week=(NIGHT_SHIFT,) * 5 + (None, None))  # Monday to Friday nights
EVERY_NIGHT = Rhythm(week=(NIGHT_SHIFT,) * 7)


def test_a_night_window_opens_in_the_evening_and_closes_the_next_morning() -> None:
    window = window_on(date(2026, 6, 15), NIGHTS, BERLIN)  # Monday
    assert window is not None
    bounds = (window.opens, window.first_break, window.last_break, window.closes)
    assert [bound.strftime("%a %H:%M") for bound in bounds] == [
        "Mon 19:00",
        "Mon 19:15",
        "Tue 08:20",
        "Tue 08:30",
    ]
    assert real_gap(window.closes, window.opens) == timedelta(hours=13, minutes=30)


@pytest.mark.parametrize(
    ("now", "working", "opened_on"),
    [
        ("2026-06-15 02:00", False, None),  # Monday before dawn: Sunday has no night shift
        ("2026-06-15 18:59", False, None),
        ("2026-06-15 19:00", True, "Mon"),
        ("2026-06-15 23:00", True, "Mon"),
        ("2026-06-16 00:00", True, "Mon"),
        ("2026-06-16 02:00", True, "Mon"),
        ("2026-06-16 08:29", True, "Mon"),
        ("2026-06-16 08:30", False, None),
        ("2026-06-16 09:00", False, None),
        ("2026-06-16 19:30", True, "Tue"),
        ("2026-06-20 08:00", True, "Fri"),  # Friday's night ends on Saturday morning
        ("2026-06-20 08:30", False, None),
        ("2026-06-20 20:00", False, None),  # no Saturday night shift
    ],
)
def test_working_time_during_a_night_shift(now: str, working: bool, opened_on: str | None) -> None:
    assert is_working_time(local(now), NIGHTS) is working
    window = window_at(local(now), NIGHTS)
    assert (None if window is None else window.opens.strftime("%a")) == opened_on


@pytest.mark.parametrize(
    ("now", "opening"),
    [
        ("2026-06-16 10:00", "Tue 2026-06-16 19:00 +0200"),
        ("2026-06-16 02:00", "Tue 2026-06-16 19:00 +0200"),  # during Monday's night
        ("2026-06-19 23:00", "Mon 2026-06-22 19:00 +0200"),  # Friday night: next is Monday
        ("2026-06-20 09:00", "Mon 2026-06-22 19:00 +0200"),
    ],
)
def test_the_next_night_shift_opening(now: str, opening: str) -> None:
    found = next_opening(local(now), NIGHTS)
    assert found is not None
    assert found.strftime("%a %Y-%m-%d %H:%M %z") == opening


def test_breaks_through_a_night_go_on_past_midnight() -> None:
    last = local("2026-06-15 23:00")
    plans = []
    for _ in range(9):
        plan = next_break_after(last, last, NIGHTS)
        assert plan.reason == "interval"
        assert plan.at is not None
        plans.append(plan.at.strftime("%a %H:%M"))
        last = plan.at
    assert plans == [
        "Tue 00:00",
        "Tue 01:00",
        "Tue 02:00",
        "Tue 03:00",
        "Tue 04:00",
        "Tue 05:00",
        "Tue 06:00",
        "Tue 07:00",
        "Tue 08:00",
    ]
    # 09:00 is past the end of the night: the next break is an hour into the next night.
    plan = next_break_after(last, last, NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 20:00 +0200"


def test_a_night_break_planned_before_midnight_falls_after_it() -> None:
    plan = next_break_after(local("2026-06-15 23:30"), local("2026-06-15 23:20"), NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 00:20 +0200"
    assert plan.reason == "interval"
    # After midnight, the break of the evening before still counts.
    plan = next_break_after(local("2026-06-16 00:30"), local("2026-06-15 23:50"), NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 00:50 +0200"
    assert plan.reason == "interval"


def test_the_first_break_of_a_night_and_an_overdue_one_after_midnight() -> None:
    # A break from before the night began does not count.
    plan = next_break_after(local("2026-06-15 19:05"), local("2026-06-15 18:00"), NIGHTS)
    assert (wall(plan), plan.reason) == ("Mon 2026-06-15 20:00 +0200", "first-of-day")
    # Starting the app at 02:00 with the last break at 20:00: a grace period, not at once.
    plan = next_break_after(local("2026-06-16 02:00"), local("2026-06-15 20:00"), NIGHTS)
    assert (wall(plan), plan.reason) == ("Tue 2026-06-16 02:05 +0200", "overdue")
    # Starting at 02:00 with no break known: an hour after the night began has long passed.
    plan = next_break_after(local("2026-06-16 02:00"), None, NIGHTS)
    assert (wall(plan), plan.reason) == ("Tue 2026-06-16 02:05 +0200", "overdue")


def test_no_break_in_the_last_ten_minutes_of_a_night() -> None:
    plan = next_break_after(local("2026-06-16 07:30"), local("2026-06-16 07:20"), NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 08:20 +0200"  # the last allowed moment
    plan = next_break_after(local("2026-06-16 07:30"), local("2026-06-16 07:25"), NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 20:00 +0200"  # 08:25 is too close to 08:30
    plan = next_break_after(local("2026-06-16 08:25"), None, NIGHTS)
    assert wall(plan) == "Tue 2026-06-16 20:00 +0200"


def test_after_friday_night_the_next_break_is_on_monday_night() -> None:
    plan = next_break_after(local("2026-06-20 08:00"), local("2026-06-20 07:30"), NIGHTS)
    assert (wall(plan), plan.reason) == ("Mon 2026-06-22 20:00 +0200", "next-day")
    plan = next_break_after(local("2026-06-20 07:00"), local("2026-06-20 06:30"), NIGHTS)
    assert (wall(plan), plan.reason) == ("Sat 2026-06-20 07:30 +0200", "interval")


def test_a_night_until_midnight_closes_at_the_next_days_start() -> None:
    rhythm = Rhythm(week=(WorkingHours(time(18), time(0)),) + (None,) * 6)
    window = window_on(date(2026, 6, 15), rhythm, BERLIN)
    assert window is not None
    assert window.closes.strftime("%a %H:%M") == "Tue 00:00"
    assert is_working_time(local("2026-06-15 23:59"), rhythm)
    assert not is_working_time(local("2026-06-16 00:00"), rhythm)


def test_a_night_running_into_the_next_days_hours_ends_as_they_begin() -> None:
    # Monday night until 10:00, but Tuesday's own hours begin at 09:00: the windows never overlap.
    rhythm = Rhythm(week=(WorkingHours(time(22), time(10)), *DEFAULT.week[1:]))
    monday = window_on(date(2026, 6, 15), rhythm, BERLIN)
    assert monday is not None
    assert monday.closes.strftime("%a %H:%M") == "Tue 09:00"
    assert monday.last_break.strftime("%a %H:%M") == "Tue 08:50"
    tuesday = window_at(local("2026-06-16 09:30"), rhythm)
    assert tuesday is not None and tuesday.day == date(2026, 6, 16)
    assert is_working_time(local("2026-06-16 08:59"), rhythm)


@pytest.mark.parametrize(
    ("saturday", "evening", "morning", "length"),
    [
        # Berlin springs from 02:00 CET to 03:00 CEST, and falls from 03:00 CEST back to 02:00.
        ("2026-03-28", "+0100", "+0200", timedelta(hours=12, minutes=30)),
        ("2026-10-24", "+0200", "+0100", timedelta(hours=14, minutes=30)),
    ],
)
def test_a_night_shift_across_a_clock_change(
    saturday: str, evening: str, morning: str, length: timedelta
) -> None:
    window = window_on(date.fromisoformat(saturday), EVERY_NIGHT, BERLIN)
    assert window is not None
    assert window.opens.strftime("%a %H:%M %z") == f"Sat 19:00 {evening}"
    assert window.closes.strftime("%a %H:%M %z") == f"Sun 08:30 {morning}"
    assert real_gap(window.closes, window.opens) == length
    sunday = saturday[:-2] + f"{int(saturday[-2:]) + 1:02}"
    assert is_working_time(local(f"{sunday} 08:29"), EVERY_NIGHT)
    assert not is_working_time(local(f"{sunday} 08:30"), EVERY_NIGHT)
    # Breaks an hour apart in real time go on through the change until the quiet end.
    last = local(f"{saturday} 23:00")
    gaps = []
    while True:
        plan = next_break_after(last, last, EVERY_NIGHT)
        assert plan.at is not None
        if plan.reason != "interval":
            break
        gaps.append(real_gap(plan.at, last))
        last = plan.at
    assert set(gaps) == {timedelta(hours=1)}
    assert last.strftime("%a %H:%M %z") == f"Sun 08:00 {morning}"
    assert wall(plan) == f"Sun {sunday} 20:00 {morning}"
    opening = next_opening(local(f"{sunday} 10:00"), EVERY_NIGHT)
    assert opening is not None and opening.strftime("%a %H:%M") == "Sun 19:00"
