"""Brings a window to the front for the command line, with its activation token, and says
honestly whether the desktop let it come: never that a window is in front when it may not be.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from reconnect.desktop.notifications import drop_activation_token, use_activation_token

if TYPE_CHECKING:
    from reconnect.ui.care.front_door import FrontDoor

log = logging.getLogger(__name__)

# How long the desktop has to bring the window forward before the answer says it did not.
ANSWER_WITHIN_MS = 1500
# What the command line is told when the desktop kept the window back, by what was brought.
KEPT_BACK = {
    "dashboard": QT_TRANSLATE_NOOP(
        "BringForward",
        "Its dashboard is open, but your desktop kept it in the background: look for "
        "Reconnect in your task bar or window list.",
    ),
    "welcome": QT_TRANSLATE_NOOP(
        "BringForward",
        "Its welcome is open, but your desktop kept it in the background: look for "
        "Reconnect in your task bar or window list.",
    ),
    "small window": QT_TRANSLATE_NOOP(
        "BringForward",
        "Its small window is open, but your desktop kept it in the background: look for "
        "Reconnect in your task bar or window list.",
    ),
}

Brought = tuple[str, QWidget]


def front_door_target(
    front: FrontDoor, controls: Callable[[], QWidget | None]
) -> Callable[[str], Brought | None]:
    """What the front door brought forward for a command: its welcome while that is open,
    the small window (``controls``, a second start where there is no tray), else the open
    dashboard."""

    def target(command: str) -> Brought | None:
        from reconnect.ui.dashboard.dashboard_window import DashboardWindow

        if front.welcome is not None:
            return "welcome", front.welcome
        small_window = None if front.has_tray else controls()
        if command == "show-controls" and small_window is not None:
            return "small window", small_window
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, DashboardWindow) and widget.isVisible():
                return "dashboard", widget
        return None

    return target


class BringForward(QObject):
    """The control server's ``Forward``: runs the front door's action with the token set,
    then waits (on the event loop) for the window to become active.

    When it does, the front door's own words are the answer; when the desktop keeps it back,
    the window is marked as wanting attention and the answer says where to find it.
    """

    def __init__(
        self,
        target: Callable[[str], Brought | None],
        wait_ms: int = ANSWER_WITHIN_MS,
        parent: QObject | None = None,
    ) -> None:
        """Args:
        target: after the action, what was brought forward for a command: its kind
            (a key of ``KEPT_BACK``) and its window; None when nothing was shown.
        wait_ms: how long the desktop has to make the window active.
        """
        super().__init__(parent)
        self._target = target
        self._wait_ms = wait_ms

    def __call__(
        self,
        token: str | None,
        command: str,
        act: Callable[[], str],
        answer: Callable[[str], None],
    ) -> None:
        # Qt's Wayland backend reads (and clears) XDG_ACTIVATION_TOKEN when a window asks to
        # be activated; on X11 activating needs no token.
        if token and QGuiApplication.platformName() == "wayland":
            use_activation_token(token)
        try:
            said = act()
        except BaseException:
            drop_activation_token()
            raise
        found = self._target(command)
        if found is None:
            drop_activation_token()
            answer(said)
            return
        kind, widget = found

        def settle(active: bool) -> None:
            self._settle(active, kind, widget, said, answer)

        _Watch(widget, self._wait_ms, settle)

    def _settle(
        self, active: bool, kind: str, widget: QWidget, said: str, answer: Callable[[str], None]
    ) -> None:
        drop_activation_token()  # it is for one activation only
        if active:
            answer(said)
            return
        log.info("the desktop kept the %s in the background", kind)
        QApplication.alert(widget)  # wanting attention: the task bar or dock shows it
        answer(self.tr(str(KEPT_BACK[kind])))


class _Watch(QObject):
    """Calls ``done(True)`` once ``widget`` is the active window, or ``done(False)`` after
    ``wait_ms``; once either way. Lives until then as a child of the application."""

    def __init__(self, widget: QWidget, wait_ms: int, done: Callable[[bool], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._widget = widget
        self._done = done
        self._over = False
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        self._app = app
        app.focusWindowChanged.connect(self._focus_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish(self._is_active()))
        self._timer.start(wait_ms)
        if self._is_active():  # already in front: no change will come
            QTimer.singleShot(0, self, lambda: self._finish(self._is_active()))

    def _is_active(self) -> bool:
        try:
            handle: QWindow | None = self._widget.windowHandle()
            return bool(self._widget.isVisible() and handle is not None and handle.isActive())
        except RuntimeError:  # the window was closed and deleted meanwhile
            return False

    def _focus_changed(self, _window: QWindow | None) -> None:
        if self._is_active():
            self._finish(True)

    def _finish(self, active: bool) -> None:
        if self._over:
            return
        self._over = True
        self._timer.stop()
        self._app.focusWindowChanged.disconnect(self._focus_changed)
        self.deleteLater()
        self._done(active)
