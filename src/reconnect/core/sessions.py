"""Break sessions and spark check-ins: what happened, when, and what stirred."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from reconnect.core.triggers import Outcome as Outcome  # where they were first; kept
from reconnect.core.triggers import Trigger as Trigger
from reconnect.core.vocabulary import SparkLevel


@dataclass(frozen=True, order=True)
class Moment:
    """An instant together with the local UTC offset in force at that moment.

    Keeping the offset keeps "what hour was it for the person" true across
    daylight-saving changes and travel.
    """

    utc: datetime
    offset_minutes: int

    def __post_init__(self) -> None:
        # ``tzinfo is UTC`` first: the common case, without asking for the offset (an import
        # makes tens of thousands of moments).
        if self.utc.tzinfo is not UTC and (
            self.utc.tzinfo is None or self.utc.utcoffset() != timedelta(0)
        ):
            raise ValueError("Moment.utc must be an aware UTC datetime")
        if not -18 * 60 <= self.offset_minutes <= 18 * 60:
            raise ValueError("a UTC offset lies between -18:00 and +18:00")

    @classmethod
    def of(cls, aware: datetime) -> Moment:
        """The moment of an aware datetime, keeping its offset."""
        offset = aware.utcoffset()
        if offset is None:
            raise ValueError("a naive datetime has no moment; give it a time zone")
        # Whole seconds: what the export writes, so a history survives a round trip exactly.
        utc = aware.astimezone(UTC)
        if utc.microsecond:
            utc = utc.replace(microsecond=0)
        return cls(utc, round(offset.total_seconds() / 60))

    @property
    def local(self) -> datetime:
        """Wall time as the person saw it, with a fixed offset."""
        return self.utc.astimezone(timezone(timedelta(minutes=self.offset_minutes)))

    def isoformat(self) -> str:
        return self.local.isoformat(timespec="seconds")

    @classmethod
    def parse(cls, text: str) -> Moment:
        """Read an ISO 8601 time with an offset, as written by ``isoformat``.

        Raises:
            ValueError: the text is not such a time.
        """
        value = datetime.fromisoformat(text)
        if value.tzinfo is None:
            raise ValueError(f"{text!r} has no UTC offset (for example +01:00 or Z)")
        return cls.of(value)


def new_id() -> str:
    """A fresh, globally unique id, so that histories from several places can merge."""
    import uuid  # when first needed: the module (and platform, which it loads) is not small

    return str(uuid.uuid4())


@dataclass(frozen=True)
class CheckIn:
    """What the person noticed after a practice.

    Attributes:
        level: nothing, a flicker, a spark or a glow.
        body_areas: where in the body, from ``vocabulary.BODY_AREAS``.
        feelings: a word or two, the person's own or from ``vocabulary.FEELING_WORDS``.
        note: free text, possibly a journaling entry.
    """

    id: str
    session_id: str
    at: Moment
    level: SparkLevel
    body_areas: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class BreakSession:
    """One offered or practised break, from its start to its outcome.

    A session with no ``ended``/``outcome`` is still running (or was cut off by a crash).
    ``computer`` is the name of the computer it was recorded on, as read back from the
    history (None for a session not stored yet: it takes the name of the computer storing it).
    It is not part of what the session is, so it is left out of comparisons.
    """

    id: str
    practice_id: str
    practice_title: str
    trigger: Trigger
    started: Moment
    ended: Moment | None = None
    outcome: Outcome | None = None
    checkin: CheckIn | None = field(default=None, compare=False)
    computer: str | None = field(default=None, compare=False)

    @property
    def is_open(self) -> bool:
        return self.outcome is None
