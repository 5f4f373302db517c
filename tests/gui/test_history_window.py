"""The recent-moments window: a tested table model, and a kind empty state."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.ui.history_window import HistoryWindow

WHEN = datetime(2026, 11, 17, 14, 5, tzinfo=ZoneInfo("Europe/Berlin"))


def sessions() -> list[BreakSession]:
    with_checkin = new_id()
    return [
        BreakSession(
            with_checkin, "hand-on-heart", "Hand on heart", Trigger.TRAY, Moment.of(WHEN),
            Moment.of(WHEN + timedelta(minutes=2)), Outcome.COMPLETED,
            make_checkin(with_checkin, WHEN, 0, ["chest"], ["calm"], "quiet"),
        ),
        BreakSession(new_id(), "sunlight", "Sunlight", Trigger.SCHEDULED, Moment.of(WHEN)),
    ]  # fmt: skip


def test_the_table_shows_each_session(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    window = HistoryWindow(sessions())
    qtbot.addWidget(window)
    qtmodeltester.check(window.model)
    model = window.model
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["Tue 17 Nov, 14:05", "Hand on heart", "done", "nothing", "chest, calm · quiet"]
    assert model.index(1, 2).data() == "open"
    assert model.index(1, 3).data() == "no check-in"


def test_an_empty_history_says_what_will_appear(qtbot: QtBot) -> None:
    window = HistoryWindow([])
    qtbot.addWidget(window)
    labels = [w.text() for w in window.findChildren(type(window.layout().itemAt(0).widget()))]
    assert any("Nothing here yet" in text for text in labels)
