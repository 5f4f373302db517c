"""Writing and reading SQLite copies safely: private temporary files, durable renames, read-only."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

from reconnect.storage.problems import DatabaseProblem

OUR_TABLES = frozenset({"alembic_version", "sessions", "checkins"})
SIDE_FILES = ("-wal", "-shm", "-journal")


def online_copy(source: sqlite3.Connection, target: Path, now: datetime) -> None:
    """Copy with SQLite's backup API into a private temporary file, then rename it into place."""
    temp = temp_beside(target)
    try:
        with closing(sqlite3.connect(temp)) as copy:
            source.backup(copy)
            # The copy inherits WAL mode; a rollback journal keeps it one self-contained file.
            copy.execute("PRAGMA journal_mode = DELETE")
        finish(temp, target, now)
    except sqlite3.Error as error:
        remove_with_side_files(temp)
        raise DatabaseProblem(
            "unavailable",
            f"Could not copy the database to {target} ({error}). Nothing was changed; check "
            "that the disk is not full.",
        ) from error
    except BaseException:
        remove_with_side_files(temp)
        raise


def temp_beside(target: Path, tag: str = "") -> Path:
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


def is_damage(error: BaseException | None) -> bool:
    """Whether SQLite said the file is not a database or is damaged (not locked, not absent)."""
    name = str(getattr(error, "sqlite_errorname", ""))
    return name == "SQLITE_NOTADB" or name.startswith("SQLITE_CORRUPT")


def finish(temp: Path, target: Path, now: datetime) -> None:
    """Make a written temporary file durable, date it ``now`` and rename it to ``target``."""
    try:
        fsync(temp)
        stamp = now.timestamp()
        os.utime(temp, (stamp, stamp))
        temp.replace(target)
        fsync(target.parent)
    except OSError as error:
        raise DatabaseProblem(
            "unavailable",
            f"Could not write {target} ({error.strerror}). Nothing was changed; check that the "
            "disk is not full.",
        ) from error


def fsync(path: Path) -> None:
    # Never called on the live database while SQLite holds locks on it: closing another
    # descriptor of that file would drop them (POSIX record locks are per process).
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_side_files(path: Path) -> None:
    for side in ("", *SIDE_FILES):
        Path(f"{path}{side}").unlink(missing_ok=True)


# --- reading a copy -----------------------------------------------------------------------------


def connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: nothing (no -wal, no -shm) is created beside a copy that is only looked at. A
    # file with a -wal beside it is a database someone left open; read it with its log.
    options = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True)


def table_names(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def schema_revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def count_rows(connection: sqlite3.Connection) -> tuple[int, int]:
    sessions = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
    checkins = connection.execute("SELECT count(*) FROM checkins").fetchone()[0]
    return int(sessions), int(checkins)
