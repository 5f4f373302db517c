"""A shared history out of reach never loses a check-in: it is kept here, and written later.

The server is really stopped (``pg_ctl stop -m immediate``, as a crash or a pulled cable) in
the middle of saving a check-in, and started again afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger
from reconnect.services.break_writes import FinishSession, SaveCheckIn, StartSession
from reconnect.services.breaks import BreakRecords
from reconnect.services.outbox import OUTBOX_FILE, Outbox, tag_of
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.schema import CheckInRow, SessionRow
from reconnect.storage.unit_of_work import UnitOfWork
from tests.support.postgres import PostgresServer


@pytest.fixture
def server(postgres: PostgresServer) -> Iterator[PostgresServer]:
    """The run's server, running again after the test whatever happened in it."""
    yield postgres
    if not postgres.is_running():
        postgres.start()


@pytest.fixture
def context(server: PostgresServer, tmp_path: Path, clock: FakeClock) -> Iterator[Any]:
    url = server.create_database()
    context = bootstrap.build(str(tmp_path / "data"), {"RECONNECT_DATABASE_URL": url}, clock)
    yield context
    context.close()


class Told:
    def __init__(self) -> None:
        self.times = 0

    def __call__(self) -> None:
        self.times += 1


def stop_during(server: PostgresServer, engine: Any, table: str) -> None:
    """Stop the server just as the next INSERT into ``table`` is sent."""
    stopped: list[bool] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not stopped and statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            stopped.append(True)
            server.stop("immediate")

    event.listen(engine, "before_cursor_execute", before)


def checkins_in(context: Any) -> int:
    with context.database().session_factory() as session:
        return int(session.execute(select(func.count()).select_from(CheckInRow)).scalar_one())


def test_a_server_that_goes_away_in_the_middle_of_a_save(
    server: PostgresServer, context: Any, clock: FakeClock
) -> None:
    database = context.database()
    told = Told()
    box = Outbox(context.paths.root / OUTBOX_FILE)
    records = BreakRecords(database.session_factory, box, out_of_reach=told)
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    prompt = records.offer(practice, clock.now(), 0.3)
    session = records.start(practice, Trigger.SCHEDULED, clock.now(), prompt.id)
    clock.advance(timedelta(minutes=3))
    records.finish(session.id, clock.now(), Outcome.COMPLETED)

    stop_during(server, database.engine, "checkins")
    checkin = records.save_checkin(session.id, clock.now(), 2, ["chest"], ["warmth"], "kept")
    assert not server.is_running()
    assert told.times == 1
    assert [tag_of(w) for w in box.pending()] == ["save_checkin"]
    assert box.path.stat().st_mode & 0o777 == 0o600

    # More while it is away: kept in order, and the person is not told again.
    clock.advance(timedelta(minutes=30))
    later = records.start(practice, Trigger.TRAY, clock.now())
    records.finish(later.id, clock.now() + timedelta(minutes=2), Outcome.STOPPED_EARLY)
    records.save_checkin(later.id, clock.now() + timedelta(minutes=2), 0)
    waiting = records.offer(practice, clock.now(), None)
    records.decide(waiting.id, PromptFate.MISSED, clock.now())
    assert told.times == 1
    assert [tag_of(w) for w in box.pending()] == [
        "save_checkin", "start_session", "finish_session", "save_checkin", "offer_prompt",
        "decide_prompt",
    ]  # fmt: skip
    # The app goes on meanwhile: what it reads falls back quietly.
    assert records.practice_counts() == []
    assert records.last_break_end() is None
    assert not records.retry_pending()
    assert len(box) == 6

    server.start()
    assert records.retry_pending()
    assert not box.path.exists() and not records.has_pending()
    with UnitOfWork(database.session_factory) as uow:
        first = uow.history.get(session.id)
        second = uow.history.get(later.id)
        offered = uow.prompts.get(waiting.id)
    assert first is not None and first.checkin == checkin
    assert first.checkin.body_areas == ("chest",) and first.checkin.note == "kept"
    assert second is not None and second.outcome is Outcome.STOPPED_EARLY
    assert second.checkin is not None and int(second.checkin.level) == 0
    assert offered is not None and offered.fate is PromptFate.MISSED
    assert checkins_in(context) == 2
    assert [c.checkins for c in records.practice_counts()] == [2]

    # A later outage is told again, once.
    stop_during(server, database.engine, "sessions")
    records.start(practice, Trigger.TRAY, clock.now() + timedelta(hours=1))
    assert told.times == 2
    server.start()


def test_a_save_that_reached_the_server_just_before_it_went_is_not_doubled(
    context: Any, clock: FakeClock
) -> None:
    """The answer was lost, so the check-in was kept too: written again, it stays one."""
    database = context.database()
    box = Outbox(context.paths.root / OUTBOX_FILE)
    records = BreakRecords(database.session_factory, box)
    practice = context.library.get("sunlight")
    assert practice is not None
    session = records.start(practice, Trigger.TRAY, clock.now())
    checkin = records.save_checkin(session.id, clock.now(), 3, ["face"])
    box.add(StartSession(started(records_session(database, session.id))))
    box.add(SaveCheckIn(checkin))
    assert records.retry_pending()
    assert checkins_in(context) == 1
    with database.session_factory() as db:
        assert db.execute(select(func.count()).select_from(SessionRow)).scalar_one() == 1


def records_session(database: Any, session_id: str) -> Any:
    with UnitOfWork(database.session_factory) as uow:
        return uow.history.get(session_id)


def started(session: BreakSession) -> BreakSession:
    """The session as it was when it started (its check-in and end came later)."""
    return replace(session, ended=None, outcome=None, checkin=None)


def test_a_kept_write_the_server_refuses_is_set_aside_not_lost(
    context: Any, clock: FakeClock
) -> None:
    database = context.database()
    box = Outbox(context.paths.root / OUTBOX_FILE)
    records = BreakRecords(database.session_factory, box)
    practice = context.library.get("sunlight")
    assert practice is not None
    gone = records.start(practice, Trigger.TRAY, clock.now())
    with UnitOfWork(database.session_factory) as uow:  # deleted meanwhile on another computer
        uow.history.delete(gone.id)
        uow.commit()
    from reconnect.core.recording import make_checkin

    box.add(SaveCheckIn(make_checkin(gone.id, clock.now(), 1)))
    box.add(FinishSession(gone.id, Moment.of(clock.now()), Outcome.COMPLETED))
    later = records.start(practice, Trigger.TRAY, clock.now())  # drains the outbox first
    assert not records.has_pending()
    aside = box.set_aside_writes()
    assert [tag_of(w) for w, _why in aside] == ["save_checkin", "finish_session"]
    assert "ForeignKeyViolation" in aside[0][1]
    assert records_session(database, later.id) is not None


def test_a_server_out_of_reach_is_named_without_its_password(
    tmp_path: Path, clock: FakeClock
) -> None:
    nowhere = f"postgresql+psycopg://me:secret-pw@/reconnect?host={tmp_path / 'none'}"
    context = bootstrap.build(str(tmp_path / "data"), {"RECONNECT_DATABASE_URL": nowhere}, clock)
    with pytest.raises(DatabaseProblem) as problem:
        context.database()
    assert problem.value.kind == "unreachable"
    assert "can't be reached" in str(problem.value)
    assert "secret-pw" not in str(problem.value)
    assert "postgresql+psycopg://me@/reconnect" in str(problem.value)


def test_a_local_file_needs_no_outbox(tmp_path: Path, clock: FakeClock) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        assert not context.database().is_server
        records = BreakRecords(context.database().session_factory)
        assert not records.has_pending() and records.retry_pending()
    finally:
        context.close()


def test_a_server_away_at_start_is_tried_at_most_once_a_minute_between_retries(
    context: Any, server: PostgresServer, clock: FakeClock, tmp_path: Path
) -> None:
    server.stop("immediate")
    tries: list[float] = []
    now = [100.0]

    def connect() -> Any:
        tries.append(now[0])
        return context.database().session_factory

    told = Told()
    records = BreakRecords(
        None, Outbox(tmp_path / OUTBOX_FILE), told, connect=connect, monotonic=lambda: now[0]
    )
    assert not records.reach() and told.times == 1
    assert records.practice_counts() == []  # answered at once: the last try was just now
    practice = context.library.get("hand-on-heart")
    session = records.start(practice, Trigger.TRAY, clock.now())
    assert len(tries) == 1 and records.has_pending() and told.times == 1

    now[0] += 61  # a minute on, the next save tries again (and is kept again)
    records.finish(session.id, clock.now(), Outcome.COMPLETED)
    assert len(tries) == 2 and not records.connected

    server.start()
    assert records.reach() and records.connected  # the timer's try: at once
    assert records.retry_pending() and not records.has_pending()
    assert records_session(context.database(), session.id) is not None
