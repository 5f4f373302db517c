"""The services hand the windows a DatabaseProblem in plain words, never a database error."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import OperationalError

from reconnect.core.errors import InputError
from reconnect.core.history_filter import HistoryFilter
from reconnect.core.sessions import Moment
from reconnect.services.database_problems import DatabaseProblem, as_problem
from reconnect.services.history import HistoryFiles
from reconnect.services.history_edits import HistoryBook
from reconnect.storage import problems

NOW = Moment.of(datetime(2026, 11, 17, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")))


def locked() -> OperationalError:
    return OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))


def test_a_database_error_becomes_a_database_problem_in_plain_words() -> None:
    with pytest.raises(DatabaseProblem) as raised, as_problem():
        raise locked()
    assert raised.value.kind == "locked"
    assert str(raised.value) == problems.LOCKED
    assert isinstance(raised.value.__cause__, OperationalError)


def test_reading_says_so_where_the_words_differ() -> None:
    error = OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))
    with pytest.raises(DatabaseProblem) as raised, as_problem(reading=True):
        raise error
    assert str(raised.value) == problems.DISK_ERROR_READING


def test_a_database_problem_and_other_errors_pass_as_they_are() -> None:
    problem = DatabaseProblem("full", problems.FULL)
    with pytest.raises(DatabaseProblem) as raised, as_problem():
        raise problem
    assert raised.value is problem
    with pytest.raises(InputError), as_problem():
        raise InputError("not a database error")


def test_the_history_services_raise_database_problems() -> None:
    def unreachable() -> object:
        raise locked()

    book = HistoryBook(unreachable)  # type: ignore[arg-type]
    files = HistoryFiles(unreachable)  # type: ignore[arg-type]
    for use in (
        lambda: book.page(HistoryFilter(), 10),
        lambda: book.find_matching(HistoryFilter(), "s1"),
        lambda: book.delete("s1"),
        lambda: files.export("csv", NOW, "test"),
    ):
        with pytest.raises(DatabaseProblem) as raised:
            use()
        assert raised.value.kind == "locked"
