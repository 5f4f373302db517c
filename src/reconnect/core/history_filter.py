"""Which moments the history list shows: a date range, a practice, what stirred, and words.

Plain values, so the same filter can be checked in tests and turned into SQL by storage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Final, Literal

from reconnect.core.errors import InputError
from reconnect.core.vocabulary import SparkLevel

ANY_LEVEL: Final = "any"
NO_CHECKIN: Final = "no check-in"

LevelFilter = SparkLevel | Literal["any", "no check-in"]


@dataclass(frozen=True)
class HistoryFilter:
    """What to show; the defaults show everything.

    Attributes:
        since: the first local date shown (inclusive); None for no lower bound.
        until: the last local date shown (inclusive); None for no upper bound.
        practice_id: only this practice; None for all.
        level: ``"any"``, ``"no check-in"``, or one spark level (nothing is a level too).
        text: words to find in the note, the feeling words or the body areas, ignoring case.
        computer: only the sessions recorded on this computer (a shared history); None for
            all. Chosen with the range, on the dashboard, so clearing leaves it as it is.
    """

    since: date | None = None
    until: date | None = None
    practice_id: str | None = None
    level: LevelFilter = ANY_LEVEL
    text: str = ""
    computer: str | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise InputError(
                f"the range starts on {self.since.isoformat()}, after it ends "
                f"({self.until.isoformat()}); choose a start on or before the end"
            )
        object.__setattr__(self, "level", _level(self.level))
        object.__setattr__(self, "text", (self.text or "").strip())
        object.__setattr__(self, "practice_id", self.practice_id or None)
        object.__setattr__(self, "computer", self.computer or None)

    @property
    def is_narrowed(self) -> bool:
        """Whether a practice, a level or words narrow the list (the range aside)."""
        return self.practice_id is not None or self.level != ANY_LEVEL or bool(self.text)

    def cleared(self) -> HistoryFilter:
        """The same range with nothing else narrowing it."""
        return replace(self, practice_id=None, level=ANY_LEVEL, text="")

    def with_range(self, since: date | None, until: date | None) -> HistoryFilter:
        return replace(self, since=since, until=until)

    def with_computer(self, computer: str | None) -> HistoryFilter:
        return replace(self, computer=computer)


def _level(value: object) -> LevelFilter:
    if isinstance(value, SparkLevel):
        return value
    if value == ANY_LEVEL:
        return ANY_LEVEL
    if value == NO_CHECKIN:
        return NO_CHECKIN
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3:
        return SparkLevel(value)
    raise InputError(f"what stirred is 'any', 'no check-in' or a level 0 to 3; got {value!r}")
