"""The history table's "How it ended" column: the core's words, in the person's language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from reconnect.core import i18n
from reconnect.core.outcome_words import outcome_word
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.services.history_edits import HistorySlice
from reconnect.ui.dashboard.history_table_model import HistoryTableModel

TUESDAY = datetime(2026, 11, 17, 9, 5, tzinfo=ZoneInfo("Europe/Berlin"))
OUTCOMES: list[Outcome | None] = [*Outcome, None]
ENDED = 2  # the column "How it ended"
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


@pytest.fixture(autouse=True)
def as_written() -> Iterator[None]:
    yield
    i18n.uninstall()


def model_of_every_outcome() -> HistoryTableModel:
    sessions = []
    for minutes, outcome in enumerate(OUTCOMES):
        started = Moment.of(TUESDAY - timedelta(minutes=minutes))
        ended = None if outcome is None else Moment.of(started.local + timedelta(minutes=3))
        sessions.append(
            BreakSession(new_id(), "sunlight", "Sunlight", Trigger.TRAY, started, ended, outcome)
        )
    page = HistorySlice(tuple(sessions), 0, len(sessions), False)
    model = HistoryTableModel(lambda limit, offset: page)
    model.reset(page)
    return model


def ended(model: HistoryTableModel, role: int) -> list[object]:
    return [model.index(row, ENDED).data(role) for row in range(model.rowCount())]


def test_each_outcome_is_said_in_the_words_the_command_line_uses(
    qtmodeltester: ModelTester,
) -> None:
    model = model_of_every_outcome()
    qtmodeltester.check(model)
    for role in ROLES:
        assert ended(model, role) == [outcome_word(outcome) for outcome in OUTCOMES]
    assert ended(model, Qt.ItemDataRole.DisplayRole)[-2:] == ["a natural break", "open"]
    assert "not seen" in ended(model, Qt.ItemDataRole.DisplayRole)


def test_the_words_follow_the_language_the_app_installed() -> None:
    i18n.install(lambda context, text: f"{context}:{text}")
    model = model_of_every_outcome()
    assert ended(model, Qt.ItemDataRole.DisplayRole)[:2] == [
        "OutcomeWords:done",
        "OutcomeWords:stopped early",
    ]
    assert ended(model, Qt.ItemDataRole.DisplayRole)[-1] == "OutcomeWords:open"
