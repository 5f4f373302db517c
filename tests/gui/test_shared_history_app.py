"""The running app on a shared history: told once when it is out of reach, and catching up.

The whole app is made by the composition root on a PostgreSQL database; the server is stopped
in the middle of the day and started again, and the app's own retry timer is fired by hand.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app import records as app_records
from reconnect.app import tray as app_tray
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import Outcome, Trigger
from reconnect.desktop.notifier import Notifier
from reconnect.storage.unit_of_work import UnitOfWork
from tests.support.postgres import PostgresServer


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The notifications the app shows, as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(Notifier, "notify", lambda _self, title, text: shown.append((title, text)))
    return shown


def start_app(qapp: QApplication, url: str, data: Path, clock: FakeClock) -> Any:
    """The whole app made by the composition root, through both stages of its start."""
    context = bootstrap.build(str(data), {"RECONNECT_DATABASE_URL": url}, clock)
    app = app_tray.build_tray_app(context, qapp)
    app.start()
    failures: list[Exception] = []
    app.finish_start(io.StringIO(), failures.append)  # what the app does once the tray shows
    assert failures == []  # no "can't start"
    return app


@pytest.fixture
def running(
    qtbot: QtBot,
    qapp: QApplication,
    postgres: PostgresServer,
    tmp_path: Path,
    clock: FakeClock,
    told: list[tuple[str, str]],
) -> Iterator[tuple[Any, list[tuple[str, str]]]]:
    app = start_app(qapp, postgres.create_database(), tmp_path / "data", clock)
    try:
        yield app, told
    finally:
        app.close()
        if not postgres.is_running():
            postgres.start()


def test_the_app_keeps_a_check_in_and_writes_it_when_the_server_is_back(
    running: tuple[Any, list[tuple[str, str]]], postgres: PostgresServer, clock: FakeClock
) -> None:
    app, told = running
    tray = app.tray_app
    records = tray.rhythm.records
    tray.rhythm.start_practice("hand-on-heart", Trigger.TRAY)
    session_id = tray.rhythm.active_session
    assert session_id is not None
    records.finish(session_id, clock.now(), Outcome.COMPLETED)

    postgres.stop("immediate")
    records.save_checkin(session_id, clock.now(), 3, ["chest"], [], "a glow")
    records.save_checkin(session_id, clock.now(), 3)  # the same moment again: still one
    assert [title for title, _ in told] == [app_records.OUT_OF_REACH_TITLE]
    assert "kept safely on this computer" in told[0][1]
    assert records.has_pending()

    retry = app.timers[-1]
    assert retry.interval() == app_tray.OUTBOX_RETRY_MS and retry.isActive()
    retry.timeout.emit()  # still away: nothing changes, nobody is told again
    assert records.has_pending() and len(told) == 1

    postgres.start()
    retry.timeout.emit()
    assert not records.has_pending()
    with UnitOfWork(app.context.database().session_factory) as uow:
        session = uow.history.get(session_id)
    assert session is not None and session.checkin is not None
    assert session.checkin.note == "a glow" and session.outcome is Outcome.COMPLETED


def test_the_app_starts_while_the_server_is_away_and_catches_up_when_it_is_back(
    qtbot: QtBot,
    qapp: QApplication,
    postgres: PostgresServer,
    tmp_path: Path,
    clock: FakeClock,
    told: list[tuple[str, str]],
) -> None:
    url = postgres.create_database(migrated=False)  # its tables come with the first contact
    postgres.stop("immediate")
    app = start_app(qapp, url, tmp_path / "data", clock)
    try:
        tray = app.tray_app
        assert tray.rhythm.brief_state().break_planned
        assert [title for title, _ in told] == [app_records.OUT_OF_REACH_TITLE]

        # A whole practice while away: kept on this computer, nobody told twice.
        tray.rhythm.start_practice("hand-on-heart", Trigger.TRAY)
        session_id = tray.rhythm.active_session
        assert session_id is not None
        tray.rhythm.records.save_checkin(session_id, clock.now(), 2, ["chest"], [], "warm")
        tray.rhythm.records.finish(session_id, clock.now(), Outcome.COMPLETED)
        assert tray.rhythm.records.has_pending() and len(told) == 1

        # The dashboard opens anyway, and says calmly that the history can't be read yet.
        app.surface.widget.open_dashboard.emit()
        windows = tray._show_dashboard.__self__  # the app's windows (ui.windows.Windows)
        dashboard = windows._open["dashboard"]
        qtbot.waitUntil(lambda: dashboard.unreadable.isVisible())
        assert dashboard.unreadable.text().startswith("The shared history at postgresql")
        assert "The figures come back when it can be read again" in dashboard.unreadable.text()
        dashboard.close()

        postgres.start()
        retry = app.timers[-1]
        retry.timeout.emit()  # the app's own timer: reached, migrated, caught up
        assert not tray.rhythm.records.has_pending()
        with UnitOfWork(app.context.database().session_factory) as uow:
            session = uow.history.get(session_id)
        assert session is not None and session.outcome is Outcome.COMPLETED
        assert session.checkin is not None and session.checkin.note == "warm"
        assert len(told) == 1

        # Read now that the server is back; away again, what was read stays on show.
        app.surface.widget.open_dashboard.emit()
        dashboard = windows._open["dashboard"]
        assert not dashboard.unreadable.isVisible() and dashboard.figures().checkins == 1
        qtbot.waitUntil(lambda: dashboard.report() is not None, timeout=30_000)
        postgres.stop("immediate")
        dashboard.refresh()
        assert "Shown here is what was read at" in dashboard.unreadable.text()
        assert dashboard.tabs.currentWidget().isVisible()
        assert dashboard.figures().checkins == 1
        qtbot.waitUntil(lambda: dashboard.report() is not None, timeout=30_000)
        dashboard.close()
    finally:
        app.close()
        if not postgres.is_running():
            postgres.start()
