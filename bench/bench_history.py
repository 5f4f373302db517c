"""Benchmark the history at a realistic size: the stats query, import, and check-in saves.

Generates a history (five years by default) into a temporary folder, then measures, each
beside its target and a baseline measured in the same run:

* the ``stats`` query over all history (bounds, per-practice counts, and the statistics);
* opening the dashboard: time to its first content, and the memory it adds;
* ``import`` of the whole history's JSON export into an empty data folder;
* saving a check-in durably, p50 and p99 over 500 saves on freshly started sessions.

    python -m bench.bench_history [--years 5] [--quick] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bench import bench_dashboard
from bench.generate_history import BERLIN, generate
from reconnect import __version__
from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.history_import import parse_history
from reconnect.core.sessions import Moment, Trigger
from reconnect.core.spark_stats import compute
from reconnect.services import history
from reconnect.services.breaks import BreakRecords
from reconnect.storage.stats_queries import date_bounds, practice_counts

STATS_TARGET_MS = 50.0
IMPORT_TARGET_MS = 2000.0
SAVE_P50_TARGET_MS = 5.0
SAVE_P99_TARGET_MS = 20.0


@dataclass(frozen=True)
class Plan:
    """How big and how often."""

    years: float
    stats_runs: int
    import_runs: int
    saves: int
    dashboard_runs: int


FULL = Plan(years=5.0, stats_runs=15, import_runs=5, saves=500, dashboard_runs=5)
QUICK = Plan(years=0.05, stats_runs=3, import_runs=1, saves=30, dashboard_runs=1)


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return _ms(time.perf_counter() - began)


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    # Linear interpolation between the closest ranks (numpy's default).
    rank = share * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _line(name: str, value: float, target: float, baseline_name: str, baseline: float) -> str:
    verdict = "PASS" if value <= target else "MISS"
    ratio = value / baseline if baseline > 0 else float("inf")
    return (
        f"{name:<28} {value:9.2f} ms   target <= {target:g} ms   {verdict}   "
        f"baseline {baseline_name} {baseline:.3f} ms (x{ratio:.1f})"
    )


def _context(data_dir: Path) -> bootstrap.Context:
    clock = FakeClock(datetime(2026, 11, 20, 18, tzinfo=BERLIN))
    return bootstrap.build(str(data_dir), environ={}, clock=clock)


def _stats_once(context: bootstrap.Context) -> None:
    # What `reconnect stats` does: the date bounds, the counts in them, the statistics.
    with context.database().session_factory() as session:
        first, last = date_bounds(session)
        counts = practice_counts(session, first, last)
    compute(counts)


def bench_stats(data_dir: Path, runs: int) -> list[str]:
    context = _context(data_dir)
    try:
        cold = _timed(lambda: _stats_once(context))
        times = [_timed(lambda: _stats_once(context)) for _ in range(runs)]
        # The parts, to show where the time goes.
        with context.database().session_factory() as session:
            first, last = date_bounds(session)
            query = [_timed(lambda: practice_counts(session, first, last)) for _ in range(runs)]
            counts = practice_counts(session, first, last)
        maths = [_timed(lambda: compute(counts)) for _ in range(runs)]
    finally:
        context.close()
    connection = sqlite3.connect(data_dir / "reconnect.db")
    try:
        baseline = [
            _timed(lambda: connection.execute("SELECT count(*) FROM sessions").fetchone())
            for _ in range(runs)
        ]
    finally:
        connection.close()
    return [
        _line(
            "stats query (median)",
            statistics.median(times),
            STATS_TARGET_MS,
            "count(*)",
            statistics.median(baseline),
        ),
        f"{'  of which practice_counts':<28} {statistics.median(query):9.2f} ms",
        f"{'  of which compute':<28} {statistics.median(maths):9.2f} ms",
        f"{'  first run (imports scipy)':<28} {cold:9.2f} ms",
    ]


def _export(data_dir: Path) -> bytes:
    context = _context(data_dir)
    try:
        now = Moment.of(context.clock.now())
        text = history.export(context.database().session_factory, "json", now, __version__)
    finally:
        context.close()
    return text.encode("utf-8")


def bench_import(data_dir: Path, work: Path, runs: int) -> list[str]:
    raw = _export(data_dir)
    times: list[float] = []
    added = 0
    for run in range(runs):
        context = _context(work / f"import-{run}")
        try:
            factory = context.database().session_factory  # created and migrated, untimed
            began = time.perf_counter()
            report = history.import_history(factory, raw)
            times.append(_ms(time.perf_counter() - began))
            added = report.added
        finally:
            context.close()
    baseline = [_timed(lambda: json.loads(raw)) for _ in range(runs)]
    parse = [_timed(lambda: parse_history(raw)) for _ in range(runs)]
    return [
        _line(
            "import (median)",
            statistics.median(times),
            IMPORT_TARGET_MS,
            "json.loads",
            statistics.median(baseline),
        ),
        f"{'  of which parse_history':<28} {statistics.median(parse):9.2f} ms",
        f"{'  file':<28} {len(raw) / 1e6:9.2f} MB, {added} sessions imported",
    ]


def _plain_sqlite_saves(path: Path, saves: int) -> list[float]:
    """Insert and commit one row at a time, WAL and synchronous=FULL as the app does."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("CREATE TABLE checkins (id TEXT PRIMARY KEY, level INTEGER, at TEXT)")
        times = []
        for number in range(saves):
            began = time.perf_counter()
            connection.execute("BEGIN")
            connection.execute(
                "INSERT INTO checkins VALUES (?, ?, ?)", (f"c{number}", number % 4, "now")
            )
            connection.execute("COMMIT")
            times.append(_ms(time.perf_counter() - began))
    finally:
        connection.close()
    return times


def bench_saves(data_dir: Path, work: Path, saves: int) -> list[str]:
    context = _context(data_dir)
    try:
        records = BreakRecords(context.database().session_factory)
        practices = sorted(context.library, key=lambda p: p.id)
        now = datetime(2026, 11, 23, 9, tzinfo=BERLIN)
        times: list[float] = []
        for number in range(saves):
            practice = practices[number % len(practices)]
            session = records.start(practice, Trigger.SCHEDULED, now)  # untimed
            now += timedelta(seconds=practice.seconds)
            began = time.perf_counter()
            records.save_checkin(session.id, now, number % 4, ("hands",), ("warmth",))
            times.append(_ms(time.perf_counter() - began))
            now += timedelta(minutes=1)
    finally:
        context.close()
    baseline = _plain_sqlite_saves(work / "plain.db", saves)
    return [
        _line(
            f"check-in save p50 (n={saves})",
            _percentile(times, 0.50),
            SAVE_P50_TARGET_MS,
            "sqlite3 insert+commit p50",
            _percentile(baseline, 0.50),
        ),
        _line(
            f"check-in save p99 (n={saves})",
            _percentile(times, 0.99),
            SAVE_P99_TARGET_MS,
            "sqlite3 insert+commit p99",
            _percentile(baseline, 0.99),
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_history", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--years", type=float, help="years of history (default 5; quick 0.05)")
    parser.add_argument("--quick", action="store_true", help="tiny history, few repetitions")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--workdir", type=Path, help="where the temporary folders go (default: the system's)"
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    years = plan.years if args.years is None else args.years
    with tempfile.TemporaryDirectory(prefix="reconnect-bench-", dir=args.workdir) as temp:
        work = Path(temp)
        data_dir = work / "history"
        summary = generate(data_dir, years=years, seed=args.seed)
        print(
            f"History: {years:g} years, {summary.sessions} sessions, {summary.checkins} with "
            f"check-ins ({summary.checkin_share:.0%}), generated in {summary.seconds:.2f} s "
            f"(in {work})"
        )
        lines = [
            *bench_stats(data_dir, plan.stats_runs),
            *bench_dashboard.lines(bench_dashboard.measure(data_dir, plan.dashboard_runs)),
            *bench_import(data_dir, work, plan.import_runs),
            *bench_saves(data_dir, work, plan.saves),
        ]
        for line in lines:
            print(line)
    misses = sum(" MISS " in line for line in lines)
    print(f"{'All targets met.' if not misses else f'{misses} target(s) missed.'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
