"""When the disk, the data folder or the database fails: the person is told what to do, the app
goes on where it can, and nothing saved before is lost or overwritten.

The faults are real: a small filesystem that fills up, a file-size limit the kernel enforces, a
read-only mount (or a user who may not write), a lock held by another process, damaged and
newer database files, and the data folder moved or deleted under the running app.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reconnect.cli.main import main
from reconnect.core.clock import FakeClock
from reconnect.core.errors import InputError
from reconnect.core.sessions import Trigger
from reconnect.storage import problems
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from tests.reliability.app_harness import App, start_app

NOW = datetime(2027, 3, 2, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
TABLES = ("sessions", "checkins", "checkin_marks", "prompts")
NOTE = "warm hands on the mug, and a little ease in the shoulders"


# --- looking at the file ------------------------------------------------------------------


def history_rows(database: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every row of the history, read straight from the file."""
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {t: set(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}


def assert_kept(before: dict[str, set[tuple[object, ...]]], database: Path) -> None:
    """Every row there before is there now, unchanged."""
    after = history_rows(database)
    for table, rows in before.items():
        assert rows <= after[table], f"rows of {table} lost or changed"


def checkpoint(database: Path) -> None:
    """Move the write-ahead log into the file and empty it, as SQLite does now and then: the
    next write then needs new room on the disk."""
    with closing(sqlite3.connect(database)) as connection:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the app ------------------------------------------------------------------------------


@pytest.fixture
def app_in(qapp: QApplication) -> Iterator[list[App]]:
    apps: list[App] = []
    yield apps
    for app in apps:
        app.close()


def started(apps: list[App], data_dir: Path) -> App:
    """Reconnect running on ``data_dir`` with one practice and its check-in already saved."""
    app = start_app(str(data_dir), FakeClock(NOW))
    apps.append(app)
    dialog = app.practise_until_checkin("hand-on-heart")
    dialog.choose_level(3)
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.problem.text()
    return app


def answer(dialog: CheckInDialog) -> None:
    dialog.choose_level(2)
    dialog.note.setPlainText(NOTE)


def refused(dialog: CheckInDialog, message: str) -> None:
    """Save was pressed and refused with ``message``; the dialog still holds the answer."""
    assert dialog.isVisible()
    assert not dialog.problem.isHidden()
    assert dialog.problem.text() == f"This couldn't be saved yet: {message}"
    assert dialog.level() == 2
    assert dialog.note.toPlainText() == NOTE


def saved(dialog: CheckInDialog) -> None:
    assert not dialog.isVisible(), dialog.problem.text()


def checkins_with_note(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute("SELECT level FROM checkins WHERE note = ?", (NOTE,)).fetchall()


def told(app: App) -> list[str]:
    return [body for summary, body in app.notifier.sent if "can't write" in summary]


# --- a full disk --------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB filesystem of its own (tmpfs), made for the test and removed after it."""
    where = tmp_path / "small-disk"
    where.mkdir()
    try:
        made = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
            check=False,
        )
        reason = made.stderr.strip() if made.returncode else ""
    except FileNotFoundError:
        reason = "there is no mount command"
    if reason:
        pytest.skip(
            f"this system refuses to make a small filesystem for the test ({reason}); "
            "test_a_write_the_disk_refuses still covers a write that fails on the disk"
        )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    """Write a file until the disk is full; removing it makes room again."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(descriptor, b"\0" * 65536)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk(app_in: list[App], small_disk: Path) -> None:
    app = started(app_in, small_disk / "data")
    database = small_disk / "data" / "reconnect.db"
    before = history_rows(database)

    dialog = app.practise_until_checkin("sunlight")  # the session is written as it starts
    checkpoint(database)
    filler = fill(small_disk)
    answer(dialog)
    dialog.save_button.click()
    refused(dialog, problems.FULL)
    assert_kept(before, database)

    filler.unlink()  # the person makes room, and saves again
    dialog.save_button.click()
    saved(dialog)
    assert checkins_with_note(database) == [(2,)]

    # Full again when the next break comes: said once, the break let go, the next one planned.
    checkpoint(database)
    filler = fill(small_disk)
    planned = app.scheduler.armed_at
    app.fire_wakeup()
    assert not app.prompt.visible
    assert told(app) == [problems.FULL]
    assert app.scheduler.armed_at is not None and app.scheduler.armed_at > planned
    with pytest.raises(InputError, match="disk that holds your history is full"):
        app.rhythm.start_practice("sunlight", Trigger.TRAY)
    assert told(app) == [problems.FULL], "told once, not at every try"
    assert app.rhythm.status()["state"] == "active"

    filler.unlink()
    app.fire_wakeup()
    assert app.prompt.visible, "with room again, breaks come as before"
    assert_kept(before, database)


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """The kernel refuses to let this process make any file larger than ``size`` bytes."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_write_the_disk_refuses(app_in: list[App], tmp_path: Path) -> None:
    app = started(app_in, tmp_path / "data")
    database = tmp_path / "data" / "reconnect.db"
    before = history_rows(database)
    dialog = app.practise_until_checkin("sunlight")
    checkpoint(database)
    answer(dialog)
    with file_size_limit(0):
        dialog.save_button.click()
    refused(dialog, problems.DISK_ERROR)
    assert_kept(before, database)
    dialog.save_button.click()
    saved(dialog)
    assert checkins_with_note(database) == [(2,)]


# --- starting with a database that can't be used --------------------------------------------


def start_in_tray(data_dir: Path) -> tuple[int, str, list[str]]:
    """Start Reconnect in the tray, as at login; returns its exit status, what it wrote to the
    terminal and the text of the window it showed (closed as soon as it is read)."""
    shown: list[str] = []
    deadline = time.monotonic() + 20

    def read_the_window() -> None:
        window = QApplication.activeModalWidget()
        if isinstance(window, QMessageBox):
            shown.append(window.text())
            window.accept()
        elif time.monotonic() > deadline:
            QApplication.exit(99)  # no window came: the app is running instead
        else:
            QTimer.singleShot(20, read_the_window)

    QTimer.singleShot(0, read_the_window)
    err = io.StringIO()
    code = main([], {"RECONNECT_DATA_DIR": str(data_dir)}, FakeClock(NOW), io.StringIO(), err)
    return code, err.getvalue(), shown


def command(data_dir: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    environ = {"RECONNECT_DATA_DIR": str(data_dir)}
    code = main(list(args), environ, FakeClock(NOW), io.StringIO(), err)
    return code, err.getvalue()


def made_history(apps: list[App], data_dir: Path) -> Path:
    """A data folder with a saved check-in, and Reconnect closed again."""
    app = started(apps, data_dir)
    app.close()
    apps.remove(app)
    return data_dir / "reconnect.db"


def test_a_file_that_is_not_a_database(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = made_history(app_in, data)
    database.write_bytes(b"my notes, not a database\n" * 100)
    for side in data.glob("reconnect.db-*"):
        side.unlink()
    before = digest(database)
    code, err, shown = start_in_tray(data)
    message = database_message(database, "corrupt")
    assert (code, shown) == (1, [message])
    assert message in err
    assert "move it somewhere else" in message and "restore a backup" in message
    assert command(data, "history") == (1, f"reconnect: {message}\n")
    assert digest(database) == before


def database_message(database: Path, kind: str) -> str:
    from reconnect.storage.database import HEAD_REVISION, corrupt_message, newer_message

    if kind == "corrupt":
        return corrupt_message(database)
    assert HEAD_REVISION < "9999"
    return newer_message(str(database), "9999")


def test_a_database_damaged_inside(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = made_history(app_in, data)
    with closing(sqlite3.connect(database)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'checkins'"
        ).fetchone()
    with database.open("r+b") as file:  # the header stays good; one table's page is not
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)
    before = digest(database)
    code, err = command(data, "history")
    assert (code, err) == (1, f"reconnect: {problems.DAMAGED}\n")
    assert "reconnect backups" in err and "reconnect restore FILE" in err
    assert digest(database) == before

    # The tray app starts on it all the same: breaks come, and a check-in says what to do.
    app = start_app(str(data), FakeClock(NOW))
    app_in.append(app)
    app.fire_wakeup()
    assert app.prompt.visible
    app.prompt.skip_requested.emit()
    dialog = app.practise_until_checkin("sunlight")
    answer(dialog)
    dialog.save_button.click()
    refused(dialog, problems.DAMAGED)


def test_a_database_from_a_newer_version(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = made_history(app_in, data)
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(database)
    message = database_message(database, "newer")
    code, err, shown = start_in_tray(data)
    assert (code, shown) == (1, [message])
    assert message in err
    assert "Update Reconnect, or use another data folder" in message
    assert command(data, "log", "sunlight", "--spark", "2") == (1, f"reconnect: {message}\n")
    assert digest(database) == before


# --- a read-only data folder ----------------------------------------------------------------


@contextmanager
def read_only(folder: Path) -> Iterator[list[str]]:
    """The folder can't be written: a read-only mount of it where the system lets us make one,
    else (not root) no write permission. Yields the command prefix that runs as a user who can't
    write it: empty for these two, ``setpriv`` to ``nobody`` when root may not mount."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield []
        finally:
            folder.chmod(0o700)
        return
    bound = subprocess.run(
        ["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False
    )
    if bound.returncode == 0:
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder), str(folder)], check=True)
            yield []
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root may neither mount here nor run as another user (no setpriv)")
    # Root writes anywhere: 'nobody' may read the folder and the file, and write neither.
    paths = [*folder.parents[:-1], folder, *folder.iterdir()]
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(modes[path] | (0o044 if path.is_file() else 0o055))
    try:
        yield [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_a_read_only_data_folder(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = made_history(app_in, data)
    before = digest(database)
    with read_only(data) as as_user:
        if as_user:
            runs = [
                subprocess.run(
                    [*as_user, sys.executable, "-m", "reconnect", *args],
                    env={
                        **{k: v for k, v in os.environ.items() if not k.startswith("RECONNECT_")},
                        "RECONNECT_DATA_DIR": str(data),
                    },
                    capture_output=True,
                    text=True,
                    check=False,
                )
                for args in (["history"], ["log", "sunlight", "--spark", "2"])
            ]
            results = [(run.returncode, run.stderr) for run in runs]
        else:
            results = [command(data, "history"), command(data, "log", "sunlight", "--spark", "2")]
            code, err, shown = start_in_tray(data)
            assert (code, len(shown)) == (1, 1) and shown[0] in err
            results.append((code, err))
    for code, err in results:
        assert code == 1
        assert f"The database {database} cannot be written" in err
        assert "Check that the data folder is writable" in err
    assert digest(database) == before


# --- a lock held by another process ---------------------------------------------------------

LOCK_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def test_a_database_locked_by_another_process(app_in: list[App], tmp_path: Path) -> None:
    app = started(app_in, tmp_path / "data")
    database = tmp_path / "data" / "reconnect.db"
    before = history_rows(database)
    dialog = app.practise_until_checkin("sunlight")
    answer(dialog)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        began = time.monotonic()
        dialog.save_button.click()
        waited = time.monotonic() - began
        refused(dialog, problems.LOCKED)
        assert waited >= 4.5, "the app waits for the lock (5 seconds) before it says so"
        assert app.rhythm.status()["state"] in ("active", "outside_hours")  # reading still works
    finally:
        holder.communicate("\n", timeout=30)
    dialog.save_button.click()
    saved(dialog)
    assert checkins_with_note(database) == [(2,)]
    assert_kept(before, database)


# --- the data folder gone while Reconnect runs ----------------------------------------------


def test_the_data_folder_deleted_while_running(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = started(app_in, data)
    dialog = app.practise_until_checkin("sunlight")
    answer(dialog)
    with app.context.database().engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM checkins").scalar()
    shutil.rmtree(data)

    dialog.save_button.click()
    message = problems.missing_message(str(data))
    refused(dialog, message)
    assert "put it back" in message and "quit Reconnect and start it again" in message
    # Nothing went into the deleted file, where the open connections could still write.
    with app.context.database().engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM checkins").scalar() == count
    assert not data.exists(), "the folder is not silently made again"

    dialog.not_now_button.click()  # the app goes on: breaks are planned and let go, told once
    app.fire_wakeup()
    assert told(app) == [message]
    assert app.scheduler.armed_at is not None
    assert not data.exists()

    app.close()  # as the message says: start again, and a new, empty history begins
    app_in.remove(app)
    again = started(app_in, data)
    assert again.records.practice_counts()[0].checkins == 1


def test_the_data_folder_moved_away_and_back(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = started(app_in, data)
    database = data / "reconnect.db"
    before = history_rows(database)
    dialog = app.practise_until_checkin("sunlight")
    answer(dialog)
    data.rename(tmp_path / "moved")
    dialog.save_button.click()
    refused(dialog, problems.missing_message(str(data)))
    (tmp_path / "moved").rename(data)
    dialog.save_button.click()
    saved(dialog)
    assert checkins_with_note(database) == [(2,)]
    assert_kept(before, database)


def test_the_database_replaced_while_running(app_in: list[App], tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = started(app_in, data)
    database = data / "reconnect.db"
    dialog = app.practise_until_checkin("sunlight")
    answer(dialog)
    copy = tmp_path / "copy.db"
    with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    before = history_rows(copy)
    copy.replace(database)  # say, a copy put back from elsewhere
    dialog.save_button.click()
    refused(dialog, problems.replaced_message(str(database)))
    assert history_rows(database) == before, "the new file is left as it is"
