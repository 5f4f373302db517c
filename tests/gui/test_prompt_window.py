"""The break prompt: what it shows, that it doesn't take focus, and each answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reconnect.ui.tray.prompt_window import Offer, PromptWindow

OFFER = Offer("hand-on-heart", "Hand on heart", "Rest a hand on your chest.", 2,
              ("touch", "breath"), "at the desk")  # fmt: skip


@pytest.fixture
def prompt(qtbot: QtBot) -> PromptWindow:
    window = PromptWindow()
    qtbot.addWidget(window)
    return window


def test_it_shows_the_practice_minutes_and_senses(prompt: PromptWindow) -> None:
    prompt.show_offer(OFFER)
    assert prompt.isVisible()
    assert prompt.title.text() == "Hand on heart"
    assert prompt.meta.text() == "2 minutes · touch, breath · at the desk"
    buttons = (prompt.start_button, prompt.another_button, prompt.snooze_button, prompt.skip_button)
    names = [b.accessibleName() for b in buttons]
    assert names == ["Start", "Another one", "Snooze", "Skip"]


def test_it_does_not_take_the_keyboard_from_what_you_are_typing(
    qtbot: QtBot, prompt: PromptWindow
) -> None:
    editor = QLineEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    prompt.show_offer(OFFER)
    qtbot.waitExposed(prompt)
    assert prompt.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "still typing")
    assert editor.text() == "still typing"


@pytest.mark.parametrize(
    ("button", "signal"),
    [("start_button", "start_requested"), ("skip_button", "skip_requested")],
)
def test_answers_close_the_prompt(
    qtbot: QtBot, prompt: PromptWindow, button: str, signal: str
) -> None:
    prompt.show_offer(OFFER)
    with qtbot.waitSignal(getattr(prompt, signal), timeout=1000):
        qtbot.mouseClick(getattr(prompt, button), Qt.MouseButton.LeftButton)
    assert not prompt.isVisible()


def test_another_one_keeps_the_prompt_open(qtbot: QtBot, prompt: PromptWindow) -> None:
    prompt.show_offer(OFFER)
    with qtbot.waitSignal(prompt.another_requested, timeout=1000):
        qtbot.mouseClick(prompt.another_button, Qt.MouseButton.LeftButton)
    assert prompt.isVisible()


def test_snooze_offers_5_10_and_20_minutes(qtbot: QtBot, prompt: PromptWindow) -> None:
    prompt.show_offer(OFFER)
    menu = prompt.snooze_button.menu()
    assert [a.text() for a in menu.actions()] == ["5 minutes", "10 minutes", "20 minutes"]
    with qtbot.waitSignal(prompt.snooze_requested, timeout=1000) as caught:
        menu.actions()[1].trigger()
    assert caught.args == [10]
    assert not prompt.isVisible()


def test_left_alone_for_ten_minutes_it_closes_as_missed(qtbot: QtBot, prompt: PromptWindow) -> None:
    prompt.show_offer(OFFER)
    assert prompt.expiry.isActive() and prompt.expiry.interval() == 10 * 60 * 1000
    with qtbot.waitSignal(prompt.expired, timeout=1000):
        prompt.expiry.timeout.emit()
    assert not prompt.isVisible()


def test_escape_is_a_quiet_not_now(qtbot: QtBot, prompt: PromptWindow) -> None:
    prompt.show_offer(OFFER)
    prompt.activateWindow()
    with qtbot.waitSignal(prompt.skip_requested, timeout=1000):
        qtbot.keyClick(prompt, Qt.Key.Key_Escape)
