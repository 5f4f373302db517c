"""Notes and feelings never reach the log files, even at DEBUG and even when something fails.

A day's worth of writing things down goes through every path a note and a feeling take: the
command line, the services, the check-in window after a practice, export and import. Then the
database is damaged so that saving fails: in the check-in window and in an import (both
logged as they happen), and in a slot where nothing catches it (the crash log writes it down
with its traceback). The log is read afterwards: the distinctive words must be nowhere in it.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.cli.main import main
from reconnect.core.clock import FakeClock
from reconnect.core.history_export import to_json
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import SparkLevel
from reconnect.desktop.crash_log import AppLog, CrashReporter, open_log
from reconnect.paths import illustrations_dir
from reconnect.services import history
from reconnect.services.breaks import BreakRecords
from reconnect.ui.dashboard.history_transfer import HistoryTransfer
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from reconnect.ui.practice.practice_flow import PracticeFlow
from tests.gui.test_player_window import FakeSound

NOW = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
NOTE = "zebra-lantern-7731 under my ribs שלום 😀"
FEELING = "quietude-9157"
# Any of these in a log file is a leak: pieces of the note, the feeling word, in any form.
SECRETS = ("zebra-lantern", "7731", "under my ribs", "שלום", "quietude", "9157")


class Day:
    """A data folder, its database, the app's log at DEBUG, and the crash reporter."""

    def __init__(self, folder: Path, qtbot: QtBot) -> None:
        self.folder = folder
        self.clock = FakeClock(NOW)
        self.context = bootstrap.build(str(folder), {}, self.clock)
        self.records = BreakRecords(self.context.database().session_factory)
        self.log: AppLog = open_log(self.context.paths.logs, level=0)  # everything, DEBUG too
        self.told: list[str] = []
        self.reporter = CrashReporter(self.log.path, tell=self.told.append, err=io.StringIO())
        self.reporter.install()
        self.flow = PracticeFlow(
            clock=self.clock,
            library=self.context.library,
            records=self.records,
            sound=FakeSound(),
            illustrations=illustrations_dir(),
            reduced_motion=lambda: False,
            music_source=lambda: None,
            choose_music=lambda: None,
            make_checkin=lambda title, save, note: CheckInDialog(title, save, note),
            start_instead=lambda pid, trigger: None,
        )
        self.qtbot = qtbot

    def close(self) -> None:
        self.reporter.uninstall()
        self.log.close()
        self.context.close()

    def log_text(self) -> str:
        return "".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(self.context.paths.logs.iterdir())
        )

    def check_in_through_the_window(self) -> CheckInDialog:
        """A practice from start to the check-in window, with the note and feeling typed in."""
        practice = self.context.library.get("hand-on-heart")
        assert practice is not None
        started = self.records.start(practice, Trigger.TRAY, self.clock.now())
        self.flow.open(started.id, practice.id, Trigger.TRAY)
        player = self.flow.player
        assert player is not None
        player.tick_timer.stop()
        with self.qtbot.waitSignal(self.flow.checkin_opened, timeout=2000) as opened:
            self.clock.advance(timedelta(seconds=600))
            player.on_tick()
        dialog: CheckInDialog = opened.args[0]
        dialog.choose_level(2)
        # QTest types Latin-1 only (an emoji aborts it); the rest goes in as if pasted.
        typed, pasted = NOTE.split("שלום")
        self.qtbot.keyClicks(dialog.note, typed)
        dialog.note.insertPlainText("שלום" + pasted)
        self.qtbot.keyClicks(dialog.own_words, FEELING)
        return dialog


@pytest.fixture
def day(qtbot: QtBot, tmp_path: Path) -> Iterator[Day]:
    found = Day(tmp_path / "data", qtbot)
    yield found
    found.close()


def session_with_the_note(session_id: str) -> BreakSession:
    at = Moment.of(NOW)
    return BreakSession(
        session_id,
        "hand-on-heart",
        "Hand on heart",
        Trigger.LOGGED,
        at,
        at,
        Outcome.COMPLETED,
        CheckIn(f"c-{session_id}", session_id, at, SparkLevel.SPARK, ("chest",), (FEELING,), NOTE),
    )


@pytest.mark.qt_no_exception_capture
def test_notes_and_feelings_never_reach_the_log(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    # The command line.
    out, err = io.StringIO(), io.StringIO()
    env = {"RECONNECT_DATA_DIR": str(day.folder)}
    code = main(
        ["log", "hand-on-heart", "--spark", "2", "--note", NOTE, "--feeling", FEELING],
        environ=env,
        clock=day.clock,
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    # The services, and the check-in window after a practice.
    factory = day.context.database().session_factory
    history.record(factory, session_with_the_note("by-service"))
    dialog = day.check_in_through_the_window()
    with qtbot.waitSignal(day.flow.done, timeout=2000):
        dialog.save_button.click()
    # Export, and import through the dashboard's dialogs.
    exported = history.export(factory, "json", Moment.of(NOW), "test")
    assert exported.count(NOTE) == 3 and exported.count(FEELING) == 3
    file = tmp_path / "from-my-laptop.json"
    file.write_text(
        to_json([session_with_the_note("from-laptop")], Moment.of(NOW), "test"), encoding="utf-8"
    )
    said: list[tuple[str, str]] = []
    transfer = HistoryTransfer(
        history.HistoryFiles(factory),
        lambda: Moment.of(NOW),
        choose_open=lambda parent: str(file),
        tell=lambda parent, title, text, problem: said.append((title, text)),
    )
    assert transfer.import_(None)  # type: ignore[arg-type]

    # Now saving fails: the table of body areas and feelings is gone.
    with sqlite3.connect(day.folder / "reconnect.db") as connection:
        connection.execute("DROP TABLE checkin_marks")
    connection.close()
    dialog = day.check_in_through_the_window()
    dialog.save_button.click()  # the flow logs it; the window says what to do
    assert dialog.problem.isVisible()
    dialog.close()
    # A save that nothing catches, in a slot: the crash log writes it down with its traceback.
    QTimer.singleShot(0, lambda: history.record(factory, session_with_the_note("in-a-slot")))
    qtbot.waitUntil(lambda: bool(day.told))
    file.write_text(
        to_json([session_with_the_note("second-laptop")], Moment.of(NOW), "test"),
        encoding="utf-8",
    )
    assert not transfer.import_(None)  # type: ignore[arg-type]
    assert said[-1][0] == "Nothing was imported"

    logged = day.log_text()
    # The failures are there, with their tracebacks, so the log is worth reading...
    assert logged.count("no such table: checkin_marks") >= 3
    assert "a check-in could not be saved" in logged
    assert "an error that nothing caught\nTraceback (most recent call last)" in logged
    assert "import failed" in logged
    # ...and what the person wrote is not.
    for secret in SECRETS:
        assert secret not in logged, f"{secret!r} is in the log"
