"""A figure's numbers as a table, and a card that swaps the figure for that table on request.

Nothing is carried by colour or shape alone: every figure on the dashboard sits in such a card.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reconnect.ui.dashboard.figure_base import percent as whole_percent

Index = QModelIndex | QPersistentModelIndex


def percent(value: float | None) -> str:
    return "-" if value is None else whole_percent(value)


class FigureTableModel(QAbstractTableModel):
    """A read-only table of text: a chart's numbers, one tooltip sentence per row."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[tuple[str, ...]] = []
        self._sentences: list[str] = []

    def set_rows(self, rows: Sequence[Sequence[str]], sentences: Sequence[str]) -> None:
        """Replace every row; ``sentences`` say each row in words (tooltips, screen readers)."""
        if len(rows) != len(sentences) or any(len(r) != len(self._headers) for r in rows):
            raise ValueError("each row needs one value per column and one sentence")
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._sentences = list(sentences)
        self.endResetModel()

    def sentence(self, row: int) -> str:
        return self._sentences[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._sentences[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class NumbersCard(QWidget):
    """A titled figure with a button that shows the same numbers as a table instead.

    Args:
        picture: the figure (a chart view, a painted widget).
    """

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        picture: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = FigureTableModel(headers, self)
        self.picture = picture
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("{title}, as numbers").format(title=title))
        self.table.verticalHeader().hide()
        # The first column names the row (a practice, a month): it takes the room left, so
        # names are not cut short; the others are as wide as what they hold (a Note column
        # with nothing in it stays narrow).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stack = QStackedWidget()
        self.stack.addWidget(picture)
        self.stack.addWidget(self.table)
        heading = QLabel(f"<b>{title}</b>")
        heading.setAccessibleName(title)
        self.toggle = QPushButton(self.tr("Show the numbers"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(
            self.tr("Show {title} as a table of numbers").format(title=title.lower())
        )
        self.toggle.toggled.connect(self._show_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)
        # The toggle on the left; a section may add its own buttons to this row.
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.toggle)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)

    def _show_table(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self.toggle.setText(self.tr("Show the chart") if on else self.tr("Show the numbers"))

    def describe(self) -> str:
        """Every row's sentence: what a screen reader or a test reads instead of the figure."""
        return " ".join(self.model.sentence(r) for r in range(self.model.rowCount()))
