"""The two settings pages that are not declared settings: start at login, and privacy.

Start at login is the login entry itself (``reconnect.desktop.autostart``); privacy shows where the
data is and offers to export it or to delete all of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.paths import DataPaths
from reconnect.services.data_removal import database_file, delete_all_data
from reconnect.services.desktop_ports import AutostartError, AutostartState
from reconnect.ui.settings.delete_data_dialog import DeleteDataDialog
from reconnect.ui.settings.field_base import describe, quiet_label

# In English, marked for the catalogue; the login page shows them through self.tr.
AUTOSTART_TEXT = QT_TRANSLATE_NOOP("LoginPage", "Start Reconnect when I log in")
AUTOSTART_DESCRIPTION = QT_TRANSLATE_NOOP(
    "LoginPage",
    "Reconnect starts quietly in the tray when you log in; nothing opens until a break comes.",
)


@dataclass(frozen=True)
class AutostartControls:
    """Start at login on this computer, bound by the caller to ``reconnect.desktop.autostart``.

    Attributes:
        state: reads the login entry (raises ``AutostartError``).
        enable: writes it (raises ``AutostartError``) and returns the new state.
        disable: removes it (raises ``AutostartError``); True when there was one.
    """

    state: Callable[[], AutostartState]
    enable: Callable[[], AutostartState]
    disable: Callable[[], bool]


def page_layout(page: QWidget) -> QVBoxLayout:
    page.setObjectName("settingsPage")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.setSpacing(14)
    return layout


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("settingsSection")
    label.setWordWrap(True)
    return label


class LoginPage(QWidget):
    """A checkbox that shows whether Reconnect starts at login; ``apply`` changes the entry.

    Attributes:
        box: the checkbox.
        where: where the entry is kept, and what to do when the desktop turned it off.
        problem: why the entry could not be read or changed.
        chain: the focusable controls, in tab order.
    """

    def __init__(self, autostart: AutostartControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._autostart = autostart
        self._state: AutostartState | None = None
        self.box = QCheckBox(self.tr(AUTOSTART_TEXT))
        describe(self.box, self.tr(AUTOSTART_TEXT), self.tr(AUTOSTART_DESCRIPTION))
        self.where = quiet_label("")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = quiet_label("", "settingProblem")
        self.problem.setAccessibleName(self.tr("Start at login: not changed"))
        self.problem.hide()
        block = QVBoxLayout()
        block.setSpacing(4)
        description = quiet_label(self.tr(AUTOSTART_DESCRIPTION))
        for widget in (self.box, description, self.where, self.problem):
            block.addWidget(widget)
        layout = page_layout(self)
        layout.addLayout(block)
        layout.addStretch(1)
        self.chain: list[QWidget] = [self.box]
        self.read()

    def read(self) -> None:
        """Show the login entry as it is now."""
        self.problem.hide()
        try:
            state = self._autostart.state()
        except AutostartError as error:
            self._state = None
            self.box.setChecked(False)
            self._show_problem(str(error))
            return
        self._state = state
        self.box.setChecked(state.enabled)
        where = self.tr("The login entry is kept in {location}.").format(location=state.location)
        if state.turned_off_elsewhere:
            where = self.tr(
                "{where} Your desktop's startup settings have turned it off; tick the box and "
                "apply to turn it on again."
            ).format(where=where)
        elif state.program_missing:
            where = self.tr(
                "{where} It starts a program that is no longer there ({program}); apply with "
                "the box ticked to point it at this Reconnect."
            ).format(where=where, program=state.program)
        self.where.setText(where)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        self.problem.show()

    def _wanted_change(self) -> str | None:
        wanted, state = self.box.isChecked(), self._state
        if wanted and (state is None or not state.enabled or state.program_missing):
            return "enable"
        if not wanted and state is not None and state.enabled:
            return "disable"
        return None

    @property
    def changing(self) -> bool:
        """The box asks for something other than what the entry is now."""
        return self._wanted_change() is not None

    def apply(self) -> bool:
        """Write or remove the login entry if the box asks for it.

        Returns:
            False when it could not be done; the reason is shown under the box.
        """
        change = self._wanted_change()
        if change is None:
            return True
        try:
            if change == "enable":
                self._autostart.enable()
            else:
                self._autostart.disable()
        except AutostartError as error:
            self._show_problem(str(error))
            return False
        self.read()
        return True


class PrivacyPage(QWidget):
    """Where the data lives, opening that folder, exporting the history, deleting it all.

    Signals:
        deleted: everything was removed and the person closed the report; the app should
            close now, writing nothing more.

    Attributes:
        paths_shown: the labels showing the data folder, the history and the settings file.
        delete_dialog: the confirmation, once asked for.
        chain: the focusable controls, in tab order.
    """

    deleted = Signal()

    def __init__(
        self,
        paths: DataPaths,
        close_database: Callable[[], None],
        open_folder: Callable[[Path], None],
        export_history: Callable[[QWidget], None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._close_database = close_database
        self._export_history = export_history
        self.delete_dialog: DeleteDataDialog | None = None
        layout = page_layout(self)

        intro = QVBoxLayout()
        intro.setSpacing(6)
        intro.addWidget(section(self.tr("Everything stays on this computer")))
        intro.addWidget(
            quiet_label(
                self.tr(
                    "Reconnect keeps your history, check-ins and choices in one folder here, and "
                    "never sends them anywhere."
                )
            )
        )
        intro.addLayout(self._where(paths))
        layout.addLayout(intro)

        self.open_folder_button = self._button(
            self.tr("Open the folder"), self.tr("Show the data folder in your file manager.")
        )
        self.open_folder_button.clicked.connect(lambda: open_folder(paths.root))
        layout.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.chain: list[QWidget] = [self.open_folder_button]

        self.export_button = self._button(
            self.tr("Export my history…"),
            self.tr("Save a copy of your sessions and check-ins as a CSV or JSON file."),
        )
        self.export_button.clicked.connect(self._export)
        if export_history is not None:
            layout.addLayout(
                _action(self.export_button, self.tr("A copy of your sessions and check-ins."))
            )
            self.chain.append(self.export_button)
        else:
            self.export_button.hide()

        self.delete_button = self._button(
            self.tr("Delete all my data…"),
            self.tr(
                "Remove everything Reconnect keeps about you from this computer, after you type "
                "a confirmation word. Reconnect then closes."
            ),
        )
        self.delete_button.clicked.connect(self.ask_to_delete)
        layout.addLayout(
            _action(
                self.delete_button,
                self.tr(
                    "Removes your history, backups, logs, your own practices and your settings "
                    "from this computer. You'll be asked to type a word first."
                ),
            )
        )
        self.chain.append(self.delete_button)
        layout.addStretch(1)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        describe(button, text.removesuffix("…"), description)
        return button

    def _where(self, paths: DataPaths) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        database = database_file(paths)
        rows = (
            ("Data folder", self.tr("Data folder"), str(paths.root)),
            (
                "History",
                self.tr("History"),
                str(database) if database else self.tr("kept by a database server"),
            ),
            ("Settings", self.tr("Settings"), str(paths.settings_file)),
        )
        # Keyed by the English name, whatever the language shown.
        self.paths_shown: dict[str, QLabel] = {}
        for row, (name, shown, where) in enumerate(rows):
            value = QLabel(where)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(self.tr("{name}: {where}").format(name=shown, where=where))
            label = QLabel(self.tr("{name}:").format(name=shown))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.paths_shown[name] = value
        grid.setColumnStretch(1, 1)
        return grid

    def _export(self) -> None:
        if self._export_history is not None:
            self._export_history(self.window())

    def ask_to_delete(self) -> None:
        """The typed confirmation; once everything is removed, ``deleted`` follows."""
        remove = functools.partial(delete_all_data, self._paths, self._close_database)
        self.delete_dialog = DeleteDataDialog(remove, self._export_history, self.window())
        self.delete_dialog.finished.connect(self._delete_finished)
        self.delete_dialog.open()

    def _delete_finished(self, _result: int) -> None:
        if self.delete_dialog is not None and self.delete_dialog.report is not None:
            self.deleted.emit()


def _action(button: QPushButton, hint: str) -> QVBoxLayout:
    block = QVBoxLayout()
    block.setSpacing(4)
    block.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    block.addWidget(quiet_label(hint))
    return block
