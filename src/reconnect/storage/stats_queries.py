"""Read side of the spark statistics: per-practice counts over local dates, in one query."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from reconnect.core.overview import PeriodCounts
from reconnect.core.sessions import Outcome
from reconnect.core.spark_stats import PracticeCounts, counts_of_row
from reconnect.storage.schema import CheckInRow, SessionRow


def practice_counts(
    session: Session, since: date | None, until: date | None, computer: str | None = None
) -> list[PracticeCounts]:
    """Sessions and check-ins per practice whose local start date lies in [since, until].

    Args:
        since: the first local date counted (inclusive); None for no lower bound.
        until: the last local date counted (inclusive); None for no upper bound.
        computer: only the sessions recorded on this computer; None for all of them.

    Returns:
        One entry per practice with a session in the range, ordered by practice id. The title
        is the one stored with the practice's latest session, in or out of the range.
    """
    latest = aliased(SessionRow)
    title = (
        select(latest.practice_title)
        .where(latest.practice_id == SessionRow.practice_id)
        .order_by(latest.started_at.desc(), latest.id.desc())
        .limit(1)
        .correlate(SessionRow)
        .scalar_subquery()
    )
    level = CheckInRow.level
    query = (
        select(
            SessionRow.practice_id,
            title.label("title"),
            func.count(SessionRow.id).label("sessions"),
            func.sum(case((SessionRow.outcome == Outcome.COMPLETED.value, 1), else_=0)).label(
                "completed"
            ),
            func.count(CheckInRow.id).label("checkins"),
            func.sum(case((level >= 1, 1), else_=0)).label("sparks"),
            func.sum(case((level >= 2, 1), else_=0)).label("strong_sparks"),
            func.coalesce(func.sum(level), 0).label("level_sum"),
        )
        .select_from(SessionRow)
        .outerjoin(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .group_by(SessionRow.practice_id)
        .order_by(SessionRow.practice_id)
    )
    if since is not None:
        query = query.where(SessionRow.local_date >= since)
    if until is not None:
        query = query.where(SessionRow.local_date <= until)
    if computer is not None:
        query = query.where(SessionRow.computer == computer)
    return [counts_of_row(row) for row in session.execute(query)]


def date_bounds(session: Session) -> tuple[date | None, date | None]:
    """The earliest and latest local session dates; (None, None) for an empty history."""
    row = session.execute(
        select(func.min(SessionRow.local_date), func.max(SessionRow.local_date))
    ).one()
    return row[0], row[1]


def period_counts(
    session: Session, since: date, until: date, computer: str | None = None
) -> PeriodCounts:
    """Sessions, check-ins, sparks and strong sparks whose local date lies in [since, until].

    Args:
        computer: only the sessions recorded on this computer; None for all of them.
    """
    level = CheckInRow.level
    query = (
        select(
            func.count(SessionRow.id),
            func.count(CheckInRow.id),
            func.sum(case((level >= 1, 1), else_=0)),
            func.sum(case((level >= 2, 1), else_=0)),
        )
        .select_from(SessionRow)
        .outerjoin(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .where(SessionRow.local_date >= since, SessionRow.local_date <= until)
    )
    if computer is not None:
        query = query.where(SessionRow.computer == computer)
    row = session.execute(query).one()
    return PeriodCounts(
        sessions=int(row[0]),
        checkins=int(row[1]),
        sparks=int(row[2] or 0),
        strong_sparks=int(row[3] or 0),
    )


def computers(session: Session) -> list[str]:
    """The names of the computers that recorded sessions, in alphabetical order."""
    query = select(SessionRow.computer).distinct().order_by(SessionRow.computer)
    return [str(name) for name in session.execute(query).scalars()]
