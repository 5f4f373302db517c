"""What every settings field shares: its label, hint and inline problem, in the person's language.

Fields don't judge values: the declaration does (``core.settings``), and a field only shows
what it said, inline under the control. Labels and hints come from the declarations too.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.settings import HOURS_DESCRIPTION, Setting


def fields_text(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("SettingsFields", ...), in the person's language."""
    return QCoreApplication.translate("SettingsFields", text)


def declared_text(text: str) -> str:
    """A text of a declaration (``core.settings``), in the person's language."""
    return QCoreApplication.translate("Settings", text)


def label_for(setting: Setting) -> str:
    """What the window calls the setting: its declared label, or a name made from its key."""
    if setting.label:
        return declared_text(setting.label)
    return setting.key.split(".", 1)[1].replace("_", " ").capitalize()


def description_for(setting: Setting) -> str:
    """The declared description in the person's language (the declaration keeps English)."""
    if setting.kind == "hours":
        day = setting.key.split(".", 1)[1].capitalize()
        return QCoreApplication.translate("Settings", HOURS_DESCRIPTION).format(
            day=QCoreApplication.translate("Vocabulary", day)
        )
    return QCoreApplication.translate("Settings", setting.description)


def hint_for(setting: Setting) -> str:
    """The words under the control: the declared hint, or else the description."""
    if setting.hint:
        return declared_text(setting.hint)
    return re.sub(r"\s*\(yes or no\)", "", description_for(setting))


def problem_text(setting: Setting, error: InputError) -> str:
    """The refusal as shown under the control: without the key, which the label already says."""
    message = str(error)
    prefix = f"{setting.key} "
    if message.startswith(prefix):
        return QCoreApplication.translate("SettingsFields", "This {refusal}").format(
            refusal=message.removeprefix(prefix)
        )
    return message


def describe(widget: QWidget, name: str, description: str) -> None:
    """The accessible name, and the description as tooltip and accessible description."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)


def quiet_label(text: str, object_name: str = "settingHint") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


class Field:
    """One declared setting on a page: its label, its controls, a hint and an inline problem.

    Attributes:
        setting: the declaration.
        controls: the focusable controls, in tab order.
        label: the label (its buddy is the first control); None where the control says it
            itself (a checkbox).
    """

    compact = True  # the control keeps its own width; False: it takes the line

    def __init__(self, setting: Setting) -> None:
        self.setting = setting
        self.controls: list[QWidget] = []
        self.label: QLabel | None = None
        self.hint: QLabel | None = quiet_label(hint_for(setting))
        self.problem = quiet_label("", "settingProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAccessibleName(
            QCoreApplication.translate("SettingsFields", "{setting}: not saved yet").format(
                setting=label_for(setting)
            )
        )
        self.problem.hide()
        self.note: QLabel | None = None  # what is wrong with the value in use (a path's file)

    @property
    def focus_widget(self) -> QWidget:
        return self.controls[0]

    def value(self) -> object:
        """What the controls hold now, as the declaration's ``parse`` takes it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        if self.hint is not None:
            self.hint.hide()  # the problem says the description again
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()
        self.problem.clear()
        if self.hint is not None:
            self.hint.show()

    def row(self) -> QWidget | QHBoxLayout:
        """What goes on the control's line."""
        return self.controls[0]

    def add_to(self, layout: QVBoxLayout) -> None:
        """Label, control, hint and the (hidden) problem, one under the other."""
        block = QVBoxLayout()
        block.setSpacing(4)
        if self.label is not None:
            block.addWidget(self.label)
        row = self.row()
        line = QHBoxLayout()
        if isinstance(row, QWidget):
            line.addWidget(row)
        else:
            line.addLayout(row, 1)
        if self.compact:
            line.addStretch(1)
        block.addLayout(line)
        if self.hint is not None:
            block.addWidget(self.hint)
        block.addWidget(self.problem)
        if self.note is not None:
            block.addWidget(self.note)
        layout.addLayout(block)

    def _labelled(self, control: QWidget) -> None:
        name = label_for(self.setting)
        self.label = QLabel(name)
        self.label.setObjectName("settingLabel")
        self.label.setBuddy(control)
        describe(control, name, description_for(self.setting))
