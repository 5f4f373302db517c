"""``reconnect migrate-to``: a local history copied to PostgreSQL and back, counted and checked.

The password in the addresses is never printed; the history in use is never changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Outcome, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.storage.schema import (
    CheckInMarkRow,
    CheckInRow,
    ExperimentRow,
    PromptRow,
    SessionRow,
)
from tests.conftest import CliResult
from tests.support.postgres import PostgresServer

Cli = Callable[..., CliResult]
SECRET = "Pa55-w0rd-never-shown"


def counts_at(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                row.__tablename__: int(
                    connection.execute(select(func.count()).select_from(row)).scalar_one()
                )
                for row in (SessionRow, CheckInRow, CheckInMarkRow, PromptRow, ExperimentRow)
            }
    finally:
        engine.dispose()


def fill(cli: Cli, data_dir: Path, clock: FakeClock, environ: dict[str, str]) -> None:
    """A history with sessions, check-ins with words, an open session and prompts."""
    for args in (
        ("hand-on-heart", "--spark", "2", "--body", "chest", "--feeling", "warmth", "calm"),
        ("sunlight", "--spark", "0", "--at", "2026-11-16T12:00"),
        ("box-breath", "--spark", "3", "--note", "line one\nline ✨ two"),
    ):
        assert cli("log", *args, environ=environ).code == 0
    context = bootstrap.build(str(data_dir), environ, clock)
    try:
        records = BreakRecords(context.database().session_factory)
        practice = context.library.get("hand-on-heart")
        assert practice is not None
        prompt = records.offer(practice, clock.now(), 0.25)
        records.decide(prompt.id, PromptFate.SKIPPED, clock.now())
        prompt = records.offer(practice, clock.now(), 0.5, quiet=True)
        session = records.start(practice, Trigger.SCHEDULED, clock.now(), prompt.id)
        records.finish(session.id, clock.now() + timedelta(minutes=3), Outcome.STOPPED_EARLY)
        records.start(practice, Trigger.TRAY, clock.now() + timedelta(minutes=5))  # still open
    finally:
        context.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_local_history_goes_to_postgresql_and_back(
    cli: Cli, data_dir: Path, clock: FakeClock, postgres: PostgresServer, tmp_path: Path
) -> None:
    fill(cli, data_dir, clock, {})
    local = data_dir / "reconnect.db"
    before = cli("history", "--json", "--limit", "50").out
    local_digest = digest(local)
    expected = counts_at(f"sqlite:///{local}")
    assert expected == {
        "sessions": 5, "checkins": 3, "checkin_marks": 3, "prompts": 2, "experiments": 0,
    }  # fmt: skip

    server = postgres.create_database(migrated=False)
    with_password = server.replace("postgres@", f"postgres:{SECRET}@")
    copied = cli("migrate-to", with_password)
    assert copied.code == 0, copied.err
    assert "5 sessions, 3 check-ins, 3 body areas and feeling words, 2 prompts" in copied.out
    assert "The counts match" in copied.out and f"{local} is unchanged" in copied.out
    assert SECRET not in copied.out + copied.err
    assert counts_at(server) == expected
    assert digest(local) == local_digest  # the local file, byte for byte

    on_server = {"RECONNECT_DATABASE_URL": with_password}
    assert cli("history", "--json", "--limit", "50", environ=on_server).out == before

    # Copying into it again is refused: it holds a history now.
    again = cli("migrate-to", with_password)
    assert again.code == 2
    assert "already holds a history (5 sessions, 2 prompts)" in again.err
    assert "nothing was copied" in again.err and SECRET not in again.err
    assert counts_at(server) == expected

    # Back to one computer: from the server into a new SQLite file.
    back = tmp_path / "back" / "reconnect.db"
    back.parent.mkdir()
    returned = cli("migrate-to", f"sqlite:///{back}", environ=on_server)
    assert returned.code == 0, returned.err
    assert "The counts match" in returned.out
    assert "postgresql+psycopg://postgres@/" in returned.out and SECRET not in returned.out
    assert back.stat().st_mode & 0o777 == 0o600
    assert counts_at(f"sqlite:///{back}") == expected
    from_file = {"RECONNECT_DATABASE_URL": f"sqlite:///{back}"}
    assert cli("history", "--json", "--limit", "50", environ=from_file).out == before
    assert counts_at(server) == expected


def test_an_empty_schema_on_the_server_will_do(
    cli: Cli, data_dir: Path, clock: FakeClock, postgres: PostgresServer
) -> None:
    fill(cli, data_dir, clock, {})
    server = postgres.create_database(migrated=True)  # tables made, no rows
    result = cli("migrate-to", server)
    assert result.code == 0, result.err
    assert counts_at(server)["sessions"] == 5


def test_the_computers_travel_with_their_rows(
    cli: Cli, data_dir: Path, clock: FakeClock, postgres: PostgresServer
) -> None:
    from reconnect.core.settings import Settings
    from reconnect.settings_store import SettingsFile

    SettingsFile(data_dir / "settings.json").save(
        Settings().with_value("sync.computer_name", "old laptop")
    )
    assert cli("log", "sunlight", "--spark", "1").code == 0
    server = postgres.create_database(migrated=False)
    assert cli("migrate-to", server).code == 0
    engine = create_engine(server)
    with engine.connect() as connection:
        assert connection.execute(select(SessionRow.computer)).scalars().all() == ["old laptop"]
    engine.dispose()


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("mysql://me:pw@host/db", "is not a PostgreSQL address"),
        ("sqlite:///relative.db", "needs an absolute path"),
        ("", "give the database to copy into"),
    ],
)
def test_addresses_that_cant_be_used_are_refused(
    cli: Cli, data_dir: Path, target: str, words: str
) -> None:
    assert cli("log", "sunlight", "--spark", "1").code == 0
    result = cli("migrate-to", target)
    assert result.code == 2 and words in result.err
    assert ":pw@" not in result.err


def test_the_history_in_use_is_not_a_target(cli: Cli, data_dir: Path) -> None:
    assert cli("log", "sunlight", "--spark", "1").code == 0
    result = cli("migrate-to", f"sqlite:///{data_dir / 'reconnect.db'}")
    assert result.code == 2 and "is the history in use now" in result.err


def test_a_non_empty_sqlite_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    assert cli("log", "sunlight", "--spark", "1").code == 0
    other = tmp_path / "other"
    logged = cli("log", "box-breath", "--spark", "2", environ={"RECONNECT_DATA_DIR": str(other)})
    assert logged.code == 0
    file = other / "reconnect.db"
    before = counts_at(f"sqlite:///{file}")
    result = cli("migrate-to", f"sqlite:///{file}")
    assert result.code == 2 and "already holds a history (1 session, 0 prompts)" in result.err
    assert counts_at(f"sqlite:///{file}") == before


def test_a_server_out_of_reach_is_said_plainly(cli: Cli, tmp_path: Path) -> None:
    assert cli("log", "sunlight", "--spark", "1").code == 0
    nowhere = f"postgresql+psycopg://me:{SECRET}@/reconnect?host={tmp_path / 'no-server'}"
    result = cli("migrate-to", nowhere)
    assert result.code == 1
    assert "can't be reached" in result.err and SECRET not in result.err
    assert json.loads(cli("history", "--json").out)  # the history in use is still there


@pytest.mark.both_databases
def test_what_the_running_app_writes_during_the_copy_waits_for_the_next_one(
    cli: Cli, data_dir: Path, clock: FakeClock, database_environ: dict[str, str], tmp_path: Path
) -> None:
    from reconnect.storage.transfer import copy_history

    fill(cli, data_dir, clock, database_environ)
    context = bootstrap.build(str(data_dir), database_environ, clock)
    try:
        database = context.database()
        records = BreakRecords(database.session_factory)
        practice = context.library.get("sunlight")
        assert practice is not None
        written: list[str] = []

        def meanwhile(table: str, _rows: int) -> None:
            if table == "sessions" and not written:  # the app saves while sessions are read
                session = records.start(practice, Trigger.TRAY, clock.now())
                records.save_checkin(session.id, clock.now(), 1)
                written.append(session.id)

        target = f"sqlite:///{tmp_path / 'copy.db'}"
        report = copy_history(database.engine, target, "laptop", progress=meanwhile)
        assert written
        assert report.counts == {
            "sessions": 5, "checkins": 3, "checkin_marks": 3, "prompts": 2, "experiments": 0,
        }  # fmt: skip
        assert counts_at(target) == report.counts  # one moment's history, whole
    finally:
        context.close()
