"""Logging, exporting and importing the history, each as one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core.errors import InputError
from reconnect.core.history_experiments import ExportedExperiment
from reconnect.core.history_export import to_csv, to_json
from reconnect.core.history_import import ImportProblem, parse_history
from reconnect.core.i18n import plural
from reconnect.core.sessions import BreakSession, Moment
from reconnect.services.database_problems import as_problem
from reconnect.storage.unit_of_work import UnitOfWork


def record(factory: sessionmaker[Session], session: BreakSession) -> None:
    """Save a finished session with its check-in; committed before returning."""
    with UnitOfWork(factory) as uow:
        uow.history.add(session)
        uow.commit()


def recent(factory: sessionmaker[Session], limit: int | None) -> list[BreakSession]:
    with UnitOfWork(factory, reading=True) as uow:
        return uow.history.recent(limit)


def export(factory: sessionmaker[Session], fmt: str, now: Moment, app_version: str) -> str:
    """The whole history as CSV or JSON text (see docs/history-format.md)."""
    with UnitOfWork(factory, reading=True) as uow:
        sessions = uow.history.all_in_order()
        if fmt == "csv":
            return to_csv(sessions)
        experiments = [
            ExportedExperiment(e, tuple(uow.prompts.of_experiment(e.id)))
            for e in uow.experiments.all()
        ]
    return to_json(sessions, now, app_version, experiments)


@dataclass(frozen=True)
class ImportReport:
    added: int
    added_checkins: int
    already_present: int
    added_experiments: int = 0


class ImportRefused(InputError):
    """The file has problems; nothing was imported.

    Attributes:
        problems: every problem found, with line numbers where they apply.
    """

    def __init__(self, message: str, problems: tuple[ImportProblem, ...]) -> None:
        super().__init__(message)
        self.problems = problems


def import_history(factory: sessionmaker[Session], raw: bytes) -> ImportReport:
    """Add the sessions of an export that are not here yet, all or nothing.

    Raises:
        ImportRefused: the file has problems; nothing was written.
    """
    parsed = parse_history(raw)
    if parsed.problems:
        count = len(parsed.problems)
        raise ImportRefused(
            plural(count, "the file has 1 problem", "the file has {count} problems")
            + "; nothing was imported",
            parsed.problems,
        )
    with UnitOfWork(factory) as uow:
        present = uow.history.existing_session_ids(s.id for s in parsed.sessions)
        new = [s for s in parsed.sessions if s.id not in present]
        taken = uow.history.existing_checkin_ids(s.checkin.id for s in new if s.checkin)
        if taken:
            problems = tuple(
                ImportProblem(None, f"check-in {cid} already belongs to another session here")
                for cid in sorted(taken)
            )
            raise ImportRefused(
                "the file clashes with this history; nothing was imported", problems
            )
        uow.history.add_many(new)
        sessions = present | {s.id for s in new}
        added_experiments = _add_experiments(uow, parsed.experiments, sessions)
        uow.commit()
    return ImportReport(
        added=len(new),
        added_checkins=sum(1 for s in new if s.checkin),
        already_present=len(present),
        added_experiments=added_experiments,
    )


def _add_experiments(
    uow: UnitOfWork, experiments: Sequence[ExportedExperiment], sessions: set[str]
) -> int:
    """Add the file's experiments and their offers that are not here yet; how many were new.

    One experiment runs at a time: one still running in the file, while another runs here,
    comes in ended at its last offer. An offer whose session is in neither the file nor this
    history keeps its fate without the session.
    """
    known = {e.id for e in uow.experiments.all()}
    running = uow.experiments.running()
    for exported in experiments:
        experiment = exported.experiment
        if experiment.id in known:
            continue
        if experiment.running and running is not None:
            last = max((o.offered.local for o in exported.offers), default=experiment.started_at)
            experiment = replace(experiment, ended_at=last, stopped_early=True)
        elif experiment.running:
            running = experiment
        uow.experiments.add(experiment)
        for offer in exported.offers:
            if offer.session_id is not None and offer.session_id not in sessions:
                offer = replace(offer, session_id=None)
            uow.prompts.add(offer)
    return len({e.experiment.id for e in experiments} - known)


class HistoryFiles:
    """Export and import of the whole history, for the windows' menus and buttons.

    A database error comes out as ``DatabaseProblem``; a refused file as ``ImportRefused``.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def export(self, fmt: str, now: Moment, app_version: str) -> str:
        """See ``export``."""
        with as_problem(reading=True):
            return export(self._factory, fmt, now, app_version)

    def import_history(self, raw: bytes) -> ImportReport:
        """See ``import_history``."""
        with as_problem():
            return import_history(self._factory, raw)
