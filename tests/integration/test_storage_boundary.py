"""Storage lets no error of the database's own out: a failed unit of work or read raises the
app's ``DatabaseProblem``, in the words ``problems.explain`` gives, with the error as its cause.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import Outcome, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.storage.problems import DatabaseProblem, OutOfReach, StatementFailed
from reconnect.storage.unit_of_work import UnitOfWork, read_session

pytestmark = pytest.mark.both_databases


@pytest.fixture
def context(
    tmp_path: Path, clock: FakeClock, database_environ: dict[str, str]
) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), database_environ, clock)
    yield context
    context.close()


def test_a_failed_read_is_a_problem_told_as_a_read(context: bootstrap.Context) -> None:
    factory = context.database().session_factory
    with pytest.raises(DatabaseProblem) as raised, UnitOfWork(factory, reading=True) as uow:
        uow.history.count()
        uow._session.execute(text("SELECT * FROM no_such_table"))  # type: ignore[union-attr]
    problem = raised.value
    assert isinstance(problem, StatementFailed) and not isinstance(problem, OutOfReach)
    assert str(problem).startswith("Your history could not be read (")
    assert isinstance(problem.__cause__, SQLAlchemyError)
    with pytest.raises(StatementFailed, match="could not be read"), read_session(factory) as s:
        s.execute(text("SELECT * FROM no_such_table"))


def test_a_write_the_database_refuses_is_a_problem_and_nothing_is_written(
    context: bootstrap.Context, clock: FakeClock
) -> None:
    records = BreakRecords(context.database().session_factory)
    practice = context.library.get("sunlight")
    assert practice is not None
    session = records.start(practice, Trigger.TRAY, clock.now())
    with pytest.raises(StatementFailed) as raised:
        records.save_checkin("a session that is not there", clock.now(), 2, ["face"])
    assert str(raised.value).startswith("Your history could not be written (")
    assert "ForeignKey" in raised.value.detail or "FOREIGN KEY" in raised.value.detail
    with pytest.raises(KeyError):  # not a database error: as before
        records.finish("a session that is not there", clock.now(), Outcome.COMPLETED)
    records.finish(session.id, clock.now() + timedelta(minutes=2), Outcome.COMPLETED)
    with UnitOfWork(context.database().session_factory, reading=True) as uow:
        assert uow.history.count() == 1 and uow.history.count_checkins() == 0
