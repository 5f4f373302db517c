"""The planner's words: the tray tooltip, the countdown and the day a break falls on."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from reconnect.core.i18n import translate
from reconnect.core.plan_status import Mode, Status
from reconnect.core.vocabulary import DAY_NAMES, MONTH_NAMES

_DAYS = DAY_NAMES
_MONTHS = MONTH_NAMES


def _utc(moment: datetime) -> datetime:
    # Datetimes sharing a tzinfo compare by wall time, which is wrong in the repeated autumn
    # hour; every comparison and difference here goes through UTC.
    return moment.astimezone(UTC)


def describe(status: Status, now: datetime) -> str:
    """The tray tooltip for a planner's status: one gentle sentence about what comes next.

    Args:
        status: the planner's status at ``now``.
        now: the current time, aware, in the person's time zone.
    """
    if status.mode is Mode.PAUSED and status.paused_until is not None:
        return translate("BreakPlanner", "Paused until {when}").format(
            when=when(status.paused_until, now)
        )
    if status.mode is Mode.DUE:
        return translate("BreakPlanner", "A break is here whenever you are ready")
    if status.mode is Mode.NO_WORKING_DAYS:
        return translate("BreakPlanner", "No working hours are set, so no breaks are planned")
    at = status.next_break_at
    if at is None:
        return translate("BreakPlanner", "A break is under way")
    if _utc(at) <= _utc(now):
        # Its time has come and the wake-up is on its way: no countdown to a moment past.
        return translate("BreakPlanner", "A break is here whenever you are ready")
    if (
        status.mode is Mode.OUTSIDE_HOURS
        and status.opens_at is not None
        and _utc(at) >= _utc(status.opens_at)
    ):
        return translate("BreakPlanner", "Outside working hours until {when}").format(
            when=when(status.opens_at, now)
        )
    day = day_words(at, now)
    clock = f"{at:%H:%M}"
    if not day:
        return translate("BreakPlanner", "Next break at {time}, {countdown}").format(
            time=clock, countdown=countdown(_utc(at) - _utc(now))
        )
    if (at.date() - now.date()).days == 1:
        return translate("BreakPlanner", "Next break tomorrow at {time}").format(time=clock)
    return translate("BreakPlanner", "Next break on {day} at {time}").format(day=day, time=clock)


def day_words(moment: datetime, now: datetime) -> str:
    """'' for today, 'tomorrow', a day name within the week, or a day name and date after."""
    days = (moment.date() - now.date()).days
    if days == 0:
        return ""
    if days == 1:
        return translate("BreakPlanner", "tomorrow")
    name = translate("Vocabulary", _DAYS[moment.weekday()])
    if 1 < days < 7:
        return name
    # A week or more away, a bare day name would read as the coming one.
    month = translate("Vocabulary", _MONTHS[moment.month - 1])
    return translate("BreakPlanner", "{weekday} {day} {month}").format(
        weekday=name, day=moment.day, month=month
    )


def when(moment: datetime, now: datetime) -> str:
    """'15:00', 'tomorrow 09:00' or 'Monday 09:00', in now's zone."""
    local = moment.astimezone(now.tzinfo)
    day = day_words(local, now)
    if not day:
        return f"{local:%H:%M}"
    return translate("BreakPlanner", "{day} {time}").format(day=day, time=f"{local:%H:%M}")


def countdown(delta: timedelta) -> str:
    """'in 25 min', 'in 2 h 5 min' or 'in less than a minute', rounded up to the minute."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return translate("BreakPlanner", "in less than a minute")
    # Rounded up, so "in 1 min" never shows when more than a minute is left.
    minutes = math.ceil(seconds / 60)
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return translate("BreakPlanner", "in {minutes} min").format(minutes=minutes)
    if rest == 0:
        return translate("BreakPlanner", "in {hours} h").format(hours=hours)
    return translate("BreakPlanner", "in {hours} h {minutes} min").format(hours=hours, minutes=rest)
