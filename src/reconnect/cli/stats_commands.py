"""``reconnect stats``: which practices have brought a spark, as a table or as JSON."""

from __future__ import annotations

import argparse
import io
import json
from datetime import date
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.cli.library_commands import write_table
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_OK
from reconnect.core.i18n import number, plural
from reconnect.core.spark_stats import (
    ORDERING_SENTENCE,
    TOO_EARLY_SENTENCE,
    PracticeStats,
    Report,
    compute,
    report_to_dict,
)


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    stats = commands.add_parser(
        "stats",
        parents=parents,
        help="show which practices have brought a spark for you",
        description="Show, for each practice, how often it brought at least a flicker, and "
        "the likely range of that rate. Dates are the local dates the sessions started, "
        "both ends included; by default everything you have.",
    )
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.add_argument("--since", metavar="DATE", help="first day counted, like 2026-11-01")
    stats.add_argument("--until", metavar="DATE", help="last day counted, like 2026-11-30")
    stats.set_defaults(run=run_stats)


def parse_date(text: str | None, option: str) -> date | None:
    """Read an ISO date (YYYY-MM-DD) given to ``option``.

    Raises:
        InputError: it is not such a date.
    """
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option} takes a date like 2026-11-21 (got {text!r})") from None


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _likely_range(stats: PracticeStats) -> str:
    low, high = stats.interval80
    return f"{round(low * 100)}-{round(high * 100)}%"


def _row(stats: PracticeStats) -> tuple[str, ...]:
    rate = _percent(stats.spark_rate) if stats.spark_rate is not None else "-"
    return (
        stats.title,
        number(stats.checkins),
        number(stats.sparks),
        rate,
        _likely_range(stats),
        "still learning" if stats.still_learning else "",
    )


def _span(since: date | None, until: date | None) -> str:
    return f"on {since}" if since == until else f"from {since} to {until}"


def _write_table(out: TextIO, report: Report, since: date | None, until: date | None) -> None:
    overall = report.overall
    rate = _percent(overall.spark_rate) if overall.spark_rate is not None else "-"
    span = _span(since, until)
    print(
        f"{span[0].upper()}{span[1:]}: "
        f"{plural(overall.checkins, '1 check-in', '{count} check-ins')}, "
        f"{number(overall.sparks)} with at least a flicker ({rate}).",
        file=out,
    )
    print(file=out)
    headers: tuple[str, ...] = ("PRACTICE", "CHECK-INS", "SPARKS", "RATE", "LIKELY RANGE", "")
    rows = [_row(p) for p in report.rated]
    if overall.too_early:
        # So few check-ins say little even about the usual rate: no ranges, no ranking.
        headers, rows = headers[:4], [row[:4] for row in rows]
    table = io.StringIO()
    write_table(table, headers, rows)
    # The marker column is often empty; no line should end in padding.
    for line in table.getvalue().splitlines():
        print(line.rstrip(), file=out)
    print(file=out)
    print(TOO_EARLY_SENTENCE if overall.too_early else ORDERING_SENTENCE, file=out)


def run_stats(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.storage.stats_queries import date_bounds, practice_counts

    since = parse_date(args.since, "--since")
    until = parse_date(args.until, "--until")
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} comes after --until {until}; swap them")
    with context.database().session_factory() as session:
        first, last = date_bounds(session)
        # A bound left out follows the data, but never crosses the bound that was given.
        if since is None:
            since = first if until is None or first is None else min(first, until)
        if until is None:
            until = last if since is None or last is None else max(last, since)
        counts = practice_counts(session, since, until)
    report = compute(counts)
    if args.json:
        json.dump(report_to_dict(report, since, until), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if report.overall.checkins == 0:
        if first is None:
            print(
                "No check-ins here yet. Once you tell Reconnect what stirred after a practice, "
                "each practice's spark rate and likely range will appear here.",
                file=out,
            )
        else:
            print(
                f"No check-ins {_span(since, until)}. Practices you check in on in these days "
                "will appear here, with their spark rate and likely range.",
                file=out,
            )
        return EXIT_OK
    _write_table(out, report, since, until)
    return EXIT_OK
