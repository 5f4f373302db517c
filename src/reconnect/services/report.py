"""The report to share: what goes on which page, as plain dataclasses, from the dashboard's reads.

The drawing is the UI's (``ui/report``); the statistics (scipy) are made by the caller.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core import time_patterns as tp
from reconnect.core.experiments import ExperimentResult
from reconnect.core.i18n import number, plural, translate
from reconnect.core.overview import PeriodCounts, seems_to_help
from reconnect.core.spark_stats import (
    ORDERING_SENTENCE,
    TOO_EARLY_SENTENCE,
    PracticeCounts,
    Report,
    usual_rate,
)
from reconnect.core.vocabulary import (
    DAY_NAMES,
    MONTH_NAMES,
    SparkLevel,
    body_area_text,
    feeling_text,
)
from reconnect.services.database_problems import as_problem
from reconnect.services.report_experiments import ExperimentSummary, experiment_summary
from reconnect.storage import pattern_queries, report_queries, stats_queries

NOTES_SHOWN = 10  # the latest notes, so the report stays at three pages
NOTE_LENGTH = 220
WORDS_LISTED = 8


@dataclass(frozen=True)
class Note:
    day: date
    practice: str
    level: int
    text: str


@dataclass(frozen=True)
class ReportData:
    """What the report is made of, before any statistics.

    Attributes:
        since, until: the first and last local dates covered; None when there is no history.
        notes: the latest notes, only when asked for; ``notes_total`` counts all in the range.
    """

    since: date | None
    until: date | None
    totals: PeriodCounts
    counts: tuple[PracticeCounts, ...]
    grid: list[list[tp.Cell]]
    months: list[tp.Cell]
    marks: tp.MarkCounts
    with_notes: bool = False
    notes: tuple[Note, ...] = ()
    notes_total: int = 0
    experiments: tuple[ExperimentResult, ...] = ()


class ReportReader:
    """Reads a report's figures in one short read-only session; errors as ``DatabaseProblem``."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    @contextlib.contextmanager
    def _session(self) -> Iterator[Session]:
        with as_problem(reading=True), self._factory() as session:
            yield session

    def read(self, since: date | None, until: date | None, with_notes: bool) -> ReportData:
        """The figures of [since, until]; a side left None follows the history's first or last."""
        with self._session() as session:
            first, last = stats_queries.date_bounds(session)
            since = since if since is not None else first
            until = until if until is not None else last
            if since is not None and until is not None and since > until:
                since, until = until, since
            totals = (
                stats_queries.period_counts(session, since, until)
                if since is not None and until is not None
                else PeriodCounts(0, 0, 0, 0)
            )
            counts = tuple(stats_queries.practice_counts(session, since, until))
            r0 = usual_rate(totals.checkins, totals.sparks)
            grid = tp.hour_weekday_grid(
                pattern_queries.hour_weekday_counts(session, since, until), r0
            )
            months = tp.by_month(pattern_queries.month_counts(session, since, until), r0)
            marks = tp.mark_counts(pattern_queries.mark_counts(session, since, until))
            total, rows = (
                report_queries.notes(session, since, until, NOTES_SHOWN) if with_notes else (0, [])
            )
            experiments = report_queries.experiments(session, since, until)
        return ReportData(
            since, until, totals, counts, grid, months, marks, with_notes,
            tuple(Note(*row) for row in rows), total, experiments,
        )  # fmt: skip


# --- what goes on the pages -------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar: a rate from 0 to 1 (None: nothing to show), with its likely range if known.

    ``faint``: too few check-ins to read much into it; drawn pale.
    """

    label: str
    value: float | None
    detail: str = ""
    low: float | None = None
    high: float | None = None
    faint: bool = False


@dataclass(frozen=True)
class Chart:
    """A figure: ``ranges`` (a row per practice, its likely range) or ``columns`` (hours...)."""

    kind: str
    title: str
    bars: tuple[Bar, ...]
    usual: float | None = None
    usual_label: str = ""


@dataclass(frozen=True)
class Section:
    """A heading, a few paragraphs, then a table (first row its header) and charts."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class ReportContent:
    title: str
    period: str
    footer: str
    pages: tuple[tuple[Section, ...], ...]


def experiments_in(data: ReportData) -> tuple[ExperimentSummary, ...]:
    """The experiments run in the period, each with how far it went, its plain result and,
    once there are enough check-ins, its likely ranges; the section is left out without any."""
    return tuple(experiment_summary(found) for found in data.experiments)


def _percent(rate: float) -> str:
    return f"{round(rate * 100)}%"


def _likely(low: float, high: float) -> str:
    return f"{round(low * 100)}-{round(high * 100)}%"


def _period(data: ReportData) -> str:
    if data.since is None or data.until is None:
        return translate("Report", "No days recorded yet")
    if data.since == data.until:
        return translate("Report", "On {day}").format(day=data.since.isoformat())
    return translate("Report", "From {since} to {until}").format(
        since=data.since.isoformat(), until=data.until.isoformat()
    )


def _meaning() -> Section:
    return Section(
        translate("Report", "What these figures mean"),
        (
            translate(
                "Report",
                "After a practice, the person could say whether anything stirred: nothing, a "
                'flicker, a spark or a glow. "Something stirred" counts a flicker or more. '
                "Nothing is a valid answer, and practices done without a check-in are not "
                "counted as nothing.",
            ),
            translate(
                "Report",
                "A likely range is where the true rate lies with 80% probability, given the "
                "check-ins so far and the person's usual rate; it is wide while there are few. "
                "Times of day and months are drawn towards the usual rate when they have few "
                "check-ins, and pale when they have fewer than {few}.",
            ).format(few=tp.GREY_BELOW),
            translate(
                "Report",
                "These are one person's own notes on small moments of sensation. They are not "
                "a diagnosis, a measure of mood or a medical test, and they say nothing about "
                "why something did or did not stir.",
            ),
        ),
    )


def _how_often(data: ReportData, report: Report) -> Section:
    t = data.totals
    done = plural(
        t.sessions, translate("Report", "1 practice"), translate("Report", "{count} practices")
    )
    checked = plural(
        t.checkins, translate("Report", "1 check-in"), translate("Report", "{count} check-ins")
    )
    said = translate(
        "Report", "{done} in this period, {checked}; something stirred {stirred} of them ({rate})."
    ).format(
        done=done,
        checked=checked,
        stirred=number(t.sparks),
        rate=_percent(t.sparks / t.checkins) if t.checkins else "-",
    )
    header = (
        translate("Report", "Practice"),
        translate("Report", "Done"),
        translate("Report", "Finished"),
        translate("Report", "Check-ins"),
        translate("Report", "Stirred"),
    )
    rows = [
        (c.title, number(c.sessions), number(c.completed), number(c.checkins), number(c.sparks))
        for c in sorted(data.counts, key=lambda c: (-c.sessions, c.title))
    ]
    return Section(translate("Report", "How often"), (said,), (header, *rows))


def _what_helped(report: Report) -> Section:
    bars = tuple(
        Bar(
            p.title,
            p.posterior_mean,
            translate("Report", "{stirred} of {checkins}, likely {range}").format(
                stirred=number(p.sparks),
                checkins=number(p.checkins),
                range=_likely(*p.interval80),
            ),
            *p.interval80,
            faint=p.still_learning,
        )
        for p in report.rated
    )
    helper = seems_to_help(report)
    first = (
        translate(
            "Report", "{title} has most surely brought something: likely {range} of the time."
        ).format(title=helper.title, range=_likely(*helper.interval80))
        if helper is not None
        else translate("Report", "No practice stands out from the usual rate so far.")
    )
    usual = report.overall.prior_rate
    chart = Chart(
        "ranges",
        translate("Report", "How often something stirred, with its likely range"),
        bars,
        usual,
        translate("Report", "usual {rate}").format(rate=_percent(usual)),
    )
    return Section(
        translate("Report", "What helped"),
        (first, translate("SparkStats", ORDERING_SENTENCE)),
        charts=(chart,),
    )


def _column(label: str, cell: tp.Cell) -> Bar:
    detail = number(cell.checkins) if cell.checkins else ""
    return Bar(label, cell.shrunk, detail, faint=cell.greyed)


def _when(data: ReportData, r0: float) -> Section:
    columns = [[day[h] for day in data.grid] for h in range(tp.HOURS)]
    by_hour = [
        tp.cell(sum(c.checkins for c in cs), sum(c.sparks for c in cs), r0) for cs in columns
    ]
    used = [h for h, c in enumerate(by_hour) if c.checkins]
    hours = range(min(used), max(used) + 1) if used else range(0)
    by_day = [
        tp.cell(sum(c.checkins for c in day), sum(c.sparks for c in day), r0) for day in data.grid
    ]
    usual = translate("Report", "usual {rate}").format(rate=_percent(r0))
    charts = [
        Chart(
            "columns",
            translate("Report", "By hour of the day (the number under each is its check-ins)"),
            tuple(_column(f"{h}:00", by_hour[h]) for h in hours),
            r0,
            usual,
        ),
        Chart(
            "columns",
            translate("Report", "By day of the week"),
            tuple(
                _column(translate("Vocabulary", name)[:3], c)
                for name, c in zip(DAY_NAMES, by_day, strict=True)
            ),
            r0,
            usual,
        ),
    ]
    if sum(1 for c in data.months if c.checkins) >= 2:
        charts.append(
            Chart(
                "columns",
                translate("Report", "By month, all years together"),
                tuple(
                    _column(translate("Vocabulary", name)[:3], c)
                    for name, c in zip(MONTH_NAMES, data.months, strict=True)
                ),
                r0,
                usual,
            )
        )
    said = translate(
        "Report",
        "How often something stirred at each time, drawn towards the usual rate while there "
        "are few check-ins. A difference here is a hint to notice, not a rule.",
    )
    return Section(translate("Report", "When"), (said,), charts=tuple(charts))


def _listed(pairs: Sequence[tuple[str, int]], word: Callable[[str], str]) -> str:
    return ", ".join(f"{word(w)} ({number(n)})" for w, n in pairs[:WORDS_LISTED])


def _places_and_words(data: ReportData) -> Section:
    said: list[str] = []
    if data.marks.body:
        said.append(
            translate("Report", "Places in the body where something was felt: {places}.").format(
                places=_listed(data.marks.body, body_area_text)
            )
        )
    if data.marks.feelings:
        said.append(
            translate("Report", "Words chosen for it: {words}.").format(
                words=_listed(data.marks.feelings, feeling_text)
            )
        )
    if not said:
        said.append(translate("Report", "No places in the body or words were named."))
    return Section(translate("Report", "Places in the body and words"), tuple(said))


def _shortened(text: str) -> str:
    return text if len(text) <= NOTE_LENGTH else text[: NOTE_LENGTH - 1].rstrip() + "…"


def _notes(data: ReportData) -> Section:
    if not data.notes:
        return Section(
            translate("Report", "Notes"), (translate("Report", "No notes were written."),)
        )
    intro = translate("Report", "The latest {shown} of {total} notes, as they were written.")
    intro = intro.format(shown=number(len(data.notes)), total=number(data.notes_total))
    lines = [
        translate("Report", "{day}, {practice} ({level}): {note}").format(
            day=n.day.isoformat(),
            practice=n.practice,
            level=translate("Vocabulary", SparkLevel(n.level).label),
            note=_shortened(n.text.strip()),
        )
        for n in data.notes
    ]
    return Section(translate("Report", "Notes"), (intro, *lines))


def compose(data: ReportData, report: Report, made_on: date) -> ReportContent:
    """The pages: three with enough check-ins; one kind page for an empty or tiny history.

    Args:
        report: the statistics of ``data.counts`` (``spark_stats.compute``).
        made_on: the local date the report is made.
    """
    title = translate("Report", "Reconnect: a personal report")
    footer = translate(
        "Report", "Made with Reconnect on {day}, on this computer. Not a diagnosis."
    ).format(day=made_on.isoformat())
    period = _period(data)
    if data.totals.sessions == 0 or report.overall.too_early or report.overall.checkins == 0:
        kind = (
            translate(
                "Report",
                "There is nothing recorded in this period yet, so there is nothing to chart. "
                "That is fine: a report becomes useful after a few weeks of small breaks.",
            )
            if data.totals.sessions == 0
            else " ".join(
                (
                    translate(
                        "Report",
                        "There are only a few check-ins in this period, too few for charts that "
                        "would mean anything.",
                    ),
                    translate("SparkStats", TOO_EARLY_SENTENCE),
                )
            )
        )
        first = Section(translate("Report", "The period"), (kind,))
        sections = [first] + ([_how_often(data, report)] if data.totals.sessions else [])
        return ReportContent(title, period, footer, ((*sections, _meaning()),))
    extra = [
        Section(e.heading, e.sentences) for e in experiments_in(data)
    ]  # the experiments' results, when there are any
    r0 = report.overall.prior_rate
    when = _when(data, r0)
    pages = (
        (_how_often(data, report), _meaning()),
        (_what_helped(report), _places_and_words(data)),
        (when, *extra, *([_notes(data)] if data.with_notes else [])),
    )
    return ReportContent(title, period, footer, pages)
