"""When sparks come: rates by hour and weekday, by month, a weekly trend, a calendar, and marks.

Plain numbers in (already counted by the read side), plain dataclasses out for the dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reconnect.core.i18n import QT_TRANSLATE_NOOP
from reconnect.core.spark_stats import PRIOR_STRENGTH

# Cells with fewer check-ins than this are greyed: too few to colour without misleading.
GREY_BELOW = 3
WEEKDAYS = 7
HOURS = 24
MONTHS = 12
TREND_WEEKS = 26
CALENDAR_DAYS = 365

# Meteorological seasons of the northern hemisphere, January first; in English, shown through
# translate("TimePatterns", season).
SEASON_OF_MONTH: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("TimePatterns", "winter"),
    2: QT_TRANSLATE_NOOP("TimePatterns", "winter"),
    3: QT_TRANSLATE_NOOP("TimePatterns", "spring"),
    4: QT_TRANSLATE_NOOP("TimePatterns", "spring"),
    5: QT_TRANSLATE_NOOP("TimePatterns", "spring"),
    6: QT_TRANSLATE_NOOP("TimePatterns", "summer"),
    7: QT_TRANSLATE_NOOP("TimePatterns", "summer"),
    8: QT_TRANSLATE_NOOP("TimePatterns", "summer"),
    9: QT_TRANSLATE_NOOP("TimePatterns", "autumn"),
    10: QT_TRANSLATE_NOOP("TimePatterns", "autumn"),
    11: QT_TRANSLATE_NOOP("TimePatterns", "autumn"),
    12: QT_TRANSLATE_NOOP("TimePatterns", "winter"),
}

# In English; the dashboard shows it through translate("TimePatterns", SEASON_NOTE).
SEASON_NOTE = QT_TRANSLATE_NOOP(
    "TimePatterns",
    "Autumn and winter can be harder for many people; fewer sparks then is common, not a failing.",
)


@dataclass(frozen=True)
class Cell:
    """One cell of a rate figure (an hour of a weekday, or a month).

    Attributes:
        checkins: check-ins in the cell (n).
        sparks: those at level 1 or more (s).
        rate: s / n, or None without check-ins.
        shrunk: (PRIOR_STRENGTH * r0 + s) / (PRIOR_STRENGTH + n), the colour's value; None
            without check-ins, as there is nothing of the person's own to show.
        greyed: fewer than ``GREY_BELOW`` check-ins: drawn grey, not coloured (the numbers
            are still given for the tooltip).
    """

    checkins: int
    sparks: int
    rate: float | None
    shrunk: float | None
    greyed: bool


@dataclass(frozen=True)
class WeekPoint:
    """One week of the trend, Monday to Sunday; rate is None without check-ins."""

    week_start: date
    checkins: int
    sparks: int
    rate: float | None

    @property
    def enough(self) -> bool:
        """At least ``GREY_BELOW`` check-ins: enough for the week's rate to be drawn.

        With fewer, one answer would read as 0% or 100%; the week is shown as too few to say.
        """
        return self.checkins >= GREY_BELOW


@dataclass(frozen=True)
class DayPoint:
    """One day of the calendar and its sparks (check-ins at level 1 or more)."""

    day: date
    sparks: int


@dataclass(frozen=True)
class MarkCounts:
    """How often each body area and feeling word was named, most often first, then by word."""

    body: list[tuple[str, int]]
    feelings: list[tuple[str, int]]


def cell(checkins: int, sparks: int, r0: float) -> Cell:
    """A cell's rate shrunk toward ``r0`` with the strength of the spark statistics' prior.

    Raises:
        ValueError: negative counts, or more sparks than check-ins.
    """
    if checkins < 0 or sparks < 0 or sparks > checkins:
        raise ValueError(f"impossible counts: {sparks} sparks in {checkins} check-ins")
    if checkins == 0:
        return Cell(0, 0, None, None, greyed=True)
    return Cell(
        checkins=checkins,
        sparks=sparks,
        rate=sparks / checkins,
        shrunk=(PRIOR_STRENGTH * r0 + sparks) / (PRIOR_STRENGTH + checkins),
        greyed=checkins < GREY_BELOW,
    )


def hour_weekday_grid(counts: Iterable[tuple[int, int, int, int]], r0: float) -> list[list[Cell]]:
    """Seven rows (Monday first) of 24 cells (hour 0 first), every cell present.

    Args:
        counts: (local weekday 0=Monday, local hour, check-ins, sparks); repeated keys add up.
        r0: the rate cells are shrunk toward (see ``spark_stats.prior_rate``).

    Raises:
        ValueError: a weekday or hour out of range, or impossible counts.
    """
    totals = [[(0, 0)] * HOURS for _ in range(WEEKDAYS)]
    for weekday, hour, checkins, sparks in counts:
        if not (0 <= weekday < WEEKDAYS and 0 <= hour < HOURS):
            raise ValueError(f"no such weekday and hour: {weekday}, {hour}")
        n, s = totals[weekday][hour]
        totals[weekday][hour] = (n + checkins, s + sparks)
    return [[cell(n, s, r0) for n, s in row] for row in totals]


def by_month(rows: Iterable[tuple[int, int, int]], r0: float) -> list[Cell]:
    """Twelve cells, January first, whatever the year.

    Args:
        rows: (month 1-12, check-ins, sparks); repeated months add up.
        r0: the rate cells are shrunk toward.

    Raises:
        ValueError: a month out of range, or impossible counts.
    """
    totals = [(0, 0)] * MONTHS
    for month, checkins, sparks in rows:
        if not 1 <= month <= MONTHS:
            raise ValueError(f"no such month: {month}")
        n, s = totals[month - 1]
        totals[month - 1] = (n + checkins, s + sparks)
    return [cell(n, s, r0) for n, s in totals]


def week_start(day: date) -> date:
    """The Monday of the week ``day`` lies in."""
    return day - timedelta(days=day.weekday())


def trend_start(today: date, weeks: int = TREND_WEEKS) -> date:
    """The first day of the weekly trend: the Monday ``weeks - 1`` weeks before this week's."""
    return week_start(today) - timedelta(weeks=weeks - 1)


def calendar_start(today: date, days: int = CALENDAR_DAYS) -> date:
    """The first day of the calendar, so that it ends on ``today``."""
    return today - timedelta(days=days - 1)


def weekly_trend(
    rows: Iterable[tuple[date, int, int]], today: date, weeks: int = TREND_WEEKS
) -> list[WeekPoint]:
    """The last ``weeks`` weeks, oldest first, ending with the week of ``today``.

    Args:
        rows: (local date, check-ins, sparks); days outside the weeks shown are left out.

    Returns:
        One point per week, Monday-based, empty weeks included with zeros.
    """
    first = trend_start(today, weeks)
    totals = [(0, 0)] * weeks
    for day, checkins, sparks in rows:
        if first <= day <= today:
            index = (day - first).days // 7
            n, s = totals[index]
            totals[index] = (n + checkins, s + sparks)
    return [
        WeekPoint(first + timedelta(weeks=i), n, s, s / n if n else None)
        for i, (n, s) in enumerate(totals)
    ]


def runs_of_enough(weeks: Sequence[WeekPoint]) -> list[list[int]]:
    """The indexes of the weeks with enough check-ins, in runs of adjacent weeks.

    The trend's line joins the weeks of a run and never crosses a week left out.
    """
    runs: list[list[int]] = []
    for index, week in enumerate(weeks):
        if not week.enough:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def round_scale(most: int, ticks: int = 4) -> tuple[int, int]:
    """A count axis from 0 that holds ``most``: its top and a round step between ticks.

    The step is 1, 2 or 5 times a power of ten, the smallest that needs at most ``ticks``
    steps; the top is the first multiple of it at or above ``most``, and at least ``ticks``,
    so that one check-in never fills the whole height.
    """
    most = max(most, ticks)
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if step * ticks >= most:
                return -(-most // step) * step, step
        power *= 10


def calendar(
    rows: Iterable[tuple[date, int]], today: date, days: int = CALENDAR_DAYS
) -> list[DayPoint]:
    """Every day of the last ``days`` days, oldest first, ending with ``today``.

    Args:
        rows: (local date, sparks); days outside the calendar are left out.
    """
    first = calendar_start(today, days)
    sparks = [0] * days
    for day, count in rows:
        if first <= day <= today:
            sparks[(day - first).days] += count
    return [DayPoint(first + timedelta(days=i), s) for i, s in enumerate(sparks)]


def mark_counts(rows: Iterable[tuple[str, str, int]]) -> MarkCounts:
    """Body areas and feeling words, each sorted by count (most first), then by word.

    Args:
        rows: (kind 'body' or 'feeling', word, count); repeated words add up.

    Raises:
        ValueError: an unknown kind.
    """
    totals: dict[str, dict[str, int]] = {"body": {}, "feeling": {}}
    for kind, word, count in rows:
        if kind not in totals:
            raise ValueError(f"unknown kind of mark: {kind!r}")
        totals[kind][word] = totals[kind].get(word, 0) + count

    def ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    return MarkCounts(body=ordered(totals["body"]), feelings=ordered(totals["feeling"]))
