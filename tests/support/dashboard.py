"""A real dashboard window over a test context's history, for the GUI tests."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.spark_stats import compute
from reconnect.services.dashboard import DashboardReader
from reconnect.services.history_edits import HistoryBook
from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
from reconnect.ui.dashboard.history_page import HistoryPage
from reconnect.ui.dashboard.library_page import LibraryPage


def dashboard_actions(context: bootstrap.Context, **changed: Any) -> DashboardActions:
    """What the dashboard asks of the app, answered from ``context`` (statistics in-process)."""
    factory = context.database().session_factory
    library = context.library
    fields: dict[str, Any] = {
        "today": lambda: context.clock.now().date(),
        "export_history": lambda _parent: None,
        "import_history": lambda _parent: False,
        "open_help": lambda: None,
        "make_history_page": lambda: HistoryPage(
            HistoryBook(factory), {p.id: p.title for p in library}
        ),
        "make_library_page": lambda: LibraryPage(library, lambda: None),
        "compute_report": lambda counts, deliver: deliver(compute(counts)),
    }
    fields.update(changed)
    return DashboardActions(**fields)


def shown_dashboard(qtbot: QtBot, context: bootstrap.Context, **changed: Any) -> DashboardWindow:
    """A dashboard window over ``context``'s history, shown and exposed."""
    window = DashboardWindow(
        DashboardReader(context.database().session_factory), dashboard_actions(context, **changed)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
