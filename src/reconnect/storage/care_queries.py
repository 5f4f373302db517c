"""Read side of care: the level of each recent check-in, for noticing a long quiet stretch."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reconnect.storage.schema import CheckInRow, SessionRow


def recent_levels(session: Session, since: date) -> list[tuple[date, int]]:
    """The local date and level of every check-in whose session's local date is ``since`` or later.

    The date is the practice's local date (the session's), as everywhere on the dashboard: a
    check-in given just after midnight still belongs to the practice's day.

    Returns:
        (local date, level) pairs, oldest first.
    """
    query = (
        select(SessionRow.local_date, CheckInRow.level)
        .join(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .where(SessionRow.local_date >= since)
        .order_by(SessionRow.local_date, SessionRow.started_at, SessionRow.id)
    )
    return [(row[0], int(row[1])) for row in session.execute(query)]
