"""One place where an error of the history's database becomes the app's own DatabaseProblem."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reconnect.storage.problems import DatabaseProblem, history_errors

__all__ = ["DatabaseProblem", "as_problem"]


@contextmanager
def as_problem(*, reading: bool = False) -> Iterator[None]:
    """Let a database error out as a ``DatabaseProblem`` in plain words (``problems.explain``).

    Storage's units of work already do so; this also covers reads outside one (the
    dashboard's) and keeps SQLAlchemy unimported until something has failed.

    Args:
        reading: the history was being read, not written; said so where the words differ.
    """
    try:
        yield
    except DatabaseProblem:
        raise
    except history_errors() as error:
        from reconnect.storage.boundary import problem_of

        raise problem_of(error, reading=reading) from error
