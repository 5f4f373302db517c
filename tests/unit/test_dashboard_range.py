from datetime import date

import pytest

from reconnect.core.dashboard_range import RangeChoice, date_range, months_back


def test_four_weeks_are_28_days_ending_today() -> None:
    since, until = date_range(RangeChoice.WEEKS_4, date(2026, 11, 22))
    assert (since, until) == (date(2026, 10, 26), date(2026, 11, 22))
    assert since is not None and (until - since).days == 27


@pytest.mark.parametrize(
    ("today", "since"),
    [
        (date(2026, 11, 22), date(2026, 8, 23)),
        (date(2026, 5, 31), date(2026, 3, 1)),  # February has no 31st: its last day, plus one
        (date(2026, 1, 15), date(2025, 10, 16)),  # across the new year
    ],
)
def test_three_months_start_the_day_after_the_same_date(today: date, since: date) -> None:
    assert date_range(RangeChoice.MONTHS_3, today) == (since, today)


def test_twelve_months_and_a_leap_day() -> None:
    assert date_range(RangeChoice.MONTHS_12, date(2028, 2, 29)) == (
        date(2027, 3, 1),
        date(2028, 2, 29),
    )
    assert months_back(date(2028, 2, 29), 12) == date(2027, 2, 28)


def test_everything_has_no_first_day() -> None:
    assert date_range(RangeChoice.ALL, date(2026, 11, 22)) == (None, date(2026, 11, 22))


def test_choices_have_labels_and_stable_values() -> None:
    assert [c.value for c in RangeChoice] == ["4w", "3m", "12m", "all"]
    assert RangeChoice("12m").label == "Last 12 months"
