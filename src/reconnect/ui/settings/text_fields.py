"""The settings fields for a line of text: a path with its "Choose…" button, and a database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from reconnect.core.settings import Setting
from reconnect.ui.settings.field_base import Field, declared_text, describe, label_for

# Text settings that hold a path, and what their "Choose…" button picks.
PATH_KINDS: dict[str, str] = {
    "practices.music": "music",
    "practices.own_folder": "folder",
    "busy.calendar": "calendar",
}

ChoosePath = Callable[[QWidget, str, str], str | None]
"""A file dialog: (parent, kind, current value) → the chosen path, or None when cancelled.

Kinds: ``folder``, ``music-file``, ``music-folder`` and ``calendar-file``.
"""


class TextField(Field):
    """A line of text; a path gets a "Choose…" button beside it."""

    compact = False

    def __init__(self, setting: Setting, choose: ChoosePath | None = None) -> None:
        super().__init__(setting)
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(320)
        self.edit.setClearButtonEnabled(True)
        self._labelled(self.edit)
        self.controls = [self.edit]
        self.choose_button: QPushButton | None = None
        kind = PATH_KINDS.get(setting.key)
        if kind is not None and choose is not None:
            self.choose_button = self._chooser(kind, choose)
            self.controls.append(self.choose_button)
        if setting.placeholder:
            self.edit.setPlaceholderText(declared_text(setting.placeholder))

    def _chooser(self, kind: str, choose: ChoosePath) -> QPushButton:
        name = label_for(self.setting)
        button = QPushButton(QCoreApplication.translate("SettingsFields", "Choose…"))
        button.setAutoDefault(False)
        description = QCoreApplication.translate(
            "SettingsFields", "Pick {setting} with a file dialog."
        ).format(setting=name[0].lower() + name[1:])

        def pick(what: str) -> None:
            chosen = choose(button.window(), what, self.edit.text())
            if chosen:
                self.edit.setText(chosen)

        if kind == "music":
            menu = QMenu(button)
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A music file…"),
                lambda: pick("music-file"),
            )
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A folder of music…"),
                lambda: pick("music-folder"),
            )
            button.setMenu(menu)
        elif kind == "calendar":
            menu = QMenu(button)
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A calendar file…"),
                lambda: pick("calendar-file"),
            )
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A folder of calendars…"),
                lambda: pick("folder"),
            )
            button.setMenu(menu)
        else:
            button.clicked.connect(lambda: pick(kind))
        describe(
            button,
            QCoreApplication.translate("SettingsFields", "Choose: {setting}").format(setting=name),
            description,
        )
        return button

    def row(self) -> QWidget | QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(self.edit, 1)
        if self.choose_button is not None:
            line.addWidget(self.choose_button)
        return line

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))


class DatabaseField(TextField):
    """A database address, shown without its password (``Setting.format``).

    The stored address, password and all, is kept while the text shown is left as it is;
    typing a new address (with its password) replaces it.
    """

    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        self._stored = ""

    def value(self) -> object:
        shown = self.edit.text()
        return self._stored if shown == self.setting.format(self._stored) else shown

    def set_value(self, value: Any) -> None:
        self._stored = str(value)
        self.edit.setText(self.setting.format(self._stored))
