"""Why a database can't be used; kept apart so the command line can name it cheaply."""

from __future__ import annotations


class DatabaseProblem(Exception):
    """The database cannot be used as it is. Nothing was changed; the message says what to do.

    Attributes:
        kind: ``"corrupt"``, ``"newer"``, ``"locked"``, ``"unavailable"``, ``"unreachable"``,
            or, for a write that failed while the app ran, ``"full"`` (the disk),
            ``"readonly"`` or ``"missing"`` (the data folder was moved or deleted).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class OutOfReach(DatabaseProblem):
    """A shared history's server can't be reached now (stopped, restarting, network down); a
    later try may succeed, so what is written meanwhile can be kept and written then."""

    def __init__(self, message: str) -> None:
        super().__init__("unreachable", message)


class StatementFailed(DatabaseProblem):
    """The database answered and what was asked failed there: a rule it broke (a check-in for
    a session deleted meanwhile), a full disk, a lock.

    Attributes:
        detail: the driver's error, named (``ForeignKeyViolation: ...``): never a value
            written, as the engine hides the statement's parameters.
    """

    def __init__(self, kind: str, message: str, detail: str) -> None:
        super().__init__(kind, message)
        self.detail = detail


SAFE = "Everything saved before is safe."
FULL = (
    "The disk that holds your history is full. Make some room on it (empty the trash, or "
    f"remove large files you no longer need), then try again. {SAFE}"
)
READ_ONLY = (
    "Your history can't be written: its data folder, or the disk it is on, is read-only. "
    "Make it writable again (or start Reconnect with another folder, --data-dir), then try "
    f"again. {SAFE}"
)
LOCKED = (
    "Your history is locked by another program and stayed locked for more than 5 seconds. "
    "Close other copies of Reconnect, or programs that opened its database, then try again. "
    f"{SAFE}"
)
DAMAGED = (
    "Your history's database file looks damaged, so nothing more was written to it; it is "
    "kept as it is. 'reconnect backups' lists the copies Reconnect keeps, and 'reconnect "
    "restore FILE' brings one back (after taking a copy of the damaged file)."
)
CANT_OPEN = (
    "Your history's database could not be opened: its data folder may have been moved or "
    f"deleted, or may not be readable. Check the folder, then try again. {SAFE}"
)
DISK_ERROR = (
    "The disk reported an error while your history was written (a disk I/O error). Check "
    f"that the disk is still connected and has room, then try again. {SAFE}"
)
DISK_ERROR_READING = (
    "The disk reported an error while your history was read (a disk I/O error). Check "
    f"that the disk is still connected, then try again. {SAFE}"
)


def explain(error: BaseException, *, reading: bool = False) -> DatabaseProblem:
    """Plain words, with what to do, for an error SQLite reported while the app used it.

    Args:
        error: SQLAlchemy's error (its ``orig`` is the driver's), the driver's own, or a
            ``DatabaseProblem``, which is returned as it is.
        reading: the error came while the history was read, not written; said so where the
            words differ.
    """
    if isinstance(error, DatabaseProblem):
        return error
    cause = getattr(error, "orig", None) or error
    # Python 3.11's sqlite3 names the SQLite result code, like SQLITE_IOERR_WRITE.
    name = str(getattr(cause, "sqlite_errorname", ""))
    text = str(cause).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return DatabaseProblem("full", FULL)
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return DatabaseProblem("readonly", READ_ONLY)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return DatabaseProblem("locked", LOCKED)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return DatabaseProblem("corrupt", DAMAGED)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return DatabaseProblem("unavailable", CANT_OPEN)
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return DatabaseProblem("unavailable", DISK_ERROR_READING if reading else DISK_ERROR)
    failed = (
        f"Your history could not be read ({cause})."
        if reading
        else f"Your history could not be written ({cause})."
    )
    return DatabaseProblem("unavailable", f"{failed} Try again in a moment. {SAFE}")


def missing_message(folder: str) -> str:
    return (
        f"The data folder {folder} was moved or deleted while Reconnect was running, so "
        "nothing more is written until it is back. If you moved it, put it back and try "
        "again. To begin a new, empty history there instead, quit Reconnect and start it again."
    )


def replaced_message(file: str) -> str:
    return (
        f"The database {file} was replaced by another file while Reconnect was running, so "
        "nothing was written to either. Quit Reconnect and start it again to use the file "
        "that is there now."
    )


def history_errors() -> tuple[type[Exception], ...]:
    """What a failed read or write of the history may raise: SQLAlchemy's errors and ours.

    Storage's units of work and read sessions raise only ``DatabaseProblem``; this is for
    code that still reaches the database around them. A function, not a constant: ``except
    history_errors()`` is only evaluated when something was raised, so SQLAlchemy is not
    imported before the tray has shown itself.
    """
    from sqlalchemy.exc import SQLAlchemyError

    return (SQLAlchemyError, DatabaseProblem)
