"""The dashboard's overview in words: this week and this month, what seems to help, what was felt.

No streaks and no scores: a quiet week is described, never counted against the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reconnect.core.i18n import number, plural, translate
from reconnect.core.spark_stats import TOO_EARLY_SENTENCE, PracticeStats, Report
from reconnect.core.time_patterns import MarkCounts
from reconnect.core.vocabulary import body_area_text, feeling_text

# A practice is said to help more than usual only when the chance that its rate is above the
# practices' average is sure enough for the number of practices compared: with k of them, at
# least 1 - FALSE_CLAIM_SHARE / k, so that when all practices are alike it is said of about
# one person in ten at most, not of one practice in every person (see docs/learning.md).
FALSE_CLAIM_SHARE = 0.10
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
    if count == 1:
        return translate("Overview", "once")
    if count == 2:
        return translate("Overview", "twice")
    return translate("Overview", "{count} times").format(count=number(count))


def _moments(count: int) -> str:
    return plural(
        count, translate("Overview", "1 moment"), translate("Overview", "{count} moments")
    )


def _practices(count: int) -> str:
    return plural(
        count, translate("Overview", "1 practice"), translate("Overview", "{count} practices")
    )


def _checkins(count: int) -> str:
    return plural(
        count, translate("Overview", "1 check-in"), translate("Overview", "{count} check-ins")
    )


def _stirred(sparks: int, strong: int) -> str:
    """How often something stirred, and how many of those were a spark or a glow."""
    stirred = translate("Overview", "Something stirred {times}").format(times=_times(sparks))
    if not strong:
        return stirred
    if sparks == 1:
        return translate("Overview", "{stirred}, and it was a spark or a glow").format(
            stirred=stirred
        )
    if strong == sparks:
        return translate("Overview", "{stirred}, each time a spark or a glow").format(
            stirred=stirred
        )
    return plural(
        strong,
        translate("Overview", "{stirred}, one of them a spark or a glow"),
        translate("Overview", "{stirred}, {count} of them a spark or a glow"),
        stirred=stirred,
    )


def period_sentence(name: str, counts: PeriodCounts) -> str:
    """One or two sentences about a period, such as ``this week``; kind whatever the numbers.

    Args:
        name: the period as said inside a sentence, already in the person's language.
    """
    if counts.sessions == 0:
        return translate(
            "Overview",
            "No practices {period} so far, and that is fine. "
            "The library has one ready whenever you would like it.",
        ).format(period=name)
    took = translate("Overview", "{Period} you took {moments} for yourself").format(
        Period=f"{name[0].upper()}{name[1:]}", moments=_moments(counts.sessions)
    )
    if counts.checkins == 0:
        return translate("Overview", "{took}.").format(took=took)
    if counts.checkins == counts.sessions:
        if counts.sessions == 1:
            took = translate("Overview", "{took} and checked in after it").format(took=took)
        else:
            took = translate("Overview", "{took} and checked in after each").format(took=took)
    else:
        took = translate("Overview", "{took} and checked in after {count}").format(
            took=took, count=number(counts.checkins)
        )
    if counts.sparks == 0:
        return translate(
            "Overview",
            "{took}. Nothing stirred so far, and that answer counts too: noticing is the practice.",
        ).format(took=took)
    stirred = _stirred(counts.sparks, counts.strong_sparks)
    return translate("Overview", "{took}. {stirred}.").format(took=took, stirred=stirred)


def period_summary(title: str, name: str, counts: PeriodCounts) -> PeriodSummary:
    """The sentence and the three small figures of one period.

    Args:
        title: the period's heading, already in the person's language.
        name: the period as said inside a sentence, already in the person's language.
    """
    figures = (
        Figure(
            translate("Overview", "practices"),
            counts.sessions,
            translate("Overview", "{counted} {period}").format(
                counted=_practices(counts.sessions), period=name
            ),
        ),
        Figure(
            translate("Overview", "check-ins"),
            counts.checkins,
            translate("Overview", "{counted} {period}").format(
                counted=_checkins(counts.checkins), period=name
            ),
        ),
        Figure(
            translate("Overview", "something stirred"),
            counts.sparks,
            translate("Overview", "something stirred {times} {period}").format(
                times=_times(counts.sparks), period=name
            )
            if counts.sparks
            else translate("Overview", "nothing stirred {period} so far").format(period=name),
        ),
    )
    return PeriodSummary(title, period_sentence(name, counts), figures)


def helps_min_chance(compared: int) -> float:
    """How sure "helps more than usual" must be when ``compared`` practices are compared."""
    return 1.0 - FALSE_CLAIM_SHARE / max(compared, 1)


def helps_more_than_usual(report: Report) -> list[PracticeStats]:
    """The practices past still learning that surely help more than the practices' average,
    in dashboard order."""
    settled = [p for p in report.rated if not p.still_learning]
    needed = helps_min_chance(len(settled))
    return [p for p in settled if p.p_better_than_usual >= needed]


def seems_to_help(report: Report) -> PracticeStats | None:
    """The practice that has most surely brought something, if any is clearly above usual."""
    helpers = helps_more_than_usual(report)
    return helpers[0] if helpers else None


def _words(pairs: Sequence[tuple[str, int]]) -> str:
    words = [word for word, _ in pairs[:WORDS_SHOWN]]
    if len(words) == 1:
        return words[0]
    return translate("Overview", "{words} and {last}").format(
        words=", ".join(words[:-1]), last=words[-1]
    )


def observations(report: Report, marks: MarkCounts) -> tuple[str, ...]:
    """A few plain sentences about the chosen range; none when there is nothing to say yet."""
    said: list[str] = []
    helper = seems_to_help(report)
    if report.overall.too_early:
        said.append(translate("SparkStats", TOO_EARLY_SENTENCE))
    elif helper is not None:
        low, high = helper.interval80
        said.append(
            translate(
                "Overview",
                "{title} has brought something most surely so far: "
                "likely {low} to {high} times in 100.",
            ).format(title=helper.title, low=round(low * 100), high=round(high * 100))
        )
    elif report.overall.checkins:
        said.append(
            translate(
                "Overview",
                "No practice stands out yet. That is usual early on; "
                "each check-in, including nothing, helps Reconnect learn.",
            )
        )
    if marks.body:
        said.append(
            translate("Overview", "Where you felt it most: {words}.").format(
                words=_words([(body_area_text(a), n) for a, n in marks.body])
            )
        )
    if marks.feelings:
        said.append(
            translate("Overview", "Words you used most: {words}.").format(
                words=_words([(feeling_text(w), n) for w, n in marks.feelings])
            )
        )
    return tuple(said)


def periods(week: PeriodCounts, month: PeriodCounts) -> tuple[PeriodSummary, ...]:
    """This week and this month: what the overview shows first, needing no statistics."""
    return (
        period_summary(
            translate("Overview", "This week"), translate("Overview", "this week"), week
        ),
        period_summary(
            translate("Overview", "This month"), translate("Overview", "this month"), month
        ),
    )


def overview(
    week: PeriodCounts, month: PeriodCounts, report: Report, marks: MarkCounts
) -> Overview:
    """The overview: this week, this month, and observations over the dashboard's range."""
    return Overview(periods=periods(week, month), observations=observations(report, marks))
