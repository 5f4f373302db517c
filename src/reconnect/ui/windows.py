"""Opens the app's secondary windows and makes the tray (or its stand-in), keeping them alive."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reconnect.bootstrap import Context
from reconnect.core.errors import InputError
from reconnect.core.sessions import BreakSession

if TYPE_CHECKING:
    from reconnect.services.breaks import BreakRecords
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.practice_flow import PracticeFlow
    from reconnect.ui.tray_app import Surface, TrayApp

log = logging.getLogger(__name__)

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

    def make_practice_flow(
        self, tray_app: TrayApp, records: BreakRecords, settings_file: SettingsFile
    ) -> PracticeFlow:
        """The guided practice and its check-in, with sound and the person's music."""
        from reconnect.paths import illustrations_dir, sounds_dir
        from reconnect.ui.checkin_dialog import CheckInDialog
        from reconnect.ui.practice_flow import PracticeFlow
        from reconnect.ui.sound import Playsound3Player

        sound = Playsound3Player(
            sounds_dir(),
            lambda: bool(tray_app.settings["sound.chimes"]),
            lambda: bool(tray_app.settings["sound.breath_tones"]),
        )

        def music_source() -> Path | None:
            chosen = tray_app.settings["practices.music"]
            return Path(chosen) if chosen else None

        def choose_music() -> Path | None:
            path, _ = QFileDialog.getOpenFileName(
                None,
                "Choose music that moves you",
                str(Path.home()),
                "Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)",
            )
            if not path:
                return None
            try:
                settings_file.save(tray_app.settings.with_value("practices.music", path))
                tray_app.reload_settings()
            except (OSError, InputError) as error:
                log.warning("the chosen music could not be remembered: %s", error)
            return Path(path)

        return PracticeFlow(
            clock=tray_app.clock,
            library=tray_app.library,
            records=records,
            sound=sound,
            illustrations=illustrations_dir(),
            reduced_motion=lambda: bool(tray_app.settings["appearance.reduced_motion"]),
            music_source=music_source,
            choose_music=choose_music,
            make_checkin=lambda title, save, note: CheckInDialog(title, save, note),
            start_instead=lambda practice_id, trigger: tray_app.start_practice(
                practice_id, trigger
            ),
        )
