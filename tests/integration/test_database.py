"""Opening the real SQLite file: permissions, pragmas, migrations, and refusing bad files."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from reconnect.paths import resolve_data_paths
from reconnect.storage import database as db
from reconnect.storage.schema import Base
from tests.support.postgres import PostgresServer


def open_in(folder: Path) -> db.Database:
    return db.open_database(resolve_data_paths(folder, {}))


def test_a_fresh_database_is_private_and_tuned(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = open_in(folder)
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE((folder / "reconnect.db").stat().st_mode) == 0o600
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            # A small page cache: the tray's connection lives for days (issue 19's soak).
            assert connection.execute(text("PRAGMA cache_size")).scalar() == -512
    finally:
        database.close()
    for side_file in folder.glob("reconnect.db-*"):
        assert stat.S_IMODE(side_file.stat().st_mode) == 0o600, side_file


def test_migrating_an_empty_database_to_head_matches_the_models(tmp_path: Path) -> None:
    database = open_in(tmp_path)
    try:
        with database.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        assert db.current_revision(database.engine) == db.HEAD_REVISION
    finally:
        database.close()


def test_the_known_head_is_the_newest_migration() -> None:
    assert db.migration_heads() == (db.HEAD_REVISION,)


def test_opening_twice_changes_nothing(tmp_path: Path) -> None:
    open_in(tmp_path).close()
    again = open_in(tmp_path)
    assert again.migrated_from is None and again.backup_file is None
    again.close()


@pytest.mark.parametrize(
    "content",
    [b"this is my diary, not a database\n" * 10, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path: Path, content: bytes) -> None:
    tmp_path.mkdir(exist_ok=True)
    file = tmp_path / "reconnect.db"
    file.write_bytes(content)
    with pytest.raises(db.DatabaseProblem) as caught:
        open_in(tmp_path)
    assert caught.value.kind == "corrupt"
    assert str(file) in str(caught.value)
    assert "left exactly as it is" in str(caught.value)
    assert file.read_bytes() == content


def test_a_database_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    open_in(tmp_path).close()
    file = tmp_path / "reconnect.db"
    with sqlite3.connect(file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = file.read_bytes()
    with pytest.raises(db.DatabaseProblem) as caught:
        open_in(tmp_path)
    assert caught.value.kind == "newer"
    assert "newer version of Reconnect" in str(caught.value)
    assert "9999" in str(caught.value)
    assert file.read_bytes() == before


def test_foreign_tables_are_not_touched(tmp_path: Path) -> None:
    file = tmp_path / "reconnect.db"
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    with pytest.raises(db.DatabaseProblem, match="not Reconnect's"):
        open_in(tmp_path)


def test_a_copy_is_taken_before_an_older_database_is_migrated(tmp_path: Path) -> None:
    from alembic import command

    # A database as version 0001 of the schema left it, with a session in it.
    file = tmp_path / "reconnect.db"
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO sessions VALUES ('s1', 'sunlight', 'Sunlight', 'tray', 'completed', "
                "'2026-11-17 13:00:00', 60, NULL, NULL, '2026-11-17', 14, 1)"
            )
        )
    engine.dispose()

    migrated = db.open_database(resolve_data_paths(tmp_path, {}), now=datetime(2026, 11, 17, 14))
    try:
        assert migrated.migrated_from == "0001"
        assert db.current_revision(migrated.engine) == db.HEAD_REVISION
        with migrated.engine.connect() as connection:
            assert connection.execute(text("SELECT id FROM sessions")).scalars().all() == ["s1"]
    finally:
        migrated.close()
    backup = tmp_path / "backups" / "before-migration-0001-20261117-140000.db"
    assert migrated.backup_file == backup
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert copy.execute("SELECT practice_id FROM sessions").fetchall() == [("sunlight",)]
    copy.close()


def test_an_unwritable_data_folder_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(Exception, match=r"not a folder|Could not create"):
        open_in(blocker / "data")


def test_on_postgresql_the_migrations_make_the_models(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    url = postgres.create_database(migrated=False)
    database = db.open_database(resolve_data_paths(tmp_path, {"RECONNECT_DATABASE_URL": url}))
    try:
        assert database.migrated_from is None and database.is_server
        with database.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        assert db.current_revision(database.engine) == db.HEAD_REVISION
    finally:
        database.close()


def test_on_postgresql_an_older_schema_is_brought_up_to_date(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    from alembic import command

    url = postgres.create_database(migrated=False)
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0003")
        connection.execute(
            text(
                "INSERT INTO sessions VALUES ('s1', 'sunlight', 'Sunlight', 'tray', 'completed', "
                "'2026-11-17 13:00:00', 60, NULL, NULL, '2026-11-17', 14, 1)"
            )
        )
        connection.execute(
            text("INSERT INTO checkins VALUES ('c1', 's1', 2, '2026-11-17 13:05:00', 60, '')")
        )
    engine.dispose()
    paths = resolve_data_paths(tmp_path, {"RECONNECT_DATABASE_URL": url})
    migrated = db.open_database(paths, computer="the desktop")
    try:
        assert migrated.migrated_from == "0003" and migrated.backup_file is None
        with migrated.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, computer FROM sessions")).all()
            checkins = connection.execute(text("SELECT count(*) FROM checkins")).scalar()
        assert [tuple(row) for row in rows] == [("s1", "the desktop")]
        assert checkins == 1
    finally:
        migrated.close()
