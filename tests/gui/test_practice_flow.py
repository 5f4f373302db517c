"""Start to saved check-in: the session row, its outcome, and what stirred, in the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import Trigger
from reconnect.paths import illustrations_dir
from reconnect.services.breaks import BreakRecords
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from reconnect.ui.practice.player_window import PlayerWindow
from reconnect.ui.practice.practice_flow import PracticeFlow
from tests.gui.test_player_window import FakeSound

NOW = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@dataclass
class Flow:
    flow: PracticeFlow
    clock: FakeClock
    records: BreakRecords
    data: Path
    started_instead: list[tuple[str, Trigger]]

    def begin(self, practice_id: str) -> tuple[str, PlayerWindow]:
        practice = bootstrap.build(str(self.data), {}, self.clock).library.get(practice_id)
        assert practice is not None
        session = self.records.start(practice, Trigger.TRAY, self.clock.now())
        self.flow.open(session.id, practice_id, Trigger.TRAY)
        player = self.flow.player
        assert player is not None
        player.tick_timer.stop()
        return session.id, player

    def wait(self, player: PlayerWindow, seconds: float) -> None:
        self.clock.advance(timedelta(seconds=seconds))
        player.on_tick()

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.data / "reconnect.db") as connection:
            rows = connection.execute(sql).fetchall()
        connection.close()
        return rows


@pytest.fixture
def flow(qtbot: QtBot, tmp_path: Path) -> Iterator[Flow]:
    clock = FakeClock(NOW)
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    records = BreakRecords(context.database().session_factory)
    started: list[tuple[str, Trigger]] = []
    practice_flow = PracticeFlow(
        clock=clock,
        library=context.library,
        records=records,
        sound=FakeSound(),
        illustrations=illustrations_dir(),
        reduced_motion=lambda: False,
        music_source=lambda: None,
        choose_music=lambda: None,
        make_checkin=lambda title, save, note: CheckInDialog(title, save, note),
        start_instead=lambda pid, trigger: started.append((pid, trigger)),
    )
    yield Flow(practice_flow, clock, records, tmp_path / "data", started)
    context.close()


def test_a_finished_practice_asks_and_saves_what_stirred(qtbot: QtBot, flow: Flow) -> None:
    session_id, player = flow.begin("hand-on-heart")
    assert flow.rows("SELECT outcome FROM sessions") == [(None,)]  # written when it starts
    with qtbot.waitSignal(flow.flow.checkin_opened, timeout=2000) as opened:
        flow.wait(player, 600)
    dialog = opened.args[0]
    assert flow.rows("SELECT outcome FROM sessions") == [("completed",)]
    qtbot.keyClick(dialog, "2")
    with qtbot.waitSignal(flow.flow.done, timeout=2000):
        dialog.save_button.click()
    assert flow.rows("SELECT session_id, level FROM checkins") == [(session_id, 2)]


def test_not_now_leaves_a_completed_session_without_a_checkin(qtbot: QtBot, flow: Flow) -> None:
    _, player = flow.begin("hand-on-heart")
    with qtbot.waitSignal(flow.flow.checkin_opened, timeout=2000) as opened:
        flow.wait(player, 600)
    with qtbot.waitSignal(flow.flow.done, timeout=2000):
        opened.args[0].not_now_button.click()
    assert flow.rows("SELECT outcome FROM sessions") == [("completed",)]
    assert flow.rows("SELECT count(*) FROM checkins") == [(0,)]


def test_a_short_stop_asks_nothing(qtbot: QtBot, flow: Flow) -> None:
    _, player = flow.begin("hand-on-heart")
    flow.wait(player, 5)
    with qtbot.waitSignal(flow.flow.done, timeout=2000):
        player.stop()
    assert flow.rows("SELECT outcome FROM sessions") == [("stopped_early",)]
    assert flow.flow.checkin is None


def test_i_cant_right_now_starts_the_alternative(qtbot: QtBot, flow: Flow) -> None:
    _, player = flow.begin("sunlight")
    while not player.cant_button.isVisible():
        flow.wait(player, 5)
    player.cant_button.click()
    assert flow.started_instead == [("light-indoors", Trigger.TRAY)]
    assert flow.rows("SELECT outcome FROM sessions") == [("stopped_early",)]


def test_every_field_of_the_checkin_is_saved_with_the_journal(qtbot: QtBot, flow: Flow) -> None:
    session_id, player = flow.begin("journal-body-now")
    while player.side.currentWidget() is not player.journal:
        flow.wait(player, 5)
    qtbot.keyClicks(player.journal, "shoulders heavy, feet warm")
    with qtbot.waitSignal(flow.flow.checkin_opened, timeout=2000) as opened:
        flow.wait(player, 900)
    dialog = opened.args[0]
    assert dialog.note.toPlainText() == "shoulders heavy, feet warm"
    dialog.choose_level(1)
    dialog.body_chips["chest"].click()
    dialog.body_chips["whole-body"].click()
    dialog.feeling_chips["calm"].click()
    qtbot.keyClicks(dialog.own_words, "a bit lighter, Warm")
    saved_before_closing: list[list[tuple[object, ...]]] = []
    dialog.finished.connect(
        lambda _: saved_before_closing.append(flow.rows("SELECT level FROM checkins"))
    )
    with qtbot.waitSignal(flow.flow.done, timeout=2000):
        dialog.save_button.click()
    assert saved_before_closing == [[(1,)]]
    assert flow.rows("SELECT session_id, level, note FROM checkins") == [
        (session_id, 1, "shoulders heavy, feet warm")
    ]
    marks = flow.rows("SELECT kind, value FROM checkin_marks ORDER BY kind, position")
    assert marks == [
        ("body", "chest"),
        ("body", "whole-body"),
        ("feeling", "calm"),
        ("feeling", "a bit lighter"),
        ("feeling", "warm"),
    ]
