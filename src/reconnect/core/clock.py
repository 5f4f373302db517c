"""Time, injected: the core never asks the system for the time itself."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


def local_zone(environ: Mapping[str, str] | None = None, etc: str | Path = "/etc") -> tzinfo:
    """The system's time zone with its rules (a ZoneInfo), so daylight saving is known.

    Looks at ``TZ``, then ``/etc/localtime`` (a link into the zone database), then
    ``/etc/timezone``; falls back to the current fixed offset when none names a zone.

    It is looked up again every few minutes for as long as the app runs, so it reads the
    files by their names as text: a ``pathlib.Path`` adds each part of its path to Python's
    table of interned names and drops it again, and in the soak benchmark this lookup made
    36,600 of the 37,000 such additions (the table is rebuilt, and may double, as they add up).
    """
    environ = os.environ if environ is None else environ
    names: list[str] = []
    if environ.get("TZ"):
        names.append(environ["TZ"].lstrip(":"))
    # Names as text, not pathlib (above).
    with contextlib.suppress(OSError):
        target = os.readlink(os.path.join(etc, "localtime"))  # noqa: PTH115, PTH118
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    with (
        contextlib.suppress(OSError),
        open(os.path.join(etc, "timezone"), encoding="utf-8") as text,  # noqa: PTH118, PTH123
    ):
        names.append(text.read().strip())
    for name in names:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    fixed = datetime.now().astimezone().tzinfo
    return fixed if fixed is not None else UTC


class SystemClock:
    """The real clock, in the system's local time zone (looked up again by ``refresh_zone``)."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone or local_zone()

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def monotonic(self) -> float:
        return time.monotonic()

    def localize(self, naive: datetime) -> datetime:
        # Through UTC, so a wall time in the spring gap moves forward like a clock would.
        aware = naive.replace(tzinfo=self.zone)
        return aware.astimezone(UTC).astimezone(self.zone)

    def refresh_zone(self) -> None:
        """Pick up a changed system time zone (after travel, or a resume)."""
        self.zone = local_zone()


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
        self.jump_wall(delta)
        self._monotonic += delta.total_seconds()

    def jump_wall(self, delta: timedelta) -> None:
        """Move only the wall clock, as when the system time is changed by hand."""
        # Through UTC: adding to an aware local time moves the clock face, not the instant.
        self._now = (self._now.astimezone(UTC) + delta).astimezone(self.zone)

    def suspend(self, delta: timedelta) -> None:
        """Sleep the machine: the wall clock moves, the monotonic clock stands still."""
        self.jump_wall(delta)

    def set_zone(self, zone: tzinfo) -> None:
        """Travel: the same instant, read in another time zone."""
        self.zone = zone
        self._now = self._now.astimezone(zone)
