"""The dashboard's read side: each figure from a few aggregate queries, as plain dataclasses.

The overview and "what helps" come first and fast; the time patterns are read when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core import time_patterns as tp
from reconnect.core.dashboard_range import RangeChoice, date_range
from reconnect.core.overview import Overview, overview
from reconnect.core.spark_stats import Report, compute
from reconnect.storage import pattern_queries, stats_queries


@dataclass(frozen=True)
class Figures:
    """The overview and the ranking for one range.

    Attributes:
        since: the first local date counted; None from the beginning.
        until: the last local date counted (today).
        any_history: whether there is any session at all, in or out of the range.
    """

    since: date | None
    until: date
    report: Report
    overview: Overview
    any_history: bool


@dataclass(frozen=True)
class Patterns:
    """When sparks came: the range's hour x weekday grid, months and marks; the fixed-length
    weekly trend and calendar end today whatever the range."""

    r0: float
    grid: list[list[tp.Cell]]
    months: list[tp.Cell]
    trend: list[tp.WeekPoint]
    calendar: list[tp.DayPoint]
    marks: tp.MarkCounts


class DashboardReader:
    """Reads the dashboard's figures; one short read-only session per call."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def figures(self, choice: RangeChoice, today: date) -> Figures:
        since, until = date_range(choice, today)
        with self._factory() as session:
            report = compute(stats_queries.practice_counts(session, since, until))
            week = stats_queries.period_counts(session, tp.week_start(today), today)
            month = stats_queries.period_counts(session, today.replace(day=1), today)
            marks = tp.mark_counts(pattern_queries.mark_counts(session, since, until))
            first, _ = stats_queries.date_bounds(session)
        return Figures(
            since=since,
            until=until,
            report=report,
            overview=overview(week, month, report, marks),
            any_history=first is not None,
        )

    def patterns(self, choice: RangeChoice, today: date, r0: float) -> Patterns:
        """The time patterns, cells shrunk toward ``r0`` (the range's prior rate)."""
        since, until = date_range(choice, today)
        with self._factory() as session:
            grid = pattern_queries.hour_weekday_counts(session, since, until)
            months = pattern_queries.month_counts(session, since, until)
            trend = pattern_queries.weekly_trend_counts(session, today)
            days = pattern_queries.calendar_counts(session, today)
            marks = pattern_queries.mark_counts(session, since, until)
        return Patterns(
            r0=r0,
            grid=tp.hour_weekday_grid(grid, r0),
            months=tp.by_month(months, r0),
            trend=tp.weekly_trend(trend, today),
            calendar=tp.calendar(days, today),
            marks=tp.mark_counts(marks),
        )
