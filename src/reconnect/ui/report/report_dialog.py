"""The dialog behind the dashboard's File, "Make a report…": which days, notes or not, where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

ChoosePath = Callable[[QWidget, str], str]


@dataclass(frozen=True)
class ReportChoice:
    since: date
    until: date
    with_notes: bool


def save_as(parent: QWidget, suggested: str) -> str:
    title = parent.tr("Save the report")
    return QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")[0]


class ReportDialog(QDialog):
    """Asks for the first and last day, whether to include notes, then where to save.

    Args:
        choose: asks where to save (a file dialog; tests pass their own).
    """

    def __init__(
        self, parent: QWidget | None, since: date | None, until: date, choose: ChoosePath = save_as
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make a report"))
        self.setAccessibleName(self.tr("Make a report"))
        self._choose = choose
        self.path: Path | None = None
        about = QLabel(
            self.tr(
                "A PDF of a few pages to keep or share, for example with a therapist: how often "
                "you practised and checked in, what helped, and when. It is made on this "
                "computer and goes only where you save it."
            )
        )
        about.setWordWrap(True)
        self.since_edit = QDateEdit(QDate(since or until))
        self.until_edit = QDateEdit(QDate(until))
        for edit, name in (
            (self.since_edit, self.tr("First day")),
            (self.until_edit, self.tr("Last day")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.notes = QCheckBox(self.tr("Include my &notes"))
        self.notes.setAccessibleName(self.tr("Include my notes"))
        self.notes.setToolTip(self.tr("Notes stay out of the report unless you tick this."))
        form = QFormLayout()
        form.addRow(self.tr("&First day"), self.since_edit)
        form.addRow(self.tr("&Last day"), self.until_edit)
        form.addRow("", self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save as…"))
        self.save_button.setAccessibleName(self.tr("Save as"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def choice(self) -> ReportChoice:
        first, last = self.since_edit.date().toPython(), self.until_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return ReportChoice(min(first, last), max(first, last), self.notes.isChecked())

    def _save(self) -> None:
        chosen = self.choice
        suggested = f"reconnect-report-{chosen.since.isoformat()}-{chosen.until.isoformat()}.pdf"
        text = self._choose(self, suggested)
        if not text:
            return  # the person closed the file dialog: stay here
        path = Path(text)
        self.path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        self.accept()


def tell_saved(parent: QWidget, path: Path) -> None:
    QMessageBox.information(
        parent,
        parent.tr("Report saved"),
        parent.tr("Your report is saved as {path}.").format(path=path),
    )
