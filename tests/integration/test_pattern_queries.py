"""Time patterns from a real database: local hours, weekdays, months, days and marks.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from reconnect.app import bootstrap
from reconnect.core.recording import logged_session
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.core.spark_stats import prior_rate
from reconnect.core.time_patterns import (
    DayPoint,
    MarkCounts,
    WeekPoint,
    calendar,
    hour_weekday_grid,
    weekly_trend,
)
from reconnect.core.time_patterns import mark_counts as sorted_marks
from reconnect.storage.pattern_queries import (
    calendar_counts,
    hour_weekday_counts,
    mark_counts,
    month_counts,
    weekly_trend_counts,
)
from reconnect.storage.unit_of_work import UnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2026, 11, 17)  # the fake clock's Tuesday


pytestmark = pytest.mark.both_databases


def logged(
    context: bootstrap.Context,
    practice_id: str,
    level: int,
    at: datetime,
    body: Iterable[str] = (),
    feelings: Iterable[str] = (),
) -> BreakSession:
    practice = context.library.get(practice_id)
    assert practice is not None
    return logged_session(practice, context.clock.now(), level, body, feelings, finished_at=at)


# Finished 23:55 in New York on Monday 9 November: 04:5x UTC on Tuesday the 10th.
LATE_IN_NEW_YORK = datetime(2026, 11, 9, 23, 55, tzinfo=NEW_YORK)


@pytest.fixture
def history(context: bootstrap.Context) -> None:
    """Mondays in November (Berlin and New York), and Januaries of two years."""
    late = logged(context, "box-breath", 1, LATE_IN_NEW_YORK, ["chest"], ["warmth"])
    assert late.started.utc.date() == date(2026, 11, 10)
    assert late.started.local.date() == date(2026, 11, 9)
    skipped = BreakSession(
        new_id(),
        "box-breath",
        "Square breathing",
        Trigger.SCHEDULED,
        Moment.of(datetime(2026, 11, 2, 10, 0, tzinfo=BERLIN)),
        Moment.of(datetime(2026, 11, 2, 10, 0, 5, tzinfo=BERLIN)),
        Outcome.SKIPPED,
    )
    sessions = [
        logged(
            context,
            "hand-on-heart",
            2,
            datetime(2026, 11, 2, 10, 30, tzinfo=BERLIN),
            ["hands", "chest"],
            ["warmth"],
        ),
        logged(
            context, "hand-on-heart", 0, datetime(2026, 11, 9, 10, 40, tzinfo=BERLIN), ["hands"]
        ),
        late,
        # Thursday 15 January 2026 and Monday 20 January 2025: one month across two years.
        logged(
            context, "hand-on-heart", 3, datetime(2026, 1, 15, 16, 30, tzinfo=BERLIN), [], ["calm"]
        ),
        logged(context, "box-breath", 0, datetime(2025, 1, 20, 8, 30, tzinfo=BERLIN)),
        skipped,  # no check-in: not counted anywhere
    ]
    with UnitOfWork(context.database().session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()


def test_the_new_york_session_is_stored_on_its_local_day_and_hour() -> None:
    started = LATE_IN_NEW_YORK.astimezone(UTC)
    assert (started.date(), started.hour) == (date(2026, 11, 10), 4)


@pytest.mark.usefixtures("history")
def test_hours_and_weekdays_are_the_local_ones(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        rows = hour_weekday_counts(session, None, None)

    assert rows == [
        (0, 8, 1, 0),  # Monday 20 January 2025, 08:2x in Berlin
        (0, 10, 2, 1),  # two Mondays in Berlin, 10:xx; the skipped session is not counted
        (0, 23, 1, 1),  # Monday 23:5x in New York, though Tuesday 04:5x in UTC
        (3, 16, 1, 1),  # Thursday 15 January, 16:2x in Berlin
    ]
    # The rows feed the figure: 3 sparks in 5 check-ins, so r0 = (3 + 1) / (5 + 2) = 4/7.
    grid = hour_weekday_grid(rows, prior_rate(5, 3))
    assert grid[0][23].checkins == 1 and grid[0][23].greyed
    assert grid[0][10].shrunk == pytest.approx((4 * 4 / 7 + 1) / 6)
    assert grid[1][4].checkins == 0  # nothing at the UTC hour


@pytest.mark.usefixtures("history")
def test_the_range_is_inclusive_on_local_dates(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        ninth = hour_weekday_counts(session, date(2026, 11, 9), date(2026, 11, 9))
        from_the_tenth = hour_weekday_counts(session, date(2026, 11, 10), None)
        until_january = month_counts(session, None, date(2026, 1, 15))
        november = month_counts(session, date(2026, 11, 2), date(2026, 11, 9))

    assert ninth == [(0, 10, 1, 0), (0, 23, 1, 1)]
    assert from_the_tenth == []  # the New York session was the 10th only in UTC
    assert until_january == [(1, 2, 1)]
    assert november == [(11, 3, 2)]


@pytest.mark.usefixtures("history")
def test_months_of_different_years_are_grouped_together(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        assert month_counts(session, None, None) == [(1, 2, 1), (11, 3, 2)]


@pytest.mark.usefixtures("history")
def test_body_areas_and_feelings_are_counted(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        everything = mark_counts(session, None, None)
        ninth = mark_counts(session, date(2026, 11, 9), date(2026, 11, 9))

    assert sorted_marks(everything) == MarkCounts(
        body=[("chest", 2), ("hands", 2)],
        feelings=[("warmth", 2), ("calm", 1)],
    )
    assert sorted(ninth) == [
        ("body", "chest", 1),
        ("body", "hands", 1),
        ("feeling", "warmth", 1),
    ]


@pytest.mark.usefixtures("history")
def test_the_weekly_trend_ends_this_week(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        rows = weekly_trend_counts(session, TODAY)

    # From Monday 25 May 2026 on: January is too long ago.
    assert rows == [(date(2026, 11, 2), 1, 1), (date(2026, 11, 9), 2, 1)]
    trend = weekly_trend(rows, TODAY)
    assert trend[-3:] == [
        WeekPoint(date(2026, 11, 2), 1, 1, 1.0),
        WeekPoint(date(2026, 11, 9), 2, 1, 0.5),
        WeekPoint(date(2026, 11, 16), 0, 0, None),
    ]


@pytest.mark.usefixtures("history")
def test_the_calendar_counts_sparks_per_local_day(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        rows = calendar_counts(session, TODAY)

    # From 18 November 2025 on: January 2025 is too long ago.
    assert rows == [(date(2026, 1, 15), 1), (date(2026, 11, 2), 1), (date(2026, 11, 9), 1)]
    days = calendar(rows, TODAY)
    assert DayPoint(date(2026, 11, 9), 1) in days
    assert DayPoint(date(2026, 11, 10), 0) in days


def test_an_empty_history_gives_empty_rows(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        assert hour_weekday_counts(session, None, None) == []
        assert month_counts(session, None, None) == []
        assert weekly_trend_counts(session, TODAY) == []
        assert calendar_counts(session, TODAY) == []
        assert mark_counts(session, None, None) == []
