"""Opens the app's secondary windows and makes the tray (or its stand-in), keeping them alive."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from reconnect.bootstrap import Context
from reconnect.core.sessions import BreakSession

if TYPE_CHECKING:
    from reconnect.ui.tray_app import Surface, TrayApp

NO_TRAY_NOTICE = ".told-about-missing-tray"


class Windows:
    """One of each window at a time; asking again brings the open one forward."""

    def __init__(self, context: Context, history: Callable[[], list[BreakSession]]) -> None:
        self._context = context
        self._history = history
        self._open: dict[str, QWidget] = {}

    def _bring(self, key: str, make: Callable[[], QWidget]) -> QWidget:
        window = self._open.get(key)
        if window is None or not window.isVisible():
            window = make()
            self._open[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_history(self) -> None:
        from reconnect.ui.history_window import HistoryWindow

        self._open.pop("history", None)  # always fresh figures
        self._bring("history", lambda: HistoryWindow(self._history()))

    def show_help(self) -> None:
        from reconnect.ui.help_dialog import HelpDialog

        self._bring("help", HelpDialog)

    def show_settings(self) -> None:
        def make() -> QWidget:
            box = QMessageBox()
            box.setWindowTitle("Reconnect: settings")
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                "Your working hours, the time between breaks and the other choices can be "
                "changed from a terminal, for example:\n\n"
                "    reconnect settings\n"
                "    reconnect settings set rhythm.interval_minutes 45\n"
                "    reconnect settings set rhythm.friday 09:00-13:00\n\n"
                "A running Reconnect takes up a change at once. A settings window comes in a "
                "later version."
            )
            box.setInformativeText(f"They are kept in {self._context.paths.settings_file}.")
            folder = box.addButton("Open the data folder", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            folder.clicked.connect(self.open_data_folder)
            return box

        self._bring("settings", make)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._context.paths.root)))

    def make_surface(self, tray_app: TrayApp, tray_available: bool) -> Surface:
        """The tray icon where there is a tray; otherwise a small window, explained once."""
        from reconnect.ui.tray_app import Surface

        if tray_available:
            from reconnect.ui.tray import TrayIcon

            tray = TrayIcon(tray_app.menu_state)
            tray.show()
            return Surface(tray, tray.refresh, tray.geometry)

        from reconnect.ui.control_window import ControlWindow

        marker = self._context.paths.root / NO_TRAY_NOTICE
        window = ControlWindow(show_hint=not marker.exists())
        with contextlib.suppress(OSError):  # then the hint simply shows again next time
            marker.touch(mode=0o600)
        window.show_state(tray_app.menu_state())
        window.show()
        self._open["control"] = window
        return Surface(window, lambda: window.show_state(tray_app.menu_state()), lambda: None)
