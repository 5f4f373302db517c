"""A window closed is gone: opening the dashboard, settings or help again and again (a working
week of it) leaves nothing of the closed ones behind, as the soak benchmark found it did.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.windows import Windows
from reconnect.core.clock import FakeClock

NOW = datetime(2026, 11, 20, 18, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[Windows]:
    context = bootstrap.build(str(tmp_path / "data"), {}, FakeClock(NOW))
    yield Windows(context)
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    context.close()


def _opened(windows: Windows, key: str) -> QWidget:
    window = windows._open[key]
    assert window.isVisible()
    return window


@pytest.mark.parametrize(
    ("key", "show"),
    [
        ("dashboard", Windows.show_dashboard),
        ("settings", Windows.show_settings),
        ("help", Windows.show_help),
    ],
)
def test_a_closed_window_is_deleted_and_the_next_opening_makes_a_new_one(
    qtbot: QtBot, windows: Windows, key: str, show: object
) -> None:
    seen: list[QWidget] = []
    for _ in range(3):
        show(windows)  # type: ignore[operator]
        window = _opened(windows, key)
        qtbot.waitExposed(window)
        seen.append(window)
        window.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert len({id(w) for w in seen}) == 3
    assert not any(shiboken6.isValid(w) for w in seen), "a closed window lives on"
    assert windows.open_window(key) is None
    left = [type(w).__name__ for w in QApplication.topLevelWidgets() if shiboken6.isValid(w)]
    assert not any(name in left for name in ("DashboardWindow", "SettingsWindow", "HelpDialog"))


def test_an_open_window_is_brought_forward_not_made_again(qtbot: QtBot, windows: Windows) -> None:
    windows.show_dashboard()
    first = _opened(windows, "dashboard")
    windows.show_dashboard()
    assert _opened(windows, "dashboard") is first


def test_an_open_dashboard_asked_for_again_reads_what_was_written_since(
    qtbot: QtBot, windows: Windows, tmp_path: Path
) -> None:
    # A practice written down in a terminal (``reconnect log``) while the dashboard was open
    # showed only once the dashboard was closed and opened again.
    from reconnect.cli.main import main
    from reconnect.ui.dashboard.dashboard_window import DashboardWindow

    windows.show_dashboard()
    dashboard = _opened(windows, "dashboard")
    assert isinstance(dashboard, DashboardWindow)
    qtbot.waitExposed(dashboard)
    assert dashboard.figures().checkins == 0
    environ = {"RECONNECT_DATA_DIR": str(tmp_path / "data")}
    out, err = io.StringIO(), io.StringIO()
    assert main(["log", "hand-on-heart", "--spark", "2"], environ, FakeClock(NOW), out, err) == 0
    assert dashboard.figures().checkins == 0  # read once, kept while it stays open
    windows.show_dashboard()  # the tray's menu, or ``reconnect dashboard``
    assert _opened(windows, "dashboard") is dashboard
    assert dashboard.figures().checkins == 1
