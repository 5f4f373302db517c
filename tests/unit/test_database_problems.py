"""``explain``: plain words for a database error, said as a read or as a write."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from reconnect.storage import problems
from reconnect.storage.problems import DatabaseProblem, explain


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
