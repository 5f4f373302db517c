"""Many rows written at once land exactly as one at a time would, and only once.

``insert_new`` hands many SQLite rows to the driver itself (an import's speed depends on it);
these tests hold that path to what SQLAlchemy's own writes store. Each runs on an SQLite file
and, where it is about what the databases share, on a PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.paths import resolve_data_paths
from reconnect.storage.database import Database, open_database
from reconnect.storage.history_repository import checkin_values, mark_values, session_values
from reconnect.storage.idempotent import SQLITE_MANY_ROWS, insert_new
from reconnect.storage.schema import CheckInMarkRow, CheckInRow, PromptRow, SessionRow
from reconnect.storage.unit_of_work import UnitOfWork

pytestmark = pytest.mark.both_databases

BERLIN = ZoneInfo("Europe/Berlin")
MANY = 3 * SQLITE_MANY_ROWS


@pytest.fixture
def database(tmp_path: Path, database_environ: dict[str, str]) -> Iterator[Database]:
    database = open_database(resolve_data_paths(tmp_path / "one", database_environ))
    yield database
    database.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second, empty SQLite history beside ``database``."""
    database = open_database(resolve_data_paths(tmp_path / "other", {}))
    yield database
    database.close()


def sessions(count: int) -> list[BreakSession]:
    start = datetime(2026, 3, 27, 8, 0, tzinfo=BERLIN)  # the clocks change on the 29th
    made = []
    for n in range(count):
        began = start + timedelta(hours=7 * n, seconds=n)
        ended = began + timedelta(minutes=2)
        session_id = new_id()
        checkin = (
            make_checkin(session_id, ended, n % 4, ["hands", "chest"][: n % 3], ["calm"], f"n{n}")
            if n % 3
            else None
        )
        finished = n % 5 != 0
        made.append(
            BreakSession(
                session_id,
                "hand-on-heart",
                "Hand on heart",
                Trigger.TRAY,
                Moment.of(began),
                Moment.of(ended) if finished else None,
                Outcome.COMPLETED if finished else None,
                checkin,
            )
        )
    return made


def write(database: Database, model: Any, rows: Sequence[Mapping[str, object]]) -> None:
    with database.session_factory() as session:
        insert_new(session, model, rows)
        session.commit()


def write_one_at_a_time(
    database: Database, model: Any, rows: Sequence[Mapping[str, object]]
) -> None:
    for row in rows:
        write(database, model, [row])


def stored(database: Database, table: str, order: str) -> list[tuple[object, ...]]:
    """Every row as the SQLite file holds it, with the type of each value."""
    with database.engine.connect() as connection:
        names = list(connection.execute(text(f"SELECT * FROM {table}")).keys())
        columns = [f'"{name}"' for name in names] + [f'typeof("{name}")' for name in names]
        query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
        return [tuple(row) for row in connection.execute(text(query))]


@contextmanager
def statements(database: Database) -> Iterator[list[tuple[bool, bool]]]:
    """Each statement run: whether for many rows, and whether SQLAlchemy compiled it then."""
    seen: list[tuple[bool, bool]] = []

    def remember(*args: Any) -> None:
        context, executemany = args[4], args[5]
        seen.append((executemany, context.compiled is not None))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)


def history_rows(made: list[BreakSession]) -> dict[Any, list[dict[str, object]]]:
    checkins = [s.checkin for s in made if s.checkin is not None]
    return {
        SessionRow: [session_values(s, "desk") for s in made],
        CheckInRow: [checkin_values(c) for c in checkins],
        CheckInMarkRow: [m for c in checkins for m in mark_values(c)],
    }


@pytest.mark.both_databases(sqlite_only="the two ways of writing are SQLite's")
def test_many_rows_are_stored_as_one_at_a_time_would_store_them(
    database: Database, other: Database
) -> None:
    for model, rows in history_rows(sessions(MANY)).items():
        assert len(rows) >= SQLITE_MANY_ROWS
        with statements(database) as quick:
            write(database, model, rows)
        with statements(other) as one_by_one:
            write_one_at_a_time(other, model, rows)
        # Handed to the driver as they are, in one executemany; one by one, through SQLAlchemy.
        assert (True, False) in quick and (True, True) not in quick
        assert (False, True) in one_by_one and (False, False) not in one_by_one
    for table, order in (
        ("sessions", "id"),
        ("checkins", "id"),
        ("checkin_marks", "checkin_id, kind, value"),
    ):
        assert stored(database, table, order) == stored(other, table, order)
    with database.engine.connect() as connection:
        first = connection.execute(text("SELECT started_at, local_date FROM sessions")).first()
    assert first is not None and len(str(first[0])) == len("2026-03-27 07:00:00.000000")


@pytest.mark.both_databases(sqlite_only="the two ways of writing are SQLite's")
def test_values_the_quick_way_does_not_know_go_the_dialect_s_way(
    database: Database, other: Database
) -> None:
    # Fractions of a second, a time with an offset among plain ones, booleans, floats and
    # empty values: whatever the column types, the text stored is the same either way.
    base = datetime(2026, 11, 17, 9, 0, 0, 250_000)
    rows = [
        {
            "id": f"prompt-{n:03}",
            "offered_at": base + timedelta(minutes=n) if n != 7 else base.replace(tzinfo=UTC),
            "offered_offset": 60,
            "practice_id": "sunlight",
            "practice_title": "Sunlight",
            "probability": None if n % 4 == 0 else n / 7,
            "quiet": n % 2 == 0,
            "fate": None,
            "decided_at": None if n % 3 else base + timedelta(minutes=n, microseconds=n),
            "decided_offset": None if n % 3 else 60,
            "session_id": None,
            "computer": "desk",
            "deferred_because": None if n % 5 else "microphone",
            "experiment_id": None,
        }
        for n in range(MANY)
    ]
    with statements(database) as quick:
        write(database, PromptRow, rows)
    write_one_at_a_time(other, PromptRow, rows)
    assert (True, False) in quick
    assert stored(database, "prompts", "id") == stored(other, "prompts", "id")


def test_many_rows_already_there_are_passed_over(database: Database) -> None:
    made = sessions(MANY)
    first = [session_values(s, "desk") for s in made[: MANY // 2]]
    write(database, SessionRow, first)
    again = [{**session_values(s, "desk"), "practice_title": "Changed"} for s in made]
    write(database, SessionRow, again)
    write(database, SessionRow, again)
    with database.engine.connect() as connection:
        titles = connection.execute(
            text("SELECT practice_title, count(*) FROM sessions GROUP BY practice_title")
        ).all()
    assert sorted(tuple(row) for row in titles) == [
        ("Changed", MANY - MANY // 2),
        ("Hand on heart", MANY // 2),
    ]


def test_a_broken_rule_among_many_rows_still_fails_and_writes_nothing(
    database: Database,
) -> None:
    rows = [session_values(s, "desk") for s in sessions(MANY)]
    rows[-1] = {**rows[-1], "local_hour": 25}
    with pytest.raises(IntegrityError):
        write(database, SessionRow, rows)
    with UnitOfWork(database.session_factory) as uow:
        assert uow.history.count() == 0


def test_many_rows_without_a_column_get_its_default(database: Database) -> None:
    made = [s for s in sessions(2 * MANY) if s.checkin is not None]
    write(database, SessionRow, [session_values(s, "desk") for s in made])
    rows = [checkin_values(s.checkin) for s in made if s.checkin is not None]
    write(database, CheckInRow, [{k: v for k, v in row.items() if k != "note"} for row in rows])
    with database.engine.connect() as connection:
        notes = connection.execute(text("SELECT DISTINCT note FROM checkins")).scalars().all()
    assert len(rows) >= SQLITE_MANY_ROWS and notes == [""]
