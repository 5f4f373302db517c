"""The practice library: small guided moments of sensation, described as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reconnect.core.vocabulary import Place


class StepKind(StrEnum):
    """How the player presents a step."""

    GUIDE = "guide"  # words to follow, with a countdown
    BREATH = "breath"  # a breathing pacer follows the step's pattern
    STRETCH = "stretch"  # a movement, usually with an illustration
    MUSIC = "music"  # the person's own chill-giving music plays
    AWAY = "away"  # the person leaves the screen; the timer keeps running
    JOURNAL = "journal"  # a text box for a few written words


@dataclass(frozen=True)
class BreathPattern:
    """Seconds to breathe in, hold, breathe out and hold again."""

    inhale: float
    hold_in: float
    exhale: float
    hold_out: float

    @property
    def cycle_seconds(self) -> float:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    def label(self) -> str:
        parts = (self.inhale, self.hold_in, self.exhale, self.hold_out)
        return "-".join(f"{p:g}" for p in parts)


@dataclass(frozen=True)
class Step:
    text: str
    seconds: int
    kind: StepKind = StepKind.GUIDE
    breath: BreathPattern | None = None
    chime: bool = True
    illustration: str | None = None


@dataclass(frozen=True)
class Practice:
    """One practice of the library.

    Attributes:
        id: stable identifier, also the data file's name.
        senses: the senses it engages, from ``vocabulary.SENSES``.
        place: where it fits in the day.
        alternative: a practice to offer when the person can't do this one right now.
        own: True for the person's own practices, False for the bundled ones.
    """

    id: str
    title: str
    summary: str
    senses: tuple[str, ...]
    place: Place
    steps: tuple[Step, ...]
    needs_headphones: bool = False
    safety: str | None = None
    alternative: str | None = None
    own: bool = False
    source: Path | None = field(default=None, compare=False)

    @property
    def seconds(self) -> int:
        """How long the practice takes: the sum of its steps."""
        return sum(step.seconds for step in self.steps)

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded to the nearest and never less than one."""
        return max(1, round(self.seconds / 60))


@dataclass(frozen=True)
class LibraryProblem:
    """A practice file that could not be used, and why.

    Attributes:
        file: the file's name or path as the person would find it.
        field: the field at fault, such as ``steps[2].seconds``; empty for the whole file.
        problem: what is wrong, in plain words.
    """

    file: str
    field: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.problem}"
