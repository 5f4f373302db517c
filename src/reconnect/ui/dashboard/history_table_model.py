"""The history as a table: one row per moment, newest first, read from the database in pages.

Every cell has a short text to show and a full one for its tooltip and for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from reconnect.core.outcome_words import outcome_word
from reconnect.core.sessions import BreakSession, Moment
from reconnect.core.vocabulary import SparkLevel, body_area_text, feeling_text
from reconnect.services.database_problems import DatabaseProblem
from reconnect.services.history_edits import HistorySlice
from reconnect.ui.practice.checkin_dialog import LEVEL_EXPLANATIONS

PAGE_SIZE = 200
NOTE_SHOWN = 80  # characters of a note shown in its cell; the tooltip has all of it
NO_CHECKIN_SHOWN = "—"
_SHOWN = Qt.ItemDataRole.DisplayRole
_FULL = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
Index = QModelIndex | QPersistentModelIndex
Cell = tuple[str, str]  # what the cell shows, and the full text (tooltip, screen reader)


def level_word(level: SparkLevel) -> str:
    """The level's word with a capital, in the person's language ("Nothing" like the others)."""
    word = QCoreApplication.translate("Vocabulary", level.label)
    return word[0].upper() + word[1:]


def when_text(moment: Moment) -> str:
    return f"{moment.local:%a %d %b %Y, %H:%M}"


def _cells(session: BreakSession) -> tuple[Cell, ...]:
    when_full = f"{session.started.local:%A %d %B %Y, %H:%M}"
    if session.ended is not None:
        when_full = QCoreApplication.translate("HistoryTableModel", "{start} to {end}").format(
            start=when_full, end=f"{session.ended.local:%H:%M}"
        )
    ended = outcome_word(session.outcome)
    first = ((when_text(session.started), when_full), (session.practice_title,) * 2, (ended,) * 2)
    checkin = session.checkin
    if checkin is None:
        none = QCoreApplication.translate("HistoryTableModel", "no check-in")
        return (*first, (NO_CHECKIN_SHOWN, none), ("", none), ("", none))
    level = level_word(SparkLevel(checkin.level))
    body = ", ".join(body_area_text(area) for area in checkin.body_areas)
    words = ", ".join(feeling_text(word) for word in checkin.feelings)
    marks = " · ".join(part for part in (body, words) if part)
    marks_full = " ".join(
        part
        for part in (
            body
            and QCoreApplication.translate("HistoryTableModel", "Body: {areas}.").format(
                areas=body
            ),
            words
            and QCoreApplication.translate("HistoryTableModel", "Feelings: {words}.").format(
                words=words
            ),
        )
        if part
    )
    note = checkin.note.splitlines()[0] if checkin.note else ""
    if len(note) > NOTE_SHOWN:
        note = note[: NOTE_SHOWN - 1].rstrip() + "…"
    elif note != checkin.note:
        note += " …"  # more lines follow
    return (
        *first,
        (
            level,
            QCoreApplication.translate("HistoryTableModel", "{level}. {explanation}").format(
                level=level,
                explanation=QCoreApplication.translate(
                    "CheckInDialog", LEVEL_EXPLANATIONS[checkin.level]
                ),
            ),
        ),
        (
            marks,
            marks_full or QCoreApplication.translate("HistoryTableModel", "no body areas or words"),
        ),
        (note, checkin.note or QCoreApplication.translate("HistoryTableModel", "no note")),
    )


def _order(session: BreakSession) -> tuple[datetime, str]:
    return (session.started.utc, session.id)  # the list's order, newest first


class HistoryTableModel(QAbstractTableModel):
    """The moments a filter lets through, newest first, read a page at a time.

    Signals:
        problem: reading the next page failed; carries the error, nothing else is read.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryTableModel", "When"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Practice"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "How it ended"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "What stirred"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Where / words"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Note"),
    )
    problem = Signal(object)

    def __init__(
        self,
        fetch: Callable[[int, int], HistorySlice],
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        """Build an empty model: ``reset`` shows a first page, ``fetch(limit, offset)`` more."""
        super().__init__(parent)
        self._fetch = fetch
        self.page_size = page_size
        self._sessions: list[BreakSession] = []
        self._cells: list[tuple[Cell, ...]] = []
        self._offset = 0  # matching rows in the database read so far
        self.total = 0
        self.history_is_empty = True
        self._failed = False

    def reset(self, first: HistorySlice) -> None:
        self.beginResetModel()
        self._sessions, self._cells = [], []
        self._offset, self._failed = 0, False
        self._take(first, list(first.sessions))
        self.endResetModel()

    def _take(self, page: HistorySlice, new: list[BreakSession]) -> None:
        self.total, self.history_is_empty = page.total, page.history_is_empty
        self._offset += len(page.sessions)
        if not page.sessions:
            self.total = self._offset  # the history shrank meanwhile: stop asking
        self._sessions += new
        self._cells += [_cells(s) for s in new]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or (role != _SHOWN and role not in _FULL):
            return None
        return self._cells[index.row()][index.column()][0 if role == _SHOWN else 1]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and (role == _SHOWN or role in _FULL):
            return self.tr(self.HEADERS[section])
        return None

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._failed and self._offset < self.total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        try:
            page = self._fetch(self.page_size, self._offset)
        except DatabaseProblem as error:
            self._failed = True  # until the next reload; the rows shown stay
            self.problem.emit(error)
            return
        # Moments written since the first page shift the rest by a row or two.
        known = {s.id for s in self._sessions}
        new = [s for s in page.sessions if s.id not in known]
        if not new:
            self._take(page, new)
            return
        start = len(self._sessions)
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        self._take(page, new)
        self.endInsertRows()

    def session(self, row: int) -> BreakSession:
        return self._sessions[row]

    def row_of(self, session_id: str) -> int | None:
        return next((r for r, s in enumerate(self._sessions) if s.id == session_id), None)

    def remove(self, session_id: str) -> None:
        """A moment deleted, or changed so that it no longer matches."""
        row = self.row_of(session_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._sessions[row], self._cells[row]
        self._offset -= 1
        self.total -= 1
        self.endRemoveRows()

    def replace(self, session: BreakSession) -> None:
        row = self.row_of(session.id)
        if row is not None:
            self._sessions[row], self._cells[row] = session, _cells(session)
            last = self.index(row, self.columnCount() - 1)
            self.dataChanged.emit(self.index(row, 0), last, [_SHOWN, *_FULL])

    def put_back(self, session: BreakSession) -> int | None:
        """A restored moment, in its place; None when that place has not been read yet."""
        self.total += 1
        self.history_is_empty = False
        key = _order(session)
        row = next((r for r, s in enumerate(self._sessions) if _order(s) < key), None)
        if row is None:
            if self._offset < self.total - 1:
                return None  # it will come with a later page
            row = len(self._sessions)
        self.beginInsertRows(QModelIndex(), row, row)
        self._sessions.insert(row, session)
        self._cells.insert(row, _cells(session))
        self._offset += 1
        self.endInsertRows()
        return row
