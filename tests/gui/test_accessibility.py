"""Every window, walked with the Tab key: each stop has a name, and the order reads naturally.

A name is what a screen reader says for a control: its accessible name, its own text, or the
text of the label that names it (its buddy). The order is natural when Tab goes top to bottom
and, within a row, left to right, apart from a window's last row of buttons.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bench.generate_history import LAST_DAY, generate
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.windows import Windows
from reconnect.core.clock import FakeClock
from reconnect.core.settings import Settings
from reconnect.paths import illustrations_dir
from reconnect.ui.care.first_run import FirstRun
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from reconnect.ui.practice.player_window import PlayerWindow
from reconnect.ui.tray.prompt_window import Offer, PromptWindow

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 11, 0, tzinfo=BERLIN)
# How far above the previous stop the next may start and still count as the same row.
SAME_ROW = 12


class Silent:
    def play_chime(self, name: str) -> None: ...
    def breath_tone(self, phase: str) -> None: ...
    def play_music(self, path: Path) -> None: ...
    def stop_music(self) -> None: ...
    def end_practice(self, completed: bool) -> None: ...
    def take_notice(self) -> None: ...
    def music_playing(self) -> bool:
        return False

    def available(self) -> bool:
        return True


def name_of(widget: QWidget, window: QWidget) -> str:
    """What a screen reader would say for ``widget``; empty when nothing names it."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if (
        isinstance(widget, QTabBar)
        and widget.count()
        and all(widget.tabText(i).strip() for i in range(widget.count()))
    ):
        return ", ".join(widget.tabText(i) for i in range(widget.count()))  # each tab says itself
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in Qt's focus chain order, as the window is shown now."""
    found: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(found) < 1000:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and window.isAncestorOf(widget)
            and widget.focusProxy() is None
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def named(widget: QWidget) -> QWidget:
    """The control a stop belongs to: the spin box of its line edit, the combo of its edit."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox) and isinstance(widget, QLineEdit):
        return parent
    return widget


def check_window(window: QWidget) -> None:
    chain = stops(window)
    assert chain, f"{window.windowTitle()}: nothing can be reached with Tab"
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}" for w in chain if not name_of(named(w), window)
    ]
    assert unnamed == [], f"{window.windowTitle()}: no name for {unnamed}"
    backwards = []
    for before, after in itertools.pairwise(chain):
        if isinstance(before, QTabBar | QAbstractItemView) or isinstance(
            after, QTabBar | QAbstractItemView
        ):
            continue  # a tab bar heads its pages; a list's own rows are one stop
        top_before = before.mapTo(window, QPoint(0, 0)).y()
        top_after = after.mapTo(window, QPoint(0, 0)).y()
        if top_after < top_before - SAME_ROW:
            backwards.append(f"{name_of(named(before), window)} -> {name_of(named(after), window)}")
    assert backwards == [], f"{window.windowTitle()}: Tab goes back up: {backwards}"


def tab_walk(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    """Press Tab through the window; the widgets that got the focus, in order."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chain = stops(window)
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    # Time fields take a Tab of their own (hours, then minutes): room for those.
    for _ in range(3 * len(chain) + 1):
        focus = QApplication.focusWidget()
        assert focus is not None
        seen.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    return seen


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history") / "data"
    generate(folder, years=0.3, seed=5)
    return folder


@pytest.fixture
def windows(tmp_path: Path, history: Path) -> Iterator[Windows]:
    folder = tmp_path / "data"
    shutil.copytree(history, folder)
    context = bootstrap.build(str(folder), {}, FakeClock(NOW))
    yield Windows(context)
    context.close()


def opened(qtbot: QtBot, windows: Windows, key: str) -> QWidget:
    window = windows._open[key]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_the_prompt(qtbot: QtBot) -> None:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    prompt.show_offer(
        Offer("hand-on-heart", "Hand on heart", "Rest a hand.", 2, ("touch",), "at the desk")
    )
    qtbot.waitExposed(prompt)
    check_window(prompt)


def test_the_player_and_the_check_in(qtbot: QtBot, windows: Windows) -> None:
    practice = windows._context.library.get("box-breath")
    assert practice is not None
    player = PlayerWindow(
        practice, FakeClock(NOW), Silent(), illustrations_dir(), False, lambda: None, lambda: None
    )
    player.tick_timer.stop()
    qtbot.addWidget(player)
    player.show()
    qtbot.waitExposed(player)
    check_window(player)
    checkin = CheckInDialog("Square breathing", lambda answer: None)
    qtbot.addWidget(checkin)
    checkin.show()
    qtbot.waitExposed(checkin)
    check_window(checkin)
    walked = tab_walk(qtbot, checkin)
    assert set(stops(checkin)) <= set(walked)


def test_every_section_of_the_dashboard(qtbot: QtBot, windows: Windows) -> None:
    windows.show_dashboard()
    dashboard = opened(qtbot, windows, "dashboard")
    for section in dashboard.SECTIONS:  # type: ignore[attr-defined]
        dashboard.show_section(section)  # type: ignore[attr-defined]
        qtbot.wait(10)
        check_window(dashboard)
        assert set(stops(dashboard)) <= set(tab_walk(qtbot, dashboard)), section


def test_the_settings(qtbot: QtBot, windows: Windows) -> None:
    windows.show_settings()
    settings = opened(qtbot, windows, "settings")
    tabs = settings.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        check_window(settings)
        assert set(stops(settings)) <= set(tab_walk(qtbot, settings)), tabs.tabText(index)


def test_help_first_run_and_the_practice_form(
    qtbot: QtBot, windows: Windows, tmp_path: Path
) -> None:
    windows.show_help()
    help_dialog = opened(qtbot, windows, "help")
    tabs = help_dialog.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        check_window(help_dialog)
    windows.show_practice_form()
    check_window(opened(qtbot, windows, "practice-form"))
    saved: list[Settings] = []
    first = FirstRun(tmp_path, Settings(), saved.append, choose_music=lambda parent: None)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    check_window(first)
