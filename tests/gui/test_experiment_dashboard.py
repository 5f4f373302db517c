"""Comparing two practices in the dashboard, on the real service and a temporary history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.experiments import Experiment, assignment
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.core.vocabulary import SparkLevel
from reconnect.services.experiments import Experiments
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.dashboard.dashboard_window import DashboardWindow
from reconnect.ui.dashboard.experiment_dialog import ExperimentDialog
from reconnect.ui.dashboard.library_page import LibraryPage
from tests.support.dashboard import shown_dashboard

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), {}, FakeClock(NOW))
    yield context
    context.close()


def window(qtbot: QtBot, context: bootstrap.Context) -> DashboardWindow:
    library = context.library
    return shown_dashboard(
        qtbot,
        context,
        make_library_page=lambda: LibraryPage(library, lambda: None, comparing=True),
        experiments=Experiments(context.database().session_factory, context.clock, library),
        library=library,
    )


def practised(
    uow: UnitOfWork, practice_id: str, title: str, at: datetime, level: SparkLevel
) -> BreakSession:
    session_id = new_id()
    checkin = CheckIn(new_id(), session_id, Moment.of(at + timedelta(minutes=3)), level)
    session = BreakSession(
        session_id,
        practice_id,
        title,
        Trigger.SCHEDULED,
        Moment.of(at),
        Moment.of(at + timedelta(minutes=2)),
        Outcome.COMPLETED,
        checkin,
    )
    uow.history.add_many([session])
    return session


def offer(
    context: bootstrap.Context, experiment: Experiment, fates: list[SparkLevel | PromptFate]
) -> None:
    """Offer the experiment's next breaks, each taken with a check-in level or let go."""
    with UnitOfWork(context.database().session_factory) as uow:
        for index, fate in enumerate(fates):
            practice_id = assignment(experiment, index)
            title = experiment.title_of(practice_id)
            at = NOW - timedelta(hours=len(fates) - index)
            prompt = Prompt(
                new_id(), Moment.of(at), practice_id, title, experiment_id=experiment.id
            )
            if isinstance(fate, PromptFate):
                prompt = replace(prompt, fate=fate, decided=Moment.of(at))
            else:
                session = practised(uow, practice_id, title, at, fate)
                taken = PromptFate.STARTED
                prompt = replace(prompt, fate=taken, decided=Moment.of(at), session_id=session.id)
            uow.prompts.add(prompt)
        uow.commit()


def the_dialog(qtbot: QtBot, dashboard: DashboardWindow) -> ExperimentDialog:
    assert dashboard.comparisons is not None
    dialog = dashboard.comparisons.findChild(ExperimentDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_compare_from_the_library_runs_and_stops(qtbot: QtBot, context: bootstrap.Context) -> None:
    dashboard = window(qtbot, context)
    dashboard.show_section("Compare")
    section = dashboard.comparisons
    assert section is not None and section.about.isVisible()

    dashboard.show_section("Library")
    card = dashboard.library.cards[2]
    assert card.compare_button is not None
    assert card.compare_button.accessibleName().startswith(f"Compare {card.practice.title}")
    qtbot.mouseClick(card.compare_button, Qt.MouseButton.LeftButton)
    assert dashboard.tabs.currentIndex() == dashboard.SECTIONS.index("Compare")
    dialog = the_dialog(qtbot, dashboard)
    assert dialog.first.currentData() == card.practice.id
    second = dialog.second.currentData()
    with qtbot.waitSignal(section.changed):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    service = Experiments(context.database().session_factory, context.clock, context.library)
    running = service.running()
    assert running is not None
    assert (running.experiment.practice_a, running.experiment.practice_b) == (
        card.practice.id,
        second,
    )
    assert section.running_card.isVisible()
    assert section.running_card.progress.format() == "0 of 20 breaks"

    fates: list[SparkLevel | PromptFate] = [
        SparkLevel.SPARK,
        SparkLevel.NOTHING,
        PromptFate.SKIPPED,
        SparkLevel.FLICKER,
        PromptFate.MISSED,
        SparkLevel.NOTHING,
        SparkLevel.GLOW,
    ]
    offer(context, running.experiment, fates)
    dashboard.show_section("Library")
    dashboard.show_section("Compare")  # read again at each showing: breaks moved it on
    card_now = section.running_card
    assert card_now.progress.format() == "7 of 20 breaks"
    let_go = sum(int(cells[3].text()) for cells in card_now.arms.cells)
    done = sum(int(cells[2].text()) for cells in card_now.arms.cells)
    assert (let_go, done) == (2, 5)
    assert "2 offers were let go" in card_now.sentence.text()

    qtbot.mouseClick(section.stop_button, Qt.MouseButton.LeftButton)
    assert service.running() is None
    assert not section.running_card.isVisible() and section.compare_button.isVisible()
    (finished,) = section.finished_cards
    assert "Stopped after 7 of 20 breaks." in finished.meta.text()


def test_compare_from_what_helps_starts_with_its_practice(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    practices = list(context.library)[:3]
    with UnitOfWork(context.database().session_factory) as uow:
        for day in range(12):
            for number, practice in enumerate(practices):
                level = SparkLevel.SPARK if (day + number) % 3 else SparkLevel.NOTHING
                at = NOW - timedelta(days=day + 1, hours=number)
                practised(uow, practice.id, practice.title, at, level)
        uow.commit()
    dashboard = window(qtbot, context)
    dashboard.show_section("What helps")
    helps = dashboard.helps
    qtbot.waitUntil(lambda: helps.card.isVisible())
    assert helps.compare_button.isVisible()
    qtbot.mouseClick(helps.compare_button, Qt.MouseButton.LeftButton)
    assert dashboard.tabs.currentIndex() == dashboard.SECTIONS.index("Compare")
    dialog = the_dialog(qtbot, dashboard)
    first_ranked = helps.card.model.index(0, 0).data()
    assert dialog.first.currentText() == first_ranked
    dialog.reject()


def test_asking_again_while_one_runs_says_so(qtbot: QtBot, context: bootstrap.Context) -> None:
    practices = list(context.library)
    Experiments(context.database().session_factory, context.clock, context.library).start(
        practices[0].id, practices[1].id, 10
    )
    dashboard = window(qtbot, context)
    dashboard.compare(practices[2].id)
    section = dashboard.comparisons
    assert section is not None and section.findChild(ExperimentDialog) is None
    assert section.problem.isVisible()
    assert "one comparison runs at a time" in section.problem.text()
    assert section.running_card.progress.format() == "0 of 10 breaks"


def test_a_row_of_what_helps_offers_to_compare_it(qtbot: QtBot, context: bootstrap.Context) -> None:
    practices = list(context.library)[:3]
    with UnitOfWork(context.database().session_factory) as uow:
        for day in range(10):
            for number, practice in enumerate(practices):
                level = SparkLevel.GLOW if number == 1 else SparkLevel(day % 2)
                at = NOW - timedelta(days=day + 1, hours=number)
                practised(uow, practice.id, practice.title, at, level)
        uow.commit()
    dashboard = window(qtbot, context)
    dashboard.show_section("What helps")
    helps = dashboard.helps
    qtbot.waitUntil(lambda: helps.card.isVisible())
    second_ranked = helps.card.model.index(1, 0).data()
    helps.bars.customContextMenuRequested.emit(helps.bars.row_rect(1).center().toPoint())
    menu = helps.findChild(QMenu)
    assert menu is not None
    actions = {action.text(): action for action in menu.actions()}
    assert set(actions) == {"&Start", "&Compare with another practice…"}
    actions["&Compare with another practice…"].trigger()
    menu.close()
    dialog = the_dialog(qtbot, dashboard)
    assert dialog.first.currentText() == second_ranked
    dialog.reject()
