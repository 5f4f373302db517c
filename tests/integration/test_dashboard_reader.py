"""The dashboard's read side on a real database: ranges, this week and month, patterns.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from reconnect.app import bootstrap
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.overview import PeriodCounts
from reconnect.core.recording import logged_session
from reconnect.core.sessions import BreakSession
from reconnect.services.dashboard import DashboardReader
from reconnect.storage.stats_queries import period_counts
from tests.integration.conftest import write

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 17)  # the clock fixture's day, a Tuesday


pytestmark = pytest.mark.both_databases


def logged(
    context: bootstrap.Context, practice_id: str, level: int, at: datetime, **marks: list[str]
) -> BreakSession:
    practice = context.library.get(practice_id)
    assert practice is not None
    return logged_session(practice, context.clock.now(), level, finished_at=at, **marks)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=BERLIN)  # ends: starts earlier


@pytest.fixture
def reader(context: bootstrap.Context) -> DashboardReader:
    write(
        context,
        [
            # This week (Monday 16th and today).
            logged(context, "hand-on-heart", 2, at(date(2026, 11, 16), 10), body=["chest"]),
            logged(context, "hand-on-heart", 0, at(TODAY, 9)),
            # Earlier this month, not this week.
            logged(context, "box-breath", 1, at(date(2026, 11, 3), 10), feelings=["calm"]),
            # Last month and half a year ago: in 3 months, in 12 months.
            logged(context, "box-breath", 3, at(date(2026, 10, 28), 15)),
            logged(context, "box-breath", 0, at(date(2026, 5, 4), 15)),
        ],
    )
    return DashboardReader(context.database().session_factory)


def test_period_counts_over_local_dates(
    context: bootstrap.Context, reader: DashboardReader
) -> None:
    with context.database().session_factory() as session:
        week = period_counts(session, date(2026, 11, 16), TODAY)
        october = period_counts(session, date(2026, 10, 1), date(2026, 10, 31))
        empty = period_counts(session, date(2020, 1, 1), date(2020, 1, 31))
    assert week == PeriodCounts(sessions=2, checkins=2, sparks=1, strong_sparks=1)
    assert october == PeriodCounts(1, 1, 1, 1)
    assert empty == PeriodCounts(0, 0, 0, 0)


def test_figures_follow_the_range(reader: DashboardReader) -> None:
    four_weeks = reader.figures(RangeChoice.WEEKS_4, TODAY)
    assert (four_weeks.since, four_weeks.until) == (date(2026, 10, 21), TODAY)
    assert four_weeks.checkins == four_weeks.report().overall.checkins == 4
    # The usual rate: 3 sparks in 4 check-ins, pulled towards one half: (3 + 1) / (4 + 2).
    assert four_weeks.r0 == four_weeks.report().overall.prior_rate == pytest.approx(2 / 3)
    assert four_weeks.any_history
    assert four_weeks.periods[0].title == "This week"
    assert [f.value for f in four_weeks.periods[0].figures] == [2, 2, 1]
    assert [f.value for f in four_weeks.periods[1].figures] == [3, 3, 2]
    everything = reader.figures(RangeChoice.ALL, TODAY)
    assert everything.since is None and everything.report().overall.checkins == 5
    said = everything.overview(everything.report()).observations
    assert "Where you felt it most: chest." in said


def test_patterns_count_by_local_hour_weekday_and_month(reader: DashboardReader) -> None:
    figures = reader.figures(RangeChoice.MONTHS_12, TODAY)
    patterns = reader.patterns(RangeChoice.MONTHS_12, TODAY, figures.r0)
    tuesday = patterns.grid[1]
    assert [(c.checkins, c.sparks) for c in tuesday[9:11]] == [(1, 0), (1, 1)]  # today, the 3rd
    assert tuesday[10].greyed  # fewer than 3 check-ins
    assert (patterns.grid[0][10].checkins, patterns.grid[0][10].sparks) == (1, 1)  # the 16th
    assert sum(c.checkins for row in patterns.grid for c in row) == 5
    assert [c.checkins for c in patterns.months][4] == 1  # May
    assert [c.checkins for c in patterns.months][10] == 3  # November
    assert len(patterns.trend) == 26 and patterns.trend[-1].week_start == date(2026, 11, 16)
    assert patterns.trend[-1].checkins == 2
    assert len(patterns.calendar) == 365 and patterns.calendar[-1].day == TODAY
    assert sum(d.sparks for d in patterns.calendar) == 3
    assert patterns.marks.feelings == [("calm", 1)]


def test_an_empty_history(context: bootstrap.Context) -> None:
    reader = DashboardReader(context.database().session_factory)
    figures = reader.figures(RangeChoice.MONTHS_3, TODAY)
    assert not figures.any_history
    assert figures.report().rated == () and figures.counts == ()
    assert figures.overview(figures.report()).observations == ()
    patterns = reader.patterns(RangeChoice.MONTHS_3, TODAY, figures.r0)
    assert all(c.checkins == 0 for row in patterns.grid for c in row)
