"""The running app's daily copy: taken once a day, and a failure never stops the app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from reconnect.app import bootstrap
from reconnect.app import records as app_records
from reconnect.app import tray as app_tray
from reconnect.core.clock import FakeClock


def test_one_copy_a_day(tmp_path: Path, clock: FakeClock) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        app_tray.take_daily_backup(context)
        app_tray.take_daily_backup(context)
        copies = sorted(p.name for p in (tmp_path / "data" / "backups").glob("daily-*.db"))
        assert copies == ["daily-2026-11-17.db"]
        clock.advance(timedelta(hours=24))
        app_tray.take_daily_backup(context)
        copies = sorted(p.name for p in (tmp_path / "data" / "backups").glob("daily-*.db"))
        assert copies == ["daily-2026-11-17.db", "daily-2026-11-18.db"]
    finally:
        context.close()


def test_a_failed_copy_is_logged_not_raised(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        context.database()
        # A file where the backups folder should be (root may write anywhere, so no chmod).
        (tmp_path / "data" / "backups").write_text("not a folder", encoding="utf-8")
        with caplog.at_level("WARNING"):
            app_tray.take_daily_backup(context)
        assert "today's backup could not be taken" in caplog.text
    finally:
        context.close()


def test_the_waiting_tray_copies_its_file_without_opening_the_storage_layer(
    tmp_path: Path, clock: FakeClock
) -> None:
    import sqlite3

    data = tmp_path / "data"
    context = bootstrap.build(str(data), {}, clock)
    context.database()  # a history at this version's schema, as after any earlier day
    context.close()
    context = bootstrap.build(str(data), {}, clock)
    opened: list[bool] = []
    records = app_records.LazyRecords(
        lambda: opened.append(True),
        context.paths.database_file,
        "me",
    )
    try:
        app_tray.take_daily_backup(context, records)
        copy = data / "backups" / "daily-2026-11-17.db"
        with sqlite3.connect(copy) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        connection.close()
        assert {"sessions", "checkins", "prompts", "alembic_version"} <= tables
        assert opened == [] and not records.is_made
        assert context._database is None  # nothing opened it through SQLAlchemy
    finally:
        context.close()
