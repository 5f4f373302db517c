"""The dashboard window on a generated history and on an empty one: every section opens."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from bench.generate_history import LAST_DAY, generate
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.spark_stats import compute
from reconnect.services.dashboard import DashboardReader
from reconnect.services.history_edits import HistoryBook
from reconnect.storage import stats_queries
from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
from reconnect.ui.dashboard.history_page import HistoryPage
from reconnect.ui.dashboard.library_page import LibraryPage

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 18, 0, tzinfo=BERLIN)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "data"
    generate(folder, years=1.2, seed=3)
    return folder


@pytest.fixture
def context(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[bootstrap.Context]:
    folder = tmp_path / "data"
    if request.param == "generated":
        shutil.copytree(request.getfixturevalue("generated"), folder)
    context = bootstrap.build(str(folder), {}, FakeClock(NOW))
    yield context
    context.close()


class Calls:
    def __init__(self) -> None:
        self.exported: list[QWidget] = []
        self.imported: list[QWidget] = []
        self.helped = 0

    def imports(self, parent: QWidget) -> bool:
        self.imported.append(parent)
        return True


def window(qtbot: QtBot, context: bootstrap.Context, calls: Calls, **more: Any) -> DashboardWindow:
    factory = context.database().session_factory
    library = context.library

    def helped() -> None:
        calls.helped += 1

    actions = DashboardActions(
        today=lambda: context.clock.now().date(),
        export_history=calls.exported.append,
        import_history=calls.imports,
        open_help=helped,
        make_history_page=lambda: HistoryPage(
            HistoryBook(factory), {p.id: p.title for p in library}
        ),
        make_library_page=lambda: LibraryPage(library, lambda: None),
        compute_report=lambda counts, deliver: deliver(compute(counts)),
        **more,
    )
    dashboard = DashboardWindow(DashboardReader(factory), actions)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    return dashboard


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_every_section_on_a_generated_history(qtbot: QtBot, context: bootstrap.Context) -> None:
    dashboard = window(qtbot, context, Calls())
    week = dashboard.overview.cards[0]
    assert week.title.text() == "This week"
    assert week.isVisible() and not dashboard.overview.empty.isVisible()
    assert "moments for yourself" in week.sentence.text()

    qtbot.waitUntil(lambda: dashboard.overview.observations.isVisible())
    assert dashboard.overview.range_heading.text() == "Over the last 3 months"
    dashboard.show_section("What helps")
    rated = dashboard.helps.card.model.rowCount()
    assert rated > 5
    assert dashboard.helps.ordering.isVisible()
    assert dashboard.helps.bars.describe()

    dashboard.show_section("When")
    assert not dashboard.when.empty.isVisible()
    assert "No check-ins" not in dashboard.when.heatmap.describe()
    assert dashboard.when.months.model.rowCount() == 12
    assert dashboard.when.trend.model.rowCount() == 26
    assert "Where you felt it:" in dashboard.when.marks.text()

    dashboard.show_section("History")
    assert dashboard.history.isVisible()
    dashboard.show_section("Library")
    assert dashboard.library.visible_ids()


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_the_range_changes_the_figures(qtbot: QtBot, context: bootstrap.Context) -> None:
    dashboard = window(qtbot, context, Calls())
    dashboard.show_section("What helps")
    qtbot.waitUntil(lambda: dashboard.helps.card.isVisible())
    three_months = dashboard.figures().checkins
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.ALL))
    everything = dashboard.figures().checkins
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.WEEKS_4))
    four_weeks = dashboard.figures().checkins
    assert 0 < four_weeks < three_months < everything
    assert dashboard.figures().since == date(2026, 10, 24)


@pytest.mark.parametrize("context", ["empty"], indirect=True)
def test_every_section_on_an_empty_history(qtbot: QtBot, context: bootstrap.Context) -> None:
    dashboard = window(qtbot, context, Calls())
    assert dashboard.overview.empty.isVisible()
    assert "no hurry" in dashboard.overview.empty.text()
    assert all(not card.isVisible() for card in dashboard.overview.cards)
    qtbot.mouseClick(dashboard.overview.library_button, Qt.MouseButton.LeftButton)
    assert dashboard.tabs.currentIndex() == dashboard.SECTIONS.index("Library")

    dashboard.show_section("What helps")
    assert dashboard.helps.empty.isVisible()
    assert "Nothing is a fine answer" in dashboard.helps.empty.text()
    dashboard.show_section("When")
    assert dashboard.when.empty.isVisible()
    assert all(not block.isVisible() for block in dashboard.when.content)
    dashboard.show_section("History")
    dashboard.show_section("Library")


@pytest.mark.parametrize("context", ["empty"], indirect=True)
def test_menus_export_import_and_help(qtbot: QtBot, context: bootstrap.Context) -> None:
    calls = Calls()
    dashboard = window(qtbot, context, calls)
    actions = {a.text(): a for menu in dashboard.menuBar().actions() for a in menu.menu().actions()}
    actions["&Export history…"].trigger()
    actions["&Import history…"].trigger()
    actions["&Help and crisis support"].trigger()
    assert calls.exported == [dashboard] and calls.imported == [dashboard] and calls.helped == 1
    actions["&Close"].trigger()
    assert not dashboard.isVisible()


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_starting_from_what_helps_and_the_library(qtbot: QtBot, context: bootstrap.Context) -> None:
    dashboard = window(qtbot, context, Calls())
    dashboard.show_section("Library")
    card = dashboard.library.cards[0]
    with qtbot.waitSignal(dashboard.start_requested) as signal:
        card.start_button.click()
    assert signal.args == [card.practice.id]
    dashboard.show_section("What helps")
    with qtbot.waitSignal(dashboard.start_requested) as signal:
        dashboard.helps.bars.practice_activated.emit("sunlight")
    assert signal.args == ["sunlight"]


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_a_history_that_cannot_be_read_is_said_calmly_and_tried_again(
    qtbot: QtBot, context: bootstrap.Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    dashboard = window(qtbot, context, Calls())

    def unreachable(*args: object) -> object:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    # The read side's own query fails: the reader says so as a DatabaseProblem.
    monkeypatch.setattr(stats_queries, "practice_counts", unreachable)
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.ALL))
    assert dashboard.unreadable.isVisible()
    note = dashboard.unreadable.text()
    assert note.startswith("The disk reported an error while your history was read")
    assert "Everything saved before is safe. The figures come back when it can be read" in note
    assert not dashboard.tabs.currentWidget().isVisible()  # no stale figures, no "nothing yet"
    monkeypatch.undo()
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.WEEKS_4))
    assert not dashboard.unreadable.isVisible()
    assert dashboard.tabs.currentWidget().isVisible()
    assert dashboard.figures().checkins > 0


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_figures_read_before_stay_on_show_saying_when_while_the_history_cannot_be_read(
    qtbot: QtBot, context: bootstrap.Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    kept: dict[Any, Any] = {}
    dashboard = window(qtbot, context, Calls(), now=context.clock.now, kept=kept)
    read = dashboard.figures()
    assert not dashboard.unreadable.isVisible() and read.checkins > 0

    def unreachable(*args: object) -> object:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(stats_queries, "practice_counts", unreachable)
    dashboard.refresh()
    at = QLocale().toString(QTime(18, 0), QLocale.FormatType.ShortFormat)
    note = dashboard.unreadable.text()
    assert dashboard.unreadable.isVisible()
    assert note.startswith("Your history could not be read (server closed the connection)")
    assert f"Shown here is what was read at {at} today; it comes up to date" in note
    assert dashboard.tabs.currentWidget().isVisible()
    assert dashboard.figures() is read
    assert dashboard.overview.cards[0].isVisible()
    # Their statistics follow, as with figures just read.
    dashboard.overview.observations.clear()
    qtbot.waitUntil(lambda: dashboard.overview.observations.text() != "")

    # A range never read has nothing to show: only the note.
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.ALL))
    assert "Shown here" not in dashboard.unreadable.text()
    assert not dashboard.tabs.currentWidget().isVisible()

    # Another dashboard window of the same app shows what the first one read.
    dashboard.close()
    again = window(qtbot, context, Calls(), now=context.clock.now, kept=kept)
    assert again.figures() is read
    assert f"what was read at {at} today" in again.unreadable.text()

    # The history back: the next choice reads it, and the note goes.
    monkeypatch.undo()
    again.show_section("What helps")
    assert not again.unreadable.isVisible()
    assert again.figures() is not read and again.figures().checkins == read.checkins


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_statistics_asked_for_after_the_history_went_away_are_told_not_raised(
    qtbot: QtBot, context: bootstrap.Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    kept: dict[Any, Any] = {}
    dashboard = window(qtbot, context, Calls(), kept=kept)
    dashboard.refresh()  # figures forgotten; the statistics are asked for a moment later

    def unreachable(*args: object) -> object:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(stats_queries, "practice_counts", unreachable)
    dashboard._forget()
    kept.clear()  # nothing read before to show instead
    assert dashboard.report() is None
    assert dashboard.unreadable.isVisible()


@pytest.mark.parametrize("context", ["empty"], indirect=True)
def test_the_range_chosen_is_kept_for_the_next_opening(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    from reconnect.app.windows import Windows
    from reconnect.core.dashboard_range import date_range

    windows = Windows(context)

    def open_dashboard() -> DashboardWindow:
        windows.show_dashboard()
        dashboard = windows._open["dashboard"]
        assert isinstance(dashboard, DashboardWindow)
        qtbot.addWidget(dashboard)
        qtbot.waitExposed(dashboard)
        return dashboard

    first = open_dashboard()
    assert first.range.currentText() == "Last 3 months"  # the first time
    first.range.setCurrentIndex(first.range.findData(RangeChoice.MONTHS_12))
    first.close()

    again = open_dashboard()
    assert again is not first
    assert again.range.currentText() == "Last 12 months"
    today = context.clock.now().date()
    assert again.figures().since == date_range(RangeChoice.MONTHS_12, today)[0]
    again.range.setCurrentIndex(again.range.findData(RangeChoice.ALL))
    again.close()
    assert open_dashboard().range.currentText() == "Everything"


@pytest.mark.parametrize("context", ["empty"], indirect=True)
def test_a_kept_range_that_cannot_be_read_opens_on_three_months(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    from reconnect.services.range_memory import RANGE_MEMORY, RangeMemory

    path = context.paths.root / RANGE_MEMORY
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("a fortnight\n", encoding="utf-8")
    dashboard = window(qtbot, context, Calls(), range_memory=RangeMemory(path))
    assert dashboard.range.currentText() == "Last 3 months"
    dashboard.range.setCurrentIndex(dashboard.range.findData(RangeChoice.WEEKS_4))
    assert path.read_text(encoding="utf-8") == "4w\n"


@pytest.mark.parametrize("context", ["generated"], indirect=True)
def test_the_numbers_of_what_helps_give_the_room_to_the_practice_names(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    dashboard = window(qtbot, context, Calls())
    dashboard.show_section("What helps")
    card = dashboard.helps.card
    qtbot.waitUntil(card.isVisible)
    card.toggle.click()
    table, model = card.table, card.model
    qtbot.waitExposed(table)
    notes = {model.data(model.index(row, 5)) for row in range(model.rowCount())}
    assert notes == {""}  # every practice here has enough check-ins: no note
    # The empty Note column is as narrow as its heading, far narrower than the names.
    assert table.columnWidth(5) <= table.horizontalHeader().sectionSizeHint(5)
    assert table.columnWidth(5) < table.columnWidth(0) / 2
    # No practice name is cut short.
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)
    for column in range(1, model.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


@pytest.mark.parametrize("context", ["empty"], indirect=True)
def test_one_checkin_is_too_early_to_tell_in_what_helps(
    qtbot: QtBot, context: bootstrap.Context
) -> None:
    from datetime import timedelta

    from reconnect.core.recording import logged_session
    from reconnect.storage.unit_of_work import UnitOfWork

    def log(levels: list[int]) -> None:
        practice = context.library.get("sunlight")
        assert practice is not None
        now = context.clock.now()
        with UnitOfWork(context.database().session_factory) as uow:
            uow.history.add_many(
                [
                    logged_session(practice, now, level, finished_at=now - timedelta(hours=i + 1))
                    for i, level in enumerate(levels)
                ]
            )
            uow.commit()

    too_early = "Too early to tell: a few more check-ins and a picture starts to form."
    log([2])  # one spark in one check-in: it used to read "likely 96-100%, your usual 98%"
    dashboard = window(qtbot, context, Calls())
    qtbot.waitUntil(lambda: dashboard.overview.observations.isVisible())
    assert dashboard.overview.observations.text() == too_early
    dashboard.show_section("What helps")
    qtbot.waitUntil(lambda: dashboard.helps.empty.text() == too_early)
    assert dashboard.helps.empty.isVisible()
    assert not dashboard.helps.card.isVisible()  # no ranges, no usual rate
    assert not dashboard.helps.ordering.isVisible()

    log([0, 1, 0, 1])  # five check-ins: a picture starts to form
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.helps.card.isVisible())
    assert dashboard.helps.ordering.isVisible() and not dashboard.helps.empty.isVisible()
    assert "usual rate is 57%" in dashboard.helps.bars.summary()  # (3 + 1) / (5 + 2)
