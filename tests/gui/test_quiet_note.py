"""The dashboard's note after a long quiet stretch: said once, kindly, with a way to read more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.recording import logged_session
from reconnect.core.spark_stats import compute
from reconnect.services.dashboard import QUIET_NOTE_MARKER, DashboardReader, QuietNoteMarker
from reconnect.services.history_edits import HistoryBook
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
from reconnect.ui.dashboard.history_page import HistoryPage
from reconnect.ui.dashboard.library_page import LibraryPage


@pytest.fixture
def context(tmp_path: Path, clock: FakeClock) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    context.paths.root.mkdir(parents=True, exist_ok=True)
    yield context
    context.close()


def check_in(context: bootstrap.Context, levels_by_days_ago: dict[int, int]) -> None:
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    now = context.clock.now()
    sessions = [
        logged_session(practice, now, level, finished_at=(now - timedelta(days=d)).replace(hour=11))
        for d, level in levels_by_days_ago.items()
    ]
    with UnitOfWork(context.database().session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()


QUIET = {19: 0, 15: 0, 11: 0, 6: 0, 2: 0}


class Opened:
    def __init__(self) -> None:
        self.help: list[str] = []


def dashboard(qtbot: QtBot, context: bootstrap.Context, opened: Opened) -> DashboardWindow:
    factory = context.database().session_factory
    library = context.library
    actions = DashboardActions(
        today=lambda: context.clock.now().date(),
        export_history=lambda parent: None,
        import_history=lambda parent: False,
        open_help=lambda: opened.help.append("crisis"),
        make_history_page=lambda: HistoryPage(
            HistoryBook(factory), {p.id: p.title for p in library}
        ),
        make_library_page=lambda: LibraryPage(library, lambda: None),
        compute_report=lambda counts, deliver: deliver(compute(counts)),
        open_help_on=opened.help.append,
        quiet_marker=QuietNoteMarker(context.paths.root / QUIET_NOTE_MARKER),
    )
    window = DashboardWindow(DashboardReader(factory), actions)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_note_is_said_once_and_kindly(
    qtbot: QtBot, context: bootstrap.Context, clock: FakeClock
) -> None:
    check_in(context, QUIET)
    opened = Opened()
    first = dashboard(qtbot, context, opened)
    note = first.overview.quiet
    assert note.isVisible()
    assert note.title.text() == "A quiet stretch"
    assert "That is common" in note.text.text()
    assert "Noticing is itself the practice" in note.text.text()
    assert "talking with a doctor or a therapist can help" in note.text.text()
    marker = context.paths.root / QUIET_NOTE_MARKER
    assert marker.read_text(encoding="utf-8") == "2026-11-17\n"

    qtbot.mouseClick(note.read_button, Qt.MouseButton.LeftButton)
    assert opened.help == ["numbness"]

    first.refresh()  # still there until thanked, in this window
    assert note.isVisible()
    qtbot.mouseClick(note.thanks_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible()
    first.refresh()
    assert not note.isVisible()
    first.close()

    # Another day, another window: it is not said again.
    clock.advance(timedelta(days=1))
    check_in(context, {0: 0})
    second = dashboard(qtbot, context, opened)
    assert second.figures().long_quiet and not second.overview.quiet.isVisible()
    assert marker.read_text(encoding="utf-8") == "2026-11-17\n"


def test_it_may_come_again_after_90_days(qtbot: QtBot, context: bootstrap.Context) -> None:
    check_in(context, QUIET)
    marker = QuietNoteMarker(context.paths.root / QUIET_NOTE_MARKER)
    marker.told(date(2026, 8, 20))  # 89 days ago
    assert not dashboard(qtbot, context, Opened()).overview.quiet.isVisible()
    marker.told(date(2026, 8, 19))  # 90 days ago
    assert dashboard(qtbot, context, Opened()).overview.quiet.isVisible()
    assert marker.last_told() == date(2026, 11, 17)


def test_a_single_flicker_means_no_note(qtbot: QtBot, context: bootstrap.Context) -> None:
    check_in(context, {**QUIET, 9: 1})
    window = dashboard(qtbot, context, Opened())
    assert not window.overview.quiet.isVisible()
    assert window.overview.cards[0].isVisible()
    assert not (context.paths.root / QUIET_NOTE_MARKER).exists()


def test_a_note_that_no_longer_fits_is_put_away(qtbot: QtBot, context: bootstrap.Context) -> None:
    check_in(context, QUIET)
    window = dashboard(qtbot, context, Opened())
    assert window.overview.quiet.isVisible()
    check_in(context, {0: 2})  # a spark today, then the dashboard reads again
    window.refresh()
    assert not window.overview.quiet.isVisible()


def test_without_a_marker_the_note_still_shows(qtbot: QtBot, context: bootstrap.Context) -> None:
    check_in(context, QUIET)
    factory = context.database().session_factory
    actions = DashboardActions(
        today=lambda: context.clock.now().date(),
        export_history=lambda parent: None,
        import_history=lambda parent: False,
        open_help=lambda: None,
        make_history_page=lambda: HistoryPage(HistoryBook(factory), {}),
        make_library_page=lambda: LibraryPage(context.library, lambda: None),
        compute_report=lambda counts, deliver: deliver(compute(counts)),
    )
    window = DashboardWindow(DashboardReader(factory), actions)
    qtbot.addWidget(window)
    window.show()
    assert window.overview.quiet.isVisible()
    window.overview.quiet.read_button.click()  # falls back to the general help
