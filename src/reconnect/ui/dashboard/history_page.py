"""The dashboard's history: every moment, filtered and read a page at a time.

A check-in can be changed, a moment deleted and the deletion undone. The decisions live in
``services.history_edits`` and ``core.history_filter``; this page only shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.history_filter import ANY_LEVEL, NO_CHECKIN, HistoryFilter, LevelFilter
from reconnect.core.i18n import plural
from reconnect.core.sessions import BreakSession
from reconnect.core.vocabulary import SparkLevel
from reconnect.services.database_problems import DatabaseProblem
from reconnect.services.history_edits import HistoryBook, HistorySlice
from reconnect.ui.dashboard.history_table_model import (
    PAGE_SIZE,
    HistoryTableModel,
    level_word,
    when_text,
)
from reconnect.ui.practice.checkin_dialog import CheckInAnswer, CheckInDialog

__all__ = ["HistoryPage", "HistoryTableModel"]

# In English, marked for the catalogue; the page shows them through self.tr.
ALL_PRACTICES = QT_TRANSLATE_NOOP("HistoryPage", "All practices")
SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP("HistoryPage", "Search notes and words")
CONFIRM_DELETE = QT_TRANSLATE_NOOP(
    "HistoryPage", "Delete this moment? You can undo this right after."
)
EMPTY_HISTORY = QT_TRANSLATE_NOOP(
    "HistoryPage", "Your practices and what you noticed will be listed here."
)
NO_MATCH = QT_TRANSLATE_NOOP("HistoryPage", "Nothing matches these filters.")
NOTHING_IN_RANGE = QT_TRANSLATE_NOOP("HistoryPage", "Nothing in this time range.")
LEVEL_CHOICES: tuple[tuple[str, LevelFilter], ...] = (
    (QT_TRANSLATE_NOOP("HistoryPage", "Any"), ANY_LEVEL),
    (QT_TRANSLATE_NOOP("HistoryPage", "No check-in"), NO_CHECKIN),
)
SaveAnswer = Callable[[CheckInAnswer], None]
MakeDialog = Callable[[str, SaveAnswer, CheckInAnswer | None, QWidget], QDialog]


def _open_checkin_dialog(
    title: str,
    save: Callable[[CheckInAnswer], None],
    initial: CheckInAnswer | None,
    parent: QWidget,
) -> QDialog:
    dialog = CheckInDialog(title, save, parent=parent, initial=initial)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def _button(text: str, description: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    return button


def _ask(parent: QWidget, question: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("HistoryPage", "Reconnect"),
        question,
        parent=parent,
    )
    delete = box.addButton(
        QCoreApplication.translate("HistoryPage", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("HistoryPage", "Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is delete


def _tell(parent: QWidget, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("HistoryPage", "Reconnect"), message)


def problem_text(error: InputError | DatabaseProblem) -> str:
    """What to say about an error, and what to do; never the SQL or what was typed."""
    text = str(error)
    return text[:1].upper() + text[1:]


class HistoryPage(QWidget):
    """The history section of the dashboard.

    Signals:
        changed: a check-in was changed, a moment deleted, or a deletion undone.
    """

    changed = Signal()

    def __init__(
        self,
        history: HistoryBook,
        practice_titles: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        make_dialog: MakeDialog = _open_checkin_dialog,
        confirm: Callable[[QWidget, str], bool] = _ask,
        show_problem: Callable[[QWidget, str], None] = _tell,
        page_size: int = PAGE_SIZE,
        load_now: bool = True,
    ) -> None:
        """Build the page and list the whole history (or wait for ``set_range``).

        Args:
            history: reads and changes the history (``services.history_edits``).
            practice_titles: practice id to title, offered in the practice filter.
            make_dialog: (title, save, earlier answer or None, parent) -> a dialog to open.
            confirm: asks (parent, question) and says whether to go ahead.
            show_problem: tells (parent, message) what went wrong and what to do.
            page_size: how many moments to read at a time.
            load_now: read the list at once; the dashboard passes False and calls
                ``set_range`` when the section is first shown.
        """
        super().__init__(parent)
        self._history = history
        self._make_dialog, self._confirm, self._show_problem = make_dialog, confirm, show_problem
        self._filter = HistoryFilter()
        self._deleted: BreakSession | None = None
        self.dialog: QDialog | None = None
        self.setAccessibleName(self.tr("History"))

        self.practice_combo = QComboBox()
        self.practice_combo.setAccessibleName(self.tr("Practice"))
        self.practice_combo.addItem(self.tr(ALL_PRACTICES), None)
        for practice_id, title in sorted(practice_titles.items(), key=lambda item: item[1]):
            self.practice_combo.addItem(title, practice_id)
        self.level_combo = QComboBox()
        self.level_combo.setAccessibleName(self.tr("What stirred"))
        for text, choice in LEVEL_CHOICES:
            self.level_combo.addItem(self.tr(text), choice)
        for spark in SparkLevel:
            self.level_combo.addItem(level_word(spark), spark)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr(SEARCH_PLACEHOLDER))
        self.search.setAccessibleName(self.tr(SEARCH_PLACEHOLDER))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=300)  # a pause in typing
        filters = QHBoxLayout()
        for text, field in (
            (self.tr("&Practice:"), self.practice_combo),
            (self.tr("&What stirred:"), self.level_combo),
            (self.tr("&Search:"), self.search),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field, 2 if field is self.search else 0)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("How many moments are listed"))

        self.undo_label = QLabel()
        self.undo_button = _button(
            self.tr("&Undo"), self.tr("Put the deleted moment back (Ctrl+Z)")
        )
        self.undo_bar = QWidget()
        self.undo_bar.setObjectName("historyUndoBar")
        self.undo_bar.setAccessibleName(self.tr("Deleted"))
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.model = HistoryTableModel(self._fetch, page_size, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Your moments"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.setAccessibleDescription(
            self.tr("Enter changes the check-in; Delete removes a moment")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(4, 220)
        header.setStretchLastSection(True)

        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.clear_button = _button(
            self.tr("&Clear filters"), self.tr("Show every practice and answer again")
        )
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty)

        self.edit_button = _button(
            self.tr("&Edit check-in…"), self.tr("Change what you noted here (Enter)")
        )
        self.delete_button = _button(
            self.tr("&Delete…"), self.tr("Delete this moment; you can undo it (Delete)")
        )
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

        self.practice_combo.currentIndexChanged.connect(self._filters_changed)
        self.level_combo.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._filters_changed)
        self.search_timer.timeout.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        # Told after the view has finished scrolling, not in the middle of it.
        self.model.problem.connect(self._report, Qt.ConnectionType.QueuedConnection)
        for keys, slot, where in (
            (QKeySequence(Qt.Key.Key_Return), self.edit_selected, self.table),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_selected, self.table),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected, self.table),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo, self),
        ):
            shortcut = QShortcut(keys, where)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        if load_now:
            self._load(self._filter)

    # --- what is listed -----------------------------------------------------------------

    def set_range(
        self, since: date | None, until: date | None, computer: str | None = None
    ) -> None:
        """Show only moments whose local date lies in [since, until] (None: open-ended), and
        only those recorded on ``computer`` when one is given (a shared history)."""
        try:
            filters = self._filter.with_range(since, until).with_computer(computer)
        except InputError as error:
            self._report(error)
            return
        self._load(filters)

    def reload(self) -> None:
        """Read the list again, as it is in the database now."""
        self._load(self._filter)

    def clear_filters(self) -> None:
        """Back to every practice, any answer and no words (the range stays)."""
        for widget in (self.practice_combo, self.level_combo, self.search):
            widget.blockSignals(True)
        self.practice_combo.setCurrentIndex(0)
        self.level_combo.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.practice_combo, self.level_combo, self.search):
            widget.blockSignals(False)
        self._load(self._filter.cleared())

    def _filters_changed(self) -> None:
        self.search_timer.stop()
        self._load(
            HistoryFilter(
                self._filter.since,
                self._filter.until,
                self.practice_combo.currentData(),
                self.level_combo.currentData(),
                self.search.text(),
            )
        )

    def _fetch(self, limit: int, offset: int) -> HistorySlice:
        return self._history.page(self._filter, limit, offset)

    def _load(self, filters: HistoryFilter) -> None:
        if filters != self._filter:
            self._forget_deleted()  # undo belongs to the list it was deleted from
        current = self.selected()
        self._filter = filters
        try:
            first = self._fetch(self.model.page_size, 0)
        except DatabaseProblem as error:
            self._report(error)
            return
        self.model.reset(first)
        row = self.model.row_of(current.id) if current else None
        self._select(row if row is not None else 0)
        self._update_state()

    def _update_state(self) -> None:
        total = self.model.total
        self.count_label.setText(plural(total, self.tr("1 moment"), self.tr("{count} moments")))
        if total:
            self.stack.setCurrentIndex(0)
        else:
            if self.model.history_is_empty:
                text = self.tr(EMPTY_HISTORY)
            else:
                text = self.tr(NO_MATCH) if self._filter.is_narrowed else self.tr(NOTHING_IN_RANGE)
            self.empty_label.setText(text)
            self.empty_label.setAccessibleName(text)
            self.clear_button.setVisible(self._filter.is_narrowed)
            self.stack.setCurrentIndex(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected(self) -> BreakSession | None:
        """The moment the table's cursor is on, if any."""
        index = self.table.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def _select(self, row: int | None) -> None:
        if row is not None and self.model.rowCount():
            row = min(row, self.model.rowCount() - 1)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- changing it ------------------------------------------------------------------------

    def edit_selected(self) -> None:
        """Open the check-in dialog with the moment's answer, to change or add one."""
        session = self.selected()
        if session is None:
            return
        earlier = session.checkin
        initial = (
            CheckInAnswer(int(earlier.level), earlier.body_areas, earlier.feelings, earlier.note)
            if earlier
            else None
        )

        def save(answer: CheckInAnswer) -> None:
            try:
                self._history.edit_checkin(session.id, answer)
            except DatabaseProblem as problem:  # the dialog stays open with everything entered
                raise InputError(
                    self.tr(
                        "{problem} What you entered is still here; try Save again in a moment."
                    ).format(problem=problem)
                ) from problem
            self._edited(session.id)

        self.dialog = self._make_dialog(session.practice_title, save, initial, self)
        self.dialog.open()

    def _edited(self, session_id: str) -> None:
        self.changed.emit()
        try:
            fresh = self._history.find_matching(self._filter, session_id)
        except DatabaseProblem:
            return  # saved; the list shows the change at its next reload
        if fresh is None:
            row = self.model.row_of(session_id)
            self.model.remove(session_id)
            self._select(row)
        else:
            self.model.replace(fresh)
        self._update_state()

    def delete_selected(self) -> None:
        """Ask, then delete the moment; an Undo bar offers it back."""
        session = self.selected()
        if session is None or not self._confirm(self, self.tr(CONFIRM_DELETE)):
            return
        row = self.table.currentIndex().row()
        try:
            deleted = self._history.delete(session.id)
        except (InputError, DatabaseProblem) as error:
            self._report(error)
            if isinstance(error, InputError):
                self.reload()
            return
        self.model.remove(deleted.id)
        self._deleted = deleted
        self.undo_label.setText(
            self.tr("Deleted {title} from {when}.").format(
                title=deleted.practice_title, when=when_text(deleted.started)
            )
        )
        self.undo_bar.setAccessibleDescription(self.undo_label.text())
        self.undo_bar.show()
        if self.model.total == 0:
            self.reload()  # to say whether anything is left outside these filters
        self._select(row)
        self._update_state()
        self.changed.emit()

    def undo(self) -> None:
        """Put the last deleted moment back, exactly as it was."""
        deleted = self._deleted
        if deleted is None:
            return
        try:
            self._history.restore(deleted)
        except (InputError, DatabaseProblem) as error:
            self._report(error)
            if isinstance(error, InputError):
                self._forget_deleted()
            return
        self._forget_deleted()
        row = self.model.put_back(deleted)
        if row is None:  # it belongs just past the rows read so far, or further on
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(deleted.id)
        self._select(row)
        self._update_state()
        self.changed.emit()

    def _forget_deleted(self) -> None:
        self._deleted = None
        self.undo_bar.hide()

    def _report(self, error: InputError | DatabaseProblem) -> None:
        self._show_problem(self, problem_text(error))
