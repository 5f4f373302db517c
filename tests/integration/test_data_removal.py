"""Deleting all of the person's data: a real data folder with a real database, nothing left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.settings import Settings
from reconnect.paths import DataPaths, sqlite_url
from reconnect.services.data_removal import MARKER_FILES, RemovalProblem, delete_all_data
from reconnect.settings_store import SettingsFile
from reconnect.storage.database import backup_sqlite

PRACTICE = """\
id = "my-tea"
title = "My tea"
"""


def fill(context: bootstrap.Context) -> DataPaths:
    """A data folder as a person's would be after a while: every kind of file Reconnect makes."""
    paths = context.paths
    database = context.database()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM sessions")
    SettingsFile(paths.settings_file).save(Settings({"rhythm.interval_minutes": 45}))
    (paths.root / "settings.broken-20261117-093000.json").write_text("{", encoding="utf-8")
    backup_sqlite(paths.database_file, paths.backups / "daily-20261116.db")
    backup_sqlite(paths.database_file, paths.backups / "before-migration-0002-20261101.db")
    paths.logs.mkdir()
    (paths.logs / "reconnect.log").write_text("started\n", encoding="utf-8")
    (paths.logs / "reconnect.log.1").write_text("earlier\n", encoding="utf-8")
    (paths.own_practices / "drafts").mkdir(parents=True)
    (paths.own_practices / "my-tea.toml").write_text(PRACTICE, encoding="utf-8")
    (paths.own_practices / "drafts" / "walk.toml").write_text(PRACTICE, encoding="utf-8")
    for name in MARKER_FILES:
        (paths.root / name).touch()
    return paths


@pytest.fixture
def context(data_dir: Path, clock: FakeClock) -> bootstrap.Context:
    return bootstrap.build(str(data_dir), {}, clock)


def test_everything_is_removed_and_counted(context: bootstrap.Context) -> None:
    paths = fill(context)
    assert paths.database_file.with_name("reconnect.db-wal").exists()  # the database is open
    closed: list[bool] = []

    def close() -> None:
        closed.append(True)
        context.close()

    report = delete_all_data(paths, close)

    assert closed == [True]
    assert not paths.root.exists()
    assert report.complete and report.left == ()
    found = {item.what: (item.path, item.files) for item in report.removed}
    assert found["your history and check-ins"][0] == paths.database_file
    assert found["your history and check-ins"][1] >= 1
    assert found["the backups of your history"] == (paths.backups, 2)
    assert found["the log files"] == (paths.logs, 2)
    assert found["your own practices"] == (paths.own_practices, 2)
    assert found["your settings"] == (paths.settings_file, 2 + len(MARKER_FILES))
    assert found["the data folder, now empty"] == (paths.root, 0)
    lines = report.lines()
    assert f"The log files: 2 files, {paths.logs}." in lines
    assert f"The data folder, now empty: {paths.root}." in lines


def test_the_database_is_closed_before_its_files_go(context: bootstrap.Context) -> None:
    paths = fill(context)
    seen: list[bool] = []
    report = delete_all_data(paths, lambda: seen.append(paths.database_file.exists()))
    assert seen == [True]
    assert report.complete
    context.close()
    assert not paths.root.exists()


def test_what_is_not_reconnects_is_left_and_named(context: bootstrap.Context) -> None:
    paths = fill(context)
    (paths.root / "holiday.jpg").write_bytes(b"\xff\xd8")
    report = delete_all_data(paths, context.close)
    assert report.complete
    assert report.left == (paths.root / "holiday.jpg",)
    assert sorted(p.name for p in paths.root.iterdir()) == ["holiday.jpg"]
    assert f"Left as it was, not made by Reconnect: {paths.root / 'holiday.jpg'}." in (
        report.lines()
    )


def test_a_file_that_cannot_be_removed_is_reported_not_raised(
    context: bootstrap.Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = fill(context)
    stuck = paths.own_practices / "my-tea.toml"
    unlink = Path.unlink

    def refusing(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", refusing)
    report = delete_all_data(paths, context.close)

    assert not report.complete
    assert report.problems == (RemovalProblem(str(stuck), "Permission denied"),)
    assert report.left == ()  # the practices folder is reported through its file, not as "left"
    assert sorted(p.name for p in paths.root.iterdir()) == ["practices"]
    assert [p.name for p in paths.own_practices.iterdir()] == ["my-tea.toml"]
    assert f"Still there: {stuck} (Permission denied)." in report.lines()
    assert not paths.database_file.exists() and not paths.settings_file.exists()


def test_a_linked_practices_folder_is_unlinked_never_followed(
    context: bootstrap.Context, tmp_path: Path
) -> None:
    paths = fill(context)
    for child in paths.own_practices.rglob("*"):
        if child.is_file():
            child.unlink()
    for child in sorted(paths.own_practices.rglob("*"), reverse=True):
        child.rmdir()
    paths.own_practices.rmdir()
    elsewhere = tmp_path / "my-shared-practices"
    elsewhere.mkdir()
    (elsewhere / "keep.toml").write_text(PRACTICE, encoding="utf-8")
    paths.own_practices.symlink_to(elsewhere, target_is_directory=True)

    report = delete_all_data(paths, context.close)

    assert report.complete
    assert not paths.root.exists()
    assert (elsewhere / "keep.toml").read_text(encoding="utf-8") == PRACTICE


def test_a_database_elsewhere_goes_too(data_dir: Path, tmp_path: Path, clock: FakeClock) -> None:
    database = tmp_path / "elsewhere" / "history.db"
    context = bootstrap.build(
        str(data_dir), {"RECONNECT_DATABASE_URL": sqlite_url(database)}, clock
    )
    context.database()
    report = delete_all_data(context.paths, context.close)
    assert report.complete
    assert not database.exists()
    assert [p.name for p in database.parent.iterdir()] == []
    assert report.removed[0].path == database


def test_a_database_server_is_named_without_its_password(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "settings.json").write_text("{}\n", encoding="utf-8")
    paths = DataPaths(data_dir, "postgresql://me:secret@db.example/reconnect")
    report = delete_all_data(paths, lambda: None)
    assert [p.where for p in report.problems] == ["postgresql://db.example/reconnect"]
    assert "database server" in report.problems[0].problem
    assert "secret" not in " ".join(report.lines())
    assert not data_dir.exists()


def test_nothing_there_is_nothing_to_report(data_dir: Path) -> None:
    report = delete_all_data(
        DataPaths(data_dir, sqlite_url(data_dir / "reconnect.db")), lambda: None
    )
    assert report.complete and report.removed == () and report.left == ()


def test_a_failing_close_does_not_stop_the_removal(
    context: bootstrap.Context, caplog: pytest.LogCaptureFixture
) -> None:
    paths = fill(context)
    context.close()

    def fails() -> None:
        raise RuntimeError("engine gone")

    report = delete_all_data(paths, fails)
    assert report.complete and not paths.root.exists()
    assert "could not be closed" in caplog.text


def test_the_marker_names_match_the_app() -> None:
    from reconnect.app.windows import NO_TRAY_NOTICE
    from reconnect.services.dashboard import QUIET_NOTE_MARKER
    from reconnect.services.range_memory import RANGE_MEMORY
    from reconnect.ui.care.first_run import FIRST_RUN_MARKER

    for marker in (NO_TRAY_NOTICE, RANGE_MEMORY, FIRST_RUN_MARKER, QUIET_NOTE_MARKER):
        assert marker in MARKER_FILES


@pytest.mark.skipif(os.geteuid() == 0, reason="root may remove anything")
def test_an_unreadable_folder_is_reported(context: bootstrap.Context) -> None:
    paths = fill(context)
    locked = paths.logs
    locked.chmod(0o500)
    try:
        report = delete_all_data(paths, context.close)
    finally:
        locked.chmod(0o700)
    assert not report.complete
    assert {p.where for p in report.problems} == {
        str(locked / "reconnect.log"),
        str(locked / "reconnect.log.1"),
    }
    assert report.left == ()
    assert not paths.database_file.exists()
