"""How many times faster than real time the breaks and practices run: 1, except in tests.

``RECONNECT_TEST_SPEED=N`` divides every duration of the rhythm and the player by N, so a test
or a benchmark can watch a day's breaks arrive in seconds. The clock itself stays real, so
working hours stay true. It is never a setting; see docs/testing.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from functools import cache

from reconnect.core.break_policy import Rhythm
from reconnect.core.clock import Clock
from reconnect.core.errors import InputError

SPEED_VARIABLE = "RECONNECT_TEST_SPEED"
POLL_MS = 30_000  # the rhythm's checks (idle, busy, the clock): never more often in real time


@cache
def _paced_rhythm() -> type[Rhythm]:
    """The class of a rhythm run faster, made when a test speed first asks for it (making a
    dataclass costs the start of every run about half a millisecond)."""

    @dataclass(frozen=True)
    class PacedRhythm(Rhythm):
        """A rhythm checked as the person chose it, then run faster: its interval may lie
        below the shortest a person can choose."""

        def __post_init__(self) -> None:
            pass  # checked before its durations were divided (``Pace.rhythm``)

    return PacedRhythm


class _PacedClock:
    """The real date and time, with monotonic seconds running ``speed`` times faster."""

    def __init__(self, clock: Clock, speed: int) -> None:
        self._clock = clock
        self._speed = speed
        self._origin = clock.monotonic()

    def now(self) -> datetime:
        return self._clock.now()

    def monotonic(self) -> float:
        return self._origin + (self._clock.monotonic() - self._origin) * self._speed

    def localize(self, naive: datetime) -> datetime:
        return self._clock.localize(naive)


@dataclass(frozen=True)
class Pace:
    """The speed of this run's durations.

    Attributes:
        speed: how many times faster than real time; 1 in real use.

    Raises:
        ValueError: ``speed`` is not a whole number of 1 or more.
    """

    speed: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.speed, bool) or not isinstance(self.speed, int) or self.speed < 1:
            raise ValueError(f"a pace is a whole number of 1 or more, not {self.speed!r}")

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Pace:
        """The pace ``RECONNECT_TEST_SPEED`` asks for; real time when it is not set.

        Raises:
            InputError: the value is not a whole number of 1 or more.
        """
        text = environ.get(SPEED_VARIABLE, "").strip()
        if not text:
            return cls()
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise InputError(
                f"{SPEED_VARIABLE} must be a whole number of 1 or more (how many times faster "
                f"breaks and practices run, for tests only), not {text!r}"
            )
        return cls(int(text))

    @property
    def is_real(self) -> bool:
        return self.speed == 1

    def duration(self, real: timedelta) -> timedelta:
        """How long ``real`` lasts at this pace."""
        return real / self.speed

    def milliseconds(self, real: int) -> int:
        """A timer's interval at this pace, never below one millisecond."""
        return max(1, real // self.speed)

    def poll_milliseconds(self) -> int:
        """How often the rhythm checks idle time, a busy call and the clock at this pace."""
        return self.milliseconds(POLL_MS)

    def rhythm(self, rhythm: Rhythm) -> Rhythm:
        """``rhythm`` with every duration (interval, randomness, quiet edges, grace) divided;
        its working hours stay as they are."""
        if self.is_real:
            return rhythm
        values = {field.name: getattr(rhythm, field.name) for field in fields(rhythm)}
        for name, value in values.items():
            if isinstance(value, timedelta):
                values[name] = self.duration(value)
        return _paced_rhythm()(**values)

    def practice_clock(self, clock: Clock) -> Clock:
        """The clock a practice's steps count on: ``clock``, its seconds running faster."""
        return clock if self.is_real else _PacedClock(clock, self.speed)


REAL_TIME = Pace()
