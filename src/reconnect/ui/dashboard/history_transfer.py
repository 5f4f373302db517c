"""Export and import of the history from the dashboard, through file dialogs and plain messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reconnect import __version__
from reconnect.core.i18n import number, plural
from reconnect.core.sessions import Moment
from reconnect.paths import write_private
from reconnect.services.database_problems import DatabaseProblem
from reconnect.services.history import HistoryFiles, ImportRefused

log = logging.getLogger(__name__)

# The file dialog's filters, in English (marked for the catalogue) and the format of each.
FILTERS = {
    QT_TRANSLATE_NOOP("HistoryTransfer", "CSV, for spreadsheets (*.csv)"): "csv",
    QT_TRANSLATE_NOOP("HistoryTransfer", "JSON, complete (*.json)"): "json",
}
MAX_IMPORT_BYTES = 200 * 1024 * 1024
PROBLEMS_SHOWN = 8


def _filters() -> dict[str, str]:
    """The filters as the file dialog shows them, in the person's language."""
    return {
        QCoreApplication.translate("HistoryTransfer", name): fmt for name, fmt in FILTERS.items()
    }


class HistoryTransfer:
    """The dialogs behind the dashboard's History menu.

    Args:
        files: exports and imports the history (``services.history``).
        now: the current moment (for the export's header).
        choose_save / choose_open: file dialogs, replaceable in tests; they return
            (path, chosen filter) with an empty path when cancelled.
        tell: shows a message (title, text, is_problem).
    """

    def __init__(
        self,
        files: HistoryFiles,
        now: Callable[[], Moment],
        choose_save: Callable[[QWidget], tuple[str, str]] | None = None,
        choose_open: Callable[[QWidget], str] | None = None,
        tell: Callable[[QWidget, str, str, bool], None] | None = None,
    ) -> None:
        self._files = files
        self._now = now
        self._choose_save = choose_save or _choose_save
        self._choose_open = choose_open or _choose_open
        self._tell = tell or _tell

    def export(self, parent: QWidget) -> None:
        path, chosen = self._choose_save(parent)
        if not path:
            return
        fmt = (
            _filters().get(chosen)
            or FILTERS.get(chosen)
            or ("json" if path.lower().endswith(".json") else "csv")
        )
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(f".{fmt}")
        try:
            write_private(target, self._files.export(fmt, self._now(), __version__).encode())
        except OSError as error:
            self._tell(
                parent,
                QCoreApplication.translate("HistoryTransfer", "The history was not exported"),
                QCoreApplication.translate(
                    "HistoryTransfer",
                    "Reconnect could not write {target}: {reason}. "
                    "Choose another folder, or free some space, and try again. Your history is "
                    "unchanged.",
                ).format(target=target, reason=error.strerror or error),
                True,
            )
            return
        except DatabaseProblem as error:
            log.error("export failed: %s", error)
            self._tell(
                parent,
                QCoreApplication.translate("HistoryTransfer", "The history was not exported"),
                QCoreApplication.translate(
                    "HistoryTransfer",
                    "The history could not be read just now. Please try again; if it keeps "
                    "happening, 'reconnect doctor' in a terminal says more.",
                ),
                True,
            )
            return
        self._tell(
            parent,
            QCoreApplication.translate("HistoryTransfer", "History exported"),
            QCoreApplication.translate("HistoryTransfer", "Your history is in {target}.").format(
                target=target
            ),
            False,
        )

    def import_(self, parent: QWidget) -> bool:
        """Returns True when sessions were added."""
        path = self._choose_open(parent)
        if not path:
            return False
        source = Path(path)
        try:
            if source.stat().st_size > MAX_IMPORT_BYTES:
                self._tell(
                    parent,
                    QCoreApplication.translate("HistoryTransfer", "Nothing was imported"),
                    QCoreApplication.translate(
                        "HistoryTransfer",
                        "{name} is larger than any Reconnect export could be. "
                        "Please choose a file exported by Reconnect.",
                    ).format(name=source.name),
                    True,
                )
                return False
            raw = source.read_bytes()
        except OSError as error:
            self._tell(
                parent,
                QCoreApplication.translate("HistoryTransfer", "Nothing was imported"),
                QCoreApplication.translate(
                    "HistoryTransfer", "Reconnect could not read {source}: {reason}."
                ).format(source=source, reason=error.strerror or error),
                True,
            )
            return False
        try:
            report = self._files.import_history(raw)
        except ImportRefused as refused:
            lines = [str(p) for p in refused.problems[:PROBLEMS_SHOWN]]
            more = len(refused.problems) - len(lines)
            if more > 0:
                lines.append(
                    QCoreApplication.translate("HistoryTransfer", "… and {count} more.").format(
                        count=more
                    )
                )
            said = QCoreApplication.translate(
                "HistoryTransfer", "{name}: {refused}. Your history is unchanged."
            ).format(name=source.name, refused=refused)
            self._tell(
                parent,
                QCoreApplication.translate("HistoryTransfer", "Nothing was imported"),
                said + "\n\n" + "\n".join(lines),
                True,
            )
            return False
        except DatabaseProblem as error:
            log.error("import failed: %s", error)
            self._tell(
                parent,
                QCoreApplication.translate("HistoryTransfer", "Nothing was imported"),
                QCoreApplication.translate(
                    "HistoryTransfer",
                    "The history could not be written just now; nothing was changed. Please try "
                    "again; if it keeps happening, 'reconnect doctor' in a terminal says more.",
                ),
                True,
            )
            return False
        added = report.added
        if added:
            text = plural(
                added,
                QCoreApplication.translate(
                    "HistoryTransfer", "Added 1 session ({checkins} with a check-in)."
                ),
                QCoreApplication.translate(
                    "HistoryTransfer", "Added {count} sessions ({checkins} with a check-in)."
                ),
                checkins=number(report.added_checkins),
            )
        else:
            text = QCoreApplication.translate(
                "HistoryTransfer",
                "Everything in this file was already here; nothing needed adding.",
            )
        if report.already_present and added:
            text = plural(
                report.already_present,
                QCoreApplication.translate(
                    "HistoryTransfer", "{added} 1 was already here and was left as it is."
                ),
                QCoreApplication.translate(
                    "HistoryTransfer",
                    "{added} {count} were already here and were left as they are.",
                ),
                added=text,
            )
        self._tell(
            parent, QCoreApplication.translate("HistoryTransfer", "History imported"), text, False
        )
        return added > 0


def _choose_save(parent: QWidget) -> tuple[str, str]:
    return QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("HistoryTransfer", "Export your history"),
        str(Path.home() / "reconnect-history.csv"),
        ";;".join(_filters()),
    )


def _choose_open(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("HistoryTransfer", "Import a history exported by Reconnect"),
        str(Path.home()),
        QCoreApplication.translate(
            "HistoryTransfer", "Reconnect history (*.csv *.json);;All files (*)"
        ),
    )
    return path


def message_box(parent: QWidget | None, title: str, text: str, problem: bool) -> QMessageBox:
    """A message whose heading is in its body: a small box would cut a long window title short."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("HistoryTransfer", "Reconnect"))
    box.setIcon(QMessageBox.Icon.Information if not problem else QMessageBox.Icon.Warning)
    box.setText(title)
    box.setInformativeText(text)
    return box


def _tell(parent: QWidget, title: str, text: str, problem: bool) -> None:
    message_box(parent, title, text, problem).exec()
