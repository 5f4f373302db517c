"""When the next break comes: working hours, the interval between breaks, and quiet edges.

Plain functions of an aware "now"; window bounds follow each day's local wall clock, durations
run in absolute time, so daylight-saving changes neither lose nor double an interval.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

MIN_INTERVAL = timedelta(minutes=10)
MAX_INTERVAL = timedelta(minutes=240)
MAX_RANDOMNESS = timedelta(minutes=15)

# Looking 8 days ahead reaches every weekday at least once, whatever today is.
_SEARCH_DAYS = 8


def _minutes(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 60:g}"


@dataclass(frozen=True)
class WorkingHours:
    """One weekday's working window in local wall time.

    The window opens on its own weekday at ``start``. An ``end`` earlier than ``start`` runs
    overnight and closes at ``end`` on the next calendar day: Monday's 19:00-08:30 is the night
    from Monday evening to Tuesday morning (the day names the evening the window starts).

    Attributes:
        start: when work begins, a naive local time.
        end: when work ends, a naive local time other than ``start``; earlier than ``start``
            for a window that ends the next morning. An equal start and end are refused: they
            would mean either no time at all or a whole day with no end, and Reconnect can't
            tell which.
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working hours are local wall times; give them without a time zone")
        if self.end == self.start:
            raise ValueError(
                f"working hours need to end at another time than they start, not "
                f"{self.start:%H:%M} to {self.end:%H:%M}: that would be no time at all or a "
                f"whole day, with no way to tell which"
            )

    @property
    def overnight(self) -> bool:
        """Whether the window ends on the next calendar day."""
        return self.end < self.start


_OFFICE_HOURS = WorkingHours(time(9, 0), time(17, 30))
_DEFAULT_WEEK: tuple[WorkingHours | None, ...] = (_OFFICE_HOURS,) * 5 + (None, None)


@dataclass(frozen=True)
class Rhythm:
    """The person's break rhythm: when they work and how often a break comes.

    Attributes:
        week: seven entries, Monday first; ``None`` for a day off. A day's window may run past
            midnight into the next day (see ``WorkingHours``); where it runs into the next
            day's own hours, it ends when they begin.
        interval: time from the end of one break to the next, 10 to 240 minutes.
        randomness: up to this much earlier or later, 0 to 15 minutes. It never exceeds half
            the interval, so that breaks keep their order.
        quiet_start: no break this soon after work begins.
        quiet_end: nor this close to the end of work.
        grace: an overdue break (for example when the app starts late) comes this long after
            now, not at once.
    """

    week: tuple[WorkingHours | None, ...] = _DEFAULT_WEEK
    interval: timedelta = timedelta(minutes=60)
    randomness: timedelta = timedelta(0)
    quiet_start: timedelta = timedelta(minutes=15)
    quiet_end: timedelta = timedelta(minutes=10)
    grace: timedelta = timedelta(minutes=5)

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise ValueError(
                f"a week has 7 days, Monday first; {len(self.week)} were given",
            )
        for hours in self.week:
            if hours is not None and not isinstance(hours, WorkingHours):
                raise ValueError("each day of the week is working hours or None for a day off")
        if not MIN_INTERVAL <= self.interval <= MAX_INTERVAL:
            raise ValueError(
                f"the interval between breaks must be {_minutes(MIN_INTERVAL)} to "
                f"{_minutes(MAX_INTERVAL)} minutes, not {_minutes(self.interval)}"
            )
        if not timedelta(0) <= self.randomness <= MAX_RANDOMNESS:
            raise ValueError(
                f"the randomness must be 0 to {_minutes(MAX_RANDOMNESS)} minutes, "
                f"not {_minutes(self.randomness)}"
            )
        for name in ("quiet_start", "quiet_end", "grace"):
            value: timedelta = getattr(self, name)
            if value < timedelta(0):
                raise ValueError(f"{name.replace('_', ' ')} must be 0 minutes or more")

    @classmethod
    def default(cls) -> Rhythm:
        """Monday to Friday 09:00-17:30, a break every hour, no randomness."""
        return cls()


@dataclass(frozen=True)
class Window:
    """One working day's usable span, as aware datetimes in the person's zone.

    ``day`` is the calendar day the window opens on; ``closes`` may fall on the next one.

    Compare these through ``astimezone(UTC)``: Python compares datetimes sharing a tzinfo by
    wall time, which is wrong in the repeated autumn hour.
    """

    day: date
    opens: datetime
    closes: datetime
    first_break: datetime
    last_break: datetime

    @property
    def has_room(self) -> bool:
        """Whether any break fits between the quiet start and the quiet end."""
        return _utc(self.first_break) <= _utc(self.last_break)


class PlanReason(StrEnum):
    """Why the next break falls where it does."""

    INTERVAL = "interval"  # an interval after a break taken today
    FIRST_OF_DAY = "first-of-day"  # an interval after today's opening, no break yet today
    OVERDUE = "overdue"  # the interval has already passed; a grace period after now
    NEXT_DAY = "next-day"  # nothing fits today any more
    NO_WORKING_DAYS = "no-working-days"  # the week has no working hours at all


@dataclass(frozen=True)
class Plan:
    """The next break.

    Attributes:
        at: when it is due, aware, in the zone of the ``now`` it was planned from; ``None`` when
            no working day is configured.
        reason: a ``PlanReason`` (a str).
    """

    at: datetime | None
    reason: PlanReason


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _shift(moment: datetime, delta: timedelta, zone: tzinfo) -> datetime:
    """``moment + delta`` in absolute time, so a DST change does not stretch or shrink it."""
    return (_utc(moment) + delta).astimezone(zone)


def _wall(day: date, at: time, zone: tzinfo) -> datetime:
    # The round trip through UTC moves a wall time in the spring gap forward by the gap and
    # reads a repeated autumn wall time as its first occurrence (fold=0).
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


def _zone_of(now: datetime) -> tzinfo:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("planning needs an aware 'now' in the person's time zone")
    return now.tzinfo


def _span(day: date, rhythm: Rhythm, zone: tzinfo) -> tuple[datetime, datetime] | None:
    """When the hours that start on ``day`` open and close; ``None`` on a day off or when they
    vanish into a spring-forward gap."""
    hours = rhythm.week[day.weekday()]
    if hours is None:
        return None
    opens = _wall(day, hours.start, zone)
    closes = _wall(day + timedelta(days=1) if hours.overnight else day, hours.end, zone)
    if _utc(closes) <= _utc(opens):
        return None
    return opens, closes


def window_on(day: date, rhythm: Rhythm, zone: tzinfo) -> Window | None:
    """The working window that opens on one calendar day.

    An overnight window closes on the next day; when the next day's own hours begin before
    that, it closes as they begin, so windows never overlap.

    Args:
        day: the local calendar date the window opens on.
        rhythm: the person's working hours and quiet edges.
        zone: the person's time zone, ideally a ``zoneinfo.ZoneInfo``.

    Returns:
        The window, or ``None`` on a day off or when the hours vanish into a spring-forward gap.
    """
    span = _span(day, rhythm, zone)
    if span is None:
        return None
    opens, closes = span
    following = _span(day + timedelta(days=1), rhythm, zone)
    if following is not None and _utc(following[0]) < _utc(closes):
        closes = following[0]
    return Window(
        day=day,
        opens=opens,
        closes=closes,
        first_break=_shift(opens, rhythm.quiet_start, zone),
        last_break=_shift(closes, -rhythm.quiet_end, zone),
    )


def _windows_around(now: datetime, rhythm: Rhythm) -> list[Window]:
    """Yesterday's window (it may run past midnight) and today's, those that exist."""
    zone = _zone_of(now)
    days = (now.date() - timedelta(days=1), now.date())
    return [w for w in (window_on(day, rhythm, zone) for day in days) if w is not None]


def window_at(now: datetime, rhythm: Rhythm) -> Window | None:
    """The working window ``now`` lies in (it may have opened yesterday), or ``None``."""
    now_utc = _utc(now)
    for window in _windows_around(now, rhythm):
        if _utc(window.opens) <= now_utc < _utc(window.closes):
            return window
    return None


def is_working_time(now: datetime, rhythm: Rhythm) -> bool:
    """Whether ``now`` (aware; its zone is the person's) lies within working hours, including
    a night that began the evening before."""
    return window_at(now, rhythm) is not None


def next_opening(now: datetime, rhythm: Rhythm) -> datetime | None:
    """The start of the next working window after ``now``, in ``now``'s zone.

    Returns:
        The opening, or ``None`` when no day of the week has working hours.
    """
    zone = _zone_of(now)
    for offset in range(_SEARCH_DAYS + 1):
        window = window_on(now.date() + timedelta(days=offset), rhythm, zone)
        if window is not None and _utc(window.opens) > _utc(now):
            return window.opens
    return None


def _jitter(rhythm: Rhythm, rng: random.Random | None) -> timedelta:
    spread = min(rhythm.randomness, rhythm.interval / 2)
    seconds = int(spread.total_seconds())
    if rng is None or seconds == 0:
        return timedelta(0)
    # Whole seconds keep plans tidy; one draw per plan keeps a seeded run reproducible.
    return timedelta(seconds=rng.randint(-seconds, seconds))


def next_break_after(
    now: datetime,
    last_break_end: datetime | None,
    rhythm: Rhythm,
    rng: random.Random | None = None,
) -> Plan:
    """Plan the next break.

    Args:
        now: aware, in the person's time zone (a ``zoneinfo.ZoneInfo`` for DST to be right).
        last_break_end: when the person's last break of any kind ended (a practice, a skip, a
            natural break while away); ``None`` when there is none. One from before the
            current window's opening does not count.
        rhythm: working hours, interval, randomness and quiet edges.
        rng: source of the randomness; without it the interval is exact.

    Returns:
        When the break is due and why.
    """
    zone = _zone_of(now)
    if last_break_end is not None and last_break_end.utcoffset() is None:
        raise ValueError("the end of the last break must be an aware datetime")
    now_utc = _utc(now)
    step = rhythm.interval + _jitter(rhythm, rng)
    # The window now lies in, yesterday's when it runs past midnight.
    current = next(
        (
            window
            for window in _windows_around(now, rhythm)
            if window.has_room and _utc(window.opens) <= now_utc <= _utc(window.last_break)
        ),
        None,
    )

    if current is not None:
        first, last = _utc(current.first_break), _utc(current.last_break)
        if last_break_end is not None and _utc(last_break_end) > _utc(current.opens):
            reference, reason = _utc(last_break_end), PlanReason.INTERVAL
        else:
            reference, reason = _utc(current.opens), PlanReason.FIRST_OF_DAY
        candidate = max(reference + step, first)
        if candidate <= now_utc:
            candidate, reason = max(now_utc + rhythm.grace, first), PlanReason.OVERDUE
        if candidate <= last:
            return Plan(candidate.astimezone(zone), reason)

    for offset in range(_SEARCH_DAYS + 1):
        window = window_on(now.date() + timedelta(days=offset), rhythm, zone)
        if window is None or not window.has_room or _utc(window.opens) <= now_utc:
            continue
        at = min(max(_utc(window.opens) + step, _utc(window.first_break)), _utc(window.last_break))
        reason = PlanReason.FIRST_OF_DAY if offset == 0 else PlanReason.NEXT_DAY
        return Plan(at.astimezone(zone), reason)
    return Plan(None, PlanReason.NO_WORKING_DAYS)
