"""The dashboard's ranges (last 4 weeks, 3 months, 12 months, everything) as local dates."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate


class RangeChoice(StrEnum):
    """How far back the dashboard looks; the value is what settings and tests use."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    ALL = "all"

    @property
    def label(self) -> str:
        """The name shown in the dashboard, in the person's language."""
        return translate("DashboardRange", _LABELS[self])


_LABELS = {
    RangeChoice.WEEKS_4: QT_TRANSLATE_NOOP("DashboardRange", "Last 4 weeks"),
    RangeChoice.MONTHS_3: QT_TRANSLATE_NOOP("DashboardRange", "Last 3 months"),
    RangeChoice.MONTHS_12: QT_TRANSLATE_NOOP("DashboardRange", "Last 12 months"),
    RangeChoice.ALL: QT_TRANSLATE_NOOP("DashboardRange", "Everything"),
}


def months_back(day: date, months: int) -> date:
    """The same day ``months`` months earlier, or that month's last day when it is shorter."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def date_range(choice: RangeChoice, today: date) -> tuple[date | None, date]:
    """The first and last local dates shown, both included; None means from the beginning.

    A range ends today and covers that many whole days: the last 4 weeks are 28 days, the
    last 3 months start the day after the same date three months ago.
    """
    if choice is RangeChoice.WEEKS_4:
        return today - timedelta(days=27), today
    if choice is RangeChoice.MONTHS_3:
        return months_back(today, 3) + timedelta(days=1), today
    if choice is RangeChoice.MONTHS_12:
        return months_back(today, 12) + timedelta(days=1), today
    return None, today
