"""Opening the database safely: checks, private permissions, pragmas, and migrations."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reconnect.paths import DataPaths, ensure_private_dir, ensure_private_file
from reconnect.storage.problems import DatabaseProblem

log = logging.getLogger(__name__)

# The newest schema this version knows. Checked against the migration scripts by a test;
# comparing against it first means Alembic is only imported when there is work to do.
HEAD_REVISION = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open database: the engine and a factory for units of work' sessions."""

    engine: Engine
    session_factory: sessionmaker[Session]
    url: str
    file: Path | None
    migrated_from: str | None = None
    backup_file: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a check-in the app said was saved survives a power cut.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before anything opens it.

    Raises:
        DatabaseProblem: the file is not a database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"The database {path} could not be read ({error.strerror}). Check its permissions.",
        ) from error
    if header != SQLITE_HEADER:
        raise DatabaseProblem("corrupt", corrupt_message(path))


def corrupt_message(path: Path | None) -> str:
    where = str(path) if path else "the database"
    return (
        f"The file {where} is not a readable Reconnect database; it may be damaged. "
        "It has been left exactly as it is. To start afresh, move it somewhere else "
        "(keep it: it may still be rescued), or restore a backup from the backups folder "
        "beside it, then start Reconnect again."
    )


def newer_message(where: str, revision: str) -> str:
    return (
        f"The database {where} was written by a newer version of Reconnect (schema "
        f"{revision}; this version knows up to {HEAD_REVISION}). It has not been changed. "
        "Update Reconnect, or use another data folder with --data-dir."
    )


def open_database(paths: DataPaths, now: datetime | None = None, migrate: bool = True) -> Database:
    """Open (and if needed create or migrate) the database of a data folder.

    A copy of an existing SQLite database is taken before it is migrated.

    Args:
        paths: the data folder and database URL.
        now: the time to name a pre-migration backup after.
        migrate: bring the schema up to date; when False, an out-of-date schema is left alone.

    Raises:
        DatabaseProblem: corrupt, newer, locked or unavailable; nothing was changed.
        DataFolderError: the data folder cannot be created.
    """
    ensure_private_dir(paths.root)
    file: Path | None = None
    if paths.database_url.startswith("sqlite:///"):
        file = Path(paths.database_url.removeprefix("sqlite:///"))
        if file != paths.database_file:
            ensure_private_dir(file.parent)
        check_sqlite_file(file)
        ensure_private_file(file)
    engine = create_engine(paths.database_url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    where = str(file) if file else safe_url(paths.database_url)
    database = Database(
        engine, sessionmaker(engine, expire_on_commit=False), paths.database_url, file
    )
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if revision is not None and not _known_revision(revision):
                raise DatabaseProblem("newer", newer_message(where, revision))
            if migrate:
                if revision is not None and file is not None:
                    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
                    database.backup_file = backup_sqlite(
                        file, paths.backups / f"before-migration-{revision}-{stamp}.db"
                    )
                _upgrade(engine)
                database.migrated_from = revision
    except OperationalError as error:
        engine.dispose()
        if "locked" in str(error.orig):
            raise DatabaseProblem(
                "locked",
                f"The database {where} is busy: another program holds a lock on it. Close "
                "other copies of Reconnect (or programs that opened the file) and try again.",
            ) from error
        if "readonly" in str(error.orig) or "unable to open" in str(error.orig):
            raise DatabaseProblem(
                "unavailable",
                f"The database {where} cannot be written ({error.orig}). Check that the data "
                "folder is writable and the disk is not full.",
            ) from error
        raise DatabaseProblem("corrupt", corrupt_message(file)) from error
    except DatabaseError as error:
        engine.dispose()
        raise DatabaseProblem("corrupt", corrupt_message(file)) from error
    except DatabaseProblem:
        engine.dispose()
        raise
    return database


def safe_url(url: str) -> str:
    # Never show a password: keep only the scheme and what follows the '@'.
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, or None for an empty one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            if inspect(connection).get_table_names():
                raise DatabaseProblem(
                    "corrupt",
                    "The database holds tables that are not Reconnect's. It has been left as "
                    "it is; choose another data folder with --data-dir.",
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def _alembic_config(engine_connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = engine_connection
    return config


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def migration_heads() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(_alembic_config()).get_heads())


def _upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    log.info("database schema brought up to %s", HEAD_REVISION)


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with SQLite's online backup, readable only by its owner."""
    ensure_private_dir(target.parent)
    ensure_private_file(target)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target
