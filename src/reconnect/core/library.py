"""The practice library's container: the practices that loaded, by id, read on first use.

Apart from the practices' classes (``core.practices``), so the tray can hold its library, still
unread, without making them: they are made when the files are read, after the tray shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect.core.practices import LibraryProblem, Practice


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
