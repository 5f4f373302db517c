"""Inserting rows that may be there already: the one write that differs between databases.

Every id in the history is a fresh UUID made where the row was first recorded, so a row that
is already there is the same row written before: by a retry after the connection was lost
just as the server committed it, by a check-in kept offline and written when the server came
back, or by two copies of Reconnect importing the same file at the same moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


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
        rows: the column values of each row.
    """
    if not rows:
        return
    table = model.__table__
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # executemany: one prepared statement, many rows, all in this process. Through the
        # connection (Core), not the ORM session: the ORM's bulk path costs about as much
        # again for an import of 15,000 sessions, and these rows need none of its work.
        session.connection().execute(sqlite.insert(table).on_conflict_do_nothing(), list(rows))
    elif dialect == "postgresql":
        # RETURNING lets SQLAlchemy send the rows in batches of multi-row VALUES
        # ("insertmanyvalues") instead of one statement per row, which over a network costs
        # a round trip each (an import of 15,000 sessions took 10 s that way).
        statement = postgresql.insert(table).on_conflict_do_nothing()
        session.connection().execute(statement.returning(*table.primary_key.columns), list(rows))
    else:  # pragma: no cover - Reconnect opens only these two
        raise NotImplementedError(f"no idempotent insert for {dialect}")
