"""The composition root: builds the clock, paths, library and database, and hands them out.

Nothing here runs at import time; ``build`` is called once by the entry point.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.core.clock import Clock, SystemClock
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import Library
from reconnect.paths import DataPaths, illustrations_dir, practices_dir, resolve_data_paths

log = logging.getLogger(__name__)

if TYPE_CHECKING:
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

            self._database = open_database(self.paths, now=self.clock.now())
        return self._database

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
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.break_scheduler import BreakScheduler
    from reconnect.ui.control_server import ControlServer
    from reconnect.ui.desktop.busy import BusyDetector
    from reconnect.ui.desktop.idle import find_idle_monitor
    from reconnect.ui.desktop.sleep_watch import SleepWatch
    from reconnect.ui.notifier import Notifier
    from reconnect.ui.prompt_window import PromptWindow
    from reconnect.ui.tray_app import TrayApp
    from reconnect.ui.windows import Windows

    app.setWindowIcon(QIcon(str(icons_dir() / "reconnect.svg")))
    style = bundled_dir("resources") / "styles" / "calm.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))

    clock = context.clock
    now = clock.now()
    settings_file = SettingsFile(context.paths.settings_file)
    settings, problems = settings_file.load(now)
    problems += [f"a practice file was left out: {p}" for p in context.library.problems]
    database = context.database()
    records = BreakRecords(database.session_factory)
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
        notifier=Notifier(),
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
    )
    surface = windows.make_surface(tray_app, QSystemTrayIcon.isSystemTrayAvailable())
    tray_app.attach(surface)
    windows.connect_app(tray_app)
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
    return running


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
    """Assemble a context from the command line's choices and the environment."""
    environ = os.environ if environ is None else environ
    paths = resolve_data_paths(data_dir, environ)
    return Context(paths=paths, clock=clock or SystemClock(), environ=environ)
