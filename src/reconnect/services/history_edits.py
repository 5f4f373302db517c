"""Browsing and tending the history: pages of it, and editing, deleting and restoring moments.

Each use case is one unit of work, committed before it returns, and hands out plain
dataclasses only; ``HistoryBook`` offers them to the dashboard's History section.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core.errors import InputError
from reconnect.core.history_filter import HistoryFilter
from reconnect.core.recording import body_areas, feeling_words, make_checkin, note_text, spark_level
from reconnect.core.sessions import BreakSession, CheckIn
from reconnect.services.database_problems import as_problem
from reconnect.storage.unit_of_work import UnitOfWork

UNKNOWN_SESSION = (
    "This moment is no longer in your history (perhaps it was deleted in another window). "
    "Reload the list to see what is there now."
)


class CheckInValues(Protocol):
    """What a check-in says, as the check-in dialog's ``CheckInAnswer`` holds it."""

    @property
    def level(self) -> int | str: ...

    @property
    def body_areas(self) -> Iterable[str]: ...

    @property
    def feelings(self) -> Iterable[str]: ...

    @property
    def note(self) -> str: ...


@dataclass(frozen=True)
class HistorySlice:
    """One page of the sessions a filter lets through.

    Attributes:
        sessions: newest first, each with its check-in.
        offset: how many matching sessions come before the first of these.
        total: how many sessions match the filter in all.
        history_is_empty: there are no sessions at all, whatever the filter.
    """

    sessions: tuple[BreakSession, ...]
    offset: int
    total: int
    history_is_empty: bool


def history_page(
    factory: sessionmaker[Session], filters: HistoryFilter, limit: int, offset: int = 0
) -> HistorySlice:
    """A page of the history, newest first, with how many sessions match in all."""
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset are counts, 0 or more")
    with UnitOfWork(factory, reading=True) as uow:
        total = uow.history.count_matching(filters)
        sessions = uow.history.matching(filters, limit, offset) if total > offset else []
        empty = total == 0 and uow.history.count() == 0
    return HistorySlice(tuple(sessions), offset, total, empty)


def find_matching(
    factory: sessionmaker[Session], filters: HistoryFilter, session_id: str
) -> BreakSession | None:
    """The session as stored now, if it still passes the filter; else None."""
    with UnitOfWork(factory, reading=True) as uow:
        return uow.history.get_matching(filters, session_id)


def edit_checkin(
    factory: sessionmaker[Session],
    session_id: str,
    answer: CheckInValues,
    at: datetime | None = None,
) -> CheckIn:
    """Replace what a check-in says, or give a session without one its check-in.

    An edited check-in keeps its id and the time it was first given.

    Args:
        at: when a new check-in counts as given (aware); defaults to the session's end,
            or its start if it never ended.

    Raises:
        InputError: a value can't be used, or the session is unknown; nothing was written.
    """
    with UnitOfWork(factory) as uow:
        session = uow.history.get(session_id)
        if session is None:
            raise InputError(UNKNOWN_SESSION)
        if session.checkin is None:
            when = at or (session.ended or session.started).local
            checkin = make_checkin(
                session_id, when, answer.level, answer.body_areas, answer.feelings, answer.note
            )
        else:
            checkin = replace(
                session.checkin,
                level=spark_level(answer.level),
                body_areas=body_areas(answer.body_areas),
                feelings=feeling_words(answer.feelings),
                note=note_text(answer.note),
            )
        uow.history.replace_checkin(checkin)
        uow.commit()
    return checkin


def delete_session(factory: sessionmaker[Session], session_id: str) -> BreakSession:
    """Delete a session with its check-in; returns all of it, so it can be restored.

    Raises:
        InputError: the session is unknown; nothing was changed.
    """
    with UnitOfWork(factory) as uow:
        session = uow.history.get(session_id)
        if session is None:
            raise InputError(UNKNOWN_SESSION)
        uow.history.delete(session_id)
        uow.commit()
    return session


def restore_session(factory: sessionmaker[Session], session: BreakSession) -> None:
    """Put a deleted session back as it was: the same ids, times, check-in and words.

    Raises:
        InputError: a session or check-in with its id is already there; nothing was changed.
    """
    with UnitOfWork(factory) as uow:
        clash = uow.history.existing_session_ids([session.id])
        if session.checkin is not None:
            clash |= uow.history.existing_checkin_ids([session.checkin.id])
        if clash:
            raise InputError("This moment is already back in your history; nothing was changed.")
        uow.history.add(session)
        uow.commit()


class HistoryBook:
    """The history as the dashboard's History section reads and tends it.

    Each method is one of the use cases above; a database error comes out as
    ``DatabaseProblem``, so the section never sees the database.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def page(self, filters: HistoryFilter, limit: int, offset: int = 0) -> HistorySlice:
        """See ``history_page``."""
        with as_problem(reading=True):
            return history_page(self._factory, filters, limit, offset)

    def find_matching(self, filters: HistoryFilter, session_id: str) -> BreakSession | None:
        """See ``find_matching``."""
        with as_problem(reading=True):
            return find_matching(self._factory, filters, session_id)

    def edit_checkin(self, session_id: str, answer: CheckInValues) -> CheckIn:
        """See ``edit_checkin``."""
        with as_problem():
            return edit_checkin(self._factory, session_id, answer)

    def delete(self, session_id: str) -> BreakSession:
        """See ``delete_session``."""
        with as_problem():
            return delete_session(self._factory, session_id)

    def restore(self, session: BreakSession) -> None:
        """See ``restore_session``."""
        with as_problem():
            restore_session(self._factory, session)
