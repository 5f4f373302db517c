"""The spark check-in: its keys, its words, and that a check-in is committed before it closes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app.bootstrap import build
from reconnect.core.clock import FakeClock
from reconnect.core.errors import InputError
from reconnect.core.sessions import BreakSession, CheckIn, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.storage.database import Database
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.practice.checkin_dialog import CheckInAnswer, CheckInDialog, split_own_words


@dataclass
class Stored:
    """A real database with one session started from the tray."""

    database: Database
    records: BreakRecords
    session: BreakSession
    clock: FakeClock

    def save(self, answer: CheckInAnswer) -> None:
        self.records.save_checkin(
            self.session.id,
            self.clock.now(),
            answer.level,
            answer.body_areas,
            answer.feelings,
            answer.note,
        )

    def checkin_rows(self) -> int:
        """Counted straight from the file, by a connection of its own."""
        assert self.database.file is not None
        with closing(sqlite3.connect(self.database.file)) as connection:
            (count,) = connection.execute(
                "SELECT count(*) FROM checkins WHERE session_id = ?", (self.session.id,)
            ).fetchone()
        return int(count)

    def checkin(self) -> CheckIn | None:
        with UnitOfWork(self.database.session_factory) as uow:
            session = uow.history.get(self.session.id)
        assert session is not None
        return session.checkin


@pytest.fixture
def stored(tmp_path: Path, clock: FakeClock) -> Iterator[Stored]:
    context = build(str(tmp_path / "data"), {}, clock)
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    database = context.database()
    records = BreakRecords(database.session_factory)
    session = records.start(practice, Trigger.TRAY, clock.now())
    yield Stored(database, records, session, clock)
    context.close()


@pytest.fixture
def open_dialog(qtbot: QtBot) -> Callable[..., CheckInDialog]:
    def make(save: Callable[[CheckInAnswer], None], note: str = "") -> CheckInDialog:
        dialog = CheckInDialog("Hand on heart", save, note=note)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return make


def ignore(_: CheckInAnswer) -> None:
    pass


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_it_asks_gently_and_says_nothing_is_a_useful_answer(
    open_dialog: Callable[..., CheckInDialog],
) -> None:
    dialog = open_dialog(ignore)
    assert dialog.windowTitle() == "Reconnect: did anything stir?"
    words = [label.text() for label in dialog.findChildren(type(dialog.hint))]
    assert "Did anything stir during Hand on heart?" in words
    assert any("Nothing is a useful answer too" in text for text in words)
    assert [b.text() for b in dialog.level_buttons] == ["Nothing", "A flicker", "A spark", "A glow"]
    assert "worth knowing too" in dialog.level_buttons[0].toolTip()
    assert all(b.accessibleDescription() for b in dialog.level_buttons)
    assert dialog.body_chips["whole-body"].text() == "whole body"
    assert dialog.note.placeholderText() == "A few words for yourself, if you like"


def test_nothing_is_chosen_and_save_waits_for_a_level(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    answers: list[CheckInAnswer] = []
    dialog = open_dialog(answers.append)
    assert dialog.level() is None
    assert not any(b.isChecked() for b in dialog.level_buttons)
    assert not dialog.save_button.isEnabled()
    assert "Choose one of the four to save" in dialog.hint.text()
    assert focused() is dialog.level_buttons[0]

    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert answers == [] and dialog.isVisible()

    qtbot.mouseClick(dialog.level_buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    assert "optional" in dialog.hint.text()


@pytest.mark.parametrize(("key", "level"), [("0", 0), ("1", 1), ("2", 2), ("3", 3)])
def test_keys_0_to_3_choose_the_level_from_anywhere(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog], key: str, level: int
) -> None:
    dialog = open_dialog(ignore)
    qtbot.keyClick(focused(), key)
    assert dialog.level() == level
    assert dialog.level_buttons[level].isChecked()

    dialog.feeling_chips["calm"].setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.feeling_chips["calm"])
    qtbot.keyClick(focused(), "3" if level != 3 else "0")
    assert dialog.level() == (3 if level != 3 else 0)


def test_digits_typed_in_a_text_field_stay_text(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    dialog = open_dialog(ignore)
    qtbot.keyClick(focused(), "1")
    for field in (dialog.own_words, dialog.note):
        field.setFocus()
        qtbot.waitUntil(lambda field=field: focused() is field)
        qtbot.keyClicks(field, "2 3")
    assert dialog.level() == 1
    assert dialog.own_words.text() == "2 3"
    assert dialog.note.toPlainText() == "2 3"


def test_arrow_keys_move_between_the_levels(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    dialog = open_dialog(ignore)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert dialog.level() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert focused() is dialog.level_buttons[2]
    assert dialog.level() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert dialog.level() == 1


def test_every_field_is_committed_before_the_dialog_closes(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog], stored: Stored
) -> None:
    seen_while_open: list[bool] = []

    def save(answer: CheckInAnswer) -> None:
        stored.save(answer)
        seen_while_open.append(dialog.isVisible())

    dialog = open_dialog(save, note="Warm under my palm.")
    rows_when_closing: list[int] = []
    dialog.accepted.connect(lambda: rows_when_closing.append(stored.checkin_rows()))

    qtbot.mouseClick(dialog.level_buttons[3], Qt.MouseButton.LeftButton)
    for chip in (
        dialog.body_chips["chest"],
        dialog.body_chips["whole-body"],
        dialog.feeling_chips["warmth"],
        dialog.feeling_chips["tears"],
    ):
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.own_words, "a bit lighter, Warm")
    dialog.note.moveCursor(dialog.note.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.note, " Slower breath.")

    with qtbot.waitSignal(dialog.saved, timeout=1000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert seen_while_open == [True]
    assert rows_when_closing == [1]
    assert not dialog.isVisible()
    assert dialog.result() == CheckInDialog.DialogCode.Accepted
    checkin = stored.checkin()
    assert checkin is not None
    assert checkin.level == 3
    assert checkin.body_areas == ("chest", "whole-body")
    assert checkin.feelings == ("warmth", "tears", "a bit lighter", "warm")
    assert checkin.note == "Warm under my palm. Slower breath."


def test_the_journaling_note_is_saved_with_nothing_as_the_answer(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog], stored: Stored
) -> None:
    dialog = open_dialog(stored.save, note="The tea was warm.\nMy hands were cold.")
    qtbot.keyClick(focused(), "0")
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    checkin = stored.checkin()
    assert checkin is not None
    assert checkin.level == 0
    assert (checkin.body_areas, checkin.feelings) == ((), ())
    assert checkin.note == "The tea was warm.\nMy hands were cold."


@pytest.mark.parametrize("where", ["level", "chip", "own words", "note"])
def test_enter_saves_once_a_level_is_chosen(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog], where: str
) -> None:
    answers: list[CheckInAnswer] = []
    dialog = open_dialog(answers.append)
    qtbot.keyClick(focused(), "2")
    target = {
        "level": dialog.level_buttons[2],
        "chip": dialog.body_chips["hands"],
        "own words": dialog.own_words,
        "note": dialog.note,
    }[where]
    target.setFocus()
    qtbot.waitUntil(lambda: focused() is target)
    # In the note, Enter starts a new line; Ctrl+Enter saves.
    modifier = Qt.KeyboardModifier.ControlModifier if where == "note" else None
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        if modifier is None:
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(target, Qt.Key.Key_Return, modifier)
    assert [a.level for a in answers] == [2]
    assert answers[0].note == ""
    assert not dialog.isVisible()


def test_enter_in_the_note_starts_a_new_line(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    answers: list[CheckInAnswer] = []
    dialog = open_dialog(answers.append)
    qtbot.keyClick(focused(), "1")
    dialog.note.setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.note)
    qtbot.keyClicks(dialog.note, "one")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note, "two")
    assert dialog.note.toPlainText() == "one\ntwo"
    assert answers == [] and dialog.isVisible()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_not_now_declines_and_saves_nothing(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog], stored: Stored, how: str
) -> None:
    dialog = open_dialog(stored.save, note="written during the practice")
    saved: list[bool] = []
    dialog.saved.connect(lambda: saved.append(True))
    qtbot.keyClick(focused(), "2")
    with qtbot.waitSignal(dialog.declined, timeout=1000):
        if how == "button":
            qtbot.mouseClick(dialog.not_now_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == CheckInDialog.DialogCode.Rejected
    assert saved == []
    assert stored.checkin_rows() == 0


def test_a_refused_answer_keeps_the_dialog_open_with_everything_entered(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    attempts: list[CheckInAnswer] = []

    def save(answer: CheckInAnswer) -> None:
        attempts.append(answer)
        if len(attempts) == 1:
            raise InputError("the note is too long; at most 20000 characters fit")

    dialog = open_dialog(save, note="my note")
    saved: list[bool] = []
    dialog.saved.connect(lambda: saved.append(True))
    qtbot.keyClick(focused(), "1")
    qtbot.mouseClick(dialog.body_chips["belly"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.feeling_chips["calm"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.own_words, "soft")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and saved == []
    assert dialog.problem.isVisible()
    assert "the note is too long" in dialog.problem.text()
    assert dialog.problem.accessibleName()
    assert dialog.problem.geometry().top() > dialog.note.geometry().bottom()  # nothing overlaps
    assert dialog.height() < 760  # still fits a 1280x800 screen
    assert dialog.level() == 1
    assert dialog.body_chips["belly"].isChecked()
    assert dialog.feeling_chips["calm"].isChecked()
    assert dialog.own_words.text() == "soft"
    assert dialog.note.toPlainText() == "my note"

    with qtbot.waitSignal(dialog.saved, timeout=1000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert attempts[0] == attempts[1]
    assert attempts[1] == CheckInAnswer(1, ("belly",), ("calm", "soft"), "my note")


def test_own_words_that_cannot_be_kept_are_explained_before_saving(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    answers: list[CheckInAnswer] = []
    dialog = open_dialog(answers.append)
    qtbot.keyClick(focused(), "2")
    dialog.own_words.setText("x" * 41)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers == [] and dialog.isVisible()
    assert "a feeling is a word or two" in dialog.problem.text()


def test_own_words_are_split_on_commas_and_tidied() -> None:
    assert split_own_words("a bit lighter, Warm") == ("a bit lighter", "warm")
    assert split_own_words("  ,  ") == ()
    assert split_own_words("Calm,calm,  more   awake ") == ("calm", "more awake")


def test_tab_visits_every_control_in_order_and_each_has_a_name(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    dialog = open_dialog(ignore)
    qtbot.keyClick(focused(), "2")  # Save is skipped by Tab while it is disabled
    # The four levels are one stop, as radio buttons are: the chosen one; arrows move inside.
    expected: list[QWidget] = [
        dialog.level_buttons[2],
        *dialog.body_chips.values(),
        *dialog.feeling_chips.values(),
        dialog.own_words,
        dialog.note,
        dialog.not_now_button,
        dialog.save_button,
    ]
    dialog.level_buttons[2].setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.level_buttons[2])
    visited = [focused()]
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == [*expected, expected[0]]  # and round again to the chosen level

    visited = [focused()]
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        visited.append(focused())
    assert visited == [expected[0], *reversed(expected)]

    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert set(expected) | set(dialog.level_buttons) <= set(focusable)
    assert all(w.accessibleName().strip() for w in focusable)
    assert dialog.body_chips["whole-body"].accessibleName() == "Body area: whole body"


def test_tab_from_the_first_level_reaches_the_body_areas_before_a_choice(
    qtbot: QtBot, open_dialog: Callable[..., CheckInDialog]
) -> None:
    dialog = open_dialog(ignore)
    assert focused() is dialog.level_buttons[0]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert focused() is dialog.level_buttons[1] and dialog.level() is None
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert dialog.level() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.body_chips["head"]
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is dialog.level_buttons[1]
