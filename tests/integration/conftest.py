"""Shared by the integration tests: the app's context on the test's database, and rows written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import BreakSession
from reconnect.storage.unit_of_work import UnitOfWork


@pytest.fixture
def context(
    tmp_path: Path, clock: FakeClock, database_environ: dict[str, str]
) -> Iterator[bootstrap.Context]:
    """The app's context on a new data folder and the test's database.

    That is an SQLite file, or the PostgreSQL server on the run of a ``both_databases`` test.
    Modules that need another context define their own ``context`` fixture.
    """
    context = bootstrap.build(str(tmp_path / "data"), database_environ, clock)
    yield context
    context.close()


def write(context: bootstrap.Context, sessions: list[BreakSession]) -> None:
    """Add sessions, with their check-ins, to the history in one unit of work."""
    with UnitOfWork(context.database().session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()
