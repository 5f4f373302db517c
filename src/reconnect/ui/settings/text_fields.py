"""The settings fields for a line of text: a path with its "Choose…" button and a note of what
is wrong with its files, and a database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from reconnect.core.i18n import plural
from reconnect.core.settings import Setting
from reconnect.ui.settings.field_base import (
    Field,
    declared_text,
    describe,
    label_for,
    quiet_label,
)

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

CheckPath = Callable[[str], list[str]]
"""What is wrong with the files at a path: (the field's text) → one line per problem, in the
person's language; empty when all is well (``desktop.busy_list.calendar_problems``)."""

# Said under the problems of a path's files, by kind: what still works, and what to do.
AFTER_PROBLEMS = {
    "calendar": QT_TRANSLATE_NOOP(
        "SettingsFields",
        "The other busy checks keep working. You can fix the file or choose another one.",
    ),
}
SHOWN_PROBLEMS = 3  # more than this are counted, not listed


class TextField(Field):
    """A line of text; a path gets a "Choose…" button beside it."""

    compact = False

    def __init__(
        self, setting: Setting, choose: ChoosePath | None = None, check: CheckPath | None = None
    ) -> None:
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
        self._check = check
        if check is not None:
            self.note = self._note_label()
            # A note about the path before an edit is stale at once; the new one is read when
            # the edit ends (Enter, or leaving the field) or a file is chosen.
            self.edit.textChanged.connect(self._forget_note)
            self.edit.editingFinished.connect(self.check_path)

    def _note_label(self) -> QLabel:
        note = quiet_label("", "settingProblem")
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setAccessibleName(
            QCoreApplication.translate("SettingsFields", "{setting}: a file to look at").format(
                setting=label_for(self.setting)
            )
        )
        note.hide()
        return note

    def check_path(self) -> None:
        """Read the files at the path now, and say under the field what is wrong, if anything."""
        if self._check is None or self.note is None:
            return
        problems = self._check(self.edit.text())
        if not problems:
            self._forget_note()
            return
        lines = [_sentence(problem) for problem in problems[:SHOWN_PROBLEMS]]
        more = len(problems) - SHOWN_PROBLEMS
        if more > 0:
            lines.append(
                plural(
                    more,
                    QCoreApplication.translate("SettingsFields", "And 1 more file."),
                    QCoreApplication.translate("SettingsFields", "And {count} more files."),
                )
            )
        after = AFTER_PROBLEMS.get(PATH_KINDS.get(self.setting.key, ""))
        if after:
            lines.append(QCoreApplication.translate("SettingsFields", after))
        text = "\n".join(lines)
        self.note.setText(text)
        self.note.setAccessibleDescription(text)
        self.note.show()

    def _forget_note(self) -> None:
        if self.note is not None:
            self.note.hide()
            self.note.clear()

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
                self.check_path()

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
        self.check_path()


def _sentence(text: str) -> str:
    """A problem line ended as a sentence, so that the next line reads on."""
    return text if text.endswith((".", "…", "!", "?")) else f"{text}."


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
