"""A desktop without a system tray: the small window stands in for it and is never lost.

The whole app is made by the composition root, on a desktop where nothing hosts a tray.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app import tray as app_tray
from reconnect.app.run import greet
from reconnect.app.windows import CLOSE_NOTICE
from reconnect.core.clock import FakeClock
from reconnect.core.control_protocol import decode_response, encode_request
from reconnect.ui.care.first_run import FIRST_RUN_MARKER, FirstRun
from reconnect.ui.dashboard.dashboard_window import DashboardWindow
from reconnect.ui.tray.control_window import ControlWindow


def start_app(qapp: QApplication, data: Path, clock: FakeClock, dashboard: bool = False) -> Any:
    """The app as ``reconnect`` (or ``reconnect dashboard``) starts it, up to its event loop."""
    context = bootstrap.build(str(data), {}, clock)
    running = app_tray.build_tray_app(context, qapp)
    running.start()
    running.finish_start(io.StringIO(), pytest.fail)
    running.front = greet(context, running, open_dashboard=dashboard)
    return running


def stop_app(running: Any) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (FirstRun, DashboardWindow, ControlWindow)):
            widget.close()  # not spontaneous: as when Reconnect quits
    running.tray_app.poll_timer.stop()
    running.tray_app.scheduler.shutdown()
    running.close()


@pytest.fixture
def no_tray(qtbot: QtBot, without_tray: object) -> None:
    """A desktop without a tray, as this process sees it: Qt learns that the tray host of an
    earlier test is gone through an X event."""
    qtbot.waitUntil(lambda: not QSystemTrayIcon.isSystemTrayAvailable())


@pytest.fixture
def app_without_tray(
    qtbot: QtBot, qapp: QApplication, no_tray: None, data_dir: Path, clock: FakeClock
) -> Iterator[Any]:
    """Reconnect after its first run, on a desktop without a tray."""
    data_dir.mkdir(parents=True)
    (data_dir / FIRST_RUN_MARKER).touch()
    running = start_app(qapp, data_dir, clock)
    yield running
    stop_app(running)


def ask(running: Any, command: str) -> str:
    """What a second start sends, answered as the control socket answers it."""
    _name, line = running.server.answer(encode_request(command).rstrip(b"\n"))
    answer = decode_response(line.rstrip(b"\n"))
    assert answer["ok"], answer
    return str(answer["message"])


def shown(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def close_as_a_window_manager_does(window: QWidget) -> None:
    """Send WM_DELETE_WINDOW to the window, as a window manager does for its close button.

    Qt reads it as a close the person asked for (a spontaneous one), which no call of
    ``QWidget.close()`` can make.
    """
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p,
    ]  # fmt: skip
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    class ClientMessage(ctypes.Structure):
        _fields_ = [
            ("type", ctypes.c_int),
            ("serial", ctypes.c_ulong),
            ("send_event", ctypes.c_int),
            ("display", ctypes.c_void_p),
            ("window", ctypes.c_ulong),
            ("message_type", ctypes.c_ulong),
            ("format", ctypes.c_int),
            ("data", ctypes.c_long * 5),
        ]

    class XEvent(ctypes.Union):
        _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

    display = x11.XOpenDisplay(None)
    assert display, "the test display can't be opened"
    try:
        event = XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = int(window.winId())
        event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        x11.XSendEvent(display, int(window.winId()), 0, 0, ctypes.byref(event))
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)


def test_closing_the_small_window_says_once_how_to_bring_it_back(
    qtbot: QtBot, app_without_tray: Any, data_dir: Path
) -> None:
    window = app_without_tray.surface.widget
    assert isinstance(window, ControlWindow)
    qtbot.waitExposed(window)

    close_as_a_window_manager_does(window)
    qtbot.waitUntil(lambda: bool(shown(QMessageBox)), timeout=20_000)
    [notice] = shown(QMessageBox)
    words = " ".join(notice.text().split())
    assert notice.windowTitle() == "Reconnect keeps running"
    assert "start Reconnect again" in words and "Quit in this window" in words
    assert window.isVisible() and not window.isMinimized()  # still there while it is read
    assert (data_dir / CLOSE_NOTICE).exists()
    notice.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(window.isMinimized, timeout=20_000)
    assert not shown(QMessageBox)

    # A second start (plain ``reconnect``) brings it back, with its controls and Quit.
    assert ask(app_without_tray, "show-controls") == "Its small window is in front."
    assert window.isVisible() and not window.isMinimized()
    quit_button = next(b for b in window.findChildren(QPushButton) if b.accessibleName() == "Quit")
    assert quit_button.isVisible() and quit_button.isEnabled()

    # Said once: the next close only steps aside.
    close_as_a_window_manager_does(window)
    qtbot.waitUntil(window.isMinimized, timeout=20_000)
    assert not shown(QMessageBox)
    assert ask(app_without_tray, "show-controls") == "Its small window is in front."
    assert not window.isMinimized()


def test_the_note_on_closing_is_not_said_again_in_a_later_run(
    qtbot: QtBot, qapp: QApplication, no_tray: None, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    for marker in (FIRST_RUN_MARKER, CLOSE_NOTICE):
        (data_dir / marker).touch()
    running = start_app(qapp, data_dir, clock)
    try:
        window = running.surface.widget
        qtbot.waitExposed(window)
        close_as_a_window_manager_does(window)
        qtbot.waitUntil(window.isMinimized, timeout=20_000)
        assert not shown(QMessageBox)
    finally:
        stop_app(running)


def test_the_dashboard_from_a_second_start_is_still_the_dashboard(
    qtbot: QtBot, app_without_tray: Any
) -> None:
    assert ask(app_without_tray, "open-dashboard") == "Its dashboard is open."
    qtbot.waitUntil(lambda: bool(shown(DashboardWindow)))


def test_reconnect_dashboard_on_a_fresh_folder_shows_the_welcome_first(
    qtbot: QtBot, qapp: QApplication, no_tray: None, data_dir: Path, clock: FakeClock
) -> None:
    running = start_app(qapp, data_dir, clock, dashboard=True)
    try:
        window = running.surface.widget
        [welcome] = shown(FirstRun)
        assert isinstance(welcome, FirstRun)
        qtbot.waitExposed(welcome)
        assert not shown(DashboardWindow)
        # Its words speak of the small window, not of a tray's menu.
        words = " ".join(welcome.welcome_text.text().split())
        assert "small window" in words and "menu" not in words and "tray" not in words

        # Started again meanwhile: the welcome comes forward, the dashboard still waits.
        assert ask(running, "show-controls") == "Its welcome is in front."
        assert ask(running, "open-dashboard") == (
            "Its welcome is in front; the dashboard opens once you are done there."
        )
        assert welcome.isVisible() and not shown(DashboardWindow)
        assert not window.lives_here.isVisible()

        welcome.skip_button.click()
        qtbot.waitUntil(lambda: bool(shown(DashboardWindow)))
        # The small window says, once, that Reconnect lives there now.
        assert window.isVisible() and not window.isMinimized()
        assert window.lives_here.isVisible()
        assert window.height() >= window.heightForWidth(window.width())  # nothing clipped
        assert window.lives_here.text() == (
            "Reconnect lives in this small window. Breaks will come on their own; the buttons "
            "here have everything else."
        )
    finally:
        stop_app(running)


def test_deleting_all_data_takes_the_note_on_closing_too() -> None:
    from reconnect.services.data_removal import MARKER_FILES

    assert CLOSE_NOTICE in MARKER_FILES
