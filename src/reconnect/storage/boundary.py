"""Where storage meets its callers: a database error leaves it as the app's own DatabaseProblem."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from reconnect.storage.database import is_unreachable
from reconnect.storage.problems import DatabaseProblem, OutOfReach, StatementFailed, explain


def problem_of(error: BaseException, *, reading: bool = False) -> DatabaseProblem:
    """The app's own problem for a database error, in ``problems.explain``'s words.

    Args:
        error: SQLAlchemy's error; a ``DatabaseProblem`` is returned as it is.
        reading: the error came while the history was read, not written.

    Returns:
        ``OutOfReach`` for a shared history's server that can't be reached now;
        ``StatementFailed`` for an error the database answered with; else a
        ``DatabaseProblem``.
    """
    if isinstance(error, DatabaseProblem):
        return error
    words = explain(error, reading=reading)
    if is_unreachable(error):
        return OutOfReach(str(words))
    if isinstance(error, DBAPIError):
        cause = error.orig
        return StatementFailed(words.kind, str(words), f"{type(cause).__name__}: {cause}")
    return words


@contextmanager
def database_errors(*, reading: bool = False) -> Iterator[None]:
    """Let SQLAlchemy's errors out of the ``with`` block as ``DatabaseProblem`` (``problem_of``).

    Args:
        reading: the block reads the history; said so where the words differ.
    """
    try:
        yield
    except SQLAlchemyError as error:
        raise problem_of(error, reading=reading) from error
