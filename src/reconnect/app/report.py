"""Makes the report to share: reads the history, works out the figures, draws the PDF."""

from __future__ import annotations

import os
from collections.abc import Callable, MutableMapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect.app.bootstrap import Context

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reconnect.core.spark_stats import PracticeCounts, Report


def _gui_for_drawing(environ: MutableMapping[str, str]) -> None:
    """A QGuiApplication for QPdfWriter; without a display, on Qt's offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # `reconnect report` over SSH
    QGuiApplication(["reconnect"])


def _private_file(path: Path) -> None:
    # Made readable only by the person before Qt writes into it, as exports are.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    path.chmod(0o600)


def write_report(
    context: Context,
    path: Path,
    since: date | None,
    until: date | None,
    with_notes: bool,
    environ: MutableMapping[str, str] = os.environ,
) -> int:
    """The PDF report of [since, until] (sides left None follow the history) at ``path``.

    Returns:
        How many pages it has.
    """
    _gui_for_drawing(environ)
    from reconnect.core.spark_stats import compute
    from reconnect.services.report import ReportReader, compose
    from reconnect.ui.report.pdf_report import write_pdf

    data = ReportReader(context.database().session_factory).read(since, until, with_notes)
    content = compose(data, compute(data.counts), context.clock.now().date())
    _private_file(path)
    return write_pdf(content, path)


Compute = Callable[["list[PracticeCounts]", Callable[["Report"], None]], None]


def report_maker(
    context: Context,
    compute: Compute,
    choose: Callable[[QWidget, str], str] | None = None,
    tell: Callable[[QWidget, Path], None] | None = None,
) -> Callable[[QWidget, date | None, date], None]:
    """What the dashboard's File, "Make a report…" does: ask, read, work out, draw, tell.

    Args:
        compute: works out the statistics away from the tray (``StatsProcess.compute``).
        choose: asks where to save; None for a file dialog.
        tell: says where it was saved; None for a message box.
    """

    def make(parent: QWidget, since: date | None, until: date) -> None:
        from reconnect.services.report import ReportReader, compose
        from reconnect.ui.report.report_dialog import ReportDialog, save_as, tell_saved

        dialog = ReportDialog(parent, since, until, choose or save_as)
        if not dialog.exec() or dialog.path is None:
            return
        path, chosen = dialog.path, dialog.choice
        data = ReportReader(context.database().session_factory).read(
            chosen.since, chosen.until, chosen.with_notes
        )

        def draw(report: Report) -> None:
            from reconnect.ui.report.pdf_report import write_pdf

            content = compose(data, report, context.clock.now().date())
            _private_file(path)
            write_pdf(content, path)
            (tell or tell_saved)(parent, path)

        compute(list(data.counts), draw)

    return make
