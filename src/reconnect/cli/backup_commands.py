"""``backups`` and ``restore``: the copies of the history Reconnect keeps, and putting one back."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.cli.library_commands import write_table
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_FAILED, EXIT_OK
from reconnect.core.i18n import number, plural
from reconnect.storage.problems import DatabaseProblem

CONFIRM_WORD = "RESTORE"
NO_BACKUPS = "No backups yet. Reconnect makes one each day it runs."

_KIND_WORDS = {
    "daily": "daily",
    "before-migration": "before an update",
    "before-restore": "before a restore",
    "other": "other",
}


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    backups = commands.add_parser(
        "backups",
        parents=parents,
        help="list the copies of your history Reconnect keeps",
        description="List the copies of your history in the data folder's backups folder, "
        "newest first: one a day while Reconnect runs (the last 7 are kept), and the copies "
        "taken before an update or a restore.",
    )
    backups.add_argument("--json", action="store_true", help="print JSON instead of a table")
    backups.set_defaults(run=run_backups)

    restore = commands.add_parser(
        "restore",
        parents=parents,
        help="replace your history with one of the copies",
        description="Replace your history with a copy (see 'reconnect backups'). A copy of "
        "your current history is taken first, so a restore can itself be undone. Quit the "
        "running Reconnect first.",
    )
    restore.add_argument("file", metavar="FILE", help="the copy to restore")
    restore.add_argument(
        "--yes", action="store_true", help="do it without asking (needed when not at a terminal)"
    )
    restore.set_defaults(run=run_restore)


def _size(num_bytes: int) -> str:
    if num_bytes < 1024:
        return f"{num_bytes} bytes"
    value = float(num_bytes)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def _counted(count: int | None, word: str) -> str:
    if count is None:
        return f"an unknown number of {word}s"
    return plural(count, f"1 {word}", f"{{count}} {word}s")


def _local(moment: datetime, context: Context) -> datetime:
    return moment.astimezone(context.clock.now().tzinfo)


def run_backups(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.storage import backups

    if backups.database_file(context.paths) is None:
        print(backups.not_sqlite_message(context.paths), file=err if args.json else out)
    found = backups.list_backups(context.paths)
    if args.json:
        json.dump(
            [
                {
                    "path": str(info.path),
                    "kind": info.kind,
                    "taken_at": _local(info.taken_at, context).isoformat(timespec="seconds"),
                    "size_bytes": info.size,
                    "sessions": info.sessions,
                    "checkins": info.checkins,
                    "schema": info.schema,
                    "readable": info.readable,
                    "problem": info.problem,
                }
                for info in found
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    if not found:
        print(NO_BACKUPS, file=out)
        return EXIT_OK
    rows: list[tuple[str, ...]] = [
        (
            f"{_local(info.taken_at, context):%Y-%m-%d %H:%M}",
            _KIND_WORDS.get(info.kind, info.kind),
            number(info.sessions or 0) if info.readable else (info.problem or ""),
            number(info.checkins or 0) if info.readable else "-",
            _size(info.size),
            str(info.path),
        )
        for info in found
    ]
    write_table(out, ("WHEN", "KIND", "SESSIONS", "CHECK-INS", "SIZE", "PATH"), rows)
    return EXIT_OK


def _app_is_running(context: Context) -> bool:
    from reconnect.core.control_address import server_name
    from reconnect.desktop import control_client

    try:
        name = server_name(context.paths.root)
        return control_client.send(name, "status", timeout_ms=1000) is not None
    except control_client.NoAnswer:
        return True  # something is listening with this folder's name: count it as running


def run_restore(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.storage import backup_restore, backups

    paths = context.paths
    if backups.database_file(paths) is None:
        raise DatabaseProblem("unavailable", backups.not_sqlite_message(paths))
    info = backup_restore.check_restorable(paths, Path(args.file))
    if _app_is_running(context):
        print(
            "reconnect restore: Reconnect is running with this data folder and has your "
            "history open. Quit it first (Quit in its menu, or 'reconnect quit'), run this "
            "again, then start it with 'reconnect'. Nothing was changed.",
            file=err,
        )
        return EXIT_FAILED
    summary = (
        f"{info.path}: taken {_local(info.taken_at, context):%a %d %b %Y %H:%M}, "
        f"{_counted(info.sessions, 'session')} and {_counted(info.checkins, 'check-in')}."
    )
    if not args.yes:
        stdin = sys.stdin
        if stdin is None or not stdin.isatty():
            raise InputError(
                "this replaces your current history with the copy; add --yes to do it "
                "without being asked. Nothing was changed."
            )
        print(summary, file=out)
        print(f"A copy of your current history is taken first, into {paths.backups}.", file=out)
        out.write(f"Type {CONFIRM_WORD} to replace your current history with this copy: ")
        out.flush()
        if stdin.readline().strip() != CONFIRM_WORD:
            print("Nothing was changed.", file=out)
            return EXIT_FAILED
    report = backup_restore.restore(paths, Path(args.file), context.clock.now())
    print(
        f"Restored {_counted(report.sessions, 'session')} and "
        f"{_counted(report.checkins, 'check-in')} from {report.source}.",
        file=out,
    )
    if report.before_restore is None:
        print("There was no history here before, so there was nothing to keep.", file=out)
    elif report.before_restore_as_is:
        print(
            f"Your previous database could not be read; its bytes are kept as they were in "
            f"{report.before_restore}.",
            file=out,
        )
    else:
        print(
            f"Your previous history is kept in {report.before_restore}; restore that file to "
            "go back.",
            file=out,
        )
    if report.migrated_from is not None:
        print(
            f"The copy was from an earlier version (schema {report.migrated_from}) and has "
            "been brought up to date.",
            file=out,
        )
    print("Reconnect uses it from the next time it starts ('reconnect').", file=out)
    return EXIT_OK
