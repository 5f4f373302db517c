"""The dashboard's Compare section and its dialog, on a fake experiments service."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.core.errors import InputError
from reconnect.core.experiments import (
    BREAKS_BOUNDS,
    DEFAULT_BREAKS,
    ArmCounts,
    Experiment,
    ExperimentResult,
    result,
)
from reconnect.core.library import Library
from reconnect.core.practices import Practice, Step
from reconnect.core.vocabulary import Place
from reconnect.ui.dashboard.experiment_dialog import ExperimentDialog
from reconnect.ui.dashboard.experiment_section import ExperimentSection, signed
from reconnect.ui.dashboard.library_page import LibraryPage

BERLIN = ZoneInfo("Europe/Berlin")
STARTED = datetime(2026, 11, 2, 9, 0, tzinfo=BERLIN)


def practice(pid: str) -> Practice:
    return Practice(
        id=pid,
        title=pid.replace("-", " ").capitalize(),
        summary=f"About {pid}.",
        senses=("breath",),
        place=Place.DESK,
        steps=(Step("Be here.", 60),),
    )


LIBRARY = Library([practice("slow-breath"), practice("long-stretch"), practice("warm-mug")])


class FakeExperiments:
    """Keeps one running comparison and the ended ones, as the service does."""

    def __init__(self) -> None:
        self.current: ExperimentResult | None = None
        self.ended: list[ExperimentResult] = []
        self.starts: list[tuple[str, str, int]] = []
        self.refusal: str | None = None
        self.stops = 0

    def start(self, a: str, b: str, breaks: int = DEFAULT_BREAKS) -> ExperimentResult:
        self.starts.append((a, b, breaks))
        if self.refusal:
            raise InputError(self.refusal)
        experiment = Experiment(
            "e1", a, LIBRARY.get(a).title, b, LIBRARY.get(b).title, breaks, 7, STARTED
        )
        self.current = result(experiment, ArmCounts(), ArmCounts())
        return self.current

    def stop(self) -> ExperimentResult | None:
        self.stops += 1
        if self.current is None:
            return None
        stopped = replace(
            self.current.experiment,
            ended_at=datetime(2026, 11, 9, tzinfo=BERLIN),
            stopped_early=True,
        )
        ended = result(stopped, *counts_of(self.current))
        self.ended.insert(0, ended)
        self.current = None
        return ended

    def running(self) -> ExperimentResult | None:
        return self.current

    def finished(self) -> list[ExperimentResult]:
        return list(self.ended)


def counts_of(shown: ExperimentResult) -> tuple[ArmCounts, ArmCounts]:
    return tuple(  # type: ignore[return-value]
        ArmCounts(arm.offered, arm.declined, arm.other, arm.done, arm.checkins, arm.sparks)
        for arm in (shown.a, shown.b)
    )


def running_at_seven() -> ExperimentResult:
    experiment = Experiment(
        "e1", "slow-breath", "Slow breath", "warm-mug", "Warm mug", 20, 7, STARTED
    )
    return result(
        experiment,
        ArmCounts(offered=4, declined=1, other=0, done=3, checkins=3, sparks=2),
        ArmCounts(offered=3, declined=0, other=1, done=2, checkins=2, sparks=1),
    )


def section(qtbot: QtBot, service: FakeExperiments | None) -> ExperimentSection:
    widget = ExperimentSection(service, LIBRARY)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.reload()
    return widget


def open_dialog(qtbot: QtBot, widget: ExperimentSection, first: str | None) -> ExperimentDialog:
    dialog = widget.open_dialog(first)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_without_a_comparison_it_explains_gently(qtbot: QtBot) -> None:
    widget = section(qtbot, FakeExperiments())
    words = widget.about.text()
    assert widget.about.isVisible() and widget.compare_button.isVisible()
    assert "next 20 breaks" in words and "random order" in words
    assert "skip a break or choose something else" in words
    assert "“nothing” is an answer too" in words
    assert "stop at any time" in words
    assert not widget.running_card.isVisible()
    assert not widget.finished_heading.isVisible()


def test_without_the_service_it_says_so(qtbot: QtBot) -> None:
    widget = section(qtbot, None)
    assert "isn't available" in widget.about.text()
    assert not widget.compare_button.isVisible()
    assert widget.open_dialog("slow-breath") is None


def test_the_dialog_refuses_the_same_practice_twice(qtbot: QtBot) -> None:
    service = FakeExperiments()
    dialog = open_dialog(qtbot, section(qtbot, service), "warm-mug")
    assert dialog.first.currentData() == "warm-mug"
    assert dialog.second.currentData() != "warm-mug"  # never opens refusing
    assert dialog.start_button.isEnabled() and not dialog.problem.isVisible()
    assert dialog.breaks.value() == DEFAULT_BREAKS
    assert (dialog.breaks.minimum(), dialog.breaks.maximum()) == BREAKS_BOUNDS

    dialog.second.setCurrentIndex(dialog.second.findData("warm-mug"))
    assert not dialog.start_button.isEnabled()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Choose two different practices to compare."
    dialog.start_button.click()  # disabled: nothing happens
    assert service.starts == []
    dialog.reject()


def test_starting_in_the_dialog_calls_the_service_and_shows_it_running(qtbot: QtBot) -> None:
    service = FakeExperiments()
    widget = section(qtbot, service)
    qtbot.mouseClick(widget.compare_button, Qt.MouseButton.LeftButton)
    dialog = widget.findChild(ExperimentDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.first.setCurrentIndex(dialog.first.findData("slow-breath"))
    dialog.second.setCurrentIndex(dialog.second.findData("long-stretch"))
    dialog.breaks.setValue(10)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert service.starts == [("slow-breath", "long-stretch", 10)]
    assert not dialog.isVisible()
    widget.reload()
    assert widget.running_card.isVisible() and not widget.about.isVisible()
    assert widget.running_card.title.text() == "“Slow breath” and “Long stretch”"
    assert widget.running_card.progress.format() == "0 of 10 breaks"
    assert widget.running_card.sentence.text().startswith("Too early to tell")


def test_what_the_service_refuses_is_said_in_the_dialog(qtbot: QtBot) -> None:
    service = FakeExperiments()
    service.refusal = "A comparison is already running. Stop it first, or let it finish."
    widget = section(qtbot, service)
    dialog = open_dialog(qtbot, widget, "slow-breath")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible() and dialog.problem.text() == service.refusal
    dialog.reject()


def test_a_running_comparison_shows_how_far_and_each_practice(qtbot: QtBot) -> None:
    service = FakeExperiments()
    service.current = running_at_seven()
    widget = section(qtbot, service)
    card = widget.running_card
    assert card.isVisible() and widget.stop_button.isVisible()
    assert not widget.compare_button.isVisible()
    assert card.progress.isVisible() and card.progress.format() == "7 of 20 breaks"
    assert card.progress.value() == 7 and card.progress.maximum() == 20
    headers = card.arms.headers
    first = dict(zip(headers, (cell.text() for cell in card.arms.cells[0]), strict=True))
    second = dict(zip(headers, (cell.text() for cell in card.arms.cells[1]), strict=True))
    assert first["Practice"] == "Slow breath"
    assert (first["Offered"], first["Done"], first["Let go"], first["Check-ins"]) == (
        "4",
        "3",
        "1",
        "3",
    )
    assert first["Something stirred"] == "2"
    assert first["Likely rate"] == "-"  # no rate while it is too early to tell
    assert second["Chose another"] == "1"
    assert "let go 1" in card.arms.cells[0][0].accessibleName()
    assert card.note.isVisible() and "never as “nothing”" in card.note.text()
    assert card.sentence.text() == service.current.sentence
    assert "Too early to tell" in card.sentence.text()
    assert not card.difference.isVisible()  # no ranges while it is too early


def test_stopping_keeps_what_was_learnt(qtbot: QtBot) -> None:
    service = FakeExperiments()
    service.current = running_at_seven()
    widget = section(qtbot, service)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.stop_button, Qt.MouseButton.LeftButton)
    assert service.stops == 1
    widget.reload()
    assert not widget.running_card.isVisible()
    assert widget.about.isVisible() and widget.compare_button.isVisible()
    assert widget.finished_heading.isVisible()
    (card,) = widget.finished_cards
    assert "Stopped after 7 of 20 breaks." in card.meta.text()
    assert not card.progress.isVisible()
    assert card.arms.cells[0][1].text() == "4"


def test_a_finished_comparison_shows_its_ranges(qtbot: QtBot) -> None:
    experiment = Experiment(
        "e2",
        "slow-breath",
        "Slow breath",
        "warm-mug",
        "Warm mug",
        40,
        11,
        STARTED,
        ended_at=datetime(2026, 11, 30, tzinfo=BERLIN),
    )
    ended = result(
        experiment,
        ArmCounts(offered=20, declined=2, done=18, checkins=18, sparks=14),
        ArmCounts(offered=20, declined=3, done=17, checkins=17, sparks=5),
    )
    older = replace(ended, experiment=replace(experiment, id="e0"))
    service = FakeExperiments()
    service.ended = [ended, older]
    widget = section(qtbot, service)
    assert len(widget.finished_cards) == 2
    card = widget.finished_cards[0]
    assert card.isVisible() and not card.progress.isVisible()
    assert ended.difference is not None and ended.range80 and ended.range95
    said = card.difference.text()
    assert said.startswith("Difference, Slow breath minus Warm mug: ")
    assert f"80% likely between {signed(ended.range80[0])} and {signed(ended.range80[1])}" in said
    assert f"95% likely between {signed(ended.range95[0])} and {signed(ended.range95[1])}" in said
    assert card.chance.isVisible()
    assert "more often with Slow breath than with Warm mug" in card.chance.text()
    assert card.sentence.text() == ended.sentence
    assert "40 of 40 breaks" in card.meta.text()
    assert card.arms.cells[0][-1].text().endswith("%")  # the likely rate
    assert card.describe()[0] == "“Slow breath” and “Warm mug”"


@pytest.mark.parametrize(
    ("value", "said"), [(0.123, "+12"), (-0.05, "\N{MINUS SIGN}5"), (0.004, "0")]
)
def test_differences_are_signed_points(value: float, said: str) -> None:
    assert signed(value) == said


def test_library_cards_offer_to_compare_only_when_asked(qtbot: QtBot) -> None:
    plain = LibraryPage(LIBRARY, lambda: None)
    comparing = LibraryPage(LIBRARY, lambda: None, comparing=True)
    for page in (plain, comparing):
        qtbot.addWidget(page)
    assert all(card.compare_button is None for card in plain.cards)
    card = next(c for c in comparing.cards if c.practice.id == "warm-mug")
    assert card.compare_button is not None
    assert card.compare_button.accessibleName() == "Compare Warm mug with another practice"
    with qtbot.waitSignal(comparing.compare_requested) as signal:
        qtbot.mouseClick(card.compare_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["warm-mug"]
