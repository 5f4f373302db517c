"""Why a database can't be used; kept apart so the command line can name it cheaply."""

from __future__ import annotations


class DatabaseProblem(Exception):
    """The database cannot be used as it is. Nothing was changed; the message says what to do.

    Attributes:
        kind: ``"corrupt"``, ``"newer"``, ``"locked"`` or ``"unavailable"``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
