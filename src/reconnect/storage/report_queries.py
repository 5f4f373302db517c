"""Read side of the shared report: the notes written with check-ins over a range of local dates,
and the experiments run in it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reconnect.core.experiments import ArmCounts, ExperimentResult, result
from reconnect.storage.experiment_repository import ExperimentRepository
from reconnect.storage.schema import CheckInRow, SessionRow


def notes(
    session: Session, since: date | None, until: date | None, limit: int
) -> tuple[int, list[tuple[date, str, int, str]]]:
    """How many check-ins in [since, until] carry a note, and the latest ``limit`` of them.

    Returns:
        The count, and (local date, practice title, level, note) rows, newest first.
    """
    written = func.length(func.trim(CheckInRow.note)) > 0
    query = (
        select(SessionRow.local_date, SessionRow.practice_title, CheckInRow.level, CheckInRow.note)
        .join(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .where(written)
    )
    if since is not None:
        query = query.where(SessionRow.local_date >= since)
    if until is not None:
        query = query.where(SessionRow.local_date <= until)
    total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = session.execute(query.order_by(SessionRow.started_at.desc()).limit(limit))
    return int(total), [(d, str(t), int(level), str(note)) for d, t, level, note in rows]


def experiments(
    session: Session, since: date | None, until: date | None
) -> tuple[ExperimentResult, ...]:
    """The experiments that ran on some day of [since, until] (local dates), oldest first,
    with their results."""
    repository = ExperimentRepository(session)
    found = []
    for experiment in repository.all():
        if until is not None and experiment.started_at.date() > until:
            continue
        if since is not None and experiment.ended_at and experiment.ended_at.date() < since:
            continue
        counts = repository.arm_counts(experiment.id)
        found.append(
            result(
                experiment,
                counts.get(experiment.practice_a, ArmCounts()),
                counts.get(experiment.practice_b, ArmCounts()),
            )
        )
    return tuple(found)
