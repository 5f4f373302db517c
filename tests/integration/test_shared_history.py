"""One history shared by several computers: each row knows its computer, writes never double.

Two copies of Reconnect are two contexts with their own data folders and computer names, each
with its own engine and break records, on one PostgreSQL database; the tests marked
``both_databases`` hold for an SQLite file as well.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.history_export import to_json
from reconnect.core.history_filter import HistoryFilter
from reconnect.core.prompts import PromptFate
from reconnect.core.recording import logged_session, make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.core.settings import Settings
from reconnect.services import history
from reconnect.services.break_writes import FinishSession, SaveCheckIn, StartSession, apply
from reconnect.services.breaks import BreakRecords
from reconnect.services.dashboard import DashboardReader
from reconnect.services.history_edits import history_page
from reconnect.settings_store import SettingsFile
from reconnect.storage.database import HEAD_REVISION, current_revision
from reconnect.storage.schema import CheckInMarkRow, CheckInRow, PromptRow, SessionRow
from reconnect.storage.unit_of_work import UnitOfWork
from tests.support.postgres import PostgresServer

Copy = Callable[[str], bootstrap.Context]


def named(folder: Path, computer: str) -> Path:
    SettingsFile(folder / "settings.json").save(
        Settings().with_value("sync.computer_name", computer)
    )
    return folder


@pytest.fixture
def copies(tmp_path: Path, clock: FakeClock, database_environ: dict[str, str]) -> Iterator[Copy]:
    """Makes a copy of Reconnect on a computer of the given name, all on one database.

    Each has a data folder of its own, as on different machines; on SQLite they share one
    file, as two copies on one machine would.
    """
    made: list[bootstrap.Context] = []
    shared = {"RECONNECT_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}"}

    def copy(computer: str) -> bootstrap.Context:
        environ = database_environ or shared
        context = bootstrap.build(str(named(tmp_path / computer, computer)), environ, clock)
        made.append(context)
        return context

    yield copy
    for context in made:
        context.close()


def counts(context: bootstrap.Context) -> dict[str, int]:
    with context.database().session_factory() as session:
        return {
            row.__tablename__: int(session.execute(select(func.count()).select_from(row)).scalar())
            for row in (SessionRow, CheckInRow, CheckInMarkRow, PromptRow)
        }


def records_of(context: bootstrap.Context) -> BreakRecords:
    return BreakRecords(context.database().session_factory)


@pytest.mark.both_databases
def test_each_row_knows_its_computer_and_the_dashboard_can_show_one(copies: Copy) -> None:
    laptop, desktop = copies("laptop"), copies("desktop")
    practice = laptop.library.get("hand-on-heart")
    assert practice is not None
    now = laptop.clock.now()
    for context, level in ((laptop, 2), (laptop, 1), (desktop, 0)):
        records = records_of(context)
        session = records.start(practice, Trigger.TRAY, now)
        records.finish(session.id, now + timedelta(minutes=3), Outcome.COMPLETED)
        records.save_checkin(session.id, now + timedelta(minutes=3), level, ["chest"])
    records_of(desktop).offer(practice, now, 0.5)

    for context in (laptop, desktop):  # every dashboard sees every computer's moments
        reader = DashboardReader(context.database().session_factory)
        assert reader.computers() == ["desktop", "laptop"]
        assert reader.figures(RangeChoice.ALL, now.date()).checkins == 3
        only_laptop = reader.figures(RangeChoice.ALL, now.date(), "laptop")
        assert only_laptop.checkins == 2 and only_laptop.computer == "laptop"
        assert [c.sparks for c in only_laptop.counts] == [2]
        patterns = reader.patterns(RangeChoice.ALL, now.date(), only_laptop.r0, "desktop")
        assert sum(cell.checkins for row in patterns.grid for cell in row) == 1
        assert patterns.marks.body == [("chest", 1)]
        page = history_page(
            context.database().session_factory, HistoryFilter(computer="desktop"), 10
        )
        assert page.total == 1 and page.sessions[0].computer == "desktop"
    with UnitOfWork(desktop.database().session_factory) as uow:
        assert [p.practice_id for p in uow.prompts.recent()] == ["hand-on-heart"]
    with desktop.database().session_factory() as session:
        assert session.execute(select(PromptRow.computer)).scalars().all() == ["desktop"]


@pytest.mark.both_databases
def test_starting_on_one_computer_leaves_the_others_break_alone(copies: Copy) -> None:
    laptop, desktop = copies("laptop"), copies("desktop")
    practice = laptop.library.get("box-breath")
    assert practice is not None
    now = laptop.clock.now()
    laptop_records = records_of(laptop)
    under_way = laptop_records.start(practice, Trigger.TRAY, now)
    waiting = laptop_records.offer(practice, now, None)
    finished = laptop_records.start(practice, Trigger.TRAY, now - timedelta(hours=1))
    laptop_records.finish(finished.id, now - timedelta(minutes=50), Outcome.COMPLETED)

    # The desktop starts (or restarts after a crash): nothing of the laptop's is closed.
    assert records_of(desktop).tidy_after_last_run(now + timedelta(minutes=1)) == (0, 0)
    with UnitOfWork(laptop.database().session_factory) as uow:
        still = uow.history.get(under_way.id)
        prompt = uow.prompts.get(waiting.id)
    assert still is not None and still.is_open
    assert prompt is not None and prompt.fate is None
    # Each keeps its own rhythm: the laptop's break is not the desktop's last break.
    assert records_of(desktop).last_break_end() is None
    assert laptop_records.last_break_end() == (now - timedelta(minutes=50)).astimezone(UTC)
    # The laptop's own restart tidies what it left.
    assert laptop_records.tidy_after_last_run(now + timedelta(minutes=5)) == (1, 1)


@pytest.mark.both_databases
def test_a_write_made_again_makes_no_duplicate(copies: Copy) -> None:
    """As when a connection drops after the server committed, and the write is kept."""
    laptop = copies("laptop")
    practice = laptop.library.get("sunlight")
    assert practice is not None
    now = laptop.clock.now()
    session = BreakSession(new_id(), practice.id, practice.title, Trigger.TRAY, Moment.of(now))
    checkin = make_checkin(session.id, now, 3, ["face"], ["warmth"], "sun")
    writes = [
        StartSession(session),
        FinishSession(session.id, Moment.of(now + timedelta(minutes=2)), Outcome.COMPLETED),
        SaveCheckIn(checkin),
    ]
    for _ in range(3):
        for write in writes:
            with UnitOfWork(laptop.database().session_factory) as uow:
                apply(uow, write)
                uow.commit()
    assert counts(laptop) == {"sessions": 1, "checkins": 1, "checkin_marks": 2, "prompts": 0}
    with UnitOfWork(laptop.database().session_factory) as uow:
        stored = uow.history.get(session.id)
    assert stored is not None and stored.checkin == checkin and stored.computer == "laptop"


def test_two_copies_writing_at_the_same_moment_lose_nothing(
    postgres: PostgresServer, tmp_path: Path, clock: FakeClock
) -> None:
    url = postgres.create_database()
    environ = {"RECONNECT_DATABASE_URL": url}
    contexts = [
        bootstrap.build(str(named(tmp_path / name, name)), environ, clock)
        for name in ("laptop", "desktop")
    ]
    practice = contexts[0].library.get("hand-on-heart")
    assert practice is not None
    now = clock.now()
    # The same export imported by both, and the same kept check-in written by both.
    shared = [
        logged_session(practice, now, level, finished_at=now - timedelta(days=day))
        for day, level in ((1, 2), (2, 0), (3, 1))
    ]
    export = to_json(shared, Moment.of(now), "test").encode()
    kept_session = BreakSession(new_id(), practice.id, practice.title, Trigger.TRAY, Moment.of(now))
    kept = [
        StartSession(kept_session),
        SaveCheckIn(make_checkin(kept_session.id, now, 2, ["chest"])),
    ]
    each = 15
    start = threading.Barrier(len(contexts))
    failures: list[BaseException] = []

    def work(context: bootstrap.Context) -> None:
        try:
            factory = context.database().session_factory
            records = BreakRecords(factory)
            start.wait(timeout=30)
            for i in range(each):
                when = now + timedelta(seconds=i)
                session = records.start(practice, Trigger.TRAY, when)
                prompt = records.offer(practice, when, 0.2)
                records.decide(prompt.id, PromptFate.SKIPPED, when)
                records.finish(session.id, when + timedelta(minutes=2), Outcome.COMPLETED)
                records.save_checkin(session.id, when + timedelta(minutes=2), i % 4, ["hands"])
                if i == each // 2:
                    history.import_history(factory, export)
                    for write in kept:
                        with UnitOfWork(factory) as uow:
                            apply(uow, write)
                            uow.commit()
        except BaseException as error:
            failures.append(error)

    try:
        threads = [threading.Thread(target=work, args=(c,)) for c in contexts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not failures, failures
        total = 2 * each + len(shared) + 1
        assert counts(contexts[0]) == {
            "sessions": total,
            "checkins": total,
            "checkin_marks": 2 * each + 1,
            "prompts": 2 * each,
        }
        for context in contexts:  # both dashboards show everything
            reader = DashboardReader(context.database().session_factory)
            assert reader.figures(RangeChoice.ALL, now.date()).checkins == total
            assert reader.computers() == ["desktop", "laptop"]
            mine = reader.figures(RangeChoice.ALL, now.date(), context.computer_name())
            assert each <= mine.checkins <= each + len(shared) + 1
    finally:
        for context in contexts:
            context.close()


def test_two_computers_opening_an_empty_server_at_once_make_one_schema(
    postgres: PostgresServer, tmp_path: Path, clock: FakeClock
) -> None:
    url = postgres.create_database(migrated=False)
    start = threading.Barrier(2)
    failures: list[BaseException] = []
    contexts = [
        bootstrap.build(str(named(tmp_path / name, name)), {"RECONNECT_DATABASE_URL": url}, clock)
        for name in ("laptop", "desktop")
    ]

    def open_it(context: bootstrap.Context) -> None:
        try:
            start.wait(timeout=30)
            context.database()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=open_it, args=(c,)) for c in contexts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert not failures, failures
        for context in contexts:
            assert current_revision(context.database().engine) == HEAD_REVISION
        assert counts(contexts[1])["sessions"] == 0
    finally:
        for context in contexts:
            context.close()


def test_the_computer_name_defaults_to_the_host_name(tmp_path: Path, clock: FakeClock) -> None:
    from reconnect.core.settings import host_name

    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        assert context.computer_name() == host_name() != ""
        assert context.database().computer == host_name()
    finally:
        context.close()


def test_older_sessions_take_this_computers_name(tmp_path: Path, clock: FakeClock) -> None:
    """Migration 0004 on an SQLite file with a history: every check-in stays."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from reconnect.storage import database as db

    folder = named(tmp_path / "data", "old laptop")
    engine = create_engine(f"sqlite:///{folder / 'reconnect.db'}")
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0003")
        connection.execute(
            text(
                "INSERT INTO sessions VALUES ('s1', 'sunlight', 'Sunlight', 'tray', 'completed', "
                "'2026-11-17 13:00:00', 60, NULL, NULL, '2026-11-17', 14, 1)"
            )
        )
        connection.execute(
            text("INSERT INTO checkins VALUES ('c1', 's1', 2, '2026-11-17 13:05:00', 60, 'warm')")
        )
        connection.execute(
            text(
                "INSERT INTO prompts (id, offered_at, offered_offset, practice_id, "
                "practice_title, quiet) VALUES ('p1', '2026-11-17 12:59:00', 60, 'sunlight', "
                "'Sunlight', 0)"
            )
        )
    engine.dispose()
    context = bootstrap.build(str(folder), {}, clock)
    try:
        assert context.database().migrated_from == "0003"
        with UnitOfWork(context.database().session_factory) as uow:
            session = uow.history.get("s1")
        assert session is not None and session.computer == "old laptop"
        assert session.checkin is not None and session.checkin.note == "warm"
        with context.database().session_factory() as db_session:
            assert db_session.execute(select(PromptRow.computer)).scalar() == "old laptop"
    finally:
        context.close()


@pytest.mark.both_databases
def test_a_deleted_session_keeps_its_computer_when_restored(copies: Copy) -> None:
    """Undoing a delete on another computer gives the moment back to the one it came from."""
    from reconnect.services.history_edits import delete_session, restore_session

    laptop, desktop = copies("laptop"), copies("desktop")
    practice = laptop.library.get("sunlight")
    assert practice is not None
    session = records_of(laptop).start(practice, Trigger.TRAY, laptop.clock.now())
    removed = delete_session(desktop.database().session_factory, session.id)
    restore_session(desktop.database().session_factory, removed)
    with UnitOfWork(desktop.database().session_factory) as uow:
        back = uow.history.get(session.id)
    assert back is not None and back.computer == "laptop"
