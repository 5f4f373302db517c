"""The app's log file, and what happens to an error nothing else caught.

The log is ``logs/reconnect.log`` in the data folder, readable only by the person, rotated at
1 MB with two older files kept. An uncaught exception is written there with its traceback and,
once per run, the person is told gently where it is; the app keeps running.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from traceback import format_tb
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from reconnect.core.errors import InputError
from reconnect.core.i18n import QT_TRANSLATE_NOOP
from reconnect.paths import DataFolderError, ensure_private_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)

LOG_NAME = "reconnect.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 2  # reconnect.log, .1 and .2: three files at most
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Loggers that, below WARNING, would write every SQL statement or chatter about every timer.
# They stay at WARNING whatever level the app logs at.
QUIET_LOGGERS = ("sqlalchemy", "alembic", "apscheduler")

TITLE = "Reconnect"
MESSAGE = QT_TRANSLATE_NOOP(
    "CrashLog",
    "Something went wrong inside Reconnect. It keeps running; nothing you saved is lost. "
    "The details are in {path}; you can send them to us if you like, they contain no notes.",
)
MESSAGE_WITHOUT_LOG = QT_TRANSLATE_NOOP(
    "CrashLog",
    "Something went wrong inside Reconnect. It keeps running; nothing you saved is lost.",
)
WITHHELD = "(the message is left out: it quotes what was typed)"


class HeldUntilOpened(logging.Handler):
    """Writes to the rotating log file, opened when first needed: once the tray shows
    (``open_file``), at the first warning, or when the log is closed. Records before then are
    held, so none is lost and the start does not wait for the file handler's imports.

    Args:
        path: the log file; checked writable by the caller beforehand.
    """

    HOLD_AT_MOST = 1000  # records kept before the file opens; older ones are dropped

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None
        self.held: list[logging.LogRecord] = []

    def open_file(self) -> None:
        """Open the file (if not yet) and write what was held, in order."""
        if self.file is not None:
            return
        from reconnect.desktop.log_file import PrivateRotatingFileHandler

        self.file = PrivateRotatingFileHandler(
            self.path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        self.file.setFormatter(logging.Formatter(FORMAT))
        held, self.held = self.held, []
        for record in held:
            self.file.handle(record)

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None and record.levelno < logging.WARNING:
            self.held.append(record)
            del self.held[: -self.HOLD_AT_MOST]
            return
        self.open_file()
        assert self.file is not None
        self.file.handle(record)

    def close(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                self.open_file()
        if self.file is not None:
            self.file.close()
        super().close()


@dataclass
class AppLog:
    """The log file of a running app; ``close`` takes it off the root logger again.

    Attributes:
        path: the current log file.
    """

    path: Path
    handler: HeldUntilOpened
    _levels: dict[str, int] = field(default_factory=dict)

    def open_file(self) -> None:
        """Write to the file from now on, and what was held so far."""
        try:
            self.handler.open_file()
        except OSError as error:  # gone since it was checked: the terminal says so once
            log.warning("the log file can't be written: %s", error)

    def close(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self.handler)
        self.handler.close()
        for name, level in self._levels.items():
            logging.getLogger(name or None).setLevel(level)


def open_log(folder: Path, level: int = logging.INFO, hold: bool = False) -> AppLog:
    """Send the app's log records to ``folder/reconnect.log``.

    Args:
        folder: the data folder's logs folder; made (0700) if missing.
        level: the lowest level written.
        hold: records below WARNING are held until ``AppLog.open_file`` (the app's start
            calls it once the tray shows), or a warning comes, or the log is closed.

    Raises:
        DataFolderError: the folder can't be made.
        OSError: the file can't be opened.
    """
    ensure_private_dir(folder.parent)  # mkdir -p would make it with the umask's mode
    ensure_private_dir(folder)
    path = folder / LOG_NAME
    # Opened (and closed) here so a file that can't be written is said at once; the handler
    # that rotates it comes when the first record is written (``HeldUntilOpened``).
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600))
    handler = HeldUntilOpened(path)
    if not hold:
        handler.open_file()
    root = logging.getLogger()
    levels = {"": root.level}
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        quiet = logging.getLogger(name)
        levels[name] = quiet.level
        quiet.setLevel(max(level, logging.WARNING))
    root.addHandler(handler)
    return AppLog(path, handler, levels)


def open_log_or_say_why(folder: Path, err: TextIO, hold: bool = False) -> AppLog | None:
    """``open_log``, but a log that can't be written is said once and the app goes on."""
    try:
        return open_log(folder, hold=hold)
    except (DataFolderError, OSError) as error:
        print(f"reconnect: no log file will be written: {error}", file=err)
        return None


def crash_message(log_file: Path | None) -> str:
    if log_file is None:
        return QCoreApplication.translate("CrashLog", MESSAGE_WITHOUT_LOG)
    return QCoreApplication.translate("CrashLog", MESSAGE).format(path=log_file)


def show_crash_message(text: str) -> QMessageBox:
    """A calm, non-blocking message; the path can be selected and copied."""
    # Imported here: the tray shows itself without Qt's namespace of enums (made on first use).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, TITLE, text)
    box.setObjectName("crashMessage")
    box.setAccessibleName("Something went wrong inside Reconnect")
    box.setAccessibleDescription(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box


class CrashReporter(QObject):
    """Takes what no one caught: writes it to the log, tells the person once, and goes on.

    PySide6 hands an exception raised in a slot or an event handler to ``sys.excepthook`` and
    then carries on with the event loop, so the app keeps running once it is logged.

    Args:
        log_file: where the details are written, to name in the message (None: no log).
        tell: shows the message; returns the window, which is kept while it is open.
        err: where a one-line notice goes as well (the terminal, if there is one).

    Signals:
        reported: an exception was logged (from any thread).
    """

    reported = Signal()

    def __init__(
        self,
        log_file: Path | None,
        tell: Callable[[str], object] = show_crash_message,
        err: TextIO | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._tell = tell
        self._err = err
        self.told = False
        self.message_window: object = None
        # Writes the held records of the start to the file (``reporting_crashes``).
        self.open_log: Callable[[], None] = lambda: None
        self._previous: tuple[Any, Any] | None = None
        # An exception on another thread is told on the GUI thread (the signal crosses over),
        # and always after it is logged, from the event loop.
        self.reported.connect(self._tell_soon)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc or exc_type(), traceback)
            return
        if isinstance(exc, InputError):
            # Its message quotes what the person typed (a feeling word, say): only where it
            # came from is written down.
            where_from = "".join(format_tb(traceback))
            log.critical(
                "an error that nothing caught\nTraceback (most recent call last):\n%s%s: %s",
                where_from,
                exc_type.__name__,
                WITHHELD,
            )
        else:
            log.critical("an error that nothing caught", exc_info=exc or exc_type())
        err = self._err or sys.stderr
        where = f"; the details are in {self.log_file}" if self.log_file else ""
        with contextlib.suppress(OSError, ValueError):  # no terminal: the log has it
            print(f"reconnect: something went wrong ({exc_type.__name__}){where}", file=err)
        self.reported.emit()

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _tell_soon(self) -> None:
        QTimer.singleShot(0, self, self._tell_once)

    def _tell_once(self) -> None:
        if self.told:
            return
        self.told = True  # first: should telling fail, that failure is not told again
        self.message_window = self._tell(crash_message(self.log_file))


@contextlib.contextmanager
def reporting_crashes(folder: Path, err: TextIO) -> Iterator[CrashReporter]:
    """While the tray app runs: its log is open and what nothing caught is reported.

    An exception that ends the start itself is logged too, then goes on to the caller. The
    records of the start are held until the app calls the reporter's ``open_log`` (once its
    tray shows), a warning comes, or the run ends; none is lost.

    Args:
        folder: the data folder's logs folder.
        err: where to say that no log can be written, if so.
    """
    app_log = open_log_or_say_why(folder, err, hold=True)
    reporter = CrashReporter(app_log.path if app_log else None, err=err)
    if app_log is not None:
        reporter.open_log = app_log.open_file
    reporter.install()
    try:
        yield reporter
    except Exception:
        log.critical("Reconnect stopped", exc_info=True)
        raise
    finally:
        reporter.uninstall()
        if app_log is not None:
            app_log.close()
