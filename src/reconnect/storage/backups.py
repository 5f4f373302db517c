"""Copies of the SQLite history in the backups folder: one a day, listed, and restored.

What is kept (everything in ``backups/``, files readable only by their owner):

- ``daily-YYYY-MM-DD.db``: one a local day, taken by the running app with SQLite's online backup;
  the newest ``KEEP_DAILY`` are kept, older ones are removed when a new one is taken.
- ``before-restore-YYYYMMDD-HHMMSS.db``: the history as it was just before a restore; the newest
  ``KEEP_BEFORE_RESTORE`` are kept, older ones are removed after a later restore succeeds.
- ``before-migration-*.db``: taken by ``open_database`` before a schema upgrade. At most one per
  upgrade of Reconnect, so they are never removed here.

Every copy is written under a hidden temporary name and renamed into place, so a copy that is
there is whole. The copies are single files (rollback journal, not WAL), so they can be moved.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reconnect.core.errors import InputError
from reconnect.paths import DataPaths, ensure_private_dir
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.revision import HEAD_REVISION

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
_OUR_TABLES = frozenset({"alembic_version", "sessions", "checkins"})
_SIDE_FILES = ("-wal", "-shm", "-journal")


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


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did.

    Attributes:
        source: the copy that was restored.
        before_restore: the copy of the history it replaced; None when there was none.
        before_restore_as_is: the replaced history could not be read as a database, so its
            bytes (and its ``-wal`` file, if any) were copied as they were.
        sessions: sessions in the history now.
        checkins: check-ins in the history now.
        migrated_from: the restored copy's older schema, brought up to date; None if current.
    """

    source: Path
    before_restore: Path | None
    before_restore_as_is: bool
    sessions: int
    checkins: int
    migrated_from: str | None


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
            _online_copy(source, target, now)
    else:
        pooled = engine.raw_connection()
        try:
            connection = pooled.driver_connection
            if not isinstance(connection, sqlite3.Connection):
                raise TypeError(f"an SQLite engine gave a {type(connection).__name__} connection")
            _online_copy(connection, target, now)
        finally:
            pooled.close()
    _prune(_copies(paths.backups, DAILY), KEEP_DAILY, keep=target)
    return target


def _online_copy(source: sqlite3.Connection, target: Path, now: datetime) -> None:
    """Copy with SQLite's backup API into a private temporary file, then rename it into place."""
    temp = _temp_beside(target)
    try:
        with closing(sqlite3.connect(temp)) as copy:
            source.backup(copy)
            # The copy inherits WAL mode; a rollback journal keeps it one self-contained file.
            copy.execute("PRAGMA journal_mode = DELETE")
        _finish(temp, target, now)
    except sqlite3.Error as error:
        _remove_with_side_files(temp)
        raise DatabaseProblem(
            "unavailable",
            f"Could not copy the database to {target} ({error}). Nothing was changed; check "
            "that the disk is not full.",
        ) from error
    except BaseException:
        _remove_with_side_files(temp)
        raise


def _temp_beside(target: Path, tag: str = "") -> Path:
    """A new empty file, private (0600) and hidden, in the folder of ``target``."""
    try:
        fd, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.{tag}", suffix=".part"
        )
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"Could not write in {target.parent} ({error.strerror}). Nothing was changed; check "
            "that the folder is writable and the disk is not full.",
        ) from error
    os.close(fd)
    return Path(name)


def _is_damage(error: BaseException | None) -> bool:
    """Whether SQLite said the file is not a database or is damaged (not locked, not absent)."""
    name = str(getattr(error, "sqlite_errorname", ""))
    return name == "SQLITE_NOTADB" or name.startswith("SQLITE_CORRUPT")


def _finish(temp: Path, target: Path, now: datetime) -> None:
    """Make a written temporary file durable, date it ``now`` and rename it to ``target``."""
    try:
        _fsync(temp)
        stamp = now.timestamp()
        os.utime(temp, (stamp, stamp))
        temp.replace(target)
        _fsync(target.parent)
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"Could not write {target} ({error.strerror}). Nothing was changed; check that the "
            "disk is not full.",
        ) from error


def _fsync(path: Path) -> None:
    # Never called on the live database while SQLite holds locks on it: closing another
    # descriptor of that file would drop them (POSIX record locks are per process).
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
        with closing(_connect_read_only(path)) as connection:
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return _with_problem(info, UNREADABLE)
            if not _OUR_TABLES.issubset(_table_names(connection)):
                return _with_problem(info, "not a Reconnect database")
            schema = _revision(connection)
            sessions, checkins = _counts(connection)
    except sqlite3.Error:
        return _with_problem(info, UNREADABLE)
    return BackupInfo(
        info.path, info.kind, info.taken_at, info.size, sessions, checkins, schema, None
    )


def _with_problem(info: BackupInfo, problem: str) -> BackupInfo:
    return BackupInfo(info.path, info.kind, info.taken_at, info.size, None, None, None, problem)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: nothing (no -wal, no -shm) is created beside a copy that is only looked at. A
    # file with a -wal beside it is a database someone left open; read it with its log.
    options = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True)


def _table_names(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _counts(connection: sqlite3.Connection) -> tuple[int, int]:
    sessions = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
    checkins = connection.execute("SELECT count(*) FROM checkins").fetchone()[0]
    return int(sessions), int(checkins)


# --- restoring ----------------------------------------------------------------------------------


def check_restorable(paths: DataPaths, backup_file: Path) -> BackupInfo:
    """Check that a file can replace the history, without changing anything.

    Raises:
        InputError: the file is missing, not a database, damaged, not Reconnect's, or from a
            newer version.
        DatabaseProblem: the history is not kept in an SQLite file.
    """
    current = _require_sqlite(paths)
    source = _check_source_path(backup_file, current)
    try:
        with closing(_connect_read_only(source)) as connection:
            schema, sessions, checkins = _check_reconnect_database(connection, source)
    except sqlite3.Error as error:
        raise InputError(_unreadable_message(source)) from error
    stat = source.stat()
    return BackupInfo(
        source,
        backup_kind(source),
        datetime.fromtimestamp(stat.st_mtime, tz=UTC),
        stat.st_size,
        sessions,
        checkins,
        schema,
    )


def restore(paths: DataPaths, backup_file: Path, now: datetime) -> RestoreReport:
    """Replace the history with a copy, keeping a copy of the history it replaces.

    The copy is checked first (integrity, Reconnect's tables, a schema this version knows) on a
    private staging copy beside the database; then the current history is copied to
    ``backups/before-restore-<time>.db``; then the staging copy is renamed over the database, and
    the result is opened with ``open_database`` (which brings an older schema up to date). If
    that fails, the previous history is put back.

    Refused while another program (such as the running Reconnect) has the database open.

    Args:
        paths: the data folder and database URL.
        backup_file: the copy to restore.
        now: the current local time, to name the before-restore copy.

    Raises:
        InputError: the copy can't be used (missing, not a database, damaged, newer); the
            history was not touched.
        DatabaseProblem: the history is in use, not an SQLite file, or could not be replaced;
            the message says what to do, and the history is as it was.
        DataFolderError: the data folder can't be used.
    """
    current = _require_sqlite(paths)
    source = _check_source_path(backup_file, current)
    ensure_private_dir(paths.root)
    ensure_private_dir(current.parent)
    ensure_private_dir(paths.backups)
    staged = _stage(source, current)
    try:
        before, as_is = _replace_current(current, staged, paths.backups, now)
    finally:
        _remove_with_side_files(staged)
    try:
        from sqlalchemy import text

        from reconnect.storage.database import open_database

        database = open_database(paths, now=now)
    except DatabaseProblem as problem:
        if before is None:
            raise
        put_back = _put_back(before, current)
        raise DatabaseProblem(
            problem.kind, f"The restored copy could not be opened: {problem} {put_back}"
        ) from problem
    except BaseException:
        if before is not None:
            _put_back(before, current)
        raise
    try:
        with database.engine.connect() as connection:
            sessions = connection.execute(text("SELECT count(*) FROM sessions")).scalar_one()
            checkins = connection.execute(text("SELECT count(*) FROM checkins")).scalar_one()
    finally:
        database.close()
    if before is not None:
        _prune(_copies(paths.backups, BEFORE_RESTORE), KEEP_BEFORE_RESTORE, keep=before)
    return RestoreReport(
        source, before, as_is, int(sessions), int(checkins), database.migrated_from
    )


def _require_sqlite(paths: DataPaths) -> Path:
    current = database_file(paths)
    if current is None:
        raise DatabaseProblem("unavailable", not_sqlite_message(paths))
    return current.absolute()


def _check_source_path(backup_file: Path, current: Path) -> Path:
    source = Path(backup_file).expanduser().absolute()
    if not source.exists():
        raise InputError(
            f"there is no file {source}. 'reconnect backups' lists the copies Reconnect keeps."
        )
    if not source.is_file():
        raise InputError(
            f"{source} is not a file; give one of the copies 'reconnect backups' lists."
        )
    if current.exists() and source.samefile(current):
        raise InputError(
            f"{source} is your current history itself; choose a copy from 'reconnect backups'."
        )
    return source


def _unreadable_message(source: Path) -> str:
    return (
        f"{source} is not a readable Reconnect database; it may be damaged or be another kind "
        "of file. Your current history has not been changed. Choose another copy from "
        "'reconnect backups'."
    )


def _check_reconnect_database(connection: sqlite3.Connection, source: Path) -> tuple[str, int, int]:
    """The schema and counts of a copy that can be restored.

    Raises:
        InputError: damaged, not Reconnect's, or from a newer version.
        sqlite3.Error: it can't be read at all.
    """
    if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
        raise InputError(_unreadable_message(source))
    if not _OUR_TABLES.issubset(_table_names(connection)):
        raise InputError(
            f"{source} is an SQLite database but not one of Reconnect's histories. Your "
            "current history has not been changed."
        )
    revision = _revision(connection)
    if revision is None:
        raise InputError(
            f"{source} has Reconnect's tables but no schema version, so it can't be trusted. "
            "Your current history has not been changed; choose another copy."
        )
    from reconnect.storage.database import _known_revision

    if revision != HEAD_REVISION and not _known_revision(revision):
        raise InputError(
            f"{source} was written by a newer version of Reconnect (schema {revision}; this "
            f"version knows up to {HEAD_REVISION}). Your current history has not been changed. "
            "Update Reconnect, then restore it."
        )
    sessions, checkins = _counts(connection)
    return revision, sessions, checkins


def _stage(source: Path, current: Path) -> Path:
    """A checked private copy of ``source`` beside the database, ready to be renamed over it."""
    staged = _temp_beside(current, "restore-")
    try:
        try:
            with (
                closing(_connect_read_only(source)) as reader,
                closing(sqlite3.connect(staged)) as copy,
            ):
                reader.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                # Checked again on the copy itself: this is what will become the history.
                _check_reconnect_database(copy, source)
        except sqlite3.Error as error:
            raise InputError(_unreadable_message(source)) from error
        _fsync(staged)
    except BaseException:
        _remove_with_side_files(staged)
        raise
    return staged


def _in_use(current: Path) -> DatabaseProblem:
    return DatabaseProblem(
        "locked",
        f"The database {current} is open in another program, most likely Reconnect running in "
        "the tray. Quit it (Quit in its menu, or 'reconnect quit'), then restore again. "
        "Nothing was changed.",
    )


def _replace_current(
    current: Path, staged: Path, backups: Path, now: datetime
) -> tuple[Path | None, bool]:
    """Copy the current history aside, then rename ``staged`` over it.

    Returns:
        The copy of the previous history (None if there was none) and whether it had to be
        copied byte for byte because SQLite could not read it.
    """
    wal = Path(f"{current}-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if not has_wal and (not current.exists() or current.stat().st_size == 0):
        _swap_in(staged, current)
        return None, False
    target = _before_restore_name(backups, now)
    with _exclusively(current) as connection:
        if connection is not None and _hold(connection, current):
            try:
                _online_copy(connection, target, now)
            except DatabaseProblem as problem:
                if not _is_damage(problem.__cause__):
                    raise
            else:
                _swap_in(staged, current)
                return target, False
    # SQLite can't read it (often why a copy is restored): keep its bytes just as they are.
    _copy_as_is(current, target, now)
    if has_wal:
        _copy_as_is(wal, Path(f"{target}-wal"), now)
    _swap_in(staged, current)
    return target, True


@contextmanager
def _exclusively(current: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection to the current database, or None when SQLite can't read it at all.

    Raises:
        DatabaseProblem: it is locked or can't be opened.
    """
    try:
        connection = sqlite3.connect(current, timeout=1.0, isolation_level=None)
    except sqlite3.Error as error:
        raise DatabaseProblem(
            "unavailable", f"The database {current} can't be opened ({error})."
        ) from error
    with closing(connection):
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            readable = True
        except sqlite3.Error as error:
            readable = False
            if not _is_damage(error):
                if "locked" in str(error) or "busy" in str(error):
                    raise _in_use(current) from error
                raise DatabaseProblem(
                    "unavailable", f"The database {current} can't be read ({error})."
                ) from error
        if not readable:
            connection.close()
        yield connection if readable else None


def _hold(connection: sqlite3.Connection, current: Path) -> bool:
    """Make sure nobody else has the database open, and that nobody can change it from now on.

    Leaving WAL mode is only possible when no other connection has the database open; it also
    folds the log into the file, so no -wal or -shm is left to be mistaken for the new file's.
    Then a read transaction holds a shared lock, under which, with a rollback journal, nobody
    can commit or switch back to WAL until the connection is closed.

    Returns:
        True when held; False when SQLite finds the database damaged on the way.

    Raises:
        DatabaseProblem: another program has it open. Nothing was changed.
    """
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        connection.execute("BEGIN")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # Someone who opened it in the moment between could have brought WAL back.
        if any(Path(f"{current}{side}").exists() for side in ("-wal", "-shm")):
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if _is_damage(error):
            return False
        raise _in_use(current) from error
    return True


def _swap_in(staged: Path, current: Path) -> None:
    try:
        staged.replace(current)
        for side in _SIDE_FILES:
            Path(f"{current}{side}").unlink(missing_ok=True)
        _fsync(current.parent)
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"Could not replace {current} ({error.strerror}). Check that the data folder is "
            "writable and the disk is not full.",
        ) from error


def _copy_as_is(source: Path, target: Path, now: datetime) -> None:
    temp = _temp_beside(target)
    try:
        with source.open("rb") as reader, temp.open("wb") as writer:
            shutil.copyfileobj(reader, writer)
        _finish(temp, target, now)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise DatabaseProblem(
            "unavailable",
            f"Could not copy {source} to {target} ({error.strerror}). Nothing was changed.",
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _put_back(before: Path, current: Path) -> str:
    """Return the previous history to its place after the restored one failed to open.

    Returns:
        A sentence saying where the previous history is now.
    """
    wal = Path(f"{before}-wal")
    temp: Path | None = None
    try:
        temp = _temp_beside(current)
        shutil.copyfile(before, temp)
        if wal.exists():
            shutil.copyfile(wal, Path(f"{temp}-wal"))
        _fsync(temp)
        temp.replace(current)
        for side in _SIDE_FILES:
            Path(f"{current}{side}").unlink(missing_ok=True)
        if wal.exists():
            Path(f"{temp}-wal").replace(Path(f"{current}-wal"))
    except (OSError, DatabaseProblem) as error:
        return (
            f"Putting your previous history back failed too ({error}); it is safe in {before}: "
            f"restore it with 'reconnect restore {before}'."
        )
    finally:
        if temp is not None:
            _remove_with_side_files(temp)
    return "Your previous history has been put back as it was."


def _before_restore_name(backups: Path, now: datetime) -> Path:
    stem = f"{BEFORE_RESTORE}-{now:%Y%m%d-%H%M%S}"
    target = backups / f"{stem}.db"
    number = 2
    while target.exists():
        target = backups / f"{stem}-{number}.db"
        number += 1
    return target


# --- housekeeping ------------------------------------------------------------------------------


def _copies(folder: Path, kind: str) -> list[Path]:
    return [path for path in folder.glob("*.db") if backup_kind(path) == kind]


def _prune(copies: list[Path], keep_newest: int, keep: Path) -> None:
    """Remove all but the newest copies: daily ones by the date in their name, others by time."""

    def age(path: Path) -> tuple[str, float]:
        if backup_kind(path) == DAILY:
            return path.name, 0.0
        return "", path.stat().st_mtime

    for old in sorted(copies, key=age, reverse=True)[keep_newest:]:
        if old != keep:
            _remove_with_side_files(old)


def _remove_with_side_files(path: Path) -> None:
    for side in ("", *_SIDE_FILES):
        Path(f"{path}{side}").unlink(missing_ok=True)
