"""The composition root: builds the clock, paths, library and database, and hands them out.

Nothing here runs at import time; ``build`` is called once by the entry point.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.core.clock import Clock, SystemClock
from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import Library
from reconnect.paths import (
    DATABASE_URL_VARIABLE,
    DataPaths,
    illustrations_dir,
    practices_dir,
    resolve_data_paths,
)

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from reconnect.core.settings import Settings
    from reconnect.storage.database import Database


@dataclass
class Context:
    """What one run of Reconnect works with. Expensive parts are made on first use.

    Attributes:
        paths: the data folder and database URL.
        clock: where "now" comes from.
        environ: the environment this run was given (the process's, unless a test chose one).
    """

    paths: DataPaths
    clock: Clock
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    _database: Database | None = field(default=None, init=False, repr=False)

    @cached_property
    def library(self) -> Library:
        return self._load_library()

    def reload_library(self) -> Library:
        """Read the practice files again, into the same library object everyone holds."""
        fresh = self._load_library()
        self.library.replace_with(fresh)
        return self.library

    def _load_library(self) -> Library:
        pictures = illustrations_dir()
        return load_library(
            practices_dir(),
            own_dir=self.own_practices_dir(),
            illustration_exists=lambda name: (pictures / f"{name}.svg").is_file(),
        )

    def own_practices_dir(self) -> Path:
        """The person's own practices: the folder chosen in settings, else the data folder's."""
        from reconnect.settings_store import SettingsFile

        chosen = str(SettingsFile(self.paths.settings_file).peek("practices.own_folder")).strip()
        return Path(chosen).expanduser() if chosen else self.paths.own_practices

    def database(self) -> Database:
        """The open, migrated database.

        Raises:
            DatabaseProblem: it can't be used; nothing was changed.
            DataFolderError: the data folder can't be created.
        """
        if self._database is None:
            # Imported here: commands that never touch the database start faster.
            from reconnect.storage.database import open_database

            self._database = open_database(
                self.paths, now=self.clock.now(), computer=self.computer_name()
            )
        return self._database

    def computer_name(self) -> str:
        """This computer's name in a shared history (``sync.computer_name``)."""
        from reconnect.settings_store import SettingsFile

        return str(SettingsFile(self.paths.settings_file).peek("sync.computer_name"))

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


@dataclass
class RunningApp:
    """The tray app's parts, made by ``build_tray_app``; ``close`` releases them."""

    tray_app: Any
    server: Any
    surface: Any
    problems: list[str]
    context: Context
    flow: Any = None
    timers: list[Any] = field(default_factory=list)

    def close(self) -> None:
        for timer in self.timers:
            timer.stop()
        self.server.close()
        if self.flow is not None:
            self.flow.close()
        self.context.close()


def build_tray_app(context: Context, app: Any) -> RunningApp:
    """Make every part of the running app and hand each what it needs.

    Args:
        context: paths, clock and library of this run.
        app: the QApplication.
    """
    import random

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QSystemTrayIcon

    from reconnect.core.break_planner import BreakPlanner
    from reconnect.core.control_protocol import server_name
    from reconnect.core.sessions import Trigger
    from reconnect.paths import bundled_dir, icons_dir
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.outbox import OUTBOX_FILE, Outbox
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.break_scheduler import BreakScheduler
    from reconnect.ui.control_server import ControlServer
    from reconnect.ui.desktop.busy import BusyDetector
    from reconnect.ui.desktop.idle import find_idle_monitor
    from reconnect.ui.desktop.sleep_watch import SleepWatch
    from reconnect.ui.notifier import Notifier
    from reconnect.ui.prompt_window import PromptWindow
    from reconnect.ui.theme import apply_theme
    from reconnect.ui.tray_app import TrayApp
    from reconnect.ui.windows import Windows

    app.setWindowIcon(QIcon(str(icons_dir() / "reconnect.svg")))

    clock = context.clock
    now = clock.now()
    settings_file = SettingsFile(context.paths.settings_file)
    settings, problems = settings_file.load(now)
    # Before the first window, so none starts in the wrong look.
    styles = bundled_dir("resources") / "styles"
    theme, text_size = settings["appearance.theme"], settings["appearance.text_size"]
    appearance = apply_theme(app, theme, text_size, styles)

    def apply_appearance(chosen: Settings) -> None:
        appearance.apply(chosen["appearance.theme"], chosen["appearance.text_size"], styles)

    problems += [f"a practice file was left out: {p}" for p in context.library.problems]
    database = context.database()
    notifier = Notifier()
    outbox = Outbox(context.paths.root / OUTBOX_FILE) if database.is_server else None
    records = BreakRecords(
        database.session_factory,
        outbox,
        out_of_reach=lambda: notifier.notify(
            translate("Bootstrap", OUT_OF_REACH_TITLE), translate("Bootstrap", OUT_OF_REACH_TEXT)
        ),
    )
    last = records.last_break_end()
    rng = random.Random()
    planner = BreakPlanner(
        settings.rhythm(), rng, now, last.astimezone(now.tzinfo) if last else None
    )
    windows = Windows(context)
    tray_app = TrayApp(
        clock=clock,
        library=context.library,
        records=records,
        settings=settings,
        planner=planner,
        scheduler=BreakScheduler(),
        prompt=PromptWindow(),
        notifier=notifier,
        rng=rng,
        idle_monitor=find_idle_monitor(),
        busy=BusyDetector(),
        sleep_watch=SleepWatch(clock),
        poll_timer=QTimer(),
        quit_app=app.quit,
        show_dashboard=windows.show_dashboard,
        open_settings=windows.show_settings,
        open_help=windows.show_help,
        load_settings=lambda: settings_file.load(clock.now()),
        apply_appearance=apply_appearance,
    )
    surface = windows.make_surface(tray_app, QSystemTrayIcon.isSystemTrayAvailable())
    tray_app.attach(surface)
    windows.connect_app(tray_app)
    # Charts take their colours when drawn: an open dashboard draws them again in a new look.
    appearance.changed.connect(lambda _scheme: windows.refresh_dashboard())
    flow = windows.make_practice_flow(tray_app, records, settings_file)
    tray_app.practice_started.connect(
        lambda session_id, practice_id, trigger: flow.open(
            session_id, practice_id, Trigger(trigger)
        )
    )
    flow.done.connect(tray_app.practice_finished)
    flow.done.connect(windows.refresh_dashboard)
    server = ControlServer(server_name(context.paths.root), tray_app)
    backups = QTimer()
    backups.setInterval(BACKUP_CHECK_MS)
    backups.timeout.connect(lambda: take_daily_backup(context))
    # The first look a minute after start, not during it; then hourly (a no-op most hours).
    QTimer.singleShot(BACKUP_FIRST_MS, lambda: take_daily_backup(context))
    backups.start()
    running = RunningApp(tray_app, server, surface, problems, context, flow)
    running.timers.append(backups)
    if outbox is not None:
        # What was kept while the shared history was out of reach goes there once it is back
        # (each save tries first too).
        retry = QTimer()
        retry.setInterval(OUTBOX_RETRY_MS)
        retry.timeout.connect(lambda: records.has_pending() and records.retry_pending())
        retry.start()
        running.timers.append(retry)
        QTimer.singleShot(0, lambda: records.has_pending() and records.retry_pending())
    return running


OUTBOX_RETRY_MS = 180_000
OUT_OF_REACH_TITLE = QT_TRANSLATE_NOOP("Bootstrap", "Your shared history is out of reach for now")
OUT_OF_REACH_TEXT = QT_TRANSLATE_NOOP(
    "Bootstrap",
    "What you save is kept safely on this computer and added to it as soon as it can be "
    "reached again. Nothing is lost.",
)


BACKUP_FIRST_MS = 60_000
BACKUP_CHECK_MS = 3_600_000


def take_daily_backup(context: Context) -> None:
    """Today's copy of the database, if not taken yet; a failure is logged, never fatal."""
    from reconnect.paths import DataFolderError
    from reconnect.storage.backups import daily_backup
    from reconnect.storage.problems import DatabaseProblem

    try:
        made = daily_backup(context.paths, context.database(), context.clock.now())
    except (DatabaseProblem, DataFolderError, OSError) as error:
        log.warning("today's backup could not be taken: %s", error)
        return
    if made is not None:
        log.info("today's backup: %s", made)


def build(
    data_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> Context:
    """Assemble a context from the command line's choices and the environment.

    The database is ``RECONNECT_DATABASE_URL`` when set, else the ``sync.database_url``
    setting, else the file in the data folder.
    """
    environ = os.environ if environ is None else environ
    paths = resolve_data_paths(data_dir, environ)
    if not environ.get(DATABASE_URL_VARIABLE):
        from reconnect.settings_store import SettingsFile

        chosen = str(SettingsFile(paths.settings_file).peek("sync.database_url"))
        if chosen:
            paths = replace(paths, database_url=chosen)
    return Context(paths=paths, clock=clock or SystemClock(), environ=environ)
