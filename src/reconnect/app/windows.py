"""Opens the app's secondary windows and makes the tray (or its stand-in), keeping them alive."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication

from reconnect.app.bootstrap import Context
from reconnect.core.errors import InputError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reconnect.core.suggestion import Suggestion
    from reconnect.desktop.adapters import SoundFactory
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.desktop_ports import AutostartState
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.dashboard.dashboard_window import KeptFigures
    from reconnect.ui.practice.practice_flow import PracticeFlow
    from reconnect.ui.tray.tray_app import Surface, TrayApp

log = logging.getLogger(__name__)

NO_TRAY_NOTICE = ".told-about-missing-tray"
CLOSE_NOTICE = ".told-how-to-bring-back"  # closing the small window only minimises it


class Windows:
    """One of each window at a time; asking again brings the open one forward."""

    def __init__(self, context: Context, make_sound: SoundFactory | None = None) -> None:
        self._context = context
        self._make_sound = make_sound  # the desktop adapters' choice; theirs by default
        self._open: dict[str, QWidget] = {}
        self._app: TrayApp | None = None
        # The dashboard's figures last read, for every dashboard window of this run: shown,
        # with when they were read, while the history can't be read.
        self._kept_figures: KeptFigures = {}
        # The look (palette, font, style sheet), applied before the first window or the
        # tray's menu shows: the waiting tray needs none (``app.tray`` sets it).
        self.before_window: Callable[[], None] = lambda: None

    def connect_app(self, tray_app: TrayApp) -> None:
        """The running app, for the dashboard's suggestion and Start buttons."""
        self._app = tray_app

    def _bring(self, key: str, make: Callable[[], QWidget]) -> QWidget:
        window = self.open_window(key)
        if window is None or not window.isVisible():
            # Imported here, as the widgets below: the tray shows itself without Qt's
            # namespace of enums and the windows' classes, made on first use.
            from PySide6.QtCore import Qt

            self.before_window()
            window = make()
            # Closed is gone: the signals a window connects to closures that hold it would
            # otherwise keep every closed one alive for the rest of the run (the soak
            # benchmark saw a dashboard, its menus and its figures left per opening).
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._open[key] = _goes_tidily(window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_window(self, key: str) -> QWidget | None:
        """The window ``key`` (dashboard, settings, help...) while it exists, shown or not."""
        window = self._open.get(key)
        if window is not None and not shiboken6.isValid(window):  # closed, so deleted
            # Forgotten here, not on its destroyed signal: dropping the last reference while
            # Qt deletes it would delete it twice.
            del self._open[key]
            return None
        return window

    def show_dashboard(self, section: str | None = None) -> None:
        """The dashboard, on ``section`` when given (Overview, What helps, When, ...)."""
        from reconnect.ui.dashboard.dashboard_window import DashboardWindow

        shown = self.open_window("dashboard")
        window = self._bring("dashboard", self._make_dashboard)
        assert isinstance(window, DashboardWindow)
        if window is shown:  # asked for again while open: what was written since shows too
            window.refresh()  # (``reconnect log`` in a terminal, another computer's history)
        if section:
            window.show_section(section)

    def refresh_dashboard(self) -> None:
        """A practice ended or the history changed elsewhere: an open dashboard reads again."""
        from reconnect.ui.dashboard.dashboard_window import DashboardWindow

        window = self.open_window("dashboard")
        if isinstance(window, DashboardWindow) and window.isVisible():
            window.refresh()

    def _sessions(self) -> Any:
        """Sessions of the history, which is opened when first read: a shared history out of
        reach makes the read fail, and the window says so calmly (and reads again later),
        where opening it here would keep the window from opening at all."""
        context = self._context
        return lambda: context.database().session_factory()

    def _make_dashboard(self) -> QWidget:
        from reconnect.app.report import report_maker
        from reconnect.core.sessions import Moment, Trigger
        from reconnect.desktop.stats_process import StatsProcess
        from reconnect.services.dashboard import QUIET_NOTE_MARKER, DashboardReader, QuietNoteMarker
        from reconnect.services.experiments import Experiments
        from reconnect.services.history import HistoryFiles
        from reconnect.services.history_edits import HistoryBook
        from reconnect.services.range_memory import RANGE_MEMORY, RangeMemory
        from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
        from reconnect.ui.dashboard.history_page import HistoryPage
        from reconnect.ui.dashboard.history_transfer import HistoryTransfer
        from reconnect.ui.dashboard.library_page import LibraryPage

        factory = self._sessions()
        clock = self._context.clock
        library = self._context.library
        transfer = HistoryTransfer(HistoryFiles(factory), lambda: Moment.of(clock.now()))
        app = self._app

        def suggestion() -> Suggestion | None:
            return app.rhythm.suggestion() if app is not None else None

        stats = StatsProcess()
        actions = DashboardActions(
            today=lambda: clock.now().date(),
            export_history=transfer.export,
            import_history=transfer.import_,
            open_help=self.show_help,
            make_history_page=lambda: HistoryPage(
                HistoryBook(factory), {p.id: p.title for p in library}, load_now=False
            ),
            make_library_page=lambda: LibraryPage(library, suggestion, comparing=True),
            compute_report=stats.compute,
            open_practice_form=self.show_practice_form,
            open_help_on=self.show_help,
            quiet_marker=QuietNoteMarker(self._context.paths.root / QUIET_NOTE_MARKER),
            now=clock.now,
            kept=self._kept_figures,
            range_memory=RangeMemory(self._context.paths.root / RANGE_MEMORY),
            make_report=report_maker(self._context, stats.compute),
            experiments=Experiments(factory, clock, library),
            library=library,
        )
        window = DashboardWindow(DashboardReader(factory), actions)
        # A process still working when the window goes is stopped, not left to Qt's warning.
        window.destroyed.connect(stats.cancel)
        window.setProperty("stats_process", stats)  # lives as long as the window

        def start(practice_id: str) -> None:
            if app is None:
                return
            try:
                app.rhythm.start_practice(practice_id, Trigger.DASHBOARD)
            except InputError as error:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.information(
                    window,
                    QCoreApplication.translate("Windows", "Reconnect"),
                    QCoreApplication.translate(
                        "Windows", "This practice can't start: {error}"
                    ).format(error=error),
                )

        window.start_requested.connect(start)
        return window

    def show_help(self, section: str = "crisis") -> None:
        """Help and crisis support, open on ``section`` (crisis, numbness or using)."""
        from reconnect.ui.care.help_dialog import HelpDialog

        window = self._bring("help", self._make_help)
        assert isinstance(window, HelpDialog)
        window.show_section(section)

    def _make_help(self) -> QWidget:
        from reconnect.core.settings import Settings
        from reconnect.settings_store import SettingsFile
        from reconnect.ui.care.help_dialog import HelpDialog

        app = self._app
        settings_file = SettingsFile(self._context.paths.settings_file)

        def current() -> Settings:
            if app is not None:
                return app.rhythm.settings
            return settings_file.load(self._context.clock.now())[0]

        def save_contact(text: str) -> None:
            settings_file.save(current().with_value("care.trusted_contact", text))
            if app is not None:
                app.rhythm.reload_settings()

        return HelpDialog(
            trusted_contact=str(current()["care.trusted_contact"]), save_contact=save_contact
        )

    def show_practice_form(self, practice_id: str | None = None) -> None:
        """The form for a practice of one's own: a new one, or ``practice_id`` to change."""
        from reconnect.paths import illustrations_dir
        from reconnect.ui.settings.practice_form import PracticeForm

        context = self._context
        pictures = illustrations_dir()
        existing = context.library.get(practice_id) if practice_id else None

        def changed(_: object) -> None:
            context.reload_library()
            self.refresh_dashboard()

        def make() -> QWidget:
            form = PracticeForm(
                context.own_practices_dir(),
                context.library,
                existing,
                on_saved=changed,
                on_deleted=changed,
                illustration_exists=lambda name: (pictures / f"{name}.svg").is_file(),
            )
            return form

        self._open.pop("practice-form", None)  # a fresh form each time
        self._bring("practice-form", make)

    def show_settings(self) -> None:
        """The settings window: every declared setting, start at login, and privacy."""
        import sys

        from PySide6.QtCore import QCoreApplication

        from reconnect.core.sessions import Moment
        from reconnect.desktop import autostart
        from reconnect.desktop.busy_list import calendar_problems
        from reconnect.paths import default_data_dir, icons_dir
        from reconnect.services.history import HistoryFiles
        from reconnect.settings_store import SettingsFile
        from reconnect.ui.dashboard.history_transfer import HistoryTransfer
        from reconnect.ui.settings.settings_pages import AutostartControls
        from reconnect.ui.settings.settings_window import SettingsWindow

        context, app = self._context, self._app
        paths, environ, platform = context.paths, context.environ, sys.platform
        settings_file = SettingsFile(paths.settings_file)

        def start_at_login() -> AutostartState:
            # A data folder other than the default one goes into the entry, as the CLI does.
            chosen = paths.root != default_data_dir().expanduser().absolute()
            icon = icons_dir() / "reconnect.svg"
            return autostart.enable(
                environ,
                platform,
                autostart.launch_command(paths.root if chosen else None),
                icon=str(icon) if icon.is_file() else autostart.APP_ID,
            )

        def close_database() -> None:
            # Nothing may write to the history once its file goes: the open prompt's answer
            # goes with everything else, and no break comes before Reconnect has closed.
            if app is not None:
                app.let_go_of_history()
            context.close()

        def make() -> QWidget:
            clock = context.clock
            settings = (
                app.rhythm.settings if app is not None else settings_file.load(clock.now())[0]
            )
            transfer = HistoryTransfer(
                HistoryFiles(self._sessions()), lambda: Moment.of(clock.now())
            )
            return SettingsWindow(
                settings,
                library=context.library,
                paths=paths,
                save=settings_file.save,
                applied=app.rhythm.reload_settings if app is not None else lambda: None,
                autostart=AutostartControls(
                    state=lambda: autostart.autostart_state(environ, platform),
                    enable=start_at_login,
                    disable=lambda: autostart.disable(environ, platform),
                ),
                close_database=close_database,
                quit_app=app.rhythm.quit if app is not None else QCoreApplication.quit,
                export_history=transfer.export,
                open_folder=_open_folder,
                open_practice_form=lambda: self.show_practice_form(),
                check_paths={"busy.calendar": lambda text: calendar_problems(text, clock.now)},
            )

        self._bring("settings", make)

    def open_data_folder(self) -> None:
        _open_folder(self._context.paths.root)

    def make_surface(
        self, tray_app: TrayApp, tray_available: bool, gnome_without_tray: bool = False
    ) -> Surface:
        """The tray icon where there is a tray; otherwise a small window, explained once (on
        GNOME without its tray extension, always: how to add it)."""
        from reconnect.ui.tray.tray_app import Surface

        if tray_available:
            from reconnect.ui.tray.tray_icon import TrayIcon

            tray = TrayIcon(tray_app.rhythm.menu_state, tray_app.rhythm.brief_state)
            tray.open_requested.connect(tray_app.open_from_tray)
            tray.menu.aboutToShow.connect(lambda: self.before_window())
            tray.show()
            return Surface(tray, tray.refresh, tray.geometry)

        from reconnect.ui.tray.control_window import ControlWindow

        marker = self._context.paths.root / NO_TRAY_NOTICE
        closing = self._context.paths.root / CLOSE_NOTICE
        window = ControlWindow(
            show_hint=not marker.exists(),
            explain_close=not closing.exists(),
            gnome_without_tray=gnome_without_tray,
        )
        with contextlib.suppress(OSError):  # then the hint simply shows again next time
            marker.touch(mode=0o600)
        window.close_explained.connect(lambda: _touch(closing))
        window.show_state(tray_app.rhythm.menu_state())
        window.show()
        self._open["control"] = window
        return Surface(
            window, lambda: window.show_state(tray_app.rhythm.menu_state()), lambda: None
        )

    def move_into_tray(self, tray_app: TrayApp) -> Surface:
        """A tray has come: the tray icon takes over from the small window, which goes."""
        from reconnect.ui.tray.control_window import ControlWindow

        surface = self.make_surface(tray_app, tray_available=True)
        tray_app.attach(surface)
        window = self._open.pop("control", None)
        if isinstance(window, ControlWindow):
            window.step_aside()
        return surface

    def make_practice_flow(
        self, tray_app: TrayApp, records: BreakRecords, settings_file: SettingsFile
    ) -> PracticeFlow:
        """The guided practice and its check-in, with sound and the person's music."""
        self.before_window()
        from reconnect.desktop.adapters import make_sound_player
        from reconnect.paths import illustrations_dir
        from reconnect.ui.practice.checkin_dialog import CheckInDialog
        from reconnect.ui.practice.practice_flow import PracticeFlow

        sound = (self._make_sound or make_sound_player)(
            lambda: bool(tray_app.rhythm.settings["sound.chimes"]),
            lambda: bool(tray_app.rhythm.settings["sound.breath_tones"]),
        )

        def music_source() -> Path | None:
            chosen = tray_app.rhythm.settings["practices.music"]
            return Path(chosen) if chosen else None

        def choose_music() -> Path | None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                None,
                QCoreApplication.translate("Windows", "Choose music that moves you"),
                str(Path.home()),
                QCoreApplication.translate(
                    "Windows", "Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)"
                ),
            )
            if not path:
                return None
            try:
                settings_file.save(tray_app.rhythm.settings.with_value("practices.music", path))
                tray_app.rhythm.reload_settings()
            except (OSError, InputError) as error:
                log.warning("the chosen music could not be remembered: %s", error)
            return Path(path)

        flow = PracticeFlow(
            clock=self._context.pace.practice_clock(tray_app.rhythm.clock),
            library=tray_app.rhythm.library,
            records=records,
            sound=sound,
            illustrations=illustrations_dir(),
            reduced_motion=lambda: bool(tray_app.rhythm.settings["appearance.reduced_motion"]),
            music_source=music_source,
            choose_music=choose_music,
            make_checkin=lambda title, save, note: _goes_tidily(
                CheckInDialog(title, save, note, open_help=self.show_help)
            ),
            start_instead=lambda practice_id, trigger: tray_app.rhythm.start_practice(
                practice_id, trigger
            ),
        )
        # The flow makes the player; it is handed help as it opens.
        flow.player_opened.connect(lambda player: player.set_open_help(self.show_help))
        flow.player_opened.connect(_goes_tidily)
        return flow


_Window = TypeVar("_Window", bound="QWidget")

# How long after a window is gone the memory it freed is given back: its Python side and the
# objects Qt deletes later are freed by then.
GIVE_BACK_AFTER_MS = 2000


def _window_gone(*_: object) -> None:
    """A window is gone (the dashboard, settings, help, the player, the check-in).

    The pieces of its controls the style drew and kept, keyed by that window's own palettes,
    would never be drawn again: kept up to the cache's limit (``ui.theme``), they made the
    soak benchmark grow by about 2 MB over its first day of windows; the open windows draw
    theirs again when next painted. The style also remembers the name of every piece it put
    in the cache (Qt 6.8 and later), and forgets them only when it is given a palette to
    polish: emptying the cache left about 56 names a settings window. A moment later, once
    no window shows, what the style sheet worked out for the window's controls is let go
    (``ui.theme.forget_rules_of_closed_windows``) and the memory freed is given back
    (``desktop.memory``).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPalette, QPixmapCache
    from PySide6.QtWidgets import QApplication

    QPixmapCache.clear()
    style = QApplication.style()
    if style is not None:
        style.polish(QPalette())  # a palette of its own: only the names are forgotten
    if not _giving_back:  # windows closed together (a quit, a practice and its check-in)
        _giving_back.append(True)
        QTimer.singleShot(GIVE_BACK_AFTER_MS, _give_back)


_giving_back: list[bool] = []  # a give-back is waiting (``_window_gone``)


def _give_back() -> None:
    from PySide6.QtWidgets import QApplication

    from reconnect.desktop.memory import give_back_free_memory
    from reconnect.ui.theme import forget_rules_of_closed_windows

    _giving_back.clear()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        forget_rules_of_closed_windows(app)
    give_back_free_memory()


def _goes_tidily(window: _Window) -> _Window:
    """``window``, which calls ``_window_gone`` once it is deleted."""
    window.destroyed.connect(_window_gone)
    return window


def _open_folder(folder: Path) -> None:
    """The folder in the desktop's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _touch(marker: Path) -> None:
    with contextlib.suppress(OSError):  # then it is said once more; no harm done
        marker.touch(mode=0o600)
