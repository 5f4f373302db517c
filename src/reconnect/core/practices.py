"""The practice library: small guided moments of sensation, described as data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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


class Library:
    """All the practices that loaded, by id, in a stable order (title).

    A library can also be made ``deferred``: its files are read on first use, so the tray
    can show itself before the practices are parsed.
    """

    def __init__(self, practices: Iterable[Practice], problems: Iterable[LibraryProblem] = ()):
        self._practices = {
            p.id: p for p in sorted(practices, key=lambda p: (p.title.lower(), p.id))
        }
        self._problems: tuple[LibraryProblem, ...] = tuple(problems)
        self._pending: Callable[[], Library] | None = None

    @classmethod
    def deferred(cls, load: Callable[[], Library]) -> Library:
        """A library that calls ``load`` the first time anything is asked of it."""
        library = cls([])
        library._pending = load
        return library

    @property
    def _by_id(self) -> dict[str, Practice]:
        if self._pending is not None:
            load, self._pending = self._pending, None
            self.replace_with(load())
        return self._practices

    @property
    def problems(self) -> tuple[LibraryProblem, ...]:
        _ = self._by_id  # loads a deferred library
        return self._problems

    @property
    def loaded(self) -> bool:
        return self._pending is None

    def replace_with(self, other: Library) -> None:
        """Take ``other``'s practices and problems, so everyone holding this library sees them
        (after the person adds, changes or deletes a practice of their own)."""
        self._practices = dict(other._by_id)
        self._problems = other.problems
        self._pending = None

    def __iter__(self) -> Iterator[Practice]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, practice_id: object) -> bool:
        return practice_id in self._by_id

    def get(self, practice_id: str) -> Practice | None:
        return self._by_id.get(practice_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def close_ids(self, wrong: str, limit: int = 3) -> list[str]:
        """Ids that look like ``wrong``, for a "did you mean" hint."""
        import difflib  # only when a name is wrong: not at every start

        candidates = self.ids()
        matches = difflib.get_close_matches(wrong.lower(), candidates, n=limit, cutoff=0.75)
        if not matches:
            matches = [c for c in candidates if wrong.lower() in c][:limit]
        return matches

    def unknown(self, wrong: str) -> str:
        """The message for an id that is not in the library, with close ids as a hint."""
        close = self.close_ids(wrong)
        hint = f" Did you mean {' or '.join(close)}?" if close else ""
        return f"there is no practice {wrong!r}.{hint}"

    def senses_covered(self) -> set[str]:
        return {sense for practice in self for sense in practice.senses}

    def matching(self, sense: str | None = None, max_minutes: int | None = None) -> list[Practice]:
        """The practices that engage ``sense`` and take at most ``max_minutes``; None: any."""
        return [
            p
            for p in self
            if (sense is None or sense in p.senses)
            and (max_minutes is None or p.minutes <= max_minutes)
        ]
