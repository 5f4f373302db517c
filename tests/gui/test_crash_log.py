"""An error nothing caught: written to the rotating log, told once, gently, and the app goes on."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from io import StringIO
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reconnect.core.recording import feeling_words
from reconnect.desktop import crash_log
from reconnect.desktop.crash_log import AppLog, CrashReporter, open_log, reporting_crashes
from reconnect.paths import DataPaths, sqlite_url
from reconnect.services.data_removal import delete_all_data


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[AppLog]:
    opened = open_log(tmp_path / "data" / "logs")
    yield opened
    opened.close()


@pytest.fixture
def told(qtbot: QtBot, app_log: AppLog) -> Iterator[list[str]]:
    """What the person was told; the reporter is installed as in the app."""
    messages: list[str] = []
    reporter = CrashReporter(app_log.path, tell=messages.append, err=StringIO())
    reporter.install()
    yield messages
    reporter.uninstall()


TYPED = "sorrow-4471 " * 5  # built here, so the traceback's source lines don't show it


class Button(QObject):
    clicked = Signal()


def test_the_log_is_private_and_rotates_in_three_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crash_log, "MAX_BYTES", 2000)
    opened = open_log(tmp_path / "data" / "logs")
    try:
        for i in range(200):
            logging.getLogger("reconnect.test").info("line %d of a long day", i)
    finally:
        opened.close()
    folder = tmp_path / "data" / "logs"
    assert sorted(p.name for p in folder.iterdir()) == [
        "reconnect.log",
        "reconnect.log.1",
        "reconnect.log.2",
    ]
    assert {mode(p) for p in folder.iterdir()} == {0o600}
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700
    assert "line 199 of a long day" in (folder / "reconnect.log").read_text(encoding="utf-8")


def test_closing_the_log_puts_the_levels_back(tmp_path: Path) -> None:
    root, quiet = logging.getLogger(), logging.getLogger("sqlalchemy")
    levels = (root.level, quiet.level)
    opened = open_log(tmp_path / "logs", level=logging.DEBUG)
    assert root.level == logging.DEBUG
    assert quiet.getEffectiveLevel() == logging.WARNING  # SQL and its values never get in
    opened.close()
    assert (root.level, quiet.level) == levels
    assert opened.handler not in root.handlers


def test_a_log_file_left_readable_by_others_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "reconnect.log").write_text("from an older version\n", encoding="utf-8")
    (folder / "reconnect.log").chmod(0o644)
    open_log(folder).close()
    assert mode(folder / "reconnect.log") == 0o600


def test_after_the_folder_is_deleted_nothing_makes_it_again(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    opened = open_log(folder)
    try:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
        assert isinstance(opened.handler.file, RotatingFileHandler)
        opened.handler.file.doRollover()  # what a full log does: it reopens its file
        logging.getLogger("reconnect.test").warning("after delete all my data")
    finally:
        opened.close()
    assert not folder.exists()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_told_once_and_the_app_goes_on(
    qtbot: QtBot, app_log: AppLog, told: list[str]
) -> None:
    button = Button()

    def broken() -> None:
        raise RuntimeError("a fault of ours")

    button.clicked.connect(broken)
    button.clicked.emit()
    QTimer.singleShot(0, broken)
    later: list[bool] = []
    QTimer.singleShot(20, lambda: later.append(True))
    qtbot.waitUntil(lambda: bool(later) and bool(told))
    QCoreApplication.processEvents()  # a second message, if there were one, is out now

    assert later == [True]  # the event loop carried on
    assert told == [crash_log.MESSAGE.format(path=app_log.path)]
    assert "nothing you saved is lost" in told[0] and str(app_log.path) in told[0]
    text = app_log.path.read_text(encoding="utf-8")
    assert text.count("RuntimeError: a fault of ours") == 2  # each one is logged
    assert "Traceback (most recent call last)" in text and "in broken" in text


@pytest.mark.qt_no_exception_capture
def test_an_error_on_another_thread_is_logged_and_told_on_the_gui_thread(
    qtbot: QtBot, app_log: AppLog, told: list[str]
) -> None:
    def worker() -> None:
        raise ValueError("from a worker")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(told))
    assert told == [crash_log.MESSAGE.format(path=app_log.path)]
    assert "ValueError: from a worker" in app_log.path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_the_message_is_a_calm_window_that_does_not_block(qtbot: QtBot, app_log: AppLog) -> None:
    reporter = CrashReporter(app_log.path, err=StringIO())
    reporter.install()
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: isinstance(reporter.message_window, QMessageBox))
    finally:
        reporter.uninstall()
    box = reporter.message_window
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert not box.isModal()
    assert box.text() == crash_log.MESSAGE.format(path=app_log.path)
    assert box.windowTitle() == "Reconnect"
    assert box.accessibleName()
    assert QApplication.activeModalWidget() is None
    box.close()


def test_the_hooks_are_put_back(app_log: AppLog) -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter(app_log.path, tell=lambda text: None)
    reporter.install()
    assert sys.excepthook == reporter.handle
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_without_a_log_the_message_says_so_plainly() -> None:
    assert crash_log.crash_message(None) == crash_log.MESSAGE_WITHOUT_LOG
    assert "details" not in crash_log.crash_message(None)


def test_a_start_that_fails_is_logged_and_passed_on(qtbot: QtBot, tmp_path: Path) -> None:
    err = StringIO()
    before = sys.excepthook
    with (
        pytest.raises(OSError, match="the disk said no"),
        reporting_crashes(tmp_path / "logs", err),
    ):
        raise OSError("the disk said no")
    assert sys.excepthook == before
    assert "OSError: the disk said no" in (tmp_path / "logs" / "reconnect.log").read_text(
        encoding="utf-8"
    )


def test_a_log_that_cannot_be_written_is_said_once_and_the_app_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    err = StringIO()
    with reporting_crashes(blocker, err) as reporter:
        assert reporter.log_file is None
    assert err.getvalue().startswith("reconnect: no log file will be written: ")


def test_delete_all_my_data_takes_the_open_log_and_it_stays_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crash_log, "MAX_BYTES", 2000)
    paths = DataPaths(tmp_path / "data", sqlite_url(tmp_path / "data" / "reconnect.db"))
    opened = open_log(paths.logs)
    try:
        for i in range(100):
            logging.getLogger("reconnect.test").info("line %d", i)
        report = delete_all_data(paths, lambda: None)
        for i in range(100):  # the running app goes on logging, and rotating
            logging.getLogger("reconnect.test").info("after %d", i)
    finally:
        opened.close()
    assert report.complete
    assert ("the log files", paths.logs, 3) in [(i.what, i.path, i.files) for i in report.removed]
    assert not paths.root.exists()


@pytest.mark.qt_no_exception_capture
def test_a_refusal_nothing_caught_is_logged_without_what_was_typed(
    qtbot: QtBot, app_log: AppLog, told: list[str]
) -> None:
    def save() -> None:
        feeling_words([TYPED])  # too long: raises InputError, quoting the word

    QTimer.singleShot(0, save)
    qtbot.waitUntil(lambda: bool(told))
    text = app_log.path.read_text(encoding="utf-8")
    assert f"InputError: {crash_log.WITHHELD}" in text
    assert "in save" in text and "feeling_words" in text  # where it came from
    assert "sorrow" not in text and "xxxx" not in text


def test_the_starts_records_are_held_until_the_file_opens_and_none_is_lost(
    tmp_path: Path,
) -> None:
    """At start the records wait (the rotating handler's imports are not on the way to the
    tray); once the app opens the file they are written in order; a warning opens it at once,
    and a log closed before it opened still writes what it held."""
    folder = tmp_path / "logs"
    held = open_log(folder, hold=True)
    try:
        logging.getLogger("reconnect.test").info("first")
        logging.getLogger("reconnect.test").info("second")
        assert held.handler.file is None
        assert (folder / "reconnect.log").read_text(encoding="utf-8") == ""
        held.open_file()
        logging.getLogger("reconnect.test").info("third")
    finally:
        held.close()
    lines = (folder / "reconnect.log").read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["first", "second", "third"]

    warned = open_log(tmp_path / "warned", hold=True)
    try:
        logging.getLogger("reconnect.test").info("quiet")
        logging.getLogger("reconnect.test").warning("loud")
        assert warned.handler.file is not None  # opened by the warning, the held one first
        assert "quiet" in (tmp_path / "warned" / "reconnect.log").read_text(encoding="utf-8")
    finally:
        warned.close()

    closed = open_log(tmp_path / "closed", hold=True)
    logging.getLogger("reconnect.test").info("held to the end")
    closed.close()
    written = (tmp_path / "closed" / "reconnect.log").read_text(encoding="utf-8")
    assert "held to the end" in written
