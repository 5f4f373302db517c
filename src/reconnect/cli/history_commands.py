"""``log``, ``history``, ``export`` and ``import``: the history from the command line."""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from typing import Any, TextIO

from reconnect import __version__
from reconnect.app.bootstrap import Context
from reconnect.cli.library_commands import write_table
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from reconnect.core.history_export import session_to_dict
from reconnect.core.i18n import plural
from reconnect.core.outcome_words import outcome_word
from reconnect.core.recording import logged_session, spark_level
from reconnect.core.sessions import BreakSession, Moment
from reconnect.core.vocabulary import BODY_AREAS, FEELING_WORDS, SparkLevel, body_area_text
from reconnect.paths import write_private
from reconnect.storage.problems import explain

MAX_IMPORT_PROBLEMS_SHOWN = 25


def _spark_arg(value: str) -> SparkLevel:
    try:
        return spark_level(value)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(
            f"--limit takes a whole number of 1 or more (got {value!r})"
        )
    return int(value)


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    log = commands.add_parser(
        "log",
        parents=parents,
        help="write down a practice you did away from the computer",
        description="Write down a practice you did away from the computer, and what stirred. "
        "'Nothing' (0) is a useful answer too.",
    )
    log.add_argument("practice_id", metavar="PRACTICE_ID", help="see 'reconnect practices'")
    log.add_argument(
        "--spark",
        required=True,
        type=_spark_arg,
        metavar="0..3",
        help="what stirred: 0 nothing, 1 a flicker, 2 a spark, 3 a glow",
    )
    log.add_argument(
        "--body",
        nargs="+",
        action="extend",
        default=[],
        metavar="AREA",
        help=f"where in the body: {', '.join(BODY_AREAS)}",
    )
    log.add_argument(
        "--feeling",
        nargs="+",
        action="extend",
        default=[],
        metavar="WORD",
        help=f"a word or two, your own or for example: {', '.join(FEELING_WORDS)}",
    )
    log.add_argument("--note", metavar="TEXT", help="a few words for yourself")
    log.add_argument(
        "--at",
        metavar="ISO-TIME",
        help="when you finished, like 2026-11-21T14:05 or 14:05 for today (default: now)",
    )
    log.set_defaults(run=run_log)

    hist = commands.add_parser(
        "history",
        parents=parents,
        help="show your recent sessions and check-ins",
        description="Show your sessions and check-ins, newest first.",
    )
    hist.add_argument("--json", action="store_true", help="print JSON instead of a table")
    hist.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="show at most N (default 20)"
    )
    hist.set_defaults(run=run_history)

    export = commands.add_parser(
        "export",
        parents=parents,
        help="write your whole history to a CSV or JSON file",
        description="Write your whole history, everything needed to rebuild it, as CSV or "
        "JSON (see docs/history-format.md). The file is readable only by you.",
    )
    export.add_argument(
        "--format", choices=("csv", "json"), help="default: from the file name, else json"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the screen"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(run=run_export)

    imp = commands.add_parser(
        "import",
        parents=parents,
        help="add the sessions of an exported file to your history",
        description="Add the sessions of a CSV or JSON export to your history. All or "
        "nothing: if any row has a problem, nothing is imported and each problem is listed "
        "with its line. Sessions already here are skipped, so importing twice adds nothing.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(run=run_import)


def parse_time(text: str, context: Context) -> datetime:
    """Read --at: an ISO time with or without offset, or HH:MM for today (local time).

    Raises:
        InputError: the text is not such a time.
    """
    value = text.strip()
    try:
        if len(value) <= 5 and ":" in value:
            parsed = datetime.combine(context.clock.now().date(), time.fromisoformat(value))
        else:
            parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--at takes a time like 2026-11-21T14:05, 2026-11-21 14:05+01:00 or 14:05 "
            f"(got {text!r})"
        ) from None
    return parsed if parsed.tzinfo else context.clock.localize(parsed)


def run_log(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.services import history

    practice = context.library.get(args.practice_id)
    if practice is None:
        raise InputError(f"{context.library.unknown(args.practice_id)} See 'reconnect practices'.")
    now = context.clock.now()
    finished = parse_time(args.at, context) if args.at else None
    session = logged_session(
        practice, now, args.spark, args.body, args.feeling, args.note, finished_at=finished
    )
    history.record(context.database().session_factory, session)
    when = session.ended.local if session.ended else now
    level = SparkLevel(args.spark)
    if level is SparkLevel.NOTHING:
        felt = "Nothing stirred this time, and noticing that counts too."
    else:
        felt = f"You noticed {level.label}."
    print(f"Written down: {practice.title}, {when:%a %d %b %H:%M}. {felt}", file=out)
    return EXIT_OK


def _when(moment: Moment) -> str:
    return f"{moment.local:%Y-%m-%d %H:%M}"


def _history_row(session: BreakSession) -> tuple[str, ...]:
    outcome = outcome_word(session.outcome)
    checkin = session.checkin
    if checkin is None:
        return (_when(session.started), session.practice_title, outcome, "-", "")
    details = [*map(body_area_text, checkin.body_areas), *checkin.feelings]
    note = " ".join(checkin.note.split())
    if note:
        details.append(f'"{note[:40]}…"' if len(note) > 40 else f'"{note}"')
    return (
        _when(session.started),
        session.practice_title,
        outcome,
        checkin.level.label,
        ", ".join(details),
    )


@contextmanager
def _reading() -> Iterator[None]:
    """SQLite failing while the history is read is told as a read (``main`` would say write)."""
    try:
        yield
    except Exception as error:
        if not isinstance(getattr(error, "orig", None), sqlite3.Error):
            raise
        raise explain(error, reading=True) from error


def run_history(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.services import history

    factory = context.database().session_factory
    with _reading():
        sessions = history.recent(factory, args.limit)
    if args.json:
        json.dump([session_to_dict(s) for s in sessions], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not sessions:
        print(
            "Nothing here yet. Practices you do, or write down with 'reconnect log', "
            "will appear here.",
            file=out,
        )
        return EXIT_OK
    write_table(
        out,
        ("WHEN", "PRACTICE", "ENDED", "STIRRED", "DETAILS"),
        [_history_row(s) for s in sessions],
    )
    return EXIT_OK


def run_export(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.services import history

    fmt = args.format
    if fmt is None:
        fmt = "csv" if args.output and args.output.lower().endswith(".csv") else "json"
    target = Path(args.output) if args.output else None
    if target is not None and target.exists() and not args.force:
        raise InputError(
            f"{target} already exists; choose another name, or add --force to replace it"
        )
    factory = context.database().session_factory
    with _reading():
        text = history.export(factory, fmt, Moment.of(context.clock.now()), __version__)
    if target is None:
        out.write(text)
        return EXIT_OK
    write_export(target, text)
    print(f"Your history is in {target} ({fmt.upper()}, readable only by you).", file=out)
    return EXIT_OK


def write_export(target: Path, text: str) -> None:
    """Write the export whole or not at all, readable only by you (``paths.write_private``).

    Raises:
        InputError: the folder or the file can't be written.
    """
    try:
        write_private(target, text.encode("utf-8"))
    except OSError as error:
        # Only a failure to make the temporary file names one path (in the folder) and no
        # second: writing it names none, and renaming it over the target names both.
        if error.filename is not None and error.filename2 is None:
            raise InputError(f"could not write in {target.parent} ({error.strerror})") from None
        raise InputError(f"could not write {target} ({error.strerror})") from None


def run_import(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.services import history

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"could not read {path} ({error.strerror})") from None
    try:
        report = history.import_history(context.database().session_factory, raw)
    except history.ImportRefused as refused:
        print(f"reconnect import: {path}: {refused}:", file=err)
        for problem in refused.problems[:MAX_IMPORT_PROBLEMS_SHOWN]:
            print(f"  {problem}", file=err)
        hidden = len(refused.problems) - MAX_IMPORT_PROBLEMS_SHOWN
        if hidden > 0:
            print(f"  … and {hidden} more", file=err)
        return EXIT_BAD_INPUT
    already = (
        plural(
            report.already_present,
            "; 1 was already here and was left as it is",
            "; {count} were already here and were left as they are",
        )
        if report.already_present
        else ""
    )
    imported = plural(report.added, "Imported 1 session", "Imported {count} sessions")
    with_checkins = plural(report.added_checkins, "1 with a check-in", "{count} with check-ins")
    print(f"{imported} ({with_checkins}){already}.", file=out)
    if report.added_experiments:
        compared = plural(report.added_experiments, "1 experiment", "{count} experiments")
        print(f"Also {compared} comparing two practices.", file=out)
    return EXIT_OK
