"""Counts, numbers and words as a person reads them on screen: one and many, grouped, no ids."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core import i18n
from reconnect.core.clock import FakeClock
from reconnect.core.overview import PeriodCounts, period_summary
from reconnect.core.sessions import Moment
from reconnect.core.time_patterns import Cell, MarkCounts, WeekPoint
from reconnect.services.history import HistoryFiles
from reconnect.ui.dashboard.dashboard_charts import TrendChart, _month_sentence
from reconnect.ui.dashboard.history_transfer import HistoryTransfer, message_box
from reconnect.ui.dashboard.overview_section import PeriodCard
from reconnect.ui.dashboard.when_section import marks_text
from reconnect.ui.settings.practice_problems import length_words
from reconnect.ui.translations import install_translations, locale_numbers
from tests.conftest import CliResult


@pytest.fixture(autouse=True)
def as_written() -> Iterator[None]:
    yield
    i18n.uninstall()


def test_numbers_follow_the_locale_and_the_c_locale_still_groups() -> None:
    assert locale_numbers(QLocale("C"))(14352) == "14,352"
    assert locale_numbers(QLocale("en_US"))(1) == "1"
    assert locale_numbers(QLocale("de_DE"))(14352) == "14.352"


def test_the_app_hands_the_core_its_locale_numbers(qapp: QCoreApplication, tmp_path: Path) -> None:
    assert install_translations(qapp, QLocale("de_DE"), tmp_path) == []  # no catalogue there
    assert i18n.plural(14352, "1 moment", "{count} moments") == "14.352 moments"


def test_a_message_keeps_its_window_title_short_and_its_heading_in_the_body(
    qtbot: QtBot,
) -> None:
    box = message_box(None, "The history was not exported", "The folder is full.", True)
    qtbot.addWidget(box)
    assert box.windowTitle() == "Reconnect"
    assert box.text() == "The history was not exported"
    assert box.informativeText() == "The folder is full."


def test_one_imported_session_is_said_in_the_singular(
    cli: Callable[..., CliResult], tmp_path: Path, clock: FakeClock, qtbot: QtBot
) -> None:
    first, both = tmp_path / "first.json", tmp_path / "both.json"
    assert cli("log", "sunlight", "--spark", "1").code == 0
    assert cli("export", "--format", "json", "-o", str(first)).code == 0
    assert cli("log", "box-breath", "--spark", "0", "--at", "2026-11-17T09:00").code == 0
    assert cli("export", "--format", "json", "-o", str(both)).code == 0
    context = bootstrap.build(str(tmp_path / "other"), {}, clock)
    told: list[str] = []
    chosen = [str(first), str(both)]
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        transfer = HistoryTransfer(
            HistoryFiles(context.database().session_factory),
            lambda: Moment.of(clock.now()),
            choose_open=lambda _parent: chosen.pop(0),
            tell=lambda _parent, _title, text, _problem: told.append(text),
        )
        assert transfer.import_(parent) and transfer.import_(parent)
    finally:
        context.close()
    assert told == [
        "Added 1 session (1 with a check-in).",
        "Added 1 session (1 with a check-in). 1 was already here and was left as it is.",
    ]


def test_body_areas_are_words_and_their_counts_are_grouped() -> None:
    said = marks_text(MarkCounts(body=[("whole-body", 1234)], feelings=[("warmth", 2)]))
    assert "whole body (1,234)" in said and "whole-body" not in said
    assert "warmth (2)" in said


def test_a_single_check_in_is_one_time_not_one_times(qtbot: QtBot) -> None:
    month = _month_sentence(1, Cell(checkins=1, sparks=1, rate=1.0, shrunk=0.5, greyed=True))
    assert month.startswith("January (winter): something stirred in 1 of 1 check-in (100%)")
    chart = TrendChart()
    qtbot.addWidget(chart)
    week = WeekPoint(date(2026, 11, 16), checkins=1, sparks=1, rate=1.0)
    assert "something stirred in 1 of 1 check-in;" in chart._week_sentence("16 Nov 2026", week)


def test_lengths_are_said_in_the_singular_and_the_plural() -> None:
    assert length_words(61) == "1 minute 1 second"
    assert length_words(150) == "2 minutes 30 seconds"


def test_the_overview_figures_are_grouped_by_thousands(qtbot: QtBot) -> None:
    card = PeriodCard()
    qtbot.addWidget(card)
    card.show_summary(period_summary("This year", "this year", PeriodCounts(14352, 1, 1, 0)))
    assert ">14,352</span><br>practices" in card.figure_labels[0].text()
    assert card.figure_labels[1].accessibleName() == "1 check-in this year"
