"""The practice form's longer texts, and the question asked before a practice is deleted."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reconnect.core.vocabulary import Place

# The texts below are in English, marked for the catalogue; the form shows them through
# self.tr (context "PracticeForm").
COPY_SUFFIX = QT_TRANSLATE_NOOP("PracticeForm", " (my copy)")

PLACE_WORDS: dict[Place, str] = {
    Place.DESK: QT_TRANSLATE_NOOP(
        "PracticeForm", "At the desk: sitting or standing where you work"
    ),
    Place.AWAY: QT_TRANSLATE_NOOP(
        "PracticeForm", "A few steps away: a corridor, a kitchen, a quiet room"
    ),
    Place.WINDOW: QT_TRANSLATE_NOOP(
        "PracticeForm", "By a window: it needs a window, or a door to outside"
    ),
    Place.OUTDOORS: QT_TRANSLATE_NOOP("PracticeForm", "Outdoors: it needs going outside"),
}

INTRO = {
    "new": (
        QT_TRANSLATE_NOOP("PracticeForm", "A practice of your own"),
        QT_TRANSLATE_NOOP(
            "PracticeForm",
            "Describe a small moment in your own words. Offering, as in “you might notice…”, "
            "tends to feel kinder than instructing. It is kept as a file in your practices "
            "folder, on this computer only.",
        ),
    ),
    "edit": (
        "",
        QT_TRANSLATE_NOOP(
            "PracticeForm", "One of your own practices. Changes are saved to its file."
        ),
    ),
    "bundled": (
        "",
        QT_TRANSLATE_NOOP(
            "PracticeForm",
            "This practice comes with Reconnect, so it can't be changed here. You can make "
            "your own copy and change that instead.",
        ),
    ),
    "copy": (
        QT_TRANSLATE_NOOP("PracticeForm", "Your own copy"),
        QT_TRANSLATE_NOOP(
            "PracticeForm", "This copy is yours to change; the original stays as it is."
        ),
    ),
}


def confirm_delete(parent: QWidget, title: str) -> bool:
    """Ask before a practice's file is removed; "Keep it" is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PracticeForm", "Delete this practice?"))
    box.setText(QCoreApplication.translate("PracticeForm", "Delete “{title}”?").format(title=title))
    box.setInformativeText(
        QCoreApplication.translate(
            "PracticeForm",
            "Its file is removed from your practices folder. Your history stays as it is.",
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("PracticeForm", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("PracticeForm", "Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is delete
