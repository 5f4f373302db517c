"""The dashboard's choice of computer: shown once a second computer shares the history."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.recording import logged_session
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.dashboard.dashboard_window import DashboardWindow
from tests.support.dashboard import shown_dashboard


@pytest.fixture
def context(tmp_path: Path, clock: FakeClock) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    yield context
    context.close()


def write(context: bootstrap.Context, computer: str, levels: list[int]) -> None:
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    now = context.clock.now()
    sessions = [
        dataclasses.replace(
            logged_session(practice, now, level, finished_at=now - timedelta(hours=i + 1)),
            computer=computer,
        )
        for i, level in enumerate(levels)
    ]
    with UnitOfWork(context.database().session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()


def dashboard(qtbot: QtBot, context: bootstrap.Context) -> DashboardWindow:
    return shown_dashboard(qtbot, context)


def week_figures(window: DashboardWindow) -> list[str]:
    return [label.text() for label in window.overview.cards[0].figure_labels]


def test_one_computer_needs_no_choice(qtbot: QtBot, context: bootstrap.Context) -> None:
    write(context, "laptop", [2, 1])
    window = dashboard(qtbot, context)
    assert not window.computer.isVisible() and not window.computer_label.isVisible()
    assert window.chosen_computer is None


def test_choosing_a_computer_shows_its_moments_alone(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    write(context, "laptop", [2, 1, 0])
    write(context, "desktop", [3])
    window = dashboard(qtbot, context)
    assert window.computer.isVisible()
    assert window.computer.accessibleName() == "Computer whose moments are shown"
    assert window.computer_label.buddy() is window.computer
    items = [window.computer.itemText(i) for i in range(window.computer.count())]
    assert items == ["All computers", "desktop", "laptop"]
    assert window.figures().checkins == 4

    window.computer.setCurrentIndex(items.index("laptop"))
    assert window.chosen_computer == "laptop"
    assert window.figures().checkins == 3
    assert ">3</span>" in week_figures(window)[0]  # this week's practices
    window.show_section("History")
    assert window.history is not None
    qtbot.waitUntil(lambda: window.history is not None and window.history.model.rowCount() == 3)

    window.computer.setCurrentIndex(items.index("desktop"))
    assert window.figures().checkins == 1
    qtbot.waitUntil(lambda: window.history is not None and window.history.model.rowCount() == 1)
    window.refresh()  # the choice stays when the dashboard reads again
    assert window.chosen_computer == "desktop"
