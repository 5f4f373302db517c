"""Which practice the next break offers: learnt from the history, never one just offered."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable

from reconnect.core.clock import Clock
from reconnect.core.daylight import chosen_place
from reconnect.core.practices import Library
from reconnect.core.settings import Settings
from reconnect.core.suggestion import Suggestion, beliefs, fitting, suggest_learning
from reconnect.services.rhythm_ports import BreakHistory
from reconnect.storage.problems import DatabaseProblem, explain

log = logging.getLogger(__name__)

RECENT = 3  # a practice offered among the last few is not offered again


class Suggestions:
    """The practice the next break would offer, kept until it is offered.

    Args:
        settings: the settings in force (headphones, practices turned off).
    """

    def __init__(
        self,
        clock: Clock,
        library: Library,
        history: BreakHistory,
        rng: random.Random,
        settings: Callable[[], Settings],
    ) -> None:
        self._clock = clock
        self._library = library
        self._history = history
        self._rng = rng
        self._settings = settings
        self._offered: list[str] = []
        self._next: Suggestion | None = None

    def next(self) -> Suggestion | None:
        """The practice the next break would offer; None when none fits now."""
        if self._next is None or self._next.practice.id not in self._library:
            self._next = self._pick(avoid=self._offered[-RECENT:])
        return self._next

    def forget(self) -> None:
        """Choose again next time (it was offered, or the settings changed)."""
        self._next = None

    def offered(self, practice_id: str) -> None:
        self._offered.append(practice_id)

    def instead_of(self, practice_id: str) -> Suggestion | None:
        """Another practice than the one on offer, for "Another one"."""
        return self._pick(avoid=[practice_id, *self._offered[-RECENT:]])

    def _pick(self, avoid: list[str]) -> Suggestion | None:
        settings = self._settings()
        candidates = fitting(
            self._library,
            self._clock.now(),
            settings["practices.have_headphones"],
            settings["practices.disabled"],
            chosen_place(settings["place.latitude"], settings["place.longitude"]),
        )
        try:
            counts = list(self._history.practice_counts())
        except DatabaseProblem as error:
            # The history can't be read just now: suggest as to a newcomer, and go on.
            log.warning("the history could not be read: %s", explain(error, reading=True))
            counts = []
        posteriors, prior = beliefs(counts)
        return suggest_learning(candidates, posteriors, self._rng, prior, avoid=avoid)
