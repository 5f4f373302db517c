"""Your recent moments: a table of recent sessions and check-ins, until the dashboard arrives."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reconnect.core.sessions import BreakSession

_OUTCOMES = {
    "completed": "done",
    "stopped_early": "stopped early",
    "interrupted": "interrupted",
}
Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """Sessions, newest first, as rows of plain text."""

    HEADERS = ("When", "Practice", "Ended", "What stirred", "Details")

    def __init__(self, sessions: list[BreakSession], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = [self._row(s) for s in sessions]

    @staticmethod
    def _row(session: BreakSession) -> tuple[str, ...]:
        checkin = session.checkin
        ended = (
            _OUTCOMES.get(session.outcome.value, session.outcome.value.replace("_", " "))
            if (session.outcome)
            else "open"
        )
        details = ", ".join([*checkin.body_areas, *checkin.feelings]) if checkin else ""
        if checkin and checkin.note:
            details = f"{details} · {checkin.note}" if details else checkin.note
        return (
            f"{session.started.local:%a %d %b, %H:%M}",
            session.practice_title,
            ended,
            checkin.level.label if checkin else "no check-in",
            details,
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class HistoryWindow(QDialog):
    """Shows the recent history; says kindly what will appear when there is none."""

    def __init__(self, sessions: list[BreakSession], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reconnect: your recent moments")
        self.resize(760, 420)
        intro = QLabel(
            "Your recent practices and what you noticed. The full dashboard, showing what "
            "tends to help and when, comes in a later version."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.model = HistoryModel(sessions, self)
        if sessions:
            self.table = QTableView()
            self.table.setModel(self.model)
            self.table.setAccessibleName("Recent sessions")
            self.table.verticalHeader().hide()
            self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
            self.table.resizeColumnsToContents()
            layout.addWidget(self.table)
        else:
            empty = QLabel(
                "Nothing here yet. After a practice, what you notice appears here, "
                "including the times when nothing stirred."
            )
            empty.setWordWrap(True)
            empty.setAccessibleName("No sessions yet")
            layout.addWidget(empty)
            layout.addStretch(1)
