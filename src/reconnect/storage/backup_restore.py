"""Restoring a copy over the history, keeping a copy of the history it replaces."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reconnect.core.errors import InputError
from reconnect.paths import DataPaths, ensure_private_dir
from reconnect.storage.backup_files import (
    OUR_TABLES,
    SIDE_FILES,
    connect_read_only,
    count_rows,
    finish,
    fsync,
    is_damage,
    online_copy,
    remove_with_side_files,
    schema_revision,
    table_names,
    temp_beside,
)
from reconnect.storage.backups import (
    BEFORE_RESTORE,
    KEEP_BEFORE_RESTORE,
    BackupInfo,
    backup_kind,
    copies_of,
    database_file,
    not_sqlite_message,
    prune,
)
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.revision import HEAD_REVISION


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
        with closing(connect_read_only(source)) as connection:
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
        remove_with_side_files(staged)
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
        prune(copies_of(paths.backups, BEFORE_RESTORE), KEEP_BEFORE_RESTORE, keep=before)
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
    if not OUR_TABLES.issubset(table_names(connection)):
        raise InputError(
            f"{source} is an SQLite database but not one of Reconnect's histories. Your "
            "current history has not been changed."
        )
    revision = schema_revision(connection)
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
    sessions, checkins = count_rows(connection)
    return revision, sessions, checkins


def _stage(source: Path, current: Path) -> Path:
    """A checked private copy of ``source`` beside the database, ready to be renamed over it."""
    staged = temp_beside(current, "restore-")
    try:
        try:
            with (
                closing(connect_read_only(source)) as reader,
                closing(sqlite3.connect(staged)) as copy,
            ):
                reader.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                # Checked again on the copy itself: this is what will become the history.
                _check_reconnect_database(copy, source)
        except sqlite3.Error as error:
            raise InputError(_unreadable_message(source)) from error
        fsync(staged)
    except BaseException:
        remove_with_side_files(staged)
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
                online_copy(connection, target, now)
            except DatabaseProblem as problem:
                if not is_damage(problem.__cause__):
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
            if not is_damage(error):
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
        if is_damage(error):
            return False
        raise _in_use(current) from error
    return True


def _swap_in(staged: Path, current: Path) -> None:
    try:
        staged.replace(current)
        for side in SIDE_FILES:
            Path(f"{current}{side}").unlink(missing_ok=True)
        fsync(current.parent)
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"Could not replace {current} ({error.strerror}). Check that the data folder is "
            "writable and the disk is not full.",
        ) from error


def _copy_as_is(source: Path, target: Path, now: datetime) -> None:
    temp = temp_beside(target)
    try:
        with source.open("rb") as reader, temp.open("wb") as writer:
            shutil.copyfileobj(reader, writer)
        finish(temp, target, now)
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
        temp = temp_beside(current)
        shutil.copyfile(before, temp)
        if wal.exists():
            shutil.copyfile(wal, Path(f"{temp}-wal"))
        fsync(temp)
        temp.replace(current)
        for side in SIDE_FILES:
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
            remove_with_side_files(temp)
    return "Your previous history has been put back as it was."


def _before_restore_name(backups: Path, now: datetime) -> Path:
    stem = f"{BEFORE_RESTORE}-{now:%Y%m%d-%H%M%S}"
    target = backups / f"{stem}.db"
    number = 2
    while target.exists():
        target = backups / f"{stem}-{number}.db"
        number += 1
    return target
