"""The composition root: builds the clock, paths, library and database, and hands them out.

Nothing here runs at import time; ``build`` is called once by the entry point.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reconnect.core.clock import Clock, SystemClock
from reconnect.core.database_address import is_server_address
from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.core.pace import REAL_TIME, Pace
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
        pace: how many times faster breaks and practices run (``RECONNECT_TEST_SPEED``, for
            tests and benchmarks only); real time otherwise.
    """

    paths: DataPaths
    clock: Clock
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    pace: Pace = REAL_TIME
    _database: Database | None = field(default=None, init=False, repr=False)

    @cached_property
    def library(self) -> Library:
        """The practices; their files are read the first time anything is asked of it."""
        return Library.deferred(self._load_library)

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
    records: Any = None

    def start(self) -> None:
        """Show the tray's state and arm the first break; the rest follows in finish_start."""
        self.tray_app.start(tidy=False)

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
        self.tray_app.tidy()
        for problem in self.context.library.problems:
            print(f"reconnect: a practice file was left out: {problem}", file=err)
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
        self.server.close()
        if self.flow is not None:
            self.flow.close()
        self.context.close()


class Records:
    """The history's records, made the first time they are needed: SQLAlchemy and the open
    database come after the tray has shown itself, and often much later.

    While the history is a local SQLite file at this version's schema, what the waiting tray
    reads (the end of the last break, whether the last run left anything open, the counts
    behind the suggestion) comes from ``storage.first_look`` through Python's own sqlite3, so
    SQLAlchemy (about 25 MB for the whole day) loads only when something is written or the
    dashboard opens. Everything else is the records' own (``services.breaks.BreakRecords``).

    Args:
        make: makes the records (opening the database).
        file: the local SQLite file; None for a server.
        computer: this computer's name in the history.
    """

    def __init__(self, make: Callable[[], Any], file: Path | None, computer: str) -> None:
        self._make: Callable[[], Any] | None = make
        self._part: Any = None
        self._file = file
        self._computer = computer
        self.read_first = False  # a first look answered: the file is there, at this schema

    def made(self) -> Any:
        if self._make is not None:
            make, self._make = self._make, None
            self._part = make()
        return self._part

    @property
    def is_made(self) -> bool:
        return self._make is None

    def _first(self, read: Callable[[Path], Any]) -> Any:
        """A first look's answer while the records are not made; ``UNKNOWN`` otherwise."""
        from reconnect.storage.first_look import UNKNOWN

        if self._part is not None or self._file is None:
            return UNKNOWN
        answer = read(self._file)
        self.read_first = self.read_first or answer != UNKNOWN
        return answer

    def last_break_end(self) -> Any:
        from reconnect.storage.first_look import UNKNOWN, last_break_end

        end = self._first(lambda file: last_break_end(file, self._computer))
        return self.made().last_break_end() if end == UNKNOWN else end

    def tidy_after_last_run(self, now: Any) -> tuple[int, int]:
        from reconnect.storage.first_look import left_open

        if self._first(lambda file: left_open(file, self._computer)) is False:
            return 0, 0  # nothing to tidy: no need to load the storage layer for it
        return self.made().tidy_after_last_run(now)  # type: ignore[no-any-return]

    def practice_counts(self) -> Any:
        from reconnect.storage.first_look import UNKNOWN, practice_counts

        counts = self._first(practice_counts)
        return self.made().practice_counts() if counts == UNKNOWN else counts

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)


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
    from reconnect.core.control_protocol import server_name
    from reconnect.core.sessions import Trigger
    from reconnect.desktop.busy import BusyDetector
    from reconnect.desktop.control_server import ControlServer
    from reconnect.desktop.idle import find_idle_monitor
    from reconnect.desktop.notifier import Notifier
    from reconnect.desktop.scheduler import BreakScheduler
    from reconnect.desktop.sleep_watch import SleepWatch
    from reconnect.paths import bundled_dir, icons_dir
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.theme import apply_theme
    from reconnect.ui.tray.prompt_window import EXPIRY_MS, PromptWindow
    from reconnect.ui.tray.tray_app import TrayApp

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

    notifier = Notifier()
    url = context.paths.database_url
    local = context.paths.uses_default_database or url.startswith("sqlite")
    records = Records(
        lambda: _open_records(context, notifier),
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
    windows = Windows(context)
    tray_app = TrayApp(
        clock=clock,
        library=context.library,
        records=records,  # type: ignore[arg-type]
        settings=settings,
        planner=planner,
        scheduler=BreakScheduler(),
        # Made when the first break is offered.
        make_prompt=lambda: PromptWindow(expiry_ms=context.pace.milliseconds(EXPIRY_MS)),
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
    server = ControlServer(server_name(context.paths.root), tray_app)
    running = RunningApp(tray_app, server, surface, problems, context)

    def flow() -> Any:
        """The practice window and its check-in, made for the first practice."""
        if running.flow is None:
            made = windows.make_practice_flow(tray_app, records, settings_file)  # type: ignore[arg-type]
            made.done.connect(tray_app.practice_finished)
            made.done.connect(windows.refresh_dashboard)
            running.flow = made
        return running.flow

    tray_app.practice_started.connect(
        lambda session_id, practice_id, trigger: flow().open(
            session_id, practice_id, Trigger(trigger)
        )
    )
    backups = QTimer()
    backups.setInterval(BACKUP_CHECK_MS)
    backups.timeout.connect(lambda: take_daily_backup(context, records))
    # The first look a while after start, not during it; then hourly (a no-op most hours).
    QTimer.singleShot(BACKUP_FIRST_MS, lambda: take_daily_backup(context, records))
    backups.start()
    running.timers.append(backups)
    running.records = records
    return running


def _host_name() -> str:
    from reconnect.core.settings import host_name

    return host_name()


def _open_records(context: Context, notifier: Any) -> Any:
    """The history's records: on the open file, or on a shared history with an outbox beside
    it (reached when first needed, so that a server out of reach does not stop the start)."""
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.outbox import OUTBOX_FILE, Outbox

    if not is_server_address(context.paths.database_url):
        return BreakRecords(context.database().session_factory)
    return BreakRecords(
        None,
        Outbox(context.paths.root / OUTBOX_FILE),
        out_of_reach=lambda: notifier.notify(
            translate("Bootstrap", OUT_OF_REACH_TITLE), translate("Bootstrap", OUT_OF_REACH_TEXT)
        ),
        connect=lambda: context.database().session_factory,
    )


OUTBOX_RETRY_MS = 180_000
OUT_OF_REACH_TITLE = QT_TRANSLATE_NOOP("Bootstrap", "Your shared history is out of reach for now")
OUT_OF_REACH_TEXT = QT_TRANSLATE_NOOP(
    "Bootstrap",
    "What you save is kept safely on this computer and added to it as soon as it can be "
    "reached again. Nothing is lost.",
)


BACKUP_FIRST_MS = 600_000  # ten minutes: well after login, when the disk is quiet
BACKUP_CHECK_MS = 3_600_000


def take_daily_backup(context: Context, records: Records | None = None) -> None:
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


def build(
    data_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> Context:
    """Assemble a context from the command line's choices and the environment.

    The database is ``RECONNECT_DATABASE_URL`` when set, else the ``sync.database_url``
    setting, else the file in the data folder.

    Raises:
        InputError: ``RECONNECT_TEST_SPEED`` is set to something other than a whole number
            of 1 or more.
    """
    environ = os.environ if environ is None else environ
    pace = Pace.from_environ(environ)  # the one place it is read
    paths = resolve_data_paths(data_dir, environ)
    if not environ.get(DATABASE_URL_VARIABLE):
        from reconnect.settings_store import SettingsFile

        chosen = str(SettingsFile(paths.settings_file).peek("sync.database_url"))
        if chosen:
            paths = replace(paths, database_url=chosen)
    return Context(paths=paths, clock=clock or SystemClock(), environ=environ, pace=pace)
