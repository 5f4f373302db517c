"""Scheduled breaks arriving by themselves: the installed app, the real APScheduler and clock.

``RECONNECT_TEST_SPEED=60`` runs the rhythm sixty times faster (docs/testing.md): with a
10-minute interval a break comes every 10 seconds, and a prompt left alone times out after
10. Four breaks arrive on their own, one after another, and meet each fate: left until it
times out, skipped, snoozed, and the snoozed one coming back and skipped. After each, a job
really waits for the next break, and at the end the log holds no error.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_tray_app import App, prompt_shown
from tests.support.desktop import VirtualDesktop

pytestmark = pytest.mark.slow

SPEED = 60
EVERY_DAY = "00:00-23:59"
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ERROR_LINE = re.compile(r"^\S+ \S+ (ERROR|CRITICAL) ", re.MULTILINE)


def midday_zone(now: datetime) -> str:
    """A time zone where it is about noon now, so every-day working hours hold all test long
    (a run just before midnight would otherwise see the day's hours close)."""
    offset = 12 - now.hour  # -11 to +12 hours from UTC
    if offset == 0:
        return "Etc/UTC"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # the POSIX sign is reversed


def status(app: App) -> dict[str, Any]:
    answer = app.cli("status", "--json")
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)  # type: ignore[no-any-return]


def next_break_armed(app: App) -> dict[str, Any]:
    """The planner has a next break, and the scheduler a job waiting for exactly it."""
    now = status(app)
    assert now["state"] == "active", now
    assert now["next_break_at"] is not None, now
    assert now["wakeup_at"] == now["next_break_at"], now
    return now


@pytest.fixture
def fast_app(installed: Path, tmp_path: Path, with_tray: VirtualDesktop) -> Iterator[App]:
    data = tmp_path / "data"
    app = App(installed, data, with_tray)
    app.env["RECONNECT_TEST_SPEED"] = str(SPEED)
    app.env["TZ"] = midday_zone(datetime.now(UTC))
    settings: dict[str, object] = {f"rhythm.{day}": EVERY_DAY for day in DAYS}
    settings["rhythm.interval_minutes"] = 10
    settings["rhythm.idle_minutes"] = 60  # Xvfb has no one at its keyboard
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    app.x("xdotool", "mousemove", "5", "5")  # the display has been idle since it started
    yield app
    if app.process is not None and app.process.poll() is None:
        app.process.kill()
        app.process.wait()


def test_scheduled_breaks_arrive_by_themselves_one_after_another(fast_app: App) -> None:
    app = fast_app
    process = app.start()
    app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")
    next_break_armed(app)

    # 1. The first break arrives (5 s of grace after the start); left alone, it times out.
    app.wait_for(lambda: prompt_shown(app), "the first scheduled break")
    assert status(app)["state"] == "due"
    app.wait_for(lambda: not prompt_shown(app), "the first prompt to time out", seconds=30)
    next_break_armed(app)

    # 2. The next one, an interval later: skipped.
    app.wait_for(lambda: prompt_shown(app), "the second scheduled break", seconds=30)
    skipped = app.cli("skip")
    assert skipped.returncode == 0 and skipped.stdout.startswith("That break is let go."), skipped
    app.wait_for(lambda: not prompt_shown(app), "the skipped prompt to go")
    next_break_armed(app)

    # 3. The third: snoozed for "5 minutes", 5 seconds at this speed.
    app.wait_for(lambda: prompt_shown(app), "the third scheduled break", seconds=30)
    snoozed = app.cli("snooze", "5")
    assert snoozed.returncode == 0 and snoozed.stdout.startswith("Snoozed."), snoozed
    app.wait_for(lambda: not prompt_shown(app), "the snoozed prompt to go")
    next_break_armed(app)

    # 4. The snoozed break comes back by itself; skipped in its turn.
    app.wait_for(lambda: prompt_shown(app), "the snoozed break to come back", seconds=30)
    assert app.cli("skip").returncode == 0
    next_break_armed(app)

    assert app.cli("quit").returncode == 0
    assert process.wait(20) == 0

    database = app.env["RECONNECT_DATA_DIR"] + "/reconnect.db"
    with sqlite3.connect(database) as connection:
        fates = connection.execute("SELECT fate, quiet FROM prompts ORDER BY offered_at").fetchall()
    connection.close()
    assert fates == [("missed", 0), ("skipped", 0), ("snoozed", 0), ("skipped", 0)]

    log_file = Path(app.env["RECONNECT_DATA_DIR"]) / "logs" / "reconnect.log"
    written = log_file.read_text(encoding="utf-8")
    assert written, "the app wrote nothing to its log"
    assert not ERROR_LINE.search(written), written
    assert "Traceback" not in app.log.read_text(), app.log.read_text()
