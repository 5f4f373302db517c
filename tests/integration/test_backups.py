"""The daily copies of the history, listing them, and restoring one, on real SQLite files."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from reconnect.core.clock import FakeClock
from reconnect.core.errors import InputError
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.paths import DataPaths, resolve_data_paths
from reconnect.storage import backup_restore, backups
from reconnect.storage import database as db
from reconnect.storage.database import Database, open_database
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.unit_of_work import UnitOfWork
from tests.conftest import BERLIN, CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return resolve_data_paths(data_dir, {})


@pytest.fixture
def database(paths: DataPaths, clock: FakeClock) -> Iterator[Database]:
    database = open_database(paths, now=clock.now())
    yield database
    database.close()


def add_sessions(database: Database, count: int, start: datetime) -> None:
    with UnitOfWork(database.session_factory) as uow:
        for number in range(count):
            when = start + timedelta(minutes=10 * number)
            session_id = new_id()
            ended = when + timedelta(minutes=2)
            uow.history.add(
                BreakSession(
                    session_id,
                    "hand-on-heart",
                    "Hand on heart",
                    Trigger.TRAY,
                    Moment.of(when),
                    Moment.of(ended),
                    Outcome.COMPLETED,
                    # every other session has a check-in
                    make_checkin(session_id, ended, 2, ["chest"], ["warmth"], "")
                    if number % 2 == 0
                    else None,
                )
            )
        uow.commit()


def looking(file: Path) -> sqlite3.Connection:
    """Open a closed database file only to look, leaving no -wal or -shm behind."""
    return sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro&immutable=1", uri=True)


def history_of(file: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = looking(file)
    try:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("sessions", "checkins", "checkin_marks", "prompts")
        }
    finally:
        connection.close()


def daily_copies(paths: DataPaths) -> list[str]:
    return sorted(p.name for p in paths.backups.glob("daily-*.db"))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- the daily copy ----------------------------------------------------------------------------


def test_one_copy_is_taken_each_local_day(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    add_sessions(database, 3, clock.now())
    first = backups.daily_backup(paths, database, clock.now())
    assert first == paths.backups / "daily-2026-11-17.db"
    assert backups.daily_backup(paths, database, clock.now()) is None
    # Late that evening in Berlin it is already the next day in UTC: still the same local day.
    clock.advance(timedelta(hours=9, minutes=15))  # 23:45 local, 22:45 UTC
    assert backups.daily_backup(paths, database.engine, clock.now()) is None
    clock.advance(timedelta(minutes=30))  # 00:15 local on the 18th, still the 17th in UTC
    assert backups.daily_backup(paths, database, clock.now()) == (
        paths.backups / "daily-2026-11-18.db"
    )
    assert daily_copies(paths) == ["daily-2026-11-17.db", "daily-2026-11-18.db"]


def test_copies_are_private_single_files(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    add_sessions(database, 2, clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    assert copy is not None
    assert mode_of(paths.backups) == 0o700
    assert mode_of(copy) == 0o600
    assert sorted(p.name for p in paths.backups.iterdir()) == [copy.name]  # no temp, no -wal
    header = copy.read_bytes()[:20]
    assert header[18:20] == b"\x01\x01"  # rollback journal, so the file is complete by itself


def test_the_newest_seven_daily_copies_are_kept_and_no_other_copy_is_removed(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    paths.backups.mkdir(mode=0o700)
    others = [
        "before-migration-0001-20260101-090000.db",
        "before-restore-20260102-090000.db",
        "my-own-copy.db",
    ]
    for name in others:
        (paths.backups / name).write_bytes(b"kept as it is")
    for _ in range(10):
        assert backups.daily_backup(paths, database, clock.now()) is not None
        clock.advance(timedelta(days=1))
    assert daily_copies(paths) == [f"daily-2026-11-{day}.db" for day in range(20, 27)]
    for name in others:
        assert (paths.backups / name).read_bytes() == b"kept as it is"


def test_committed_rows_still_in_the_write_ahead_log_are_in_the_copy(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    add_sessions(database, 4, clock.now())
    # Another program writes and commits, keeping the log unfolded, and leaves a write pending.
    other = sqlite3.connect(paths.database_file, isolation_level=None)
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("UPDATE sessions SET practice_title = 'Committed'")
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM checkins")  # not committed: must not be in the copy
        wal = Path(f"{paths.database_file}-wal")
        assert wal.stat().st_size > 0
        copy = backups.daily_backup(paths, database, clock.now())
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert copy is not None
    with looking(copy) as connection:
        titles = connection.execute("SELECT DISTINCT practice_title FROM sessions").fetchall()
        assert titles == [("Committed",)]
        assert connection.execute("SELECT count(*) FROM checkins").fetchone() == (2,)
    connection.close()


# --- listing -----------------------------------------------------------------------------------


def test_backups_are_listed_newest_first_with_what_they_hold(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    assert backups.list_backups(paths) == []
    add_sessions(database, 3, clock.now())
    backups.daily_backup(paths, database, clock.now())
    clock.advance(timedelta(days=1))
    add_sessions(database, 2, clock.now())
    newest = backups.daily_backup(paths, database, clock.now())
    assert newest is not None

    found = backups.list_backups(paths)
    assert [(i.path.name, i.kind, i.sessions, i.checkins) for i in found] == [
        ("daily-2026-11-18.db", "daily", 5, 3),
        ("daily-2026-11-17.db", "daily", 3, 2),
    ]
    assert found[0].taken_at == clock.now().astimezone(UTC)
    assert found[0].size == newest.stat().st_size
    assert found[0].schema == db.HEAD_REVISION and found[0].readable


def test_a_damaged_copy_is_listed_as_unreadable(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    add_sessions(database, 30, clock.now())
    good = backups.daily_backup(paths, database, clock.now())
    assert good is not None
    data = good.read_bytes()
    (paths.backups / "daily-2026-11-10.db").write_bytes(b"not a database" * 300)
    (paths.backups / "daily-2026-11-11.db").write_bytes(data[: len(data) // 2])
    (paths.backups / "before-restore-20261101-120000.db").write_bytes(
        data[:4096] + b"\xff" * (len(data) - 4096)
    )

    found = {info.path.name: info for info in backups.list_backups(paths)}
    assert found[good.name].readable and found[good.name].sessions == 30
    for name in ("daily-2026-11-10.db", "daily-2026-11-11.db", "before-restore-20261101-120000.db"):
        assert found[name].problem == "cannot be read", name
        assert found[name].sessions is None and not found[name].readable
    assert not list(paths.backups.glob("*-wal")) and not list(paths.backups.glob("*-shm"))


# --- restoring ---------------------------------------------------------------------------------


def test_restoring_a_copy_brings_its_history_back_and_keeps_the_one_it_replaced(
    paths: DataPaths, clock: FakeClock
) -> None:
    database = open_database(paths, now=clock.now())
    add_sessions(database, 3, clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    assert copy is not None
    add_sessions(database, 4, clock.now() + timedelta(hours=1))
    database.close()
    previous = history_of(paths.database_file)
    copied = history_of(copy)
    assert len(previous["sessions"]) == 7 and len(copied["sessions"]) == 3

    clock.advance(timedelta(hours=2))
    report = backup_restore.restore(paths, copy, clock.now())

    assert history_of(paths.database_file) == copied
    assert report.before_restore == paths.backups / "before-restore-20261117-163000.db"
    assert history_of(report.before_restore) == previous
    assert mode_of(report.before_restore) == 0o600
    assert mode_of(paths.database_file) == 0o600
    assert (report.sessions, report.checkins) == (3, 2)
    assert report.source == copy and report.migrated_from is None
    assert not report.before_restore_as_is
    assert copy.exists()  # the copy itself stays where it was
    leftovers = [p.name for p in paths.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    again = open_database(paths, now=clock.now())
    try:
        with again.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA quick_check")).scalar() == "ok"
    finally:
        again.close()


def test_the_before_restore_copy_can_itself_be_restored(paths: DataPaths, clock: FakeClock) -> None:
    database = open_database(paths, now=clock.now())
    add_sessions(database, 2, clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    add_sessions(database, 2, clock.now())
    database.close()
    original = history_of(paths.database_file)
    assert copy is not None
    report = backup_restore.restore(paths, copy, clock.now())
    assert report.before_restore is not None
    clock.advance(timedelta(minutes=1))
    backup_restore.restore(paths, report.before_restore, clock.now())
    assert history_of(paths.database_file) == original


def test_an_older_copy_is_brought_up_to_date(paths: DataPaths, clock: FakeClock) -> None:
    from alembic import command

    old = paths.root.parent / "old.db"
    paths.root.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO sessions VALUES ('s1', 'sunlight', 'Sunlight', 'tray', 'completed', "
                "'2026-11-17 13:00:00', 60, NULL, NULL, '2026-11-17', 14, 1)"
            )
        )
    engine.dispose()
    open_database(paths, now=clock.now()).close()

    report = backup_restore.restore(paths, old, clock.now())

    assert report.migrated_from == "0001"
    assert (report.sessions, report.checkins) == (1, 0)
    with looking(paths.database_file) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            db.HEAD_REVISION,
        )
    connection.close()


def test_restoring_into_an_empty_data_folder(
    paths: DataPaths, clock: FakeClock, tmp_path: Path
) -> None:
    elsewhere = resolve_data_paths(tmp_path / "old-data", {})
    database = open_database(elsewhere, now=clock.now())
    add_sessions(database, 2, clock.now())
    database.close()

    report = backup_restore.restore(paths, elsewhere.database_file, clock.now())

    assert report.before_restore is None and report.sessions == 2
    assert history_of(paths.database_file) == history_of(elsewhere.database_file)


def test_a_history_sqlite_cannot_read_is_kept_byte_for_byte(
    paths: DataPaths, clock: FakeClock, tmp_path: Path
) -> None:
    elsewhere = resolve_data_paths(tmp_path / "old-data", {})
    open_database(elsewhere, now=clock.now()).close()
    paths.root.mkdir(mode=0o700)
    damaged = b"this was a database once" * 200
    paths.database_file.write_bytes(damaged)

    report = backup_restore.restore(paths, elsewhere.database_file, clock.now())

    assert report.before_restore_as_is and report.before_restore is not None
    assert report.before_restore.read_bytes() == damaged
    assert mode_of(report.before_restore) == 0o600
    open_database(paths, now=clock.now()).close()


@pytest.mark.parametrize("damage", ["tail overwritten", "cut short"])
def test_a_partly_damaged_history_can_be_replaced(
    paths: DataPaths, clock: FakeClock, tmp_path: Path, damage: str
) -> None:
    elsewhere = resolve_data_paths(tmp_path / "old-data", {})
    database = open_database(elsewhere, now=clock.now())
    add_sessions(database, 3, clock.now())
    database.close()
    healthy = open_database(paths, now=clock.now())
    add_sessions(healthy, 60, clock.now())
    healthy.close()
    data = paths.database_file.read_bytes()
    if damage == "cut short":
        paths.database_file.write_bytes(data[: len(data) // 2])
    else:
        paths.database_file.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))

    report = backup_restore.restore(paths, elsewhere.database_file, clock.now())

    assert report.before_restore is not None and report.before_restore.exists()
    assert report.sessions == 3
    assert history_of(paths.database_file) == history_of(elsewhere.database_file)


def test_nobody_can_write_between_the_copy_and_the_swap(
    paths: DataPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(paths, now=clock.now())
    add_sessions(database, 2, clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    add_sessions(database, 1, clock.now())
    database.close()
    assert copy is not None
    previous = history_of(paths.database_file)
    real_copy = backup_restore.online_copy
    late_writes: list[str] = []

    def copy_then_someone_writes(source: sqlite3.Connection, target: Path, now: datetime) -> None:
        real_copy(source, target, now)
        late = sqlite3.connect(paths.database_file, timeout=0.1)  # the app starting just then
        try:
            late.execute("PRAGMA journal_mode = WAL")
            late.execute("UPDATE sessions SET practice_title = 'Written late'")
            late.commit()
            late_writes.append("written")
        except sqlite3.OperationalError as error:
            late_writes.append(str(error))
        finally:
            late.close()

    monkeypatch.setattr(backup_restore, "online_copy", copy_then_someone_writes)
    report = backup_restore.restore(paths, copy, clock.now())

    assert late_writes == ["database is locked"]
    assert report.before_restore is not None
    assert history_of(report.before_restore) == previous
    assert history_of(paths.database_file) == history_of(copy)


def test_the_previous_history_is_put_back_if_the_restored_one_fails_to_open(
    paths: DataPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(paths, now=clock.now())
    add_sessions(database, 2, clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    add_sessions(database, 3, clock.now())
    database.close()
    assert copy is not None
    previous = history_of(paths.database_file)

    def failing_open(*args: object, **kwargs: object) -> Database:
        raise DatabaseProblem("unavailable", "The disk said no.")

    monkeypatch.setattr(db, "open_database", failing_open)
    with pytest.raises(DatabaseProblem, match="put back as it was"):
        backup_restore.restore(paths, copy, clock.now())

    assert history_of(paths.database_file) == previous
    assert not [p for p in paths.root.iterdir() if p.name.startswith(".")]


def test_only_the_newest_seven_before_restore_copies_are_kept(
    paths: DataPaths, clock: FakeClock
) -> None:
    database = open_database(paths, now=clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    database.close()
    assert copy is not None
    earlier = clock.now() - timedelta(days=30)
    for day in range(7):
        old = paths.backups / f"before-restore-202610{day + 1:02d}-120000.db"
        old.write_bytes(b"an older history")
        stamp = (earlier + timedelta(days=day)).timestamp()
        os.utime(old, (stamp, stamp))

    report = backup_restore.restore(paths, copy, clock.now())

    kept = sorted(p.name for p in paths.backups.glob("before-restore-*.db"))
    assert len(kept) == 7
    assert "before-restore-20261001-120000.db" not in kept
    assert report.before_restore is not None and report.before_restore.name in kept


def make_newer(file: Path) -> None:
    with sqlite3.connect(file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


def make_foreign(file: Path) -> None:
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()


REFUSED_FILES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "missing": (lambda good, tmp: tmp / "nowhere.db", "there is no file"),
    "a folder": (lambda good, tmp: tmp, "is not a file"),
    "not a database": (
        lambda good, tmp: _write(tmp / "notes.db", b"my diary\n" * 500),
        "not a readable Reconnect database",
    ),
    "damaged": (
        lambda good, tmp: _write(
            tmp / "damaged.db", good.read_bytes()[:4096] + b"\xff" * (good.stat().st_size - 4096)
        ),
        "not a readable Reconnect database",
    ),
    "cut short": (
        lambda good, tmp: _write(tmp / "short.db", good.read_bytes()[: good.stat().st_size // 2]),
        "not a readable Reconnect database",
    ),
    "empty": (lambda good, tmp: _write(tmp / "empty.db", b""), "not one of Reconnect's"),
    "another program's": (
        lambda good, tmp: _changed(tmp / "recipes.db", make_foreign),
        "not one of Reconnect's",
    ),
    "from a newer version": (
        lambda good, tmp: _changed(_copy(good, tmp / "newer.db"), make_newer),
        "newer version of Reconnect",
    ),
}


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


def _changed(path: Path, change: Callable[[Path], None]) -> Path:
    change(path)
    return path


@pytest.mark.parametrize("case", list(REFUSED_FILES))
def test_a_copy_that_cannot_be_used_is_refused_and_nothing_changes(
    paths: DataPaths, clock: FakeClock, tmp_path: Path, case: str
) -> None:
    database = open_database(paths, now=clock.now())
    add_sessions(database, 40, clock.now())
    good = backups.daily_backup(paths, database, clock.now())
    database.close()
    assert good is not None
    make_file, message = REFUSED_FILES[case]
    bad = make_file(good, tmp_path)
    before = paths.database_file.read_bytes()
    folder_before = sorted(p.name for p in paths.root.rglob("*"))

    with pytest.raises(InputError, match=message) as refused:
        backup_restore.restore(paths, bad, clock.now())

    assert paths.database_file.read_bytes() == before
    assert sorted(p.name for p in paths.root.rglob("*")) == folder_before
    assert "has not been changed" in str(refused.value) or case in ("missing", "a folder")


def test_the_current_history_is_not_restored_onto_itself(
    paths: DataPaths, clock: FakeClock
) -> None:
    open_database(paths, now=clock.now()).close()
    with pytest.raises(InputError, match="current history itself"):
        backup_restore.restore(paths, paths.database_file, clock.now())


def test_a_restore_is_refused_while_another_program_has_the_history_open(
    paths: DataPaths, database: Database, clock: FakeClock
) -> None:
    add_sessions(database, 5, clock.now())  # the pool keeps this connection open, as the app's
    copy = backups.daily_backup(paths, database, clock.now())
    assert copy is not None
    before = paths.database_file.read_bytes()

    with pytest.raises(DatabaseProblem, match="open in another program") as refused:
        backup_restore.restore(paths, copy, clock.now())

    assert refused.value.kind == "locked"
    assert "reconnect quit" in str(refused.value)
    assert paths.database_file.read_bytes() == before
    assert list(paths.backups.glob("before-restore-*")) == []
    with UnitOfWork(database.session_factory) as uow:
        assert uow.history.count() == 5


def test_a_database_that_is_not_sqlite_is_left_to_its_server(clock: FakeClock) -> None:
    paths = DataPaths(Path("/nonexistent"), "postgresql://me:secret@db.example/reconnect")
    assert backups.database_file(paths) is None
    with pytest.raises(DatabaseProblem, match="database server's own tools") as refused:
        backup_restore.restore(paths, Path("/nonexistent/copy.db"), clock.now())
    assert "secret" not in str(refused.value)


# --- the commands ------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """What the person types at a terminal."""

    def isatty(self) -> bool:
        return True


def test_backups_command_when_there_are_none(cli: Cli) -> None:
    assert cli("backups") == CliResult(0, backups_none(), "")
    assert cli("backups", "--json") == CliResult(0, "[]\n", "")


def backups_none() -> str:
    return "No backups yet. Reconnect makes one each day it runs.\n"


def test_backups_command_lists_the_copies(cli: Cli, paths: DataPaths, clock: FakeClock) -> None:
    assert cli("log", "hand-on-heart", "--spark", "2").code == 0
    database = open_database(paths, now=clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    database.close()
    assert copy is not None
    damaged = _write(paths.backups / "daily-2026-11-16.db", b"garbage" * 100)
    yesterday = (clock.now() - timedelta(days=1)).timestamp()
    os.utime(damaged, (yesterday, yesterday))

    table = cli("backups")
    assert table.code == 0 and table.err == ""
    lines = table.out.splitlines()
    assert lines[0].split() == ["WHEN", "KIND", "SESSIONS", "CHECK-INS", "SIZE", "PATH"]
    assert lines[1].split()[:5] == ["2026-11-17", "14:30", "daily", "1", "1"]
    assert lines[1].endswith(str(copy))
    assert "cannot be read" in lines[2] and lines[2].endswith("daily-2026-11-16.db")

    listed = json.loads(cli("backups", "--json").out)
    assert listed[0] == {
        "path": str(copy),
        "kind": "daily",
        "taken_at": "2026-11-17T14:30:00+01:00",
        "size_bytes": copy.stat().st_size,
        "sessions": 1,
        "checkins": 1,
        "schema": db.HEAD_REVISION,
        "readable": True,
        "problem": None,
    }
    assert listed[1]["readable"] is False and listed[1]["problem"] == "cannot be read"
    assert listed[1]["sessions"] is None


def _history_and_copy(cli: Cli, paths: DataPaths, clock: FakeClock) -> Path:
    """One logged session in a daily copy, and two in the current history."""
    assert cli("log", "hand-on-heart", "--spark", "2").code == 0
    database = open_database(paths, now=clock.now())
    copy = backups.daily_backup(paths, database, clock.now())
    database.close()
    assert copy is not None
    assert cli("log", "hand-on-heart", "--spark", "0").code == 0
    return copy


def test_restore_needs_yes_when_nobody_can_be_asked(
    cli: Cli, paths: DataPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _history_and_copy(cli, paths, clock)
    monkeypatch.setattr(sys, "stdin", io.StringIO("RESTORE\n"))
    before = paths.database_file.read_bytes()

    result = cli("restore", str(copy))

    assert result.code == 2 and result.out == ""
    assert result.err.startswith("reconnect restore: ") and "add --yes" in result.err
    assert paths.database_file.read_bytes() == before


def test_restore_with_yes(cli: Cli, paths: DataPaths, clock: FakeClock) -> None:
    copy = _history_and_copy(cli, paths, clock)

    result = cli("restore", str(copy), "--yes")

    assert result.code == 0, result.err
    kept = paths.backups / "before-restore-20261117-143000.db"
    assert result.out.splitlines() == [
        f"Restored 1 session and 1 check-in from {copy}.",
        f"Your previous history is kept in {kept}; restore that file to go back.",
        "Reconnect uses it from the next time it starts ('reconnect').",
    ]
    assert len(json.loads(cli("history", "--json").out)) == 1
    assert history_of(kept)["sessions"].__len__() == 2


def test_restore_asks_at_a_terminal(
    cli: Cli, paths: DataPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _history_and_copy(cli, paths, clock)
    before = paths.database_file.read_bytes()

    monkeypatch.setattr(sys, "stdin", Terminal("restore please\n"))
    declined = cli("restore", str(copy))
    assert declined.code == 1
    assert "Type RESTORE to replace your current history with this copy" in declined.out
    assert f"taken first, into {paths.backups}" in declined.out
    assert "1 session and 1 check-in." in declined.out
    assert declined.out.endswith("Nothing was changed.\n")
    assert paths.database_file.read_bytes() == before

    monkeypatch.setattr(sys, "stdin", Terminal("RESTORE\n"))
    accepted = cli("restore", str(copy))
    assert accepted.code == 0, accepted.err
    assert "Restored 1 session and 1 check-in" in accepted.out
    assert len(json.loads(cli("history", "--json").out)) == 1


def test_restore_refuses_a_bad_file_before_asking(
    cli: Cli, paths: DataPaths, clock: FakeClock, tmp_path: Path
) -> None:
    _history_and_copy(cli, paths, clock)
    before = paths.database_file.read_bytes()
    missing = cli("restore", str(tmp_path / "nowhere.db"), "--yes")
    assert missing.code == 2 and "there is no file" in missing.err
    notes = _write(tmp_path / "notes.txt", b"dear diary\n" * 100)
    garbage = cli("restore", str(notes))
    assert garbage.code == 2 and "not a readable Reconnect database" in garbage.err
    assert paths.database_file.read_bytes() == before


def test_restore_waits_for_the_running_app_to_quit(
    cli: Cli, paths: DataPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconnect.desktop import control_client

    copy = _history_and_copy(cli, paths, clock)
    before = paths.database_file.read_bytes()
    asked: list[str] = []

    def running_app(name: str, command: str, *args: object, **kwargs: object) -> dict[str, Any]:
        asked.append(command)
        return {"ok": True, "message": "Active.", "data": {}}

    monkeypatch.setattr(control_client, "send", running_app)
    result = cli("restore", str(copy), "--yes")

    assert result.code == 1 and asked == ["status"]
    assert "Reconnect is running with this data folder" in result.err
    assert "reconnect quit" in result.err
    assert paths.database_file.read_bytes() == before


def test_commands_with_a_database_server(cli: Cli) -> None:
    server = {"RECONNECT_DATABASE_URL": "postgresql://me:secret@db.example/reconnect"}
    listed = cli("backups", environ=server)
    assert listed.code == 0
    assert "database server's own tools" in listed.out and "secret" not in listed.out
    refused = cli("restore", "copy.db", "--yes", environ=server)
    assert refused.code == 1
    assert "database server's own tools" in refused.err and "secret" not in refused.err


def test_the_clock_fixture_is_berlin(clock: FakeClock) -> None:
    # The expected names above are local Berlin times.
    assert clock.now().tzinfo == BERLIN
