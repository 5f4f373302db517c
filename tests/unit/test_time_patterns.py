"""Time patterns worked by hand: shrinkage, greying, filled weeks and days, sorted marks."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from reconnect.core.spark_stats import PRIOR_STRENGTH
from reconnect.core.time_patterns import (
    SEASON_NOTE,
    SEASON_OF_MONTH,
    Cell,
    DayPoint,
    MarkCounts,
    WeekPoint,
    by_month,
    calendar,
    cell,
    hour_weekday_grid,
    mark_counts,
    round_scale,
    runs_of_enough,
    weekly_trend,
)


def test_the_prior_is_the_one_of_the_spark_statistics() -> None:
    assert PRIOR_STRENGTH == 4


def test_a_cell_is_shrunk_toward_the_usual_rate() -> None:
    # 3 sparks in 4 check-ins, usual rate 0.5: (4 * 0.5 + 3) / (4 + 4) = 5 / 8.
    assert cell(4, 3, 0.5) == Cell(4, 3, rate=0.75, shrunk=0.625, greyed=False)
    # 0 sparks in 6 check-ins, usual rate 0.25: (1 + 0) / 10.
    assert cell(6, 0, 0.25).shrunk == pytest.approx(0.1)


def test_cells_under_three_checkins_are_greyed_but_keep_their_numbers() -> None:
    two = cell(2, 2, 0.5)
    assert two.greyed
    assert two.rate == 1.0
    assert two.shrunk == pytest.approx(4 / 6)  # (2 + 2) / (4 + 2), for the tooltip
    assert not cell(3, 0, 0.5).greyed
    assert cell(0, 0, 0.5) == Cell(0, 0, rate=None, shrunk=None, greyed=True)


def test_impossible_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="3 sparks in 2 check-ins"):
        cell(2, 3, 0.5)


def test_the_grid_has_every_weekday_and_hour() -> None:
    grid = hour_weekday_grid([(0, 9, 4, 3), (6, 23, 1, 0), (0, 9, 2, 1)], r0=0.5)

    assert len(grid) == 7
    assert all(len(row) == 24 for row in grid)
    # Monday 9:00: the two rows add up to 4 sparks in 6 check-ins; (2 + 4) / (4 + 6).
    assert grid[0][9] == Cell(6, 4, rate=pytest.approx(4 / 6), shrunk=0.6, greyed=False)
    # Sunday 23:00: one check-in, greyed.
    assert grid[6][23] == Cell(1, 0, rate=0.0, shrunk=0.4, greyed=True)
    assert grid[3][12] == Cell(0, 0, None, None, greyed=True)
    coloured = [(d, h) for d, row in enumerate(grid) for h, c in enumerate(row) if not c.greyed]
    assert coloured == [(0, 9)]


@pytest.mark.parametrize(("weekday", "hour"), [(7, 0), (-1, 0), (0, 24)])
def test_the_grid_refuses_a_weekday_or_hour_out_of_range(weekday: int, hour: int) -> None:
    with pytest.raises(ValueError, match="no such weekday and hour"):
        hour_weekday_grid([(weekday, hour, 1, 1)], r0=0.5)


def test_months_run_from_january_with_empty_months_present() -> None:
    months = by_month([(11, 5, 1), (1, 3, 3)], r0=0.4)

    assert len(months) == 12
    # January: (1.6 + 3) / 7.
    assert months[0] == Cell(3, 3, rate=1.0, shrunk=pytest.approx(4.6 / 7), greyed=False)
    # November: (1.6 + 1) / 9.
    assert months[10].shrunk == pytest.approx(2.6 / 9)
    assert months[10].rate == pytest.approx(0.2)
    assert [m.checkins for m in months] == [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0]
    with pytest.raises(ValueError, match="no such month: 13"):
        by_month([(13, 1, 0)], r0=0.4)


def test_seasons_and_their_note() -> None:
    assert sorted(SEASON_OF_MONTH) == list(range(1, 13))
    assert [SEASON_OF_MONTH[m] for m in (12, 1, 2)] == ["winter"] * 3
    assert [SEASON_OF_MONTH[m] for m in (9, 10, 11)] == ["autumn"] * 3
    assert "autumn and winter" in SEASON_NOTE.lower()
    assert "\n" not in SEASON_NOTE


def test_the_weekly_trend_starts_on_mondays_and_keeps_empty_weeks() -> None:
    today = date(2026, 11, 19)  # a Thursday
    trend = weekly_trend(
        [
            (date(2026, 11, 16), 2, 1),  # Monday of this week
            (date(2026, 11, 19), 1, 1),  # today
            (date(2026, 11, 20), 5, 5),  # after today: left out
            (date(2026, 11, 8), 4, 0),  # Sunday of the week before last
            (date(2026, 5, 25), 3, 2),  # the Monday the trend starts on
            (date(2026, 5, 24), 9, 9),  # the Sunday before: left out
        ],
        today,
    )

    assert len(trend) == 26
    assert all(point.week_start.weekday() == 0 for point in trend)
    assert trend[0] == WeekPoint(date(2026, 5, 25), 3, 2, pytest.approx(2 / 3))
    assert trend[-1] == WeekPoint(date(2026, 11, 16), 3, 2, pytest.approx(2 / 3))
    assert trend[-2] == WeekPoint(date(2026, 11, 9), 0, 0, None)
    assert trend[-3] == WeekPoint(date(2026, 11, 2), 4, 0, 0.0)
    assert sum(point.checkins for point in trend) == 10


def test_weeks_with_fewer_than_three_checkins_are_left_out_of_the_line() -> None:
    today = date(2026, 11, 19)
    trend = weekly_trend(
        [
            (date(2026, 11, 16), 3, 1),  # this week: enough
            (date(2026, 11, 9), 1, 1),  # one check-in: too few, not "100%"
            (date(2026, 10, 26), 4, 2),
            (date(2026, 10, 19), 5, 0),
            (date(2026, 10, 5), 6, 3),  # alone, between empty weeks
        ],
        today,
    )
    enough = [i for i, point in enumerate(trend) if point.enough]
    assert enough == [19, 21, 22, 25]
    assert not trend[24].enough and trend[24].rate == 1.0
    # Runs of adjacent weeks only: the line never crosses an empty or too-few week.
    assert runs_of_enough(trend) == [[19], [21, 22], [25]]
    assert runs_of_enough([]) == []


@pytest.mark.parametrize(
    ("most", "top", "step"),
    [
        (0, 4, 1),
        (1, 4, 1),
        (4, 4, 1),
        (7, 8, 2),
        (9, 10, 5),
        (13, 15, 5),
        (21, 30, 10),
        (40, 40, 10),
        (99, 100, 50),
        (1234, 1500, 500),
    ],
)
def test_count_axes_go_in_round_steps(most: int, top: int, step: int) -> None:
    assert round_scale(most) == (top, step)
    assert top >= most and top % step == 0 and top // step <= 4
    assert str(step).strip("0") in ("1", "2", "5")


def test_a_trend_ending_on_a_monday_or_sunday() -> None:
    assert weekly_trend([], date(2026, 11, 16), weeks=2) == [
        WeekPoint(date(2026, 11, 9), 0, 0, None),
        WeekPoint(date(2026, 11, 16), 0, 0, None),
    ]
    sunday = weekly_trend([(date(2026, 11, 22), 1, 0)], date(2026, 11, 22), weeks=1)
    assert sunday == [WeekPoint(date(2026, 11, 16), 1, 0, 0.0)]


def test_the_calendar_has_every_day_ending_today() -> None:
    today = date(2026, 11, 17)
    days = calendar(
        [(date(2026, 11, 17), 2), (date(2025, 11, 18), 1), (date(2025, 11, 17), 7)], today
    )

    assert len(days) == 365
    assert days[0] == DayPoint(date(2025, 11, 18), 1)
    assert days[-1] == DayPoint(date(2026, 11, 17), 2)
    assert days[1] == DayPoint(date(2025, 11, 19), 0)
    assert [(b.day - a.day).days for a, b in pairwise(days)] == [1] * 364
    assert sum(d.sparks for d in days) == 3  # a year and a day ago is left out


def test_a_short_calendar() -> None:
    assert calendar([], date(2026, 3, 1), days=2) == [
        DayPoint(date(2026, 2, 28), 0),
        DayPoint(date(2026, 3, 1), 0),
    ]


def test_marks_are_sorted_by_count_then_word() -> None:
    marks = mark_counts(
        [
            ("body", "hands", 3),
            ("feeling", "warmth", 2),
            ("body", "chest", 3),
            ("body", "face", 5),
            ("feeling", "calm", 2),
            ("feeling", "tingling", 4),
            ("body", "arms", 1),
        ]
    )

    assert marks == MarkCounts(
        body=[("face", 5), ("chest", 3), ("hands", 3), ("arms", 1)],
        feelings=[("tingling", 4), ("calm", 2), ("warmth", 2)],
    )
    assert mark_counts([]) == MarkCounts(body=[], feelings=[])
    with pytest.raises(ValueError, match="unknown kind"):
        mark_counts([("mood", "fine", 1)])
