"""Use cases of comparing two practices: starting, stopping and reading an experiment, and which
practice its next break offers. One experiment runs at a time.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from reconnect.core.clock import Clock
from reconnect.core.errors import InputError
from reconnect.core.experiments import (
    BREAKS_BOUNDS,
    DEFAULT_BREAKS,
    ArmCounts,
    Experiment,
    ExperimentResult,
    Offer,
    new_seed,
    next_offer,
    result,
)
from reconnect.core.i18n import translate
from reconnect.core.library import Library
from reconnect.core.sessions import Moment, new_id
from reconnect.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from reconnect.storage.experiment_repository import ExperimentRepository


class ExperimentRefused(InputError):
    """An experiment can't be started as asked; the message says what to do."""


def read_offer(repository: ExperimentRepository) -> Offer | None:
    """What the next break offers while an experiment runs; None when none runs."""
    experiment = repository.running()
    if experiment is None:
        return None
    return next_offer(experiment, repository.offered(experiment.id))


def result_of(repository: ExperimentRepository, experiment: Experiment) -> ExperimentResult:
    """An experiment's result from the history's counts of its offers."""
    counts = repository.arm_counts(experiment.id)
    return result(
        experiment,
        counts.get(experiment.practice_a, ArmCounts()),
        counts.get(experiment.practice_b, ArmCounts()),
    )


class Experiments:
    """Experiments in the history; each call is its own unit of work.

    A database problem comes out as ``DatabaseProblem``.

    Args:
        sessions: the database's session factory.
        clock: now.
        library: the practices (their ids are checked, their titles kept).
        rng: chance, for each experiment's seed.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        library: Library,
        rng: random.Random | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._library = library
        self._rng = rng or random.Random()

    def start(self, a: str, b: str, breaks: int = DEFAULT_BREAKS) -> ExperimentResult:
        """Start comparing practices ``a`` and ``b`` over the next ``breaks`` breaks.

        Raises:
            ExperimentRefused: one runs already, ``a`` and ``b`` are the same, an id is not a
                practice, or ``breaks`` is out of bounds; nothing was written.
        """
        low, high = BREAKS_BOUNDS
        if not low <= breaks <= high:
            raise ExperimentRefused(
                translate(
                    "Experiments",
                    "The number of breaks can be between {low} and {high}, not {breaks}.",
                ).format(low=low, high=high, breaks=breaks)
            )
        if a == b:
            raise ExperimentRefused(
                translate(
                    "Experiments",
                    "Choose two different practices to compare ({id} was named twice).",
                ).format(id=a)
            )
        practices = []
        for practice_id in (a, b):
            practice = self._library.get(practice_id)
            if practice is None:
                raise ExperimentRefused(
                    self._library.unknown(practice_id) + " See 'reconnect practices'."
                )
            practices.append(practice)
        first, second = practices
        with UnitOfWork(self._sessions) as uow:
            running = uow.experiments.running()
            if running is not None:
                raise ExperimentRefused(
                    translate(
                        "Experiments",
                        "A comparison of {a} and {b} is under way, and one runs at a time. You "
                        "can stop it in the dashboard's Compare tab or with 'reconnect "
                        "experiment stop'.",
                    ).format(a=running.title_a, b=running.title_b)
                )
            experiment = Experiment(
                id=new_id(),
                practice_a=first.id,
                title_a=first.title,
                practice_b=second.id,
                title_b=second.title,
                breaks=breaks,
                seed=new_seed(self._rng),
                started_at=Moment.of(self._clock.now()).local,
            )
            uow.experiments.add(experiment)
            uow.commit()
            return result_of(uow.experiments, experiment)

    def stop(self) -> ExperimentResult | None:
        """End the running experiment now; None when none was running."""
        with UnitOfWork(self._sessions) as uow:
            experiment = uow.experiments.running()
            if experiment is None:
                return None
            early = uow.experiments.offered(experiment.id) < experiment.breaks
            uow.experiments.end(experiment.id, Moment.of(self._clock.now()), stopped_early=early)
            uow.commit()
            ended = uow.experiments.get(experiment.id)
            assert ended is not None
            return result_of(uow.experiments, ended)

    def running(self) -> ExperimentResult | None:
        """The running experiment and what it says so far; None when none runs."""
        with UnitOfWork(self._sessions, reading=True) as uow:
            experiment = uow.experiments.running()
            return result_of(uow.experiments, experiment) if experiment else None

    def latest(self) -> ExperimentResult | None:
        """The running experiment, else the one that ended last; None before the first."""
        with UnitOfWork(self._sessions, reading=True) as uow:
            experiment = uow.experiments.running()
            if experiment is None:
                ended = uow.experiments.ended()
                experiment = ended[0] if ended else None
            return result_of(uow.experiments, experiment) if experiment else None

    def finished(self) -> list[ExperimentResult]:
        """The experiments that ended, newest first."""
        with UnitOfWork(self._sessions, reading=True) as uow:
            return [result_of(uow.experiments, e) for e in uow.experiments.ended()]

    def next_offer(self) -> Offer | None:
        """The next break's offer while an experiment runs; None when none runs."""
        with UnitOfWork(self._sessions, reading=True) as uow:
            return read_offer(uow.experiments)

    def next_practice(self) -> str | None:
        """The practice the next break offers while an experiment runs; None when none runs."""
        offer = self.next_offer()
        return offer.practice_id if offer else None
