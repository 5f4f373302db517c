"""Where a person finds Reconnect: the welcome while it is unread, then the tray or the small
window that stands in for it. ``reconnect dashboard`` and a second start come through here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from reconnect.ui.tray.tray_icon import TrayIcon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from reconnect.ui.tray.control_window import ControlWindow

# How long the tray's note after the welcome stays, in milliseconds.
BALLOON_MS = 15_000
LIVES_IN_TRAY = QT_TRANSLATE_NOOP(
    "FrontDoor",
    "Reconnect is in your system tray, the small heart. Breaks will come on their own; the "
    "menu has everything else.",
)


class FrontDoor(QObject):
    """Brings forward what stands for Reconnect, never the dashboard over an unread welcome.

    While the welcome is open, asking for the dashboard (or starting Reconnect again) brings
    the welcome forward, and the dashboard asked for opens once the welcome is done. When it
    is done (or skipped), one line says where Reconnect now lives.
    """

    def __init__(
        self,
        surface_widget: TrayIcon | ControlWindow,
        open_dashboard: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        """Args:
        surface_widget: the ``TrayIcon``, or the ``ControlWindow`` where there is no tray.
        open_dashboard: opens the dashboard (``TrayApp.open_dashboard``).
        """
        super().__init__(parent)
        self._tray = surface_widget if isinstance(surface_widget, TrayIcon) else None
        self._controls: ControlWindow | None = None
        if self._tray is None:  # the small window's class is loaded only where it is used
            from reconnect.ui.tray.control_window import ControlWindow

            if isinstance(surface_widget, ControlWindow):
                self._controls = surface_widget
        self._open_dashboard = open_dashboard
        self._welcome: QDialog | None = None
        # Held as long as the app runs: a window without a parent lives as long as a
        # reference, and dropping it while it tells that it is finished would end it there.
        self._held: list[QDialog] = []
        self._dashboard_waits = False

    @property
    def has_tray(self) -> bool:
        """Whether Reconnect lives in the system tray (not in its small window)."""
        return self._controls is None

    @property
    def welcome(self) -> QDialog | None:
        """The welcome while it is open."""
        return self._welcome

    def welcome_first(self, welcome: QDialog) -> None:
        """Keep ``welcome`` in front of everything asked for until it is done."""
        self._welcome = welcome
        self._held.append(welcome)
        welcome.finished.connect(self._welcome_done)

    def open_dashboard(self) -> str:
        """The dashboard; while the welcome is open, the welcome, and the dashboard after it.

        Returns:
            What happened, in one sentence for the command line.
        """
        if self._bring_welcome():
            self._dashboard_waits = True
            return self.tr("Its welcome is in front; the dashboard opens once you are done there.")
        self._open_dashboard()
        return self.tr("Its dashboard is open.")

    def show_controls(self) -> str:
        """What a second start shows: the welcome while it is open, else the small window
        where there is no tray, else (the tray being always there) the dashboard.

        Returns:
            What happened, in one sentence for the command line.
        """
        if self._bring_welcome():
            return self.tr("Its welcome is in front.")
        if self._controls is not None:
            self._controls.bring_forward()
            return self.tr("Its small window is in front.")
        self._open_dashboard()
        return self.tr("Its dashboard is open.")

    def say_where_it_lives(self) -> None:
        """One gentle line: from the tray icon, or in the small window, brought forward."""
        if self._controls is not None:
            self._controls.say_where_it_lives()
            return
        if self._tray is not None:
            icon = self._tray.icon
            icon.showMessage(self.tr("Reconnect"), self.tr(LIVES_IN_TRAY), icon.icon(), BALLOON_MS)

    def _bring_welcome(self) -> bool:
        welcome = self._welcome
        if welcome is None:
            return False
        from PySide6.QtCore import Qt  # its namespace is made on first use: not at rest

        welcome.setWindowState(welcome.windowState() & ~Qt.WindowState.WindowMinimized)
        welcome.show()
        welcome.raise_()
        welcome.activateWindow()
        return True

    def _welcome_done(self, _result: int) -> None:
        self._welcome = None
        self.say_where_it_lives()
        if self._dashboard_waits:
            self._dashboard_waits = False
            self._open_dashboard()
