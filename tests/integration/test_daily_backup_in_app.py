"""The running app's daily copy: taken once a day, and a failure never stops the app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from reconnect import bootstrap
from reconnect.core.clock import FakeClock


def test_one_copy_a_day(tmp_path: Path, clock: FakeClock) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        bootstrap.take_daily_backup(context)
        bootstrap.take_daily_backup(context)
        copies = sorted(p.name for p in (tmp_path / "data" / "backups").glob("daily-*.db"))
        assert copies == ["daily-2026-11-17.db"]
        clock.advance(timedelta(hours=24))
        bootstrap.take_daily_backup(context)
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
            bootstrap.take_daily_backup(context)
        assert "today's backup could not be taken" in caplog.text
    finally:
        context.close()
