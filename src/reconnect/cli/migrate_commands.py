"""``migrate-to``: copy the whole history into another, empty database, and check the copy.

From this computer's SQLite file to a PostgreSQL server that several computers share, or back
from the server into an SQLite file, for going back to one machine. The history in use is only
read, and the address's password is never printed.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.core.database_address import check_address, hide_password
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_OK
from reconnect.core.i18n import plural

_ORDER = ("sessions", "checkins", "checkin_marks", "experiments", "prompts")
# Each counted thing when there is just one of it (``transfer.WHAT`` says the many).
_ONE = {
    "sessions": "session",
    "checkins": "check-in",
    "checkin_marks": "body area or feeling word",
    "prompts": "prompt",
    "experiments": "experiment",
}


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    migrate = commands.add_parser(
        "migrate-to",
        parents=parents,
        help="copy your whole history into another, empty database",
        description="Copy your whole history (sessions, check-ins, words and prompts) into "
        "another database that is empty: a PostgreSQL server your computers share, like "
        "postgresql+psycopg://me@host/reconnect, or an SQLite file, like "
        "sqlite:////home/me/reconnect.db, to go back to one computer. The counts are checked; "
        "the history you use now is left as it is. A database that already holds a history "
        "is refused. Afterwards point Reconnect at the copy with 'reconnect settings set "
        "sync.database_url URL' (or RECONNECT_DATABASE_URL) on each computer.",
    )
    migrate.add_argument("url", metavar="URL", help="the database to copy into")
    migrate.set_defaults(run=run_migrate_to)


def run_migrate_to(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.storage.transfer import WHAT, copy_history, same_database

    try:
        target = check_address(args.url)
    except ValueError as error:
        raise InputError(f"{hide_password(args.url)} can't be used: {error}") from None
    if not target:
        raise InputError("give the database to copy into, like postgresql+psycopg://host/db")
    source = context.paths.database_url
    if same_database(source, target):
        raise InputError(
            f"{hide_password(target)} is the history in use now; give another database"
        )
    database = context.database()
    report = copy_history(database.engine, target, database.computer)
    counts = ", ".join(
        plural(report.counts[name], f"1 {_ONE[name]}", f"{{count}} {WHAT[name]}")
        for name in _ORDER
        if name != "experiments" or report.counts.get(name)  # named once there are any
    )
    kept_in = str(database.file) if database.file is not None else hide_password(source)
    print(f"Copied to {report.target}: {counts}. The counts match.", file=out)
    print(f"Your history in {kept_in} is unchanged.", file=out)
    print(
        "To use the copy from now on, on each computer: reconnect settings set "
        "sync.database_url followed by the same address (or set RECONNECT_DATABASE_URL), "
        "then start Reconnect again.",
        file=out,
    )
    return EXIT_OK
