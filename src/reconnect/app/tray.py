"""Builds the running tray app: the parts it needs to show itself, and the rest a moment later."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.app.records import LazyRecords, open_records
from reconnect.core.database_address import is_server_address

if TYPE_CHECKING:
    from reconnect.core.settings import Settings

log = logging.getLogger(__name__)

OUTBOX_RETRY_MS = 180_000


@dataclass
class RunningApp:
    """The tray app's parts, made by ``build_tray_app``; ``close`` releases them."""

    tray_app: Any
    make_server: Callable[[], Any]  # the control socket's server (``server``)
    surface: Any
    problems: list[str]
    context: Context
    flow: Any = None
    timers: list[Any] = field(default_factory=list)
    records: Any = None
    tray_watch: Any = None  # while in the small window: waits for a tray host to come
    desktop: Any = None  # the adapters: let go of their Wayland connections before exit
    apply_look: Callable[[], None] = lambda: None  # before the first window or menu shows
    tray_unseen: bool = False  # which tray host shows the icon is not asked yet
    _server: Any = None

    @property
    def server(self) -> Any:
        """The control socket's server, made when first needed: it listens once the tray
        shows, and its module and the protocol's wait until then."""
        if self._server is None:
            self._server = self.make_server()
        return self._server

    def look_for_tray(self) -> None:
        """Ask again which tray host shows the icon, for ``status`` and the doctor."""
        self.tray_unseen = False
        if self.desktop is not None:
            from reconnect.desktop.adapters import look_for_tray_again

            report = look_for_tray_again(self.desktop.report, self.context.environ)
            self.desktop.report = report
            self.server.set_desktop(report)

    def complete_desktop(self) -> None:
        """The sleep watch, idle detection and the busy detector, once the tray shows
        (``pick_adapters``'s ``later``), before anyone asks ``status``; a second call does
        nothing."""
        self.tray_app.sleep_watch.start()  # watches once; its bus comes after the tray
        desktop = self.desktop
        if desktop is None or desktop.still_to_do is None:
            return
        from dataclasses import replace

        desktop.complete()
        rhythm = self.tray_app.rhythm
        rhythm.desktop = replace(rhythm.desktop, presence=desktop.idle_monitor)
        self.server.set_desktop(desktop.report)

    def start(self) -> None:
        """Show the tray's state and arm the first break; the rest follows in finish_start."""
        self.tray_app.start(tidy=False, watch_sleep=False)  # ``complete_desktop`` watches

    def finish_start(self, err: TextIO, failed: Callable[[Exception], None]) -> None:
        """What the tray did not need to show itself: SQLAlchemy and the database (tidying
        what the last run left), the practice files, and the outbox of a shared history.

        A shared history whose server is out of reach does not stop the start: what is saved
        is kept on this computer, and the history is reached (migrated, tidied, caught up)
        when the server answers, tried every few minutes.

        Args:
            err: where the practice files' problems are written.
            failed: told when the database can't be used at all (the app then closes).
        """
        from PySide6.QtCore import QTimer

        from reconnect.paths import DataFolderError
        from reconnect.storage.problems import DatabaseProblem

        self.complete_desktop()
        if self.tray_unseen:
            self.look_for_tray()
        records = self.records
        shared = records is not None and is_server_address(self.context.paths.database_url)
        lean = records is not None and records.read_first and not shared
        try:
            if shared:
                records.reach()  # out of reach: False, and the start goes on
            elif not lean:  # a first start, an older schema: made, migrated, checked now
                self.context.database()
        except (DatabaseProblem, DataFolderError) as problem:
            failed(problem)
            return
        self.tray_app.rhythm.tidy()
        for left_out in self.context.library.problems:
            print(f"reconnect: a practice file was left out: {left_out}", file=err)
        if shared:
            # What was kept while the shared history was out of reach goes there once it is
            # back (each save tries first too).
            def retry() -> None:
                try:
                    if records.reach() and records.has_pending():
                        records.retry_pending()
                except DatabaseProblem as problem:
                    log.warning("the shared history can't be used: %s", problem)

            timer = QTimer()
            timer.setInterval(OUTBOX_RETRY_MS)
            timer.timeout.connect(retry)
            timer.start()
            self.timers.append(timer)
            QTimer.singleShot(0, retry)

    def close(self) -> None:
        for timer in self.timers:
            timer.stop()
        if self._server is not None:
            self._server.close()
        if self.flow is not None:
            self.flow.close()
        if self.desktop is not None:
            # pywayland's objects freed by the collector at exit, in any order, crash it
            self.desktop.close()
        self.context.close()


def build_tray_app(context: Context, app: Any) -> RunningApp:
    """Make the parts the tray needs to show itself and arm its first break.

    What can wait (the database and SQLAlchemy, the practice files, the practice window) is
    made a moment later by ``RunningApp.finish_start``, or on first use.

    Args:
        context: paths, clock and library of this run.
        app: the QApplication.
    """
    import random

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QSystemTrayIcon

    from reconnect.app.windows import Windows
    from reconnect.core.break_planner import BreakPlanner
    from reconnect.core.control_address import server_name
    from reconnect.core.pace import SPEED_VARIABLE
    from reconnect.core.triggers import Trigger
    from reconnect.desktop.adapters import pick_adapters
    from reconnect.desktop.scheduler import BreakScheduler
    from reconnect.desktop.session import SessionKind
    from reconnect.paths import bundled_dir, icons_dir
    from reconnect.services.rhythm import Rhythm
    from reconnect.services.rhythm_ports import Desktop
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.tray.tray_app import TrayApp

    app.setWindowIcon(QIcon(str(icons_dir() / "reconnect.svg")))

    clock = context.clock
    now = clock.now()
    settings_file = SettingsFile(context.paths.settings_file)
    settings, problems = settings_file.load(now)
    styles = bundled_dir("resources") / "styles"
    looks: list[Any] = []  # the Appearance, once the look is applied

    def apply_look(chosen: Settings) -> None:
        theme, text_size = chosen["appearance.theme"], chosen["appearance.text_size"]
        if looks:
            looks[0].apply(theme, text_size, styles)
            return
        from reconnect.ui.theme import apply_theme

        looks.append(apply_theme(app, theme, text_size, styles))
        # Charts take their colours when drawn: an open dashboard draws them again.
        looks[0].changed.connect(lambda _scheme: windows.refresh_dashboard())

    def apply_appearance(chosen: Settings) -> None:
        if looks:  # else the first window takes it from the settings then in force
            apply_look(chosen)
        desktop.use_busy_settings(chosen)  # the busy sources switched on or off

    # idle, busy, notifications, sleep, sound; and the report. Which tray host shows the
    # icon is asked once it shows (``RunningApp.look_for_tray``), unless there is none.
    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    # Idle detection and the busy detector come once it shows (``complete_desktop``).
    desktop = pick_adapters(clock, pace=context.pace, look_for_tray=not tray_available, later=True)
    desktop.use_busy_settings(settings)
    notifier = desktop.notifier
    url = context.paths.database_url
    local = context.paths.uses_default_database or url.startswith("sqlite")
    records = LazyRecords(
        lambda: open_records(context, notifier),
        Path(url.removeprefix("sqlite:///")) if local else None,
        context.computer_name() or _host_name(),
    )
    last = records.last_break_end()  # a server, a first start, an older schema: the storage layer
    rng = random.Random()
    planner = BreakPlanner(
        settings.rhythm(),
        rng,
        now,
        last.astimezone(now.tzinfo) if last else None,
        pace=context.pace,
    )
    windows = Windows(context, desktop.make_sound)
    scheduler = BreakScheduler()
    rhythm = Rhythm(
        clock=clock,
        planner=planner,
        library=context.library,
        history=records,
        settings=settings,
        rng=rng,
        desktop=Desktop(
            presence=desktop.idle_monitor,
            busy=desktop.busy,
            sleep=desktop.sleep_watch,
            notifier=notifier,
            wakeups=scheduler,
            notice=desktop.break_notice,  # Wayland: the break waits in a notification
        ),
        load_settings=lambda: settings_file.load(clock.now()),
        settings_applied=apply_appearance,
    )
    tray_app = TrayApp(
        rhythm=rhythm,
        scheduler=scheduler,
        sleep_watch=desktop.sleep_watch,
        poll_timer=QTimer(),
        # Made when the first break is offered.
        make_prompt=lambda: _make_prompt(context, windows.before_window),
        quit_app=app.quit,
        show_dashboard=windows.show_dashboard,
        open_settings=windows.show_settings,
        open_help=windows.show_help,
    )
    tray_app.poll_timer.setInterval(context.pace.poll_milliseconds())  # faster only in tests
    gnome_without_tray = desktop.report.session.kind is SessionKind.GNOME and (
        not desktop.report.tray.found
    )
    # The look (palette, font, style sheet) before the first window; the tray icon alone
    # needs none, so there it waits for a window or the tray's menu (``Windows``).
    windows.before_window = lambda: apply_look(rhythm.settings)
    if not tray_available:
        apply_look(settings)
    surface = windows.make_surface(tray_app, tray_available, gnome_without_tray)
    tray_app.attach(surface)
    windows.connect_app(tray_app)

    def make_server() -> Any:
        from reconnect.desktop.control_server import ControlServer

        server = ControlServer(server_name(context.paths.root), rhythm, desktop=desktop.report)
        if context.environ.get(SPEED_VARIABLE):  # benchmarks and tests only (docs/testing.md)
            from reconnect.app.debug_control import DebugControl

            server.set_debug(DebugControl(running, windows, app))
        return server

    running = RunningApp(tray_app, make_server, surface, problems, context, desktop=desktop)
    running.tray_unseen = tray_available
    running.apply_look = windows.before_window
    if not tray_available:
        running.tray_watch = _watch_for_tray(running, windows, notifier)

    def flow() -> Any:
        """The practice window and its check-in, made for the first practice."""
        if running.flow is None:
            made = windows.make_practice_flow(tray_app, records, settings_file)  # type: ignore[arg-type]
            made.done.connect(rhythm.practice_finished)
            made.done.connect(windows.refresh_dashboard)
            running.flow = made
        return running.flow

    tray_app.practice_started.connect(
        lambda session_id, practice_id, trigger: flow().open(
            session_id, practice_id, Trigger(trigger)
        )
    )
    if desktop.break_notice is not None:
        _answer_notices(desktop.break_notice, rhythm)
    backups = QTimer()
    backups.setInterval(BACKUP_CHECK_MS)
    backups.timeout.connect(lambda: take_daily_backup(context, records))
    # The first look a while after start, not during it; then hourly (a no-op most hours).
    QTimer.singleShot(BACKUP_FIRST_MS, lambda: take_daily_backup(context, records))
    backups.start()
    running.timers.append(backups)
    running.records = records
    return running


def _make_prompt(context: Context, look: Callable[[], None]) -> Any:
    """The break prompt, made when the first break is offered, after ``look``."""
    look()
    from reconnect.ui.tray.prompt_window import EXPIRY_MS, PromptWindow

    return PromptWindow(expiry_ms=context.pace.milliseconds(EXPIRY_MS))


def _watch_for_tray(running: RunningApp, windows: Any, notifier: Any) -> Any:
    """A tray host that comes later (a panel started after Reconnect) takes the app from its
    small window into the tray, once, saying so quietly."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QSystemTrayIcon

    from reconnect.desktop.tray_host import TrayHostWatch

    x11 = QGuiApplication.platformName() == "xcb"
    display = running.context.environ.get("DISPLAY", "") if x11 else ""
    watch = TrayHostWatch(QDBusConnection.sessionBus(), display)

    def came() -> None:
        if running.tray_watch is None:
            return  # moved already
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("a tray host appeared, but Qt can't show an icon in it; still waiting")
            return
        watch.stop()
        running.tray_watch = None
        running.surface = windows.move_into_tray(running.tray_app)
        log.info("a tray has come: Reconnect moved into it from its small window")
        running.look_for_tray()  # what status says of the tray, anew
        notifier.notify(
            QCoreApplication.translate("Tray", "Reconnect is in your tray now"),
            QCoreApplication.translate(
                "Tray", "Its small window stepped aside. Everything is in the tray icon's menu."
            ),
        )

    watch.appeared.connect(came)
    return watch


def _answer_notices(notice: Any, rhythm: Any) -> None:
    """The notification's choices go to the rhythm; the activation token that came with one
    lets the window it opens (the practice) come to the front, once."""
    from reconnect.desktop.notifications import drop_activation_token, use_activation_token

    def answered(choice: str, token: str) -> None:
        use_activation_token(token)
        try:
            rhythm.answer(choice)
        finally:
            drop_activation_token()

    notice.answered.connect(answered)


def _host_name() -> str:
    from reconnect.core.settings import host_name

    return host_name()


BACKUP_FIRST_MS = 600_000  # ten minutes: well after login, when the disk is quiet
BACKUP_CHECK_MS = 3_600_000


def take_daily_backup(context: Context, records: LazyRecords | None = None) -> None:
    """Today's copy of the database, if not taken yet; a failure is logged, never fatal.

    While the tray has not loaded the storage layer (``records`` not made), a local file is
    copied through a connection of its own, without SQLAlchemy.
    """
    from reconnect.paths import DataFolderError
    from reconnect.storage.backups import daily_backup, database_file
    from reconnect.storage.problems import DatabaseProblem

    file = database_file(context.paths)
    try:
        if file is not None and records is not None and not records.is_made:
            made = daily_backup(context.paths, file, context.clock.now())
        else:
            made = daily_backup(context.paths, context.database(), context.clock.now())
    except (DatabaseProblem, DataFolderError, OSError) as error:
        log.warning("today's backup could not be taken: %s", error)
        return
    if made is not None:
        log.info("today's backup: %s", made)
