"""``explain``: plain words for a database error, said as a read or as a write; and
``problem_of``, which storage raises them as."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, InvalidRequestError, OperationalError

from reconnect.storage import problems
from reconnect.storage.boundary import problem_of
from reconnect.storage.problems import DatabaseProblem, OutOfReach, StatementFailed, explain


def failed(message: str) -> OperationalError:
    """SQLAlchemy's error around the driver's, as a query raises it."""
    return OperationalError("SELECT 1", {}, sqlite3.OperationalError(message))


def test_a_write_is_said_as_a_write_by_default() -> None:
    assert str(explain(failed("disk I/O error"))) == problems.DISK_ERROR
    assert "while your history was written" in problems.DISK_ERROR
    assert str(explain(failed("something odd"))).startswith(
        "Your history could not be written (something odd). Try again in a moment."
    )


def test_a_read_is_said_as_a_read() -> None:
    disk = explain(failed("disk I/O error"), reading=True)
    assert (disk.kind, str(disk)) == ("unavailable", problems.DISK_ERROR_READING)
    assert "while your history was read" in str(disk)
    other = explain(failed("something odd"), reading=True)
    assert str(other) == (
        f"Your history could not be read (something odd). Try again in a moment. {problems.SAFE}"
    )
    assert "written" not in str(disk) + str(other)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database or disk is full", "full"),
        ("attempt to write a readonly database", "readonly"),
        ("database is locked", "locked"),
        ("database disk image is malformed", "corrupt"),
        ("unable to open database file", "unavailable"),
    ],
)
def test_the_kind_is_the_same_for_a_read_and_a_write(message: str, kind: str) -> None:
    written, read = explain(failed(message)), explain(failed(message), reading=True)
    assert written.kind == read.kind == kind
    assert str(written) == str(read)


def test_a_problem_already_explained_is_kept_as_it_is() -> None:
    problem = DatabaseProblem("locked", problems.LOCKED)
    assert explain(problem, reading=True) is problem


class ServerError(Exception):
    """A PostgreSQL driver's error, as psycopg names its SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def test_storage_lets_a_database_error_out_as_its_own_problem_in_the_same_words() -> None:
    error = failed("disk I/O error")
    problem = problem_of(error, reading=True)
    assert isinstance(problem, StatementFailed)
    assert (problem.kind, str(problem)) == ("unavailable", problems.DISK_ERROR_READING)
    assert problem.detail == "OperationalError: disk I/O error"
    assert str(problem_of(failed("database is locked"))) == problems.LOCKED
    assert problem_of(problem) is problem


def test_a_server_out_of_reach_is_told_apart_from_a_refusal() -> None:
    gone = OperationalError("SELECT 1", {}, ServerError("server closed the connection", "08006"))
    away = problem_of(gone, reading=True)
    assert isinstance(away, OutOfReach) and away.kind == "unreachable"
    assert str(away) == str(explain(gone, reading=True))
    refused = IntegrityError("INSERT", {}, ServerError("violates foreign key", "23503"))
    said = problem_of(refused)
    assert isinstance(said, StatementFailed) and not isinstance(said, OutOfReach)
    assert said.detail == "ServerError: violates foreign key"


def test_an_error_of_sqlalchemys_own_is_a_plain_problem() -> None:
    problem = problem_of(InvalidRequestError("this Session's transaction has been rolled back"))
    assert type(problem) is DatabaseProblem
    assert str(problem).startswith("Your history could not be written (this Session's")
