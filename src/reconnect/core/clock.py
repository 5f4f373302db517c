"""Time, injected: the core never asks the system for the time itself."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Where the core gets "now" from.

    ``now()`` is an aware datetime in the person's local time zone; ``monotonic()``
    never jumps, which lets the app notice sleep and wall-clock changes.
    """

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    def localize(self, naive: datetime) -> datetime:
        """Read a naive datetime as local wall time and return it aware."""
        ...


class SystemClock:
    """The real clock, in the system's local time zone."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def localize(self, naive: datetime) -> datetime:
        return naive.astimezone()


class FakeClock:
    """A clock that moves only when told to; for tests and simulations.

    Args:
        start: the first "now"; aware.
        zone: the local time zone; defaults to ``start``'s.
    """

    def __init__(self, start: datetime, zone: tzinfo | None = None) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware start time")
        self.zone: tzinfo = zone or start.tzinfo
        self._now = start.astimezone(self.zone)
        self._monotonic = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def localize(self, naive: datetime) -> datetime:
        # fold=0 picks the earlier of two ambiguous wall times, as most people would mean.
        return naive.replace(tzinfo=self.zone)

    def advance(self, delta: timedelta) -> None:
        """Let time pass: both the wall clock and the monotonic clock move."""
        self._now = (self._now + delta).astimezone(self.zone)
        self._monotonic += delta.total_seconds()

    def jump_wall(self, delta: timedelta) -> None:
        """Move only the wall clock, as when the system time is changed by hand."""
        self._now = (self._now + delta).astimezone(self.zone)

    def suspend(self, delta: timedelta) -> None:
        """Sleep the machine: the wall clock moves, the monotonic clock stands still."""
        self.jump_wall(delta)

    def set_zone(self, zone: tzinfo) -> None:
        """Travel: the same instant, read in another time zone."""
        self.zone = zone
        self._now = self._now.astimezone(zone)
