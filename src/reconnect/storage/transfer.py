"""Copying a whole history into another, empty database (``reconnect migrate-to``).

Sessions, check-ins, their words and prompts are read from the source in one consistent
snapshot and written to the target in batches, all in one transaction: the target ends up
with all of it, counted and checked, or with none of it. The source is only read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from reconnect.core.database_address import scheme_of
from reconnect.core.errors import InputError
from reconnect.core.i18n import plural
from reconnect.paths import ensure_private_file
from reconnect.storage.database import (
    HEAD_REVISION,
    _known_revision,
    _server_problem,
    _upgrade,
    check_sqlite_file,
    current_revision,
    make_engine,
    newer_message,
    safe_url,
)
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.schema import Base

BATCH = 500
# In the order foreign keys need them: sessions before their check-ins and prompts.
TABLES: tuple[Table, ...] = tuple(Base.metadata.sorted_tables)
WHAT = {
    "sessions": "sessions",
    "checkins": "check-ins",
    "checkin_marks": "body areas and feeling words",
    "prompts": "prompts",
    "experiments": "experiments",
}


@dataclass(frozen=True)
class TransferReport:
    """What was copied.

    Attributes:
        target: the target's address, without the password.
        counts: rows per table, the same in the source and (checked) in the target.
    """

    target: str
    counts: dict[str, int]


def same_database(first: str, second: str) -> bool:
    """Whether two addresses name the same database, as far as their text can tell."""
    return _normal(first) == _normal(second)


def _normal(url: str) -> str:
    text = url.strip()
    if scheme_of(text) in ("postgresql", "postgres"):
        text = "postgresql+psycopg://" + text.partition("://")[2]
    if scheme_of(text) == "sqlite":
        return "sqlite:///" + str(Path(text.removeprefix("sqlite:///")).resolve())
    return text


def copy_history(
    source: Engine,
    target_url: str,
    computer: str,
    progress: Callable[[str, int], None] = lambda _table, _rows: None,
) -> TransferReport:
    """Copy every row of the history in ``source`` into the empty database at ``target_url``.

    An empty target gets Reconnect's tables first (the same migrations as at start); one with
    the tables but no rows will do too.

    Args:
        source: the open, up-to-date database to copy from; only read.
        target_url: where to copy to (PostgreSQL, or an SQLite file that is new or empty).
        computer: this computer's name, for the migrations (rows keep their own).
        progress: told the table and the rows copied so far after each batch.

    Raises:
        InputError: the target already holds a history, or is the source; nothing was copied.
        DatabaseProblem: the target can't be reached or used, or the counts did not match;
            nothing was copied.
    """
    where = safe_url(target_url)
    target = _open_target(target_url)
    try:
        _prepare_target(target, target_url, computer)
        with source.connect() as reading, reading.begin(), target.begin() as writing:
            _snapshot(reading)
            counts = {table.name: _count(reading, table) for table in TABLES}
            for table in TABLES:
                _copy_table(reading, writing, table, progress)
            _check_counts(writing, counts, where)
        with target.connect() as connection:
            _check_counts(connection, counts, where)
    except DBAPIError as error:
        raise _server_problem(target_url, error) from error
    finally:
        target.dispose()
    return TransferReport(where, counts)


def _open_target(url: str) -> Engine:
    if scheme_of(url) == "sqlite":
        file = Path(url.removeprefix("sqlite:///"))
        if not file.parent.is_dir():
            raise InputError(f"the folder {file.parent} does not exist; make it first")
        check_sqlite_file(file)
        ensure_private_file(file)
    return make_engine(url)


def _prepare_target(target: Engine, url: str, computer: str) -> None:
    where = safe_url(url)
    revision = current_revision(target)
    if revision is not None:
        if revision != HEAD_REVISION and not _known_revision(revision):
            raise DatabaseProblem("newer", newer_message(where, revision))
        with target.connect() as connection:
            held = {
                table.name: _count(connection, table)
                for table in TABLES
                if table.name in ("sessions", "prompts")
            }
        if any(held.values()):
            raise InputError(
                f"{where} already holds a history "
                f"({plural(held['sessions'], '1 session', '{count} sessions')}, "
                f"{plural(held['prompts'], '1 prompt', '{count} prompts')}), so nothing was "
                "copied: migrate-to only copies into an empty database, and never mixes two "
                "histories. Choose an empty database, or empty this one with the server's own "
                "tools first."
            )
    if revision != HEAD_REVISION:
        _upgrade(target, computer)


def _snapshot(reading: Connection) -> None:
    """Read the whole source as it was at one moment, whatever the running app writes meanwhile.

    Where the two databases differ: PostgreSQL gives a transaction one snapshot at REPEATABLE
    READ; Python's sqlite3 opens no transaction for reading at all, so one is begun by hand
    (in WAL mode it then reads one snapshot and never blocks the app's writes).
    """
    if reading.dialect.name == "postgresql":
        reading.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
    else:
        reading.exec_driver_sql("BEGIN")


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _copy_table(
    reading: Connection,
    writing: Connection,
    table: Table,
    progress: Callable[[str, int], None],
) -> None:
    query = select(table).order_by(*table.primary_key.columns)
    result = reading.execution_options(yield_per=BATCH).execute(query)
    copied = 0
    for rows in result.partitions():
        writing.execute(insert(table), [dict(row._mapping) for row in rows])
        copied += len(rows)
        progress(table.name, copied)


def _check_counts(connection: Connection, counts: dict[str, int], where: str) -> None:
    found = {table.name: _count(connection, table) for table in TABLES}
    if found != counts:
        differ = ", ".join(
            f"{WHAT[name]}: {counts[name]} read, {found[name]} there"
            for name in counts
            if found[name] != counts[name]
        )
        raise DatabaseProblem(
            "unavailable",
            f"The copy in {where} does not match your history ({differ}), so it was not "
            "kept. Your history is unchanged; try again.",
        )
