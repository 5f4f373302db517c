"""The dashboard's overview in words: this week and this month, what seems to help, what was felt.

No streaks and no scores: a quiet week is described, never counted against the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reconnect.core.spark_stats import PracticeStats, Report
from reconnect.core.time_patterns import MarkCounts

# A practice is named as the one that seems to help only when its likely range says so.
HELPS_MIN_CHANCE = 0.6
WORDS_SHOWN = 3


@dataclass(frozen=True)
class PeriodCounts:
    """What happened in a span of days.

    Attributes:
        sessions: practices started.
        checkins: check-ins given after them.
        sparks: check-ins at level 1 or more (a flicker, a spark or a glow).
        strong_sparks: check-ins at level 2 or more.
    """

    sessions: int
    checkins: int
    sparks: int
    strong_sparks: int


@dataclass(frozen=True)
class Figure:
    """A small number with its label, and a sentence a screen reader can say."""

    label: str
    value: int
    description: str


@dataclass(frozen=True)
class PeriodSummary:
    title: str
    sentence: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Overview:
    """Everything the overview shows: two periods and a few gentle observations."""

    periods: tuple[PeriodSummary, ...]
    observations: tuple[str, ...]


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def period_sentence(name: str, counts: PeriodCounts) -> str:
    """One or two sentences about a period, such as ``this week``; kind whatever the numbers."""
    if counts.sessions == 0:
        return (
            f"No practices {name} so far, and that is fine. "
            "The library has one ready whenever you would like it."
        )
    took = f"{name[0].upper()}{name[1:]} you took {_plural(counts.sessions, 'moment')} for yourself"
    if counts.checkins == 0:
        return f"{took}."
    if counts.checkins == counts.sessions:
        took += " and checked in after " + ("it" if counts.sessions == 1 else "each")
    else:
        took += f" and checked in after {counts.checkins}"
    if counts.sparks == 0:
        return (
            f"{took}. Nothing stirred so far, and that answer counts too: noticing is the practice."
        )
    stirred = f"Something stirred {_times(counts.sparks)}"
    if counts.strong_sparks:
        stirred += f", {_times(counts.strong_sparks)} as a spark or a glow"
    return f"{took}. {stirred}."


def period_summary(title: str, name: str, counts: PeriodCounts) -> PeriodSummary:
    """The sentence and the three small figures of one period."""
    figures = (
        Figure("practices", counts.sessions, f"{_plural(counts.sessions, 'practice')} {name}"),
        Figure("check-ins", counts.checkins, f"{_plural(counts.checkins, 'check-in')} {name}"),
        Figure(
            "something stirred",
            counts.sparks,
            f"something stirred {_times(counts.sparks)} {name}"
            if counts.sparks
            else f"nothing stirred {name} so far",
        ),
    )
    return PeriodSummary(title, period_sentence(name, counts), figures)


def seems_to_help(report: Report) -> PracticeStats | None:
    """The practice that has most surely brought something, if any is clearly above usual."""
    for practice in report.rated:
        if not practice.still_learning and practice.p_better_than_usual >= HELPS_MIN_CHANCE:
            return practice
    return None


def _words(pairs: Sequence[tuple[str, int]]) -> str:
    words = [word for word, _ in pairs[:WORDS_SHOWN]]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def observations(report: Report, marks: MarkCounts) -> tuple[str, ...]:
    """A few plain sentences about the chosen range; none when there is nothing to say yet."""
    said: list[str] = []
    helper = seems_to_help(report)
    if helper is not None:
        low, high = helper.interval80
        said.append(
            f"{helper.title} has brought something most surely so far: "
            f"likely {round(low * 100)} to {round(high * 100)} times in 100."
        )
    elif report.overall.checkins:
        said.append(
            "No practice stands out yet. That is usual early on; "
            "each check-in, including nothing, helps Reconnect learn."
        )
    if marks.body:
        said.append(f"Where you felt it most: {_words(marks.body)}.")
    if marks.feelings:
        said.append(f"Words you used most: {_words(marks.feelings)}.")
    return tuple(said)


def periods(week: PeriodCounts, month: PeriodCounts) -> tuple[PeriodSummary, ...]:
    """This week and this month: what the overview shows first, needing no statistics."""
    return (
        period_summary("This week", "this week", week),
        period_summary("This month", "this month", month),
    )


def overview(
    week: PeriodCounts, month: PeriodCounts, report: Report, marks: MarkCounts
) -> Overview:
    """The overview: this week, this month, and observations over the dashboard's range."""
    return Overview(periods=periods(week, month), observations=observations(report, marks))
