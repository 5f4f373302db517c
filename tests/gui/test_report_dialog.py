"""The dashboard's File, "Make a report…": the dialog asks, and the PDF is saved where chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.report import report_maker
from reconnect.core.clock import FakeClock
from reconnect.core.recording import logged_session
from reconnect.core.spark_stats import compute
from reconnect.services.dashboard import DashboardReader
from reconnect.services.history_edits import HistoryBook
from reconnect.storage.unit_of_work import UnitOfWork
from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
from reconnect.ui.dashboard.history_page import HistoryPage
from reconnect.ui.dashboard.library_page import LibraryPage
from reconnect.ui.report.report_dialog import ReportDialog

NOTE = "The warm mug helped a little"


@pytest.fixture
def context(tmp_path: Path, clock: FakeClock) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    now = context.clock.now()
    sessions = []
    for i in range(30):
        practice = context.library.get(("hand-on-heart", "warm-hands", "box-breath")[i % 3])
        assert practice is not None
        at = now - timedelta(days=i, hours=1)
        note = NOTE if i == 4 else None
        sessions.append(logged_session(practice, now, i % 3, ("hands",), (), note, at))
    with UnitOfWork(context.database().session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()
    yield context
    context.close()


def test_the_file_menu_makes_a_report_of_the_range_shown(
    qtbot: QtBot, context: bootstrap.Context, tmp_path: Path
) -> None:
    factory, library = context.database().session_factory, context.library
    saved: list[Path] = []
    suggested: list[str] = []

    def choose(_parent: QWidget, name: str) -> str:
        suggested.append(name)
        return str(tmp_path / "for my therapist")  # no .pdf: it is added

    actions = DashboardActions(
        today=lambda: context.clock.now().date(),
        export_history=lambda _parent: None,
        import_history=lambda _parent: False,
        open_help=lambda: None,
        make_history_page=lambda: HistoryPage(HistoryBook(factory), {}),
        make_library_page=lambda: LibraryPage(library, lambda: None),
        compute_report=lambda counts, deliver: deliver(compute(counts)),
        make_report=report_maker(
            context,
            lambda counts, deliver: deliver(compute(counts)),
            choose,
            lambda _parent, path: saved.append(path),
        ),
    )
    window = DashboardWindow(DashboardReader(factory), actions)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    file_menu = window.menuBar().actions()[0].menu()
    item = next(a for a in file_menu.actions() if a.text() == "Make a &report…")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReportDialog)
        assert dialog.notes.isChecked() is False  # notes stay out unless ticked
        dialog.notes.setChecked(True)
        dialog.save_button.click()

    QTimer.singleShot(0, answer)
    item.trigger()
    path = tmp_path / "for my therapist.pdf"
    assert saved == [path]
    # The dashboard shows the last 3 months: the dialog starts on them.
    assert suggested == ["reconnect-report-2026-08-18-2026-11-17.pdf"]
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert 2 <= len(reader.pages) <= 3
    assert "From 2026-08-18 to 2026-11-17" in text
    assert "Hand on heart" in text and NOTE in text and "(a flicker)" in text
