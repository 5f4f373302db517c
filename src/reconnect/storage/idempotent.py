"""Inserting rows that may be there already: the one write that differs between databases.

Every id in the history is a fresh UUID made where the row was first recorded, so a row that
is already there is the same row written before: by a retry after the connection was lost
just as the server committed it, by a check-in kept offline and written when the server came
back, or by two copies of Reconnect importing the same file at the same moment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Dialect, Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

# From this many rows on, SQLite rows are converted here and handed to the driver as they
# are (``_insert_many_sqlite``); fewer, as a check-in save writes, go through SQLAlchemy,
# whose cached statement costs less than compiling one here.
SQLITE_MANY_ROWS = 20

_Convert = Callable[[Any], Any]


def insert_new(session: Session, model: Any, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert the rows whose keys are not there yet; the others are left as they are.

    This is ``INSERT ... ON CONFLICT DO NOTHING``, which SQLite (3.24 or newer) and PostgreSQL
    both understand but SQLAlchemy only builds through each dialect's own ``insert``. Unlike
    SQLite's ``INSERT OR IGNORE`` it passes over a clash with a primary key or unique
    constraint only: a NOT NULL or CHECK violation still fails. On PostgreSQL it is also
    safe against a concurrent writer: the second of two transactions inserting the same key
    waits for the first, then does nothing.

    Args:
        session: the unit of work's session.
        model: the mapped class (``SessionRow``, ``CheckInRow``, ...).
        rows: the column values of each row; every row has the same keys.
    """
    if not rows:
        return
    table = model.__table__
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # Only rows that give every column: a missing one would take its default, which
        # SQLAlchemy's statement adds and this one would not.
        many = len(rows) >= SQLITE_MANY_ROWS and set(rows[0]) == set(table.columns.keys())
        if not (many and _insert_many_sqlite(session.connection(), table, rows)):
            # executemany: one prepared statement, many rows, all in this process. Through the
            # connection (Core), not the ORM session: these rows need none of its work.
            session.connection().execute(sqlite.insert(table).on_conflict_do_nothing(), list(rows))
    elif dialect == "postgresql":
        # Imported here: a local history never needs PostgreSQL's dialect (about 30 ms).
        from sqlalchemy.dialects import postgresql

        # RETURNING lets SQLAlchemy send the rows in batches of multi-row VALUES
        # ("insertmanyvalues") instead of one statement per row, which over a network costs
        # a round trip each (an import of 15,000 sessions took 10 s that way).
        statement = postgresql.insert(table).on_conflict_do_nothing()
        session.connection().execute(statement.returning(*table.primary_key.columns), list(rows))
    else:  # pragma: no cover - Reconnect opens only these two
        raise NotImplementedError(f"no idempotent insert for {dialect}")


def _insert_many_sqlite(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, object]]
) -> bool:
    """The same INSERT as SQLAlchemy's executemany, with each row made into its tuple here.

    SQLAlchemy builds a dictionary of every parameter for every row and passes each value
    through its column type's function before it makes the driver's tuple: for an import of
    15,000 sessions that took twice as long as SQLite's own work. Here the statement is
    compiled once by the dialect (so its text, quoting and parameter order are SQLAlchemy's)
    and each row becomes its tuple in one step, through the same functions.

    Returns:
        False, having written nothing, if the statement's parameters are not simply the
        rows' keys (then SQLAlchemy's own path is needed).
    """
    statement = sqlite.insert(table).on_conflict_do_nothing()
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(rows[0]))
    order = compiled.positiontup
    if order is None or sorted(order) != sorted(rows[0]):
        return False
    # Column by column: each list is made in one step, and zip makes the rows' tuples.
    columns = []
    for name in order:
        column = [row[name] for row in rows]
        convert = _converter(compiled.binds[name].type, connection.dialect, column)
        columns.append(column if convert is None else list(map(convert, column)))
    # Through SQLAlchemy still, so its events, errors and hidden parameters are as before.
    connection.exec_driver_sql(compiled.string, list(zip(*columns, strict=True)))
    return True


def _converter(column_type: Any, dialect: Dialect, values: list[Any]) -> _Convert | None:
    """How one column's values become the driver's: None when they pass as they are.

    SQLite's dialect writes dates and times as ISO text; ``isoformat`` makes that text several
    times faster. It is used only where it gives exactly the dialect's text, as checked on a
    value of this column, and only for the plain values it was checked on: any other value
    still goes through the dialect's function.
    """
    process: _Convert | None = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None
    sample = next((value for value in values if value is not None), None)
    if type(sample) is datetime and sample.tzinfo is None:
        if sample.isoformat(" ", "microseconds") != process(sample):
            return process

        def convert_datetime(value: Any) -> Any:
            # Naive only: the dialect leaves out an offset that isoformat would write.
            if type(value) is datetime and value.tzinfo is None:
                return value.isoformat(" ", "microseconds")
            return process(value)

        return convert_datetime
    if type(sample) is date:
        if sample.isoformat() != process(sample):
            return process

        def convert_date(value: Any) -> Any:
            return value.isoformat() if type(value) is date else process(value)

        return convert_date
    return process
