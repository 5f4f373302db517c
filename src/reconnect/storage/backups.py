"""Copies of the SQLite history in the backups folder: one a day, listed and kept.

What is kept (everything in ``backups/``, files readable only by their owner):

- ``daily-YYYY-MM-DD.db``: one a local day, taken by the running app with SQLite's online backup;
  the newest ``KEEP_DAILY`` are kept, older ones are removed when a new one is taken.
- ``before-restore-YYYYMMDD-HHMMSS.db``: the history as it was just before a restore; the newest
  ``KEEP_BEFORE_RESTORE`` are kept, older ones are removed after a later restore succeeds.
- ``before-migration-*.db``: taken by ``open_database`` before a schema upgrade. At most one per
  upgrade of Reconnect, so they are never removed here.

Every copy is written under a hidden temporary name and renamed into place, so a copy that is
there is whole. The copies are single files (rollback journal, not WAL), so they can be moved.
Restoring a copy is in ``backup_restore``.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reconnect.paths import DataPaths, ensure_private_dir
from reconnect.storage.backup_files import (
    OUR_TABLES,
    connect_read_only,
    count_rows,
    online_copy,
    remove_with_side_files,
    schema_revision,
    table_names,
)
from reconnect.storage.problems import DatabaseProblem

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reconnect.storage.database import Database

# SQLAlchemy and the rest of the storage layer are imported where they are used: the running
# app takes its daily copy of a local file without them (see ``daily_backup``).

KEEP_DAILY = 7
KEEP_BEFORE_RESTORE = 7
DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
OTHER = "other"
UNREADABLE = "cannot be read"

_DAILY_NAME = re.compile(r"^daily-(\d{4}-\d{2}-\d{2})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One copy in the backups folder.

    Attributes:
        path: the file.
        kind: ``"daily"``, ``"before-migration"``, ``"before-restore"`` or ``"other"``.
        taken_at: when it was written (the file's time), aware, in UTC.
        size: its size in bytes.
        sessions: how many sessions it holds; None when it cannot be read.
        checkins: how many check-ins it holds; None when it cannot be read.
        schema: its schema revision; None when it cannot be read.
        problem: None when readable, else why not (``"cannot be read"``, or not Reconnect's).
    """

    path: Path
    kind: str
    taken_at: datetime
    size: int
    sessions: int | None
    checkins: int | None
    schema: str | None
    problem: str | None = None

    @property
    def readable(self) -> bool:
        return self.problem is None


def database_file(paths: DataPaths) -> Path | None:
    """The SQLite file holding the history, or None when the database is not an SQLite file."""
    # The same reading of the URL as open_database's.
    if not paths.database_url.startswith("sqlite:///"):
        return None
    return Path(paths.database_url.removeprefix("sqlite:///"))


def not_sqlite_message(paths: DataPaths) -> str:
    from reconnect.storage.database import safe_url

    return (
        f"Your history is kept in {safe_url(paths.database_url)}, not in an SQLite file, so "
        "Reconnect does not copy or restore it: make backups with that database server's own "
        "tools (for PostgreSQL, pg_dump and pg_restore)."
    )


# --- the daily copy -----------------------------------------------------------------------------


def daily_backup(
    paths: DataPaths, database: Database | Engine | Path, now: datetime
) -> Path | None:
    """Take today's copy of the open database, unless there is one already.

    Safe while the app uses the database: SQLite's online backup reads a consistent snapshot,
    including what is committed but still in the write-ahead log. Afterwards only the newest
    ``KEEP_DAILY`` daily copies are kept; other kinds of copy are never removed here.

    Args:
        paths: the data folder; the copy goes in its ``backups`` folder.
        database: the open database (or its engine) to copy from; or the SQLite file itself,
            read through a connection of its own (the waiting tray, which has not loaded
            SQLAlchemy).
        now: the current local time; its date names the copy and its instant dates the file.

    Returns:
        The new copy, or None when today's exists already or the database is not SQLite.

    Raises:
        DatabaseProblem: the copy could not be written (nothing is left half-written).
        DataFolderError: the backups folder cannot be made.
    """
    engine: Engine | None = None
    if not isinstance(database, Path):
        engine = cast("Engine", getattr(database, "engine", database))
        if engine.dialect.name != "sqlite":
            return None
    target = paths.backups / f"daily-{now.date().isoformat()}.db"
    if target.exists():
        return None
    ensure_private_dir(paths.root)
    ensure_private_dir(paths.backups)
    if engine is None:
        assert isinstance(database, Path)
        try:
            source = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=5)
        except sqlite3.Error as error:
            raise DatabaseProblem(
                "unavailable", f"Could not read {database} to copy it ({error})."
            ) from error
        with closing(source):
            online_copy(source, target, now)
    else:
        pooled = engine.raw_connection()
        try:
            connection = pooled.driver_connection
            if not isinstance(connection, sqlite3.Connection):
                raise TypeError(f"an SQLite engine gave a {type(connection).__name__} connection")
            online_copy(connection, target, now)
        finally:
            pooled.close()
    prune(copies_of(paths.backups, DAILY), KEEP_DAILY, keep=target)
    return target


# --- listing -----------------------------------------------------------------------------------


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Every copy in the backups folder, newest first, each opened read-only and counted.

    A copy that cannot be read is listed with ``problem == "cannot be read"``.
    """
    folder = paths.backups
    if not folder.is_dir():
        return []
    found = [
        describe_backup(path)
        for path in folder.glob("*.db")
        if not path.name.startswith(".") and path.is_file()
    ]
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def backup_kind(path: Path) -> str:
    name = path.name
    if _DAILY_NAME.match(name):
        return DAILY
    for kind in (BEFORE_MIGRATION, BEFORE_RESTORE):
        if name.startswith(f"{kind}-"):
            return kind
    return OTHER


def describe_backup(path: Path) -> BackupInfo:
    """Open one copy read-only and count what it holds; never raises for a bad copy."""
    stat = path.stat()
    taken_at = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
    info = BackupInfo(path, backup_kind(path), taken_at, stat.st_size, None, None, None)
    try:
        with closing(connect_read_only(path)) as connection:
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return _with_problem(info, UNREADABLE)
            if not OUR_TABLES.issubset(table_names(connection)):
                return _with_problem(info, "not a Reconnect database")
            schema = schema_revision(connection)
            sessions, checkins = count_rows(connection)
    except sqlite3.Error:
        return _with_problem(info, UNREADABLE)
    return BackupInfo(
        info.path, info.kind, info.taken_at, info.size, sessions, checkins, schema, None
    )


def _with_problem(info: BackupInfo, problem: str) -> BackupInfo:
    return BackupInfo(info.path, info.kind, info.taken_at, info.size, None, None, None, problem)


# --- housekeeping ------------------------------------------------------------------------------


def copies_of(folder: Path, kind: str) -> list[Path]:
    return [path for path in folder.glob("*.db") if backup_kind(path) == kind]


def prune(copies: list[Path], keep_newest: int, keep: Path) -> None:
    """Remove all but the newest copies: daily ones by the date in their name, others by time."""

    def age(path: Path) -> tuple[str, float]:
        if backup_kind(path) == DAILY:
            return path.name, 0.0
        return "", path.stat().st_mtime

    for old in sorted(copies, key=age, reverse=True)[keep_newest:]:
        if old != keep:
            remove_with_side_files(old)
