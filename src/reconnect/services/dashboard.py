"""The dashboard's read side: each figure from a few aggregate queries, as plain dataclasses.

The counts come first and fast; the statistics over them (scipy) are made by the caller, so a
window can show the counts at once and work the statistics out beside it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core import time_patterns as tp
from reconnect.core.care import QUIET_DAYS, long_quiet
from reconnect.core.dashboard_range import RangeChoice, date_range
from reconnect.core.overview import Overview, PeriodSummary, observations, periods
from reconnect.core.spark_stats import PracticeCounts, Report, compute, usual_rate
from reconnect.paths import write_private
from reconnect.services.database_problems import as_problem
from reconnect.storage import care_queries, pattern_queries, stats_queries


@dataclass(frozen=True)
class Figures:
    """What the overview and the ranking need for one range, before any statistics.

    Attributes:
        since: the first local date counted; None from the beginning.
        until: the last local date counted (today).
        counts: per practice, in the range (for ``spark_stats.compute``).
        periods: this week and this month.
        marks: body areas and feeling words named in the range.
        checkins: all check-ins in the range.
        r0: the range's usual rate (``spark_stats.usual_rate``), for the time patterns.
        any_history: whether there is any session at all, in or out of the range.
        long_quiet: check-ins have said "nothing" for about three weeks up to today, whatever
            the range (``care.long_quiet``).
        computer: the figures are only this computer's (a shared history); None for all.
    """

    since: date | None
    until: date
    counts: tuple[PracticeCounts, ...]
    periods: tuple[PeriodSummary, ...]
    marks: tp.MarkCounts
    checkins: int
    r0: float
    any_history: bool
    long_quiet: bool = False
    computer: str | None = None

    def report(self) -> Report:
        """The statistics of ``counts`` (imports scipy: slow the first time in a process)."""
        return compute(self.counts)

    def overview(self, report: Report) -> Overview:
        return Overview(self.periods, observations(report, self.marks))


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
    """Reads the dashboard's figures; one short read-only session per call.

    A database error comes out as ``DatabaseProblem``.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    @contextlib.contextmanager
    def _session(self) -> Iterator[Session]:
        with as_problem(reading=True), self._factory() as session:
            yield session

    def computers(self) -> list[str]:
        """The computers that recorded sessions (more than one in a shared history)."""
        with self._session() as session:
            return stats_queries.computers(session)

    def figures(self, choice: RangeChoice, today: date, computer: str | None = None) -> Figures:
        """The counts of a range; ``computer``: only that computer's sessions (None: all).

        The note about a long quiet stretch looks at every computer: it is about the person.
        """
        since, until = date_range(choice, today)
        with self._session() as session:
            counts = tuple(stats_queries.practice_counts(session, since, until, computer))
            week = stats_queries.period_counts(session, tp.week_start(today), today, computer)
            month = stats_queries.period_counts(session, today.replace(day=1), today, computer)
            marks = tp.mark_counts(pattern_queries.mark_counts(session, since, until, computer))
            first, _ = stats_queries.date_bounds(session)
            levels = care_queries.recent_levels(session, today - timedelta(days=QUIET_DAYS - 1))
        checkins = sum(c.checkins for c in counts)
        return Figures(
            since=since,
            until=until,
            counts=counts,
            periods=periods(week, month),
            marks=marks,
            checkins=checkins,
            r0=usual_rate(checkins, sum(c.sparks for c in counts)),
            any_history=first is not None,
            long_quiet=long_quiet(levels, today),
            computer=computer,
        )

    def patterns(
        self, choice: RangeChoice, today: date, r0: float, computer: str | None = None
    ) -> Patterns:
        """The time patterns, cells shrunk toward ``r0`` (the range's prior rate).

        Args:
            computer: only that computer's sessions; None for all of them.
        """
        since, until = date_range(choice, today)
        with self._session() as session:
            grid = pattern_queries.hour_weekday_counts(session, since, until, computer)
            months = pattern_queries.month_counts(session, since, until, computer)
            trend = pattern_queries.weekly_trend_counts(session, today, computer=computer)
            days = pattern_queries.calendar_counts(session, today, computer=computer)
            marks = pattern_queries.mark_counts(session, since, until, computer)
        return Patterns(
            r0=r0,
            grid=tp.hour_weekday_grid(grid, r0),
            months=tp.by_month(months, r0),
            trend=tp.weekly_trend(trend, today),
            calendar=tp.calendar(days, today),
            marks=tp.mark_counts(marks),
        )


QUIET_NOTE_MARKER = ".told-about-quiet-stretch"


class QuietNoteMarker:
    """Remembers the day the note about a quiet stretch was last shown.

    It is a small file in the data folder holding that day as ISO text. A file that can't be
    read as a day counts as written on the day it was last changed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def last_told(self) -> date | None:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            text = ""
        try:
            return date.fromisoformat(text)
        except ValueError:
            try:
                return date.fromtimestamp(self.path.stat().st_mtime)
            except OSError:
                return None

    def told(self, day: date) -> None:
        """Note that it was shown on ``day``; if that fails, it may simply come again."""
        with contextlib.suppress(OSError):
            write_private(self.path, f"{day.isoformat()}\n".encode())
