"""Reads and writes experiments (two practices compared) and counts what became of their offers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from reconnect.core.experiments import ArmCounts, Experiment
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Moment
from reconnect.storage.idempotent import insert_new
from reconnect.storage.schema import CheckInRow, ExperimentRow, PromptRow, SessionRow

# Offers let go: never "nothing", counted apart from the practices done.
DECLINED = (
    PromptFate.SKIPPED.value,
    PromptFate.MISSED.value,
    PromptFate.SNOOZED.value,
    PromptFate.NATURAL_BREAK.value,
)


def _aware(naive: datetime, offset: int) -> datetime:
    """A stored naive UTC time as the aware local time the person saw."""
    return naive.replace(tzinfo=UTC).astimezone(timezone(timedelta(minutes=offset)))


def _naive(moment: Moment) -> datetime:
    return moment.utc.replace(tzinfo=None)


def to_experiment(row: ExperimentRow) -> Experiment:
    ended = (
        _aware(row.ended_at, row.ended_offset)
        if row.ended_at is not None and row.ended_offset is not None
        else None
    )
    return Experiment(
        id=row.id,
        practice_a=row.practice_a,
        title_a=row.title_a,
        practice_b=row.practice_b,
        title_b=row.title_b,
        breaks=row.breaks,
        seed=row.seed,
        started_at=_aware(row.started_at, row.started_offset),
        ended_at=ended,
        stopped_early=bool(row.stopped_early),
    )


def experiment_values(experiment: Experiment) -> dict[str, object]:
    """An experiment as the values of its row."""
    started = Moment.of(experiment.started_at)
    ended = Moment.of(experiment.ended_at) if experiment.ended_at is not None else None
    return {
        "id": experiment.id,
        "practice_a": experiment.practice_a,
        "title_a": experiment.title_a,
        "practice_b": experiment.practice_b,
        "title_b": experiment.title_b,
        "breaks": experiment.breaks,
        "seed": experiment.seed,
        "started_at": _naive(started),
        "started_offset": started.offset_minutes,
        "ended_at": _naive(ended) if ended else None,
        "ended_offset": ended.offset_minutes if ended else None,
        "stopped_early": experiment.stopped_early,
    }


class ExperimentRepository:
    """Experiments of one database session; callers commit through their unit of work."""

    def __init__(self, session: Session) -> None:
        self._db = session

    def add(self, experiment: Experiment) -> None:
        """Write an experiment; one already there with its id stays as it is."""
        insert_new(self._db, ExperimentRow, [experiment_values(experiment)])

    def get(self, experiment_id: str) -> Experiment | None:
        row = self._db.get(ExperimentRow, experiment_id)
        return to_experiment(row) if row else None

    def running(self) -> Experiment | None:
        """The experiment that runs now (the latest started, should there be more)."""
        row = self._db.execute(
            select(ExperimentRow)
            .where(ExperimentRow.ended_at.is_(None))
            .order_by(ExperimentRow.started_at.desc(), ExperimentRow.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        return to_experiment(row) if row else None

    def ended(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[Experiment]:
        """Ended experiments, the last ended first; with bounds (aware), those that ran in them."""
        query = select(ExperimentRow).where(ExperimentRow.ended_at.is_not(None))
        if since is not None:
            query = query.where(
                ExperimentRow.ended_at >= since.astimezone(UTC).replace(tzinfo=None)
            )
        if until is not None:
            query = query.where(
                ExperimentRow.started_at < until.astimezone(UTC).replace(tzinfo=None)
            )
        rows = self._db.execute(
            query.order_by(ExperimentRow.ended_at.desc(), ExperimentRow.id.desc())
        ).scalars()
        return [to_experiment(row) for row in rows]

    def all(self) -> list[Experiment]:
        """Every experiment, oldest first (the export)."""
        rows = self._db.execute(
            select(ExperimentRow).order_by(ExperimentRow.started_at, ExperimentRow.id)
        ).scalars()
        return [to_experiment(row) for row in rows]

    def end(self, experiment_id: str, at: Moment, stopped_early: bool) -> bool:
        """End a running experiment; False when it was not running (ended already)."""
        result = self._db.execute(
            update(ExperimentRow)
            .where(ExperimentRow.id == experiment_id, ExperimentRow.ended_at.is_(None))
            .values(
                ended_at=_naive(at), ended_offset=at.offset_minutes, stopped_early=stopped_early
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def offered(self, experiment_id: str) -> int:
        """How many breaks of the experiment were offered."""
        query = select(func.count(PromptRow.id)).where(PromptRow.experiment_id == experiment_id)
        return int(self._db.execute(query).scalar_one())

    def end_when_complete(self, experiment_id: str, at: Moment) -> bool:
        """End the experiment once all its planned breaks were offered; True when it ended."""
        row = self._db.get(ExperimentRow, experiment_id)
        if row is None or row.ended_at is not None or self.offered(experiment_id) < row.breaks:
            return False
        return self.end(experiment_id, at, stopped_early=False)

    def arm_counts(self, experiment_id: str) -> dict[str, ArmCounts]:
        """What became of the experiment's offers, per practice offered (one query).

        An offer answered by starting another practice (from the tray, say) counts as another
        chosen, and its check-in is not this practice's.
        """
        fate = PromptRow.fate
        same = SessionRow.practice_id == PromptRow.practice_id
        done = and_(fate == PromptFate.STARTED.value, same)
        other = or_(
            fate == PromptFate.ANOTHER.value,
            and_(fate == PromptFate.STARTED.value, or_(SessionRow.id.is_(None), ~same)),
        )
        checked = and_(done, CheckInRow.id.is_not(None))
        query = (
            select(
                PromptRow.practice_id,
                func.count(PromptRow.id),
                func.sum(case((fate.in_(DECLINED), 1), else_=0)),
                func.sum(case((other, 1), else_=0)),
                func.sum(case((done, 1), else_=0)),
                func.sum(case((checked, 1), else_=0)),
                func.sum(case((and_(checked, CheckInRow.level >= 1), 1), else_=0)),
                func.sum(case((fate.is_(None), 1), else_=0)),
            )
            .select_from(PromptRow)
            .outerjoin(SessionRow, SessionRow.id == PromptRow.session_id)
            .outerjoin(CheckInRow, CheckInRow.session_id == PromptRow.session_id)
            .where(PromptRow.experiment_id == experiment_id)
            .group_by(PromptRow.practice_id)
        )
        return {
            str(row[0]): ArmCounts(*(int(value or 0) for value in row[1:]))
            for row in self._db.execute(query)
        }
