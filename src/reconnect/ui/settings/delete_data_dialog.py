"""Deleting all of the person's data: typed confirmation first, then what was removed.

The removal itself is ``services.data_removal``; this dialog only asks and shows.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.services.data_removal import RemovalReport

# The word to type stays the same in every language: it is checked, not read.
CONFIRMATION_WORD = "DELETE"
EXPLANATION = QT_TRANSLATE_NOOP(
    "DeleteDataDialog",
    "This removes, from this computer, your history and check-ins, their backups, the log "
    "files, your own practices and your settings. It can't be undone.\n\n"
    "If you might want to look back at your history one day, you could export it first. "
    "Reconnect closes afterwards, since nothing of yours is left for it to use.",
)


class DeleteDataDialog(QDialog):
    """Asks for the word DELETE; then removes everything and says what went.

    It ends accepted once the data is gone (the app should then close), and rejected when
    the person keeps their data.

    Attributes:
        report: what was removed, once it has been.
    """

    def __init__(
        self,
        remove: Callable[[], RemovalReport],
        export_history: Callable[[QWidget], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._remove = remove
        self._export_history = export_history
        self.report: RemovalReport | None = None
        self.setObjectName("deleteDataDialog")
        self.setWindowTitle(self.tr("Reconnect: delete all my data"))
        self.setAccessibleName(self.tr("Delete all my data"))
        self.setMinimumWidth(520)

        self.heading = QLabel(self.tr("Delete all your Reconnect data?"))
        self.heading.setObjectName("deleteHeading")
        self.text = QLabel(self.tr(EXPLANATION))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.word = QLineEdit()
        self.word.setAccessibleName(
            self.tr("Type {word} to confirm").format(word=CONFIRMATION_WORD)
        )
        self.word.setAccessibleDescription(
            self.tr("The button to delete everything works once this says {word}.").format(
                word=CONFIRMATION_WORD
            )
        )
        self.word.setPlaceholderText(CONFIRMATION_WORD)
        self.word.textChanged.connect(self._word_changed)
        self.word_label = QLabel(
            self.tr("To go ahead, type {word} here:").format(word=CONFIRMATION_WORD)
        )
        self.word_label.setBuddy(self.word)

        self.export_button = QPushButton(self.tr("Export my history first…"))
        self.export_button.setAutoDefault(False)
        self.export_button.setAccessibleName(self.tr("Export my history first"))
        self.export_button.setToolTip(
            self.tr("Save a copy of your history as a file before deleting")
        )
        self.export_button.clicked.connect(self._export)
        self.export_button.setVisible(export_history is not None)

        self.keep_button = QPushButton(self.tr("Keep my data"))
        self.keep_button.setAccessibleName(self.tr("Keep my data"))
        self.keep_button.setToolTip(self.tr("Close this without deleting anything"))
        self.keep_button.clicked.connect(self.reject)
        self.keep_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Delete everything"))
        self.delete_button.setAccessibleName(self.tr("Delete everything"))
        self.delete_button.setAccessibleDescription(
            self.tr("Removes all your Reconnect data. Works once {word} is typed above.").format(
                word=CONFIRMATION_WORD
            )
        )
        self.delete_button.setAutoDefault(False)
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._delete)
        self.close_button = QPushButton(self.tr("Close Reconnect"))
        self.close_button.setObjectName("primary")
        self.close_button.setAccessibleName(self.tr("Close Reconnect"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.word_label)
        layout.addWidget(self.word)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.word, self.export_button)
        QWidget.setTabOrder(self.export_button, self.keep_button)
        QWidget.setTabOrder(self.keep_button, self.delete_button)

    def _word_changed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == CONFIRMATION_WORD)

    def _export(self) -> None:
        if self._export_history is not None:
            self._export_history(self)

    def _delete(self) -> None:
        if self.report is not None or self.word.text().strip() != CONFIRMATION_WORD:
            return
        self.report = self._remove()
        self._show_report(self.report)

    def _show_report(self, report: RemovalReport) -> None:
        removed = "".join(f"<li>{html.escape(line)}</li>" for line in report.removed_lines())
        self.heading.setText(
            self.tr("Your data is deleted")
            if report.complete
            else self.tr("Most of your data is deleted")
        )
        parts = [
            self.tr("<p>This is what was removed:</p><ul>{items}</ul>").format(items=removed)
            if removed
            else self.tr("<p>There was nothing to remove.</p>")
        ]
        if report.problems:
            still = "".join(
                f"<li>{html.escape(p.where)}: {html.escape(p.problem)}</li>"
                for p in report.problems
            )
            parts.append(
                self.tr(
                    "<p>These could not be removed; you can delete them yourself, for example "
                    "with your file manager:</p><ul>{items}</ul>"
                ).format(items=still)
            )
        if report.left:
            left = "".join(f"<li>{html.escape(str(path))}</li>" for path in report.left)
            parts.append(
                self.tr(
                    "<p>These were in the data folder but are not Reconnect's, so they were left "
                    "as they were:</p><ul>{items}</ul>"
                ).format(items=left)
            )
        parts.append(self.tr("<p>Reconnect closes now. Take good care of yourself.</p>"))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setText("".join(parts))
        self.text.setAccessibleDescription(" ".join(report.lines()))
        for widget in (
            self.word_label,
            self.word,
            self.export_button,
            self.keep_button,
            self.delete_button,
        ):
            widget.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def reject(self) -> None:
        """Escape or the window's close button: once the data is gone, that closes too."""
        if self.report is not None:
            self.accept()
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.report is None:
            self.word.setFocus(Qt.FocusReason.OtherFocusReason)
