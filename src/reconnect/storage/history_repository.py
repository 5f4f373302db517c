"""Reads and writes break sessions and check-ins, handing out plain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, contains_eager, selectinload

from reconnect.core.history_filter import ANY_LEVEL, NO_CHECKIN, HistoryFilter
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import SparkLevel
from reconnect.storage.database import computer_of
from reconnect.storage.idempotent import insert_new
from reconnect.storage.schema import CheckInMarkRow, CheckInRow, SessionRow

# Keeps each IN (...) list well under every database's limit on bound parameters.
_CHUNK = 500


def _naive_utc(moment: Moment) -> datetime:
    return moment.utc.replace(tzinfo=None)


def _moment(at: datetime, offset: int) -> Moment:
    return Moment(at.replace(tzinfo=UTC), offset)


def session_values(session: BreakSession, computer: str) -> dict[str, object]:
    """The ``sessions`` row for a session, with its derived local columns.

    Args:
        computer: the computer writing it; a session read back keeps its own.
    """
    local = session.started.local
    return {
        "id": session.id,
        "practice_id": session.practice_id,
        "practice_title": session.practice_title,
        "trigger": session.trigger.value,
        "outcome": session.outcome.value if session.outcome else None,
        "started_at": _naive_utc(session.started),
        "started_offset": session.started.offset_minutes,
        "ended_at": _naive_utc(session.ended) if session.ended else None,
        "ended_offset": session.ended.offset_minutes if session.ended else None,
        "local_date": local.date(),
        "local_hour": local.hour,
        "local_weekday": local.weekday(),
        "computer": session.computer or computer,
    }


def checkin_values(checkin: CheckIn) -> dict[str, object]:
    return {
        "id": checkin.id,
        "session_id": checkin.session_id,
        "level": int(checkin.level),
        "at": _naive_utc(checkin.at),
        "at_offset": checkin.at.offset_minutes,
        "note": checkin.note,
    }


def mark_values(checkin: CheckIn) -> list[dict[str, object]]:
    marks: list[dict[str, object]] = []
    for kind, values in (("body", checkin.body_areas), ("feeling", checkin.feelings)):
        for position, value in enumerate(dict.fromkeys(values)):
            marks.append(
                {"checkin_id": checkin.id, "kind": kind, "value": value, "position": position}
            )
    return marks


def _to_checkin(row: CheckInRow) -> CheckIn:
    return CheckIn(
        id=row.id,
        session_id=row.session_id,
        at=_moment(row.at, row.at_offset),
        level=SparkLevel(row.level),
        body_areas=tuple(m.value for m in row.marks if m.kind == "body"),
        feelings=tuple(m.value for m in row.marks if m.kind == "feeling"),
        note=row.note,
    )


def _to_session(row: SessionRow) -> BreakSession:
    ended = (
        _moment(row.ended_at, row.ended_offset)
        if row.ended_at is not None and row.ended_offset is not None
        else None
    )
    return BreakSession(
        id=row.id,
        practice_id=row.practice_id,
        practice_title=row.practice_title,
        trigger=Trigger(row.trigger),
        started=_moment(row.started_at, row.started_offset),
        ended=ended,
        outcome=Outcome(row.outcome) if row.outcome else None,
        checkin=_to_checkin(row.checkin) if row.checkin else None,
        computer=row.computer,
    )


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """Whether the column contains the text, ignoring case, in SQL every database knows."""
    conditions = [func.lower(column).like(_like_pattern(text.lower()), escape="\\")]
    if not text.isascii():
        # SQLite's lower() and LIKE fold only ASCII letters: trying the capitals as well finds
        # "ÄRGER" and "Ärger" for "ärger" there. PostgreSQL's lower() already folds them.
        conditions.append(column.like(_like_pattern(text.upper()), escape="\\"))
    return or_(*conditions)


def _text_condition(text: str) -> ColumnElement[bool]:
    # Body areas are stored with hyphens ("whole-body") and shown with spaces.
    words = [_contains(CheckInMarkRow.value, text)]
    if " " in text:
        words.append(_contains(CheckInMarkRow.value, "-".join(text.split())))
    in_marks = exists().where(CheckInMarkRow.checkin_id == CheckInRow.id, or_(*words))
    return or_(_contains(CheckInRow.note, text), in_marks)


def _conditions(filters: HistoryFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter, over sessions outer-joined with their check-ins."""
    conditions: list[ColumnElement[bool]] = []
    if filters.since is not None:
        conditions.append(SessionRow.local_date >= filters.since)
    if filters.until is not None:
        conditions.append(SessionRow.local_date <= filters.until)
    if filters.practice_id is not None:
        conditions.append(SessionRow.practice_id == filters.practice_id)
    if filters.computer is not None:
        conditions.append(SessionRow.computer == filters.computer)
    if filters.level == NO_CHECKIN:
        conditions.append(CheckInRow.id.is_(None))
    elif filters.level != ANY_LEVEL:
        conditions.append(CheckInRow.level == int(filters.level))
    if filters.text:
        conditions.append(_text_condition(filters.text))
    return conditions


def _filtered(query: Select[Any], filters: HistoryFilter, join: bool = True) -> Select[Any]:
    if join or filters.level != ANY_LEVEL or filters.text:
        query = query.outerjoin(CheckInRow, CheckInRow.session_id == SessionRow.id)
    return query.where(*_conditions(filters))


class HistoryRepository:
    """The history of one database session. Callers commit through their unit of work.

    Writes are idempotent (``idempotent.insert_new``): a session or check-in already there
    with the same id is left as it is, so writing again after a lost connection, or from two
    computers at once, never makes a duplicate. New sessions are marked with the name of the
    computer the unit of work writes for.
    """

    def __init__(self, session: Session) -> None:
        self._db = session
        self._computer = computer_of(session)

    def add(self, session: BreakSession) -> None:
        """Write a session (and its check-in, if it has one)."""
        insert_new(self._db, SessionRow, [session_values(session, self._computer)])
        if session.checkin is not None:
            self.add_checkin(session.checkin)

    def add_checkin(self, checkin: CheckIn) -> None:
        """Write a check-in and its words; one already there (same id or session) stays."""
        insert_new(self._db, CheckInRow, [checkin_values(checkin)])
        # Only the words of the check-in that is actually stored now.
        stored = self._db.execute(
            select(CheckInRow.id).where(CheckInRow.session_id == checkin.session_id)
        ).scalar_one_or_none()
        if stored == checkin.id:
            insert_new(self._db, CheckInMarkRow, mark_values(checkin))

    def add_many(self, sessions: Sequence[BreakSession]) -> None:
        """Write many sessions with a few multi-row statements (used by import)."""
        if not sessions:
            return
        insert_new(self._db, SessionRow, [session_values(s, self._computer) for s in sessions])
        checkins = [s.checkin for s in sessions if s.checkin is not None]
        if checkins:
            insert_new(self._db, CheckInRow, [checkin_values(c) for c in checkins])
            # Every check-in is there now (written here, or already there: the same row, as
            # ids are never reused); a mark already there is passed over the same way.
            marks = [m for c in checkins for m in mark_values(c)]
            insert_new(self._db, CheckInMarkRow, marks)

    def get(self, session_id: str) -> BreakSession | None:
        row = self._db.execute(
            select(SessionRow)
            .where(SessionRow.id == session_id)
            .options(selectinload(SessionRow.checkin).selectinload(CheckInRow.marks))
        ).scalar_one_or_none()
        return _to_session(row) if row else None

    def recent(self, limit: int | None = None) -> list[BreakSession]:
        """Sessions, newest first, with their check-ins."""
        query = (
            select(SessionRow)
            .order_by(SessionRow.started_at.desc(), SessionRow.id)
            .options(selectinload(SessionRow.checkin).selectinload(CheckInRow.marks))
        )
        if limit is not None:
            query = query.limit(limit)
        return [_to_session(row) for row in self._db.execute(query).scalars()]

    def matching(self, filters: HistoryFilter, limit: int, offset: int) -> list[BreakSession]:
        """One page of the sessions a filter lets through, newest first, with check-ins.

        Args:
            limit: at most this many sessions.
            offset: how many matching sessions to pass over first.
        """
        # The marks come by one statement whatever the page holds (the page's query as a
        # subquery): read by their check-ins' ids, each number of check-ins on a page was
        # a statement of its own, and SQLite kept up to 128 of them compiled for days.
        query = (
            _filtered(select(SessionRow), filters)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(limit)
            .offset(offset)
            .options(contains_eager(SessionRow.checkin).subqueryload(CheckInRow.marks))
        )
        return [_to_session(row) for row in self._db.execute(query).scalars()]

    def count_matching(self, filters: HistoryFilter) -> int:
        counted = select(func.count(SessionRow.id)).select_from(SessionRow)
        query = _filtered(counted, filters, join=False)
        return int(self._db.execute(query).scalar_one())

    def get_matching(self, filters: HistoryFilter, session_id: str) -> BreakSession | None:
        """The session if it exists and the filter lets it through, else None."""
        query = (
            _filtered(select(SessionRow), filters)
            .where(SessionRow.id == session_id)
            .options(contains_eager(SessionRow.checkin).selectinload(CheckInRow.marks))
        )
        row = self._db.execute(query).scalar_one_or_none()
        return _to_session(row) if row else None

    def replace_checkin(self, checkin: CheckIn) -> None:
        """Write a session's check-in over the one it has (same id), or as its first one.

        Raises:
            ValueError: the session has a check-in with another id.
        """
        # Two windows (or computers) editing the same moment take turns: the session's row
        # is locked until commit on PostgreSQL; SQLite has one writer at a time anyway.
        self._db.execute(
            select(SessionRow.id).where(SessionRow.id == checkin.session_id).with_for_update()
        )
        present = self._db.execute(
            select(CheckInRow.id).where(CheckInRow.session_id == checkin.session_id)
        ).scalar_one_or_none()
        if present is None:
            self.add_checkin(checkin)
            return
        if present != checkin.id:
            raise ValueError(
                f"session {checkin.session_id} has check-in {present}, not {checkin.id}"
            )
        self._db.execute(delete(CheckInMarkRow).where(CheckInMarkRow.checkin_id == checkin.id))
        values = checkin_values(checkin)
        del values["id"], values["session_id"]
        self._db.execute(update(CheckInRow).where(CheckInRow.id == checkin.id).values(values))
        insert_new(self._db, CheckInMarkRow, mark_values(checkin))

    def all_in_order(self) -> list[BreakSession]:
        """Every session, oldest first (for export)."""
        query = (
            select(SessionRow)
            .order_by(SessionRow.started_at, SessionRow.id)
            .options(selectinload(SessionRow.checkin).selectinload(CheckInRow.marks))
        )
        return [_to_session(row) for row in self._db.execute(query).scalars()]

    def count(self) -> int:
        return int(self._db.execute(select(func.count()).select_from(SessionRow)).scalar_one())

    def count_checkins(self) -> int:
        return int(self._db.execute(select(func.count()).select_from(CheckInRow)).scalar_one())

    def existing_session_ids(self, ids: Iterable[str]) -> set[str]:
        return self._existing(SessionRow.id, ids)

    def existing_checkin_ids(self, ids: Iterable[str]) -> set[str]:
        return self._existing(CheckInRow.id, ids)

    def _existing(self, column: object, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found.update(self._db.execute(select(column).where(column.in_(chunk))).scalars())  # type: ignore[attr-defined, call-overload]
        return found

    def finish(self, session_id: str, ended: Moment, outcome: Outcome) -> None:
        row = self._db.get(SessionRow, session_id)
        if row is None:
            raise KeyError(session_id)
        row.ended_at = _naive_utc(ended)
        row.ended_offset = ended.offset_minutes
        row.outcome = outcome.value

    def close_open(self, at: Moment, outcome: Outcome = Outcome.INTERRUPTED) -> int:
        """Give every session this computer left open an end and an outcome (after a crash:
        interrupted). Another computer's open sessions may be under way there: left alone.

        Returns:
            How many sessions were closed.
        """
        result = self._db.execute(
            update(SessionRow)
            .where(SessionRow.outcome.is_(None), SessionRow.computer == self._computer)
            .values(outcome=outcome.value, ended_at=_naive_utc(at), ended_offset=at.offset_minutes)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def last_ended(self) -> Moment | None:
        """When the most recent session on this computer ended, whatever its outcome.

        Each computer keeps its own rhythm, so another computer's breaks don't move it.
        """
        row = self._db.execute(
            select(SessionRow.ended_at, SessionRow.ended_offset)
            .where(SessionRow.ended_at.is_not(None), SessionRow.computer == self._computer)
            .order_by(SessionRow.ended_at.desc())
            .limit(1)
        ).first()
        if row is None or row[0] is None or row[1] is None:
            return None
        return _moment(row[0], row[1])

    def delete(self, session_id: str) -> None:
        self._db.execute(delete(SessionRow).where(SessionRow.id == session_id))
