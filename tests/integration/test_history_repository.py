"""Sessions and check-ins go into the real database and come back as they went in.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.paths import resolve_data_paths
from reconnect.storage.database import Database, open_database
from reconnect.storage.unit_of_work import UnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")


pytestmark = pytest.mark.both_databases


@pytest.fixture
def database(tmp_path: Path, database_environ: dict[str, str]) -> Iterator[Database]:
    database = open_database(resolve_data_paths(tmp_path, database_environ))
    yield database
    database.close()


def session_at(when: datetime, with_checkin: bool = True) -> BreakSession:
    session_id = new_id()
    ended = when + timedelta(minutes=3)
    checkin = (
        make_checkin(session_id, ended, 2, ["chest", "hands"], ["warmth", "calm"], "a note ✨")
        if with_checkin
        else None
    )
    return BreakSession(
        session_id,
        "hand-on-heart",
        "Hand on heart",
        Trigger.TRAY,
        Moment.of(when),
        Moment.of(ended),
        Outcome.COMPLETED,
        checkin,
    )


def test_a_session_with_its_checkin_round_trips(database: Database) -> None:
    session = session_at(datetime(2026, 11, 17, 9, 5, tzinfo=BERLIN))
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add(session)
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        back = uow.history.get(session.id)
    assert back == session
    assert back is not None and back.checkin == session.checkin


def test_nothing_is_saved_without_commit(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add(session_at(datetime(2026, 11, 17, 9, 5, tzinfo=BERLIN)))
    with UnitOfWork(database.session_factory) as uow:
        assert uow.history.count() == 0


def test_local_hour_and_day_are_stored_as_the_person_lived_them(database: Database) -> None:
    # 21:30 in New York is already the next day in UTC; the local day and hour are kept.
    new_york = ZoneInfo("America/New_York")
    session = session_at(datetime(2026, 11, 17, 21, 30, tzinfo=new_york))  # 02:30 UTC next day
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add(session)
        uow.commit()
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT local_date, local_hour, local_weekday FROM sessions")
        ).one()
    assert (str(row[0]), row[1], row[2]) == ("2026-11-17", 21, 1)


def test_recent_is_newest_first_and_limited(database: Database) -> None:
    base = datetime(2026, 11, 17, 9, 0, tzinfo=BERLIN)
    sessions = [session_at(base + timedelta(hours=h), with_checkin=h % 2 == 0) for h in range(5)]
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        recent = uow.history.recent(limit=3)
        assert uow.history.count_checkins() == 3
    assert [s.id for s in recent] == [s.id for s in reversed(sessions)][:3]


def test_finishing_and_deleting(database: Database) -> None:
    start = datetime(2026, 11, 17, 9, 0, tzinfo=BERLIN)
    open_session = BreakSession(
        new_id(), "sunlight", "Sunlight", Trigger.SCHEDULED, Moment.of(start)
    )
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add(open_session)
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        uow.history.finish(
            open_session.id, Moment.of(start + timedelta(minutes=2)), Outcome.STOPPED_EARLY
        )
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        finished = uow.history.get(open_session.id)
        assert finished is not None and finished.outcome is Outcome.STOPPED_EARLY
        uow.history.delete(open_session.id)
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        assert uow.history.get(open_session.id) is None


def test_deleting_a_session_takes_its_checkin_along(database: Database) -> None:
    session = session_at(datetime(2026, 11, 17, 9, 5, tzinfo=BERLIN))
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add(session)
        uow.commit()
        uow.history.delete(session.id)
        uow.commit()
    with database.engine.connect() as connection:
        counts = [
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("sessions", "checkins", "checkin_marks")
        ]
    assert counts == [0, 0, 0]
