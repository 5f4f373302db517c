"""Opening the database safely: checks, private permissions, pragmas, and migrations."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reconnect.core.database_address import hide_password, is_server_address
from reconnect.core.settings import host_name
from reconnect.paths import DataPaths, ensure_private_dir, ensure_private_file
from reconnect.storage.problems import (
    DatabaseProblem,
    OutOfReach,
    missing_message,
    replaced_message,
)
from reconnect.storage.revision import HEAD_REVISION as HEAD_REVISION

log = logging.getLogger(__name__)

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
    computer: str = ""

    @property
    def is_server(self) -> bool:
        """A database server (shared by several computers), not a file on this one."""
        return self.engine.dialect.name != "sqlite"

    def close(self) -> None:
        self.engine.dispose()


COMPUTER_KEY = "computer"
DATABASE_FILE_KEY = "database_file"


@dataclass(frozen=True)
class FileIdentity:
    """The SQLite file a session factory writes to, as it was when it was opened.

    The connections keep the file open: should the file be deleted, moved away or replaced
    while the app runs, they would go on writing where nobody will ever look. Each unit of work
    asks ``problem`` before it commits.
    """

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        found = path.stat()
        return cls(path, found.st_dev, found.st_ino)

    def problem(self) -> DatabaseProblem | None:
        """Why a commit now would not reach the file at ``path``; None when it would."""
        try:
            found = self.path.stat()
        except FileNotFoundError:
            return DatabaseProblem("missing", missing_message(str(self.path.parent)))
        except OSError:
            return None  # SQLite itself says what is wrong, if anything is
        if (found.st_dev, found.st_ino) != (self.device, self.inode):
            return DatabaseProblem("replaced", replaced_message(str(self.path)))
        return None


# How long to wait for a server that does not answer, in seconds: the app asks from its one
# (GUI) thread, so a dead network must not freeze it for the system's minutes-long TCP time-outs.
# The pages of an SQLite file a connection keeps in memory, in KiB (``_sqlite_pragmas``).
SQLITE_PAGE_CACHE_KB = 512
CONNECT_TIMEOUT = 5


def make_engine(url: str) -> Engine:
    """The engine for a database address: the one place the databases are treated apart.

    - ``postgresql://`` and ``postgres://`` use psycopg 3, the driver Reconnect installs
      (SQLAlchemy would otherwise look for psycopg2).
    - A server's connections are checked before use (``pool_pre_ping``), so after the server
      restarts the pool replaces them instead of failing the next save; connecting gives up
      after ``CONNECT_TIMEOUT`` seconds, and TCP keepalives notice a network that went away.
    - SQLite gets its pragmas on every connection (``_sqlite_pragmas``).

    ``hide_parameters``: an error (logged, or in a crash report) never carries a note or a
    feeling.
    """
    address = make_url(_with_driver(url))
    if address.get_backend_name() == "sqlite":
        engine = create_engine(address, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        address,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT,
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )


def _with_driver(url: str) -> str:
    scheme, found, rest = url.partition("://")
    if found and scheme.lower() in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def computer_of(session: Session) -> str:
    """The name of the computer a unit of work writes for (set by ``open_database``)."""
    return str(session.info.get(COMPUTER_KEY) or host_name())


def is_unreachable(error: BaseException) -> bool:
    """Whether a database error means the server can't be reached now (and may be later).

    True for a connection that could not be made or was lost (server stopped or restarted,
    network down); False for SQLite, and for an error in what was asked (which a later try
    would only repeat).
    """
    if not isinstance(error, DBAPIError) or isinstance(error.orig, sqlite3.Error):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, OperationalError):
        return False
    # SQLSTATE class 08: connection exceptions; 57P01-57P03: the server is shutting down,
    # crashed or starting. A failure to connect at all has no SQLSTATE.
    code = getattr(error.orig, "sqlstate", None)
    return code is None or code.startswith("08") or code in ("57P01", "57P02", "57P03")


def _reason(url: str, error: BaseException | None) -> str:
    """The first line of the driver's error, in brackets; a password in it is masked."""
    if error is None:
        return ""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [""])[0]
    try:
        password = make_url(_with_driver(url)).password
    except ArgumentError:
        password = None
    if password:
        first = first.replace(str(password), "***")
    return f" ({first})" if first else ""


def unreachable_message(url: str, error: BaseException | None = None) -> str:
    """Why the shared history can't be used now, without the password."""
    reason = _reason(url, error)
    return (
        f"The shared history at {safe_url(url)} can't be reached{reason}. Check the network "
        "and that the database server is running, then try again."
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a check-in the app said was saved survives a power cut.
        cursor.execute("PRAGMA synchronous = FULL")
        # SQLite keeps up to 2 MB of the file's pages by default, and the tray keeps its
        # connection for days, filling it as the dashboard reads more of a growing history.
        # A page read again comes from the system's file cache: with 512 KiB the dashboard
        # of five years added 1.3 MB less memory, its figures as fast (bench_history).
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_PAGE_CACHE_KB}")
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


def open_database(
    paths: DataPaths,
    now: datetime | None = None,
    migrate: bool = True,
    computer: str | None = None,
) -> Database:
    """Open (and if needed create or migrate) the database of a data folder.

    A copy of an existing SQLite database is taken before it is migrated.

    Args:
        paths: the data folder and database URL.
        now: the time to name a pre-migration backup after.
        migrate: bring the schema up to date; when False, an out-of-date schema is left alone.
        computer: the name of this computer (``sync.computer_name``), written with every
            session and prompt; the host name when not given.

    Raises:
        DatabaseProblem: corrupt, newer, locked, unavailable, or (a server) unreachable;
            nothing was changed.
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
    name = computer or host_name()
    try:
        engine = make_engine(paths.database_url)
    except (ArgumentError, ImportError) as error:
        raise DatabaseProblem(
            "unavailable",
            f"{safe_url(paths.database_url)} is not a database address Reconnect can use "
            "(postgresql+psycopg://user@host/database, or sqlite:////path/to/file.db).",
        ) from error
    where = str(file) if file else safe_url(paths.database_url)
    info: dict[str, object] = {COMPUTER_KEY: name}
    if file is not None:
        info[DATABASE_FILE_KEY] = FileIdentity.of(file)
    factory = sessionmaker(engine, expire_on_commit=False, info=info)
    database = Database(engine, factory, paths.database_url, file, computer=name)
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
                _upgrade(engine, name)
                database.migrated_from = revision
    except DBAPIError as error:
        engine.dispose()
        if is_server_address(paths.database_url):
            raise _server_problem(paths.database_url, error) from error
        if not isinstance(error, OperationalError):
            raise DatabaseProblem("corrupt", corrupt_message(file)) from error
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
    except DatabaseProblem:
        engine.dispose()
        raise
    return database


def _server_problem(url: str, error: DBAPIError) -> DatabaseProblem:
    if is_unreachable(error):
        return OutOfReach(unreachable_message(url, error))
    return DatabaseProblem(
        "unavailable",
        f"The shared history at {safe_url(url)} could not be used{_reason(url, error)}. "
        "Check that its "
        "user may create tables there, or ask whoever runs the server.",
    )


def safe_url(url: str) -> str:
    """The address to show or log: never the user name or the password."""
    return hide_password(url)


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


def _alembic_config(engine_connection: Any = None, computer: str | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = engine_connection
    # Migration 0004 gives the rows already there this computer's name.
    config.attributes["computer"] = computer
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


_SCHEMA_LOCK = 7_265_636_636  # any number; the same in every copy of Reconnect


def _upgrade(engine: Engine, computer: str | None = None) -> None:
    from alembic import command

    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        # Python's sqlite3 runs CREATE TABLE outside any transaction, so a crash half way
        # through would leave some tables and no version, which no later start can repair.
        # One explicit transaction makes the whole upgrade happen, or none of it.
        legacy = raw.isolation_level if isinstance(raw, sqlite3.Connection) else None
        if isinstance(raw, sqlite3.Connection):
            raw.isolation_level = None
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        if engine.dialect.name == "postgresql":
            # Two computers starting at once on an empty server: the second waits here, then
            # finds the schema made and has nothing left to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        try:
            command.upgrade(_alembic_config(connection, computer), "head")
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if isinstance(raw, sqlite3.Connection):
                raw.isolation_level = legacy
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
