"""The history page: its table, filters and paging, and editing, deleting and undoing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.paths import resolve_data_paths
from reconnect.services import history_edits
from reconnect.services.history_edits import HistorySlice
from reconnect.storage.database import Database, open_database
from reconnect.storage.problems import LOCKED, explain
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.dashboard.history_page import (
    CONFIRM_DELETE,
    EMPTY_HISTORY,
    NO_MATCH,
    NOTHING_IN_RANGE,
    HistoryPage,
    HistoryTableModel,
)
from reconnect.ui.practice.checkin_dialog import CheckInAnswer, CheckInDialog

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY = datetime(2026, 11, 17, 9, 5, tzinfo=BERLIN)
TITLES = {"hand-on-heart": "Hand on heart", "sunlight": "Sunlight"}
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def moment(
    when: datetime,
    practice: str = "hand-on-heart",
    level: int | None = 2,
    body: tuple[str, ...] = ("chest", "whole-body"),
    feelings: tuple[str, ...] = ("warmth", "a bit lighter"),
    note: str = "",
    outcome: Outcome | None = Outcome.COMPLETED,
) -> BreakSession:
    session_id = new_id()
    ended = when + timedelta(minutes=3)
    checkin = (
        None if level is None else make_checkin(session_id, ended, level, body, feelings, note)
    )
    return BreakSession(
        session_id,
        practice,
        TITLES[practice],
        Trigger.TRAY,
        Moment.of(when),
        Moment.of(ended) if outcome else None,
        outcome,
        checkin,
    )


@dataclass
class FakeDialog:
    """Stands in for the check-in dialog: answers at once when opened."""

    save: Callable[[CheckInAnswer], None]
    answer: CheckInAnswer | None
    opened: bool = False

    def open(self) -> None:
        self.opened = True
        if self.answer is not None:
            self.save(self.answer)


@dataclass
class Room:
    """A database, and a page on it whose questions and messages the test answers."""

    database: Database
    qtbot: QtBot
    answers: list[bool] = field(default_factory=list)  # for each "Delete this moment?"
    questions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dialogs: list[tuple[str, CheckInAnswer | None]] = field(default_factory=list)
    next_answer: CheckInAnswer | None = None
    real_dialog: bool = False

    def store(self, sessions: list[BreakSession]) -> list[BreakSession]:
        with UnitOfWork(self.database.session_factory) as uow:
            uow.history.add_many(sessions)
            uow.commit()
        return sessions

    def stored(self, session_id: str) -> BreakSession | None:
        with UnitOfWork(self.database.session_factory) as uow:
            return uow.history.get(session_id)

    def confirm(self, _parent: QWidget, question: str) -> bool:
        self.questions.append(question)
        return self.answers.pop(0) if self.answers else True

    def make_dialog(
        self,
        title: str,
        save: Callable[[CheckInAnswer], None],
        initial: CheckInAnswer | None,
        parent: QWidget,
    ) -> object:
        self.dialogs.append((title, initial))
        if self.real_dialog:
            return CheckInDialog(title, save, parent=parent, initial=initial)
        return FakeDialog(save, self.next_answer)

    def page(self, page_size: int = 200) -> HistoryPage:
        page = HistoryPage(
            history_edits.HistoryBook(self.database.session_factory),
            TITLES,
            make_dialog=self.make_dialog,  # type: ignore[arg-type]
            confirm=self.confirm,
            show_problem=lambda _parent, message: self.problems.append(message),
            page_size=page_size,
        )
        self.qtbot.addWidget(page)
        page.resize(900, 500)
        return page


@pytest.fixture
def room(tmp_path: Path, qtbot: QtBot) -> Iterator[Room]:
    database = open_database(resolve_data_paths(tmp_path, {}))
    yield Room(database, qtbot)
    database.close()


def shown(page: HistoryPage, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    model = page.model
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def active(qtbot: QtBot, page: HistoryPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)


# --- the table --------------------------------------------------------------------------------


def test_the_model_passes_the_model_tester_while_it_pages(
    room: Room, qtmodeltester: ModelTester
) -> None:
    room.store([moment(TUESDAY - timedelta(hours=h), level=h % 4 or None) for h in range(25)])
    page = room.page(page_size=10)
    assert page.model.rowCount() == 10 and page.model.canFetchMore(QModelIndex())
    qtmodeltester.check(page.model)
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    assert page.model.rowCount() == 25
    qtmodeltester.check(page.model)


def test_each_cell_says_what_happened_gently(room: Room) -> None:
    room.store(
        [
            moment(TUESDAY, note="Warm hands.\nThen quiet."),
            moment(TUESDAY - timedelta(days=1), level=0, body=(), feelings=()),
            moment(
                TUESDAY - timedelta(days=2), "sunlight", level=None, outcome=Outcome.STOPPED_EARLY
            ),
            moment(TUESDAY - timedelta(days=3), level=None, outcome=Outcome.INTERRUPTED),
        ]
    )
    page = room.page()
    model = page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "When", "Practice", "How it ended", "What stirred", "Where / words", "Note",
    ]  # fmt: skip
    assert [model.index(0, c).data() for c in range(6)] == [
        "Tue 17 Nov 2026, 09:05",
        "Hand on heart",
        "done",
        "A spark",
        "chest, whole body · warmth, a bit lighter",
        "Warm hands. …",
    ]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tuesday 17 November 2026, 09:05 to 09:08"
    )
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == (
        "Body: chest, whole body. Feelings: warmth, a bit lighter."
    )
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == "Warm hands.\nThen quiet."
    assert shown(page, 2) == ["done", "done", "stopped early", "interrupted"]
    assert shown(page, 3) == ["A spark", "Nothing", "—", "—"]
    assert shown(page, 3, Qt.ItemDataRole.ToolTipRole)[1].startswith("Nothing. Nothing stirred")
    assert shown(page, 3, Qt.ItemDataRole.ToolTipRole)[2] == "no check-in"
    assert shown(page, 3, Qt.ItemDataRole.AccessibleTextRole)[2] == "no check-in"
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert all(isinstance(index.data(role), str) for role in ROLES)
            assert index.data(Qt.ItemDataRole.ToolTipRole)  # every cell explains itself
            assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # never red
            assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.count_label.text() == "4 moments"


def test_a_long_note_is_shortened_in_its_cell_only(room: Room) -> None:
    note = "so much to say " * 20
    room.store([moment(TUESDAY, note=note)])
    page = room.page()
    cell = page.model.index(0, 5)
    assert len(cell.data()) <= 80 and cell.data().endswith("…")
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == note.strip()


# --- filters and paging -----------------------------------------------------------------------


@pytest.fixture
def week(room: Room) -> list[BreakSession]:
    """Newest first."""
    return list(
        reversed(
            room.store(
                [
                    moment(TUESDAY - timedelta(days=4), level=0, body=(), feelings=()),
                    moment(TUESDAY - timedelta(days=3), "sunlight", level=None),
                    moment(TUESDAY - timedelta(days=2), feelings=("calm",), note="by the window"),
                    moment(TUESDAY - timedelta(days=1), "sunlight", level=3, note="Warm light"),
                    moment(TUESDAY, level=1, feelings=(), body=("hands",)),
                ]
            )
        )
    )


def ids(page: HistoryPage) -> list[str]:
    return [page.model.session(row).id for row in range(page.model.rowCount())]


def test_the_filters_change_the_rows(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    assert ids(page) == [s.id for s in week]
    assert [page.practice_combo.itemText(i) for i in range(3)] == [
        "All practices",
        "Hand on heart",
        "Sunlight",
    ]
    assert [page.level_combo.itemText(i) for i in range(page.level_combo.count())] == [
        "Any", "No check-in", "Nothing", "A flicker", "A spark", "A glow",
    ]  # fmt: skip

    page.practice_combo.setCurrentText("Sunlight")
    assert ids(page) == [week[1].id, week[3].id]
    page.level_combo.setCurrentText("No check-in")
    assert ids(page) == [week[3].id]
    page.practice_combo.setCurrentIndex(0)
    page.level_combo.setCurrentText("Nothing")
    assert ids(page) == [week[4].id]
    assert page.count_label.text() == "1 moment"

    page.level_combo.setCurrentIndex(0)
    page.search.setText("WARM")
    assert len(ids(page)) == 5  # waits for a pause in typing
    page.search_timer.timeout.emit()
    assert ids(page) == [week[1].id]
    page.search.setText("calm")
    room.qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once
    assert ids(page) == [week[2].id]


def test_the_range_comes_from_the_dashboard(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    page.set_range(date(2026, 11, 14), date(2026, 11, 16))
    assert ids(page) == [week[1].id, week[2].id, week[3].id]
    page.practice_combo.setCurrentText("Sunlight")
    assert ids(page) == [week[1].id, week[3].id]
    page.set_range(None, None)
    assert ids(page) == [week[1].id, week[3].id]
    page.set_range(date(2026, 11, 17), date(2026, 11, 1))
    assert room.problems == [
        "The range starts on 2026-11-17, after it ends (2026-11-01); "
        "choose a start on or before the end"
    ]
    assert ids(page) == [week[1].id, week[3].id]


def test_a_long_history_is_read_a_page_at_a_time_as_you_scroll(room: Room) -> None:
    room.store([moment(TUESDAY - timedelta(hours=h)) for h in range(450)])
    page = room.page()
    assert page.model.rowCount() == 200 and page.count_label.text() == "450 moments"
    page.show()
    room.qtbot.waitExposed(page)
    page.table.scrollToBottom()
    room.qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    page.table.scrollToBottom()
    room.qtbot.waitUntil(lambda: page.model.rowCount() == 450)
    assert not page.model.canFetchMore(QModelIndex())
    assert len(set(ids(page))) == 450


def test_moments_written_meanwhile_do_not_repeat_rows(room: Room) -> None:
    room.store([moment(TUESDAY - timedelta(hours=h)) for h in range(30)])
    page = room.page(page_size=10)
    room.store([moment(TUESDAY + timedelta(hours=1))])  # a practice finishes meanwhile
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    assert page.model.rowCount() == 30 and len(set(ids(page))) == 30
    page.reload()
    assert page.model.rowCount() == 10 and page.model.total == 31


def test_a_page_that_cannot_be_read_is_explained_and_what_is_shown_stays() -> None:
    pages = [HistorySlice((moment(TUESDAY),), 0, 5, False)]

    def fetch(limit: int, offset: int) -> HistorySlice:
        if offset:
            # What the page's HistoryBook raises when the database is locked.
            raise explain(OperationalError("SELECT", {}, Exception("database is locked")))
        return pages[0]

    model = HistoryTableModel(fetch, page_size=1)
    errors: list[object] = []
    model.problem.connect(errors.append)
    model.reset(pages[0])
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1 and len(errors) == 1
    assert not model.canFetchMore(QModelIndex())


# --- empty states ----------------------------------------------------------------------------


def test_an_empty_history_says_what_will_appear(room: Room) -> None:
    page = room.page()
    page.show()
    assert page.empty_label.isVisible() and not page.table.isVisible()
    assert page.empty_label.text() == EMPTY_HISTORY
    assert not page.clear_button.isVisible()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()


def test_filters_that_hide_everything_can_be_cleared(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    page.show()
    page.set_range(date(2026, 11, 13), date(2026, 11, 17))
    page.practice_combo.setCurrentText("Sunlight")
    page.level_combo.setCurrentText("A flicker")
    assert page.empty_label.isVisible() and page.empty_label.text() == NO_MATCH
    assert page.clear_button.isVisible()
    room.qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.table.isVisible() and len(ids(page)) == 5
    assert page.practice_combo.currentIndex() == 0 and page.level_combo.currentIndex() == 0
    assert page.search.text() == ""


# --- editing ---------------------------------------------------------------------------------


def test_edit_opens_the_checkin_prefilled_and_saves_it(
    room: Room, week: list[BreakSession]
) -> None:
    page = room.page()
    page.table.selectRow(2)
    room.next_answer = CheckInAnswer(0, ("belly",), ("calm", "tender"), "quieter now")
    with room.qtbot.waitSignal(page.changed, timeout=1000):
        room.qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    original = week[2].checkin
    assert original is not None
    assert room.dialogs == [
        ("Hand on heart", CheckInAnswer(2, ("chest", "whole-body"), ("calm",), "by the window"))
    ]
    back = room.stored(week[2].id)
    assert back is not None and back.checkin is not None
    assert back.checkin == CheckIn(
        original.id, week[2].id, original.at, 0, ("belly",), ("calm", "tender"), "quieter now"
    )
    assert [page.model.index(2, c).data() for c in (3, 4, 5)] == [
        "Nothing",
        "belly · calm, tender",
        "quieter now",
    ]


def test_a_moment_without_a_checkin_can_be_given_one(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    page.level_combo.setCurrentText("No check-in")
    assert ids(page) == [week[3].id]
    room.next_answer = CheckInAnswer(1, (), (), "")
    changes: list[bool] = []
    page.changed.connect(lambda: changes.append(True))
    page.edit_selected()
    assert room.dialogs == [("Sunlight", None)]
    back = room.stored(week[3].id)
    assert back is not None and back.checkin is not None and back.checkin.level == 1
    assert ids(page) == [] and page.empty_label.text() == NO_MATCH  # it no longer matches
    assert changes == [True]


def test_the_real_dialog_opens_prefilled_from_the_keyboard(
    room: Room, week: list[BreakSession]
) -> None:
    room.real_dialog = True
    page = room.page()
    active(room.qtbot, page)
    room.qtbot.keyClick(page.table, Qt.Key.Key_Down)
    room.qtbot.keyClick(page.table, Qt.Key.Key_Down)  # the third moment
    room.qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, CheckInDialog)
    room.qtbot.waitExposed(dialog)
    assert dialog.level() == 2
    assert [a for a, chip in dialog.body_chips.items() if chip.isChecked()] == [
        "chest",
        "whole-body",
    ]
    assert [w for w, chip in dialog.feeling_chips.items() if chip.isChecked()] == ["calm"]
    assert dialog.note.toPlainText() == "by the window"
    assert dialog.not_now_button.accessibleName() == "Keep as it was"

    dialog.own_words.setText("a bit lighter")
    room.qtbot.mouseClick(dialog.level_buttons[3], Qt.MouseButton.LeftButton)
    with room.qtbot.waitSignal(page.changed, timeout=1000):
        room.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    back = room.stored(week[2].id)
    assert back is not None and back.checkin is not None
    assert (back.checkin.level, back.checkin.feelings) == (3, ("calm", "a bit lighter"))
    assert page.model.index(2, 3).data() == "A glow"


def test_double_click_edits_too(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    active(room.qtbot, page)
    rect = page.table.visualRect(page.model.index(1, 1))
    viewport = page.table.viewport()
    # A real double click presses first; the view acts only on the row pressed.
    room.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    room.qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    room.qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    earlier = CheckInAnswer(3, ("chest", "whole-body"), ("warmth", "a bit lighter"), "Warm light")
    assert room.dialogs == [("Sunlight", earlier)]


def test_a_database_problem_while_saving_keeps_the_dialog_open(
    room: Room, week: list[BreakSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_: object) -> None:
        raise OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr(history_edits, "edit_checkin", locked)
    room.real_dialog = True
    page = room.page()
    page.edit_selected()
    dialog = page.dialog
    assert isinstance(dialog, CheckInDialog)
    dialog.show()
    room.qtbot.mouseClick(dialog.level_buttons[1], Qt.MouseButton.LeftButton)
    room.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        f"This couldn't be saved yet: {LOCKED} What you entered is still here; try Save "
        "again in a moment."
    )
    assert "Your history is locked by another program" in dialog.problem.text()
    assert dialog.level() == 1


# --- deleting and undoing --------------------------------------------------------------------


def test_delete_asks_then_undo_puts_it_back_exactly(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    page.show()
    page.table.selectRow(2)
    with room.qtbot.waitSignal(page.changed, timeout=1000):
        room.qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert room.questions == [CONFIRM_DELETE]
    assert room.stored(week[2].id) is None
    assert ids(page) == [s.id for s in week if s is not week[2]]
    assert page.undo_bar.isVisible()
    assert page.undo_label.text() == "Deleted Hand on heart from Sun 15 Nov 2026, 09:05."
    assert page.selected() == week[3]  # the next moment, ready for the keyboard
    assert page.count_label.text() == "4 moments"

    with room.qtbot.waitSignal(page.changed, timeout=1000):
        room.qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    back = room.stored(week[2].id)
    assert back == week[2] and back is not None and back.checkin == week[2].checkin
    assert ids(page) == [s.id for s in week]
    assert page.selected() == week[2]
    assert not page.undo_bar.isVisible()
    assert page.count_label.text() == "5 moments"


def test_saying_no_deletes_nothing(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    room.answers = [False]
    page.delete_selected()
    assert room.questions == [CONFIRM_DELETE]
    assert room.stored(week[0].id) is not None and len(ids(page)) == 5
    assert not page.undo_bar.isVisibleTo(page)


def test_the_delete_key_asks_and_ctrl_z_undoes(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    active(room.qtbot, page)
    changes: list[bool] = []
    page.changed.connect(lambda: changes.append(True))
    room.qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert room.questions == [CONFIRM_DELETE]
    assert room.stored(week[0].id) is None
    room.qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert room.stored(week[0].id) == week[0]
    assert ids(page) == [s.id for s in week]
    assert changes == [True, True]
    room.qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert changes == [True, True]  # nothing more to undo


def test_the_undo_bar_stays_until_the_next_delete_or_other_filters(
    room: Room, week: list[BreakSession]
) -> None:
    page = room.page()
    page.show()
    page.delete_selected()
    page.reload()
    assert page.undo_bar.isVisible()  # the same list, read again
    page.delete_selected()
    assert page.undo_label.text() == "Deleted Sunlight from Mon 16 Nov 2026, 09:05."
    page.undo()
    assert room.stored(week[1].id) is not None and room.stored(week[0].id) is None
    page.delete_selected()
    page.practice_combo.setCurrentText("Sunlight")
    assert not page.undo_bar.isVisible()
    page.undo()
    assert room.stored(week[1].id) is None


def test_undo_of_a_moment_beyond_the_rows_read_so_far(room: Room) -> None:
    sessions = room.store([moment(TUESDAY - timedelta(hours=h)) for h in range(8)])
    page = room.page(page_size=3)
    page.table.selectRow(2)
    page.delete_selected()
    page.undo()
    assert ids(page) == [s.id for s in sessions[:5]]  # the next rows were read to show it
    assert page.selected() == sessions[2]
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    assert ids(page) == [s.id for s in sessions]


def test_the_last_moment_deleted_and_undone(room: Room) -> None:
    (only,) = room.store([moment(TUESDAY)])
    page = room.page()
    page.show()
    page.delete_selected()
    assert page.empty_label.isVisible() and page.empty_label.text() == EMPTY_HISTORY
    page.undo()
    assert page.table.isVisible() and ids(page) == [only.id]


def test_a_moment_deleted_elsewhere_is_explained_and_the_list_read_again(
    room: Room, week: list[BreakSession]
) -> None:
    page = room.page()
    history_edits.delete_session(room.database.session_factory, week[0].id)
    page.delete_selected()
    assert len(room.problems) == 1
    assert room.problems[0].startswith("This moment is no longer in your history")
    assert ids(page) == [s.id for s in week[1:]]
    assert not page.undo_bar.isVisibleTo(page)


def test_a_database_problem_is_explained_and_nothing_is_lost(
    room: Room, week: list[BreakSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_: object) -> None:
        raise OperationalError("DELETE", {}, Exception("database is locked"))

    page = room.page()
    monkeypatch.setattr(history_edits, "delete_session", locked)
    page.delete_selected()
    assert room.problems == [LOCKED]
    assert LOCKED.startswith("Your history is locked by another program")
    assert len(ids(page)) == 5 and room.stored(week[0].id) is not None


# --- reaching everything ---------------------------------------------------------------------


def test_every_control_has_a_name_and_a_labelled_filter(
    room: Room, week: list[BreakSession]
) -> None:
    page = room.page()
    page.show()
    page.delete_selected()  # shows the Undo bar too
    controls = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert set(controls) == {
        page.practice_combo,
        page.level_combo,
        page.search,
        page.table,
        page.edit_button,
        page.delete_button,
        page.undo_button,
    }
    assert all(w.accessibleName().strip() for w in controls)
    assert all(w.accessibleDescription() for w in (page.edit_button, page.delete_button))
    buddies = {label.buddy(): label.text() for label in page.findChildren(QLabel) if label.buddy()}
    assert buddies == {
        page.practice_combo: "&Practice:",
        page.level_combo: "&What stirred:",
        page.search: "&Search:",
    }
    assert page.search.placeholderText() == "Search notes and words"
    assert [b.text() for b in page.findChildren(QPushButton) if b.isVisible()] == [
        "&Undo",
        "&Edit check-in…",
        "&Delete…",
    ]
    assert page.practice_combo.accessibleName() == "Practice"
    assert page.level_combo.accessibleName() == "What stirred"
    assert page.table.accessibleName() == "Your moments"


def test_only_the_range_hiding_everything_says_so(room: Room, week: list[BreakSession]) -> None:
    page = room.page()
    page.show()
    page.set_range(date(2026, 1, 1), date(2026, 1, 31))
    assert page.empty_label.text() == NOTHING_IN_RANGE
    assert not page.clear_button.isVisible()  # the range belongs to the dashboard


@pytest.mark.parametrize(("button", "deleted"), [("Keep it", False), ("Delete", True)])
def test_the_real_question_is_calm_and_keeps_the_moment_by_default(
    room: Room, week: list[BreakSession], button: str, deleted: bool
) -> None:
    page = HistoryPage(history_edits.HistoryBook(room.database.session_factory), TITLES)
    room.qtbot.addWidget(page)
    seen: list[tuple[str, list[str], str]] = []

    def answer(tries: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: answer(tries - 1))
            return
        seen.append(
            (box.text(), sorted(b.text() for b in box.buttons()), box.defaultButton().text())
        )
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    page.delete_selected()
    assert seen == [(CONFIRM_DELETE, ["Delete", "Keep it"], "Keep it")]
    assert (room.stored(week[0].id) is None) is deleted
