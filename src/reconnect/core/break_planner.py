"""The state behind the tray: active, paused, due or outside hours, and when the next break is.

It never sleeps or polls: the app arms one timer at ``next_wakeup`` and calls ``on_wakeup``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta, tzinfo

from reconnect.core.break_policy import (
    PlanReason,
    Rhythm,
    is_working_time,
    next_break_after,
    next_opening,
    window_at,
)
from reconnect.core.pace import REAL_TIME, Pace
from reconnect.core.plan_status import Mode, Status, Wakeup
from reconnect.core.plan_words import describe

# A wakeup later than this after its planned time means the machine slept or the clock jumped:
# prompting then would only bring a break nobody asked for at that moment.
LATE_LIMIT = timedelta(minutes=5)
MIN_SNOOZE_MINUTES = 1
MAX_SNOOZE_MINUTES = 120

# Mode, Status and Wakeup are part of the planner's interface; they live in plan_status.
__all__ = [
    "LATE_LIMIT",
    "MAX_SNOOZE_MINUTES",
    "MIN_SNOOZE_MINUTES",
    "BreakPlanner",
    "Mode",
    "Status",
    "Wakeup",
]


def _utc(moment: datetime) -> datetime:
    # Datetimes sharing a tzinfo compare by wall time, which is wrong in the repeated autumn
    # hour; every comparison and difference here goes through UTC.
    return moment.astimezone(UTC)


def _zone_of(now: datetime) -> tzinfo:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("the planner needs an aware 'now' in the person's time zone")
    return now.tzinfo


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")
    return moment


def _never_any_break(rhythm: Rhythm, now: datetime) -> bool:
    # Without the random source, so asking does not change the seeded sequence of plans.
    return next_break_after(now, None, rhythm).reason is PlanReason.NO_WORKING_DAYS


class BreakPlanner:
    """Knows whether a break is planned, due, paused or waiting, and answers the tray's actions.

    Every method takes the current time as ``now``: aware, in the person's time zone (a
    ``zoneinfo.ZoneInfo``). All planning goes through ``break_policy.next_break_after``.

    Args:
        rhythm: working hours, interval, randomness and quiet edges.
        rng: the source of randomness for the plans.
        now: the time the planner starts; the first break is planned at once.
        last_break_end: when the person's last break ended, if known.
        pace: runs the rhythm's durations, snoozes and pauses faster (tests only).
    """

    def __init__(
        self,
        rhythm: Rhythm,
        rng: random.Random,
        now: datetime,
        last_break_end: datetime | None = None,
        pace: Pace = REAL_TIME,
    ) -> None:
        _zone_of(now)
        if last_break_end is not None:
            _aware(last_break_end, "the end of the last break")
        self._pace = pace
        self._rhythm = pace.rhythm(rhythm)
        self._rng = rng
        self._last_break_end = last_break_end
        self._never = _never_any_break(rhythm, now)
        self._planned: datetime | None = None
        # Set while the planned break is a snooze, to its length.
        self._snoozed_for: timedelta | None = None
        self._due_since: datetime | None = None  # a prompt is showing
        self._waiting_since: datetime | None = None  # a break came due while the person was away
        self._paused_until: datetime | None = None
        self._practising = False
        self._away_since: datetime | None = None
        self._plan_from(now)

    # -- Reading -----------------------------------------------------------------------------------

    @property
    def rhythm(self) -> Rhythm:
        """The rhythm in force (at the planner's pace)."""
        return self._rhythm

    @property
    def pace(self) -> Pace:
        """How many times faster than real time the rhythm runs; real time outside tests."""
        return self._pace

    @property
    def last_break_end(self) -> datetime | None:
        """When the last break of any kind ended (practice, skip or natural break)."""
        return self._last_break_end

    def status(self, now: datetime) -> Status:
        """What the planner is doing at ``now``; changes nothing."""
        zone = _zone_of(now)

        def local(moment: datetime | None) -> datetime | None:
            return None if moment is None else moment.astimezone(zone)

        if self._paused_until is not None:
            return Status(
                Mode.PAUSED,
                next_break_at=local(self._planned),
                paused_until=local(self._paused_until),
            )
        due = self._due_since or self._waiting_since
        if due is not None:
            return Status(Mode.DUE, due_since=local(due))
        if self._never:
            return Status(Mode.NO_WORKING_DAYS)
        if not is_working_time(now, self._rhythm):
            return Status(
                Mode.OUTSIDE_HOURS,
                next_break_at=local(self._planned),
                opens_at=next_opening(now, self._rhythm),
            )
        return Status(Mode.ACTIVE, next_break_at=local(self._planned))

    def next_wakeup(self, now: datetime) -> datetime | None:
        """When the app should call ``on_wakeup`` next: the planned break (a snooze included)
        or the end of a pause; ``None`` when nothing is planned."""
        zone = _zone_of(now)
        moment = self._paused_until if self._paused_until is not None else self._planned
        return None if moment is None else moment.astimezone(zone)

    def describe(self, now: datetime) -> str:
        """The tray tooltip: one gentle sentence about what comes next."""
        return describe(self.status(now), now)

    # -- The app's timer and settings --------------------------------------------------------------

    def set_rhythm(self, rhythm: Rhythm, now: datetime) -> None:
        """Apply new settings and plan again at once; a pause, a showing prompt and a running
        practice stay as they are."""
        _zone_of(now)
        self._rhythm = self._pace.rhythm(rhythm)
        self._never = _never_any_break(rhythm, now)
        self._end_expired_pause(now)
        if self._due_since is None and self._waiting_since is None:
            self._plan_now(now)

    def on_wakeup(self, now: datetime) -> Wakeup:
        """The armed time has come, or the app checks again.

        Returns:
            ``Wakeup.PROMPT`` once when a break comes due and the person is not away;
            ``Wakeup.NOTHING`` otherwise. A wakeup more than ``LATE_LIMIT`` after the planned
            time (the machine slept) plans again from ``now`` instead of prompting.
        """
        _zone_of(now)
        if self._paused_until is not None:
            self._end_expired_pause(now)
            return Wakeup.NOTHING
        if self._planned is None or _utc(now) < _utc(self._planned):
            return Wakeup.NOTHING
        if _utc(now) - _utc(self._planned) > LATE_LIMIT:
            self._plan_from(now)
            return Wakeup.NOTHING
        if self._away_since is not None:
            # The break waits; coming back will count as the break itself.
            self._waiting_since = self._planned
            self._forget_plan()
            return Wakeup.NOTHING
        self._due_since = now
        self._forget_plan()
        return Wakeup.PROMPT

    def replan(self, now: datetime) -> None:
        """Plan again from ``now`` after sleep or a wall-clock jump.

        The last break end and a pause are kept; a showing prompt is dropped (the app closes
        it). A snooze is kept while it still lies ahead within its own length.
        """
        _zone_of(now)
        self._clear_prompt()
        self._end_expired_pause(now)
        snooze = self._snoozed_for
        if (
            snooze is not None
            and self._paused_until is None
            and self._planned is not None
            and _utc(now) < _utc(self._planned) <= _utc(now) + snooze
        ):
            return
        self._plan_now(now)

    # -- The person's answers ----------------------------------------------------------------------

    def started(self, now: datetime) -> None:
        """A practice begins: nothing is due any more, and nothing is planned while it runs."""
        _zone_of(now)
        self._clear_prompt()
        self._practising = True
        self._forget_plan()

    def finished(self, now: datetime) -> None:
        """The practice ended: the next break comes an interval from now."""
        _zone_of(now)
        self._practising = False
        self._clear_prompt()
        self._last_break_end = now
        self._end_expired_pause(now)
        self._plan_now(now)

    def snooze(self, now: datetime, minutes: int) -> None:
        """Bring the break back in ``minutes`` (1 to 120).

        When that falls after today's last break time, the break moves to the next working
        window instead. During a pause the pause stays and the snooze changes nothing.

        Raises:
            ValueError: ``minutes`` is out of range.
        """
        zone = _zone_of(now)
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not MIN_SNOOZE_MINUTES <= minutes <= MAX_SNOOZE_MINUTES
        ):
            raise ValueError(
                f"a snooze lasts {MIN_SNOOZE_MINUTES} to {MAX_SNOOZE_MINUTES} minutes, "
                f"not {minutes}"
            )
        self._end_expired_pause(now)
        if self._paused_until is not None:
            return
        self._clear_prompt()
        self._practising = False
        length = self._pace.duration(timedelta(minutes=minutes))
        target = _utc(now) + length
        window = window_at(now, self._rhythm)  # a night shift's opened yesterday
        if window is not None and window.has_room and target <= _utc(window.last_break):
            # Only the quiet start can hold a snooze back, as it holds back every break.
            self._planned = max(target, _utc(window.first_break)).astimezone(zone)
            self._snoozed_for = length
            return
        opening = next_opening(now, self._rhythm)
        if opening is None:
            self._forget_plan()
            return
        self._plan_from(opening)

    def skip_next(self, now: datetime) -> None:
        """Let the planned (or due) break go, as if it had ended at its planned time (or now,
        when it is due); the next one comes an interval later, never in the past."""
        zone = _zone_of(now)
        self._end_expired_pause(now)
        if self._due_since is not None or self._waiting_since is not None:
            ended = _utc(now)
        elif self._planned is not None:
            ended = max(_utc(self._planned), _utc(now))
        else:
            return
        self._clear_prompt()
        self._last_break_end = ended.astimezone(zone)
        # Planned as seen from the skipped break itself: the policy ignores a last break that
        # lies in a later window than "now", which would bring tomorrow's skipped break back.
        self._plan_from(self._last_break_end)

    def missed(self, now: datetime) -> None:
        """The prompt was left alone: the same as a skip. Without a showing prompt, nothing."""
        if self._due_since is None:
            _zone_of(now)
            return
        self.skip_next(now)

    def pause(self, now: datetime, until: datetime) -> None:
        """No prompts until ``until``; then the next break is planned from there.

        A showing prompt and a snooze end; a running practice goes on.

        Raises:
            ValueError: ``until`` is not after ``now``.
        """
        zone = _zone_of(now)
        _aware(until, "the end of a pause")
        if _utc(until) <= _utc(now):
            raise ValueError("a pause needs to end after now")
        self._clear_prompt()
        self._paused_until = until.astimezone(zone)
        self._plan_now(now)

    def pause_for(self, now: datetime, duration: timedelta) -> None:
        """Pause for ``duration`` of real time.

        Raises:
            ValueError: ``duration`` is not positive.
        """
        zone = _zone_of(now)
        if duration <= timedelta(0):
            raise ValueError("a pause needs to last a while, more than 0 minutes")
        self.pause(now, (_utc(now) + self._pace.duration(duration)).astimezone(zone))

    def pause_until_tomorrow(self, now: datetime) -> None:
        """Pause until the first working window that opens after today; during a night shift,
        "today" is the day the shift began, so its next night is the one after.

        Raises:
            ValueError: no day of the week has working hours.
        """
        zone = _zone_of(now)
        window = window_at(now, self._rhythm)
        today = now.date() if window is None else window.day
        end_of_today = datetime.combine(today, time.max, tzinfo=zone)
        opening = next_opening(_utc(end_of_today).astimezone(zone), self._rhythm)
        if opening is None:
            raise ValueError(
                "No working hours are set, so there is no next working day to wait for"
            )
        self.pause(now, opening)

    def resume(self, now: datetime) -> None:
        """End a pause or a snooze at once and plan from the last break end (never sooner than
        the policy's grace after now). Otherwise nothing changes."""
        _zone_of(now)
        if self._paused_until is None and self._snoozed_for is None:
            return
        self._paused_until = None
        self._plan_now(now)

    def away(self, now: datetime, since: datetime) -> None:
        """The person has been idle since ``since``: a break that comes due meanwhile waits.

        Raises:
            ValueError: ``since`` is after ``now``.
        """
        _zone_of(now)
        _aware(since, "the start of being away")
        if _utc(since) > _utc(now):
            raise ValueError("the person can't have been away since a time after now")
        if self._away_since is None or _utc(since) < _utc(self._away_since):
            self._away_since = since

    def back(self, now: datetime) -> bool:
        """The person is back: time away was a natural break, so the next one is an interval
        from now.

        Returns:
            Whether a due or waiting break was dropped (the app records it as a natural break).
        """
        _zone_of(now)
        if self._away_since is None:
            return False
        self._away_since = None
        dropped = self._due_since is not None or self._waiting_since is not None
        self._clear_prompt()
        self._last_break_end = now
        self._end_expired_pause(now)
        self._plan_now(now)
        return dropped

    # -- Inside ------------------------------------------------------------------------------------

    def _plan_from(self, moment: datetime) -> None:
        plan = next_break_after(moment, self._last_break_end, self._rhythm, self._rng)
        self._planned = plan.at
        self._snoozed_for = None

    def _plan_now(self, now: datetime) -> None:
        """Plan from now, or from the end of the pause; nothing while a practice runs."""
        if self._practising:
            self._forget_plan()
        elif self._paused_until is not None:
            self._plan_from(self._paused_until.astimezone(now.tzinfo))
        else:
            self._plan_from(now)

    def _forget_plan(self) -> None:
        self._planned = None
        self._snoozed_for = None

    def _clear_prompt(self) -> None:
        self._due_since = None
        self._waiting_since = None

    def _end_expired_pause(self, now: datetime) -> None:
        if self._paused_until is None or _utc(now) < _utc(self._paused_until):
            return
        self._paused_until = None
        # The plan made from the pause's end stands while it still lies ahead.
        if self._practising or self._planned is None or _utc(self._planned) <= _utc(now):
            self._plan_now(now)
