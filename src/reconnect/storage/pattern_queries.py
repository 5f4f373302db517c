"""Read side of the time patterns: one aggregate query per figure, over local dates and hours.

Only sessions with a check-in count (an inner join on check-ins); a spark is level 1 or more.
The rows returned are the plain tuples ``core.time_patterns`` takes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, case, extract, func, select
from sqlalchemy.orm import Session

from reconnect.core.time_patterns import (
    CALENDAR_DAYS,
    TREND_WEEKS,
    calendar_start,
    trend_start,
)
from reconnect.storage.schema import CheckInMarkRow, CheckInRow, SessionRow


def _sparks() -> ColumnElement[int]:
    return func.sum(case((CheckInRow.level >= 1, 1), else_=0))


def _in_range(
    since: date | None, until: date | None, computer: str | None = None
) -> list[ColumnElement[bool]]:
    """Sessions whose local start date lies in [since, until]; None leaves that side open.

    ``computer``: only the sessions recorded on that computer; None for all of them.
    """
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(SessionRow.local_date >= since)
    if until is not None:
        conditions.append(SessionRow.local_date <= until)
    if computer is not None:
        conditions.append(SessionRow.computer == computer)
    return conditions


def hour_weekday_counts(
    session: Session, since: date | None, until: date | None, computer: str | None = None
) -> list[tuple[int, int, int, int]]:
    """(local weekday 0=Monday, local hour, check-ins, sparks) for each hour with a check-in."""
    query = (
        select(
            SessionRow.local_weekday,
            SessionRow.local_hour,
            func.count(CheckInRow.id),
            _sparks(),
        )
        .join(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .group_by(SessionRow.local_weekday, SessionRow.local_hour)
        .order_by(SessionRow.local_weekday, SessionRow.local_hour)
    )
    return [
        (int(weekday), int(hour), int(n), int(s or 0))
        for weekday, hour, n, s in session.execute(query.where(*_in_range(since, until, computer)))
    ]


def month_counts(
    session: Session, since: date | None, until: date | None, computer: str | None = None
) -> list[tuple[int, int, int]]:
    """(month 1-12 of the local date, check-ins, sparks), the years of a month taken together."""
    month = extract("month", SessionRow.local_date)
    query = (
        select(month, func.count(CheckInRow.id), _sparks())
        .join(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .group_by(month)
        .order_by(month)
    )
    return [
        (int(m), int(n), int(s or 0))
        for m, n, s in session.execute(query.where(*_in_range(since, until, computer)))
    ]


def _daily(
    session: Session, since: date, until: date, computer: str | None
) -> list[tuple[date, int, int]]:
    query = (
        select(SessionRow.local_date, func.count(CheckInRow.id), _sparks())
        .join(CheckInRow, CheckInRow.session_id == SessionRow.id)
        .group_by(SessionRow.local_date)
        .order_by(SessionRow.local_date)
    )
    return [
        (day, int(n), int(s or 0))
        for day, n, s in session.execute(query.where(*_in_range(since, until, computer)))
    ]


def weekly_trend_counts(
    session: Session, today: date, weeks: int = TREND_WEEKS, computer: str | None = None
) -> list[tuple[date, int, int]]:
    """(local date, check-ins, sparks) per day with a check-in, over the weeks of the trend.

    The trend ends with the week of ``today`` (a local date); ``core.time_patterns.weekly_trend``
    adds the days up into Monday-based weeks.
    """
    return _daily(session, trend_start(today, weeks), today, computer)


def calendar_counts(
    session: Session, today: date, days: int = CALENDAR_DAYS, computer: str | None = None
) -> list[tuple[date, int]]:
    """(local date, sparks) per day with a check-in, over the ``days`` days ending ``today``."""
    return [(day, s) for day, _, s in _daily(session, calendar_start(today, days), today, computer)]


def mark_counts(
    session: Session, since: date | None, until: date | None, computer: str | None = None
) -> list[tuple[str, str, int]]:
    """(kind 'body' or 'feeling', word, how many check-ins named it)."""
    query = (
        select(CheckInMarkRow.kind, CheckInMarkRow.value, func.count())
        .select_from(CheckInMarkRow)
        .join(CheckInRow, CheckInRow.id == CheckInMarkRow.checkin_id)
        .join(SessionRow, SessionRow.id == CheckInRow.session_id)
        .group_by(CheckInMarkRow.kind, CheckInMarkRow.value)
        .order_by(CheckInMarkRow.kind, CheckInMarkRow.value)
    )
    return [
        (str(kind), str(value), int(n))
        for kind, value, n in session.execute(query.where(*_in_range(since, until, computer)))
    ]
