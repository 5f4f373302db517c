"""Which practice the next break offers: learnt from the history, never one just offered; or,
while an experiment compares two practices, the one its random order gives."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from reconnect.core.clock import Clock
from reconnect.core.settings import Settings
from reconnect.services.rhythm_ports import BreakHistory
from reconnect.storage.problems import DatabaseProblem, explain

if TYPE_CHECKING:
    from reconnect.core.experiments import Offer
    from reconnect.core.library import Library
    from reconnect.core.practices import Practice
    from reconnect.core.suggestion import ExperimentSuggestion, Suggestion

log = logging.getLogger(__name__)

RECENT = 3  # a practice offered among the last few is not offered again
# The chance of an experiment's practice: half of the breaks offer each (permuted pairs); the
# other one, offered because the first can't be now, is offered for certain.
ASSIGNED_CHANCE = 0.5


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
        """The practice the next break would offer; None when none fits now.

        While an experiment runs, the practice its order gives (asked of the history each
        time, so one started from the command line counts from the next break on), even if
        offered just before; the other one when that can't be offered now; the usual
        suggestion, not counted, when neither can.
        """
        if (chosen := self._for_experiment()) is not None:
            return chosen
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

    def _fitting(self) -> list[Practice]:
        # Imported here, as below: the tray shows itself before the suggestion's classes.
        from reconnect.core.daylight import chosen_place
        from reconnect.core.suggestion import fitting

        settings = self._settings()
        return fitting(
            self._library,
            self._clock.now(),
            settings["practices.have_headphones"],
            settings["practices.disabled"],
            chosen_place(settings["place.latitude"], settings["place.longitude"]),
        )

    def _for_experiment(self) -> ExperimentSuggestion | None:
        try:
            offer: Offer | None = self._history.experiment_offer()
        except DatabaseProblem as error:
            log.warning("the history could not be read: %s", explain(error, reading=True))
            return None
        if offer is None:
            return None
        from reconnect.core.suggestion import ExperimentSuggestion

        fits = {practice.id: practice for practice in self._fitting()}
        for practice_id, chance in ((offer.practice_id, ASSIGNED_CHANCE), (offer.other_id, 1.0)):
            if practice_id in fits:
                return ExperimentSuggestion(fits[practice_id], chance, offer.experiment_id)
        log.info("neither practice of the experiment fits now; the usual suggestion instead")
        return None

    def _pick(self, avoid: list[str]) -> Suggestion | None:
        from reconnect.core.suggestion import beliefs, suggest_learning

        candidates = self._fitting()
        try:
            counts = list(self._history.practice_counts())
        except DatabaseProblem as error:
            # The history can't be read just now: suggest as to a newcomer, and go on.
            log.warning("the history could not be read: %s", explain(error, reading=True))
            counts = []
        posteriors, prior = beliefs(counts)
        return suggest_learning(candidates, posteriors, self._rng, prior, avoid=avoid)


def experiment_of(suggestion: Suggestion) -> str | None:
    """The experiment a suggestion's offer belongs to; None for the usual suggestions."""
    return getattr(suggestion, "experiment_id", "") or None  # ``ExperimentSuggestion``'s
