"""The settings window: every declared setting, grouped in tabs, plus start at login and privacy.

It is built from the declarations (``core.settings``), so a setting declared later shows up
here too. Values are checked by their declarations when applied (practices and music also
against the library and the disk, as the command line does: ``core.setting_checks``); a
refused one is explained under its control, and nothing is saved until every value is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.library import Library
from reconnect.core.setting_checks import with_checked_value
from reconnect.core.settings import BY_KEY, DECLARATIONS, Settings
from reconnect.paths import DataFolderError, DataPaths
from reconnect.ui.settings.field_base import Field, describe, problem_text, quiet_label
from reconnect.ui.settings.hours_field import HoursField
from reconnect.ui.settings.settings_fields import make_field
from reconnect.ui.settings.settings_pages import (
    AutostartControls,
    LoginPage,
    PrivacyPage,
    page_layout,
    section,
)
from reconnect.ui.settings.text_fields import CheckPath, ChoosePath

# In English, marked for the catalogue; the window shows them through self.tr.
GROUP_TITLES = {
    "rhythm": QT_TRANSLATE_NOOP("SettingsWindow", "&Rhythm"),
    "practices": QT_TRANSLATE_NOOP("SettingsWindow", "&Practices"),
    "sound": QT_TRANSLATE_NOOP("SettingsWindow", "&Sound"),
    "appearance": QT_TRANSLATE_NOOP("SettingsWindow", "Appeara&nce"),
    "care": QT_TRANSLATE_NOOP("SettingsWindow", "Car&e"),
    "sync": QT_TRANSLATE_NOOP("SettingsWindow", "S&hared"),
    "place": QT_TRANSLATE_NOOP("SettingsWindow", "Pla&ce"),
    "busy": QT_TRANSLATE_NOOP("SettingsWindow", "C&alls"),
}
LOGIN_TITLE = QT_TRANSLATE_NOOP("SettingsWindow", "Start at &login")
PRIVACY_TITLE = QT_TRANSLATE_NOOP("SettingsWindow", "Pri&vacy")
HOURS_HINT = QT_TRANSLATE_NOOP(
    "SettingsWindow",
    "Breaks come only within these hours, and never on a day off. "
    "Until 00:00 means until midnight; an end before the start, like 19:00 until 08:30, "
    "runs into the next morning.",
)
NOT_SAVED = QT_TRANSLATE_NOOP(
    "SettingsWindow",
    "Some choices need another look (see the notes under them). Nothing was saved yet.",
)
SAVED = QT_TRANSLATE_NOOP("SettingsWindow", "Saved. Reconnect follows your choices from now on.")
UNCHANGED = QT_TRANSLATE_NOOP("SettingsWindow", "Nothing has changed.")


def open_in_file_manager(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def choose_with_dialog(parent: QWidget, kind: str, current: str) -> str | None:
    """The system's file dialog for a path setting (see ``text_fields.ChoosePath``)."""
    start = current or str(Path.home())
    if kind == "music-file":
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("SettingsWindow", "Choose music that moves you"),
            start,
            QCoreApplication.translate(
                "SettingsWindow",
                "Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)",
            ),
        )
    elif kind == "calendar-file":
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("SettingsWindow", "Choose your calendar"),
            start,
            QCoreApplication.translate("SettingsWindow", "Calendars (*.ics);;All files (*)"),
        )
    elif kind == "music-folder":
        path = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("SettingsWindow", "Choose a folder of music"), start
        )
    else:
        path = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate(
                "SettingsWindow", "Choose the folder for your own practices"
            ),
            start,
        )
    return path or None


class SettingsWindow(QDialog):
    """Every choice, explained and checked; OK and Apply save, Cancel (or Escape) doesn't.

    Signals:
        saved: the settings were saved and handed to ``applied``.
    """

    saved = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library,
        paths: DataPaths,
        save: Callable[[Settings], None],
        applied: Callable[[], object],
        autostart: AutostartControls,
        close_database: Callable[[], None],
        quit_app: Callable[[], object],
        export_history: Callable[[QWidget], None] | None = None,
        open_folder: Callable[[Path], None] = open_in_file_manager,
        open_practice_form: Callable[[], None] | None = None,
        choose_path: ChoosePath = choose_with_dialog,
        check_paths: Mapping[str, CheckPath] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the window.

        Args:
            settings: the values in use now.
            library: the practices, for the list of those to offer and to check the ids.
            paths: the data folder, shown under Privacy and removed by "Delete all my data".
            save: writes the settings (``SettingsFile.save``); may raise ``OSError``.
            applied: called after saving, so the app takes them up (``reload_settings``).
            autostart: reads and changes start at login.
            close_database: lets go of the database before its file is removed.
            quit_app: closes Reconnect gently once all data is deleted.
            export_history: the history export (asks for a file); hidden when None.
            open_folder: shows a folder in the file manager.
            open_practice_form: the form for a practice of one's own; hidden when None.
            choose_path: the file dialog of the "Choose…" buttons.
            check_paths: by setting key, what reads the files of a path and names those
                that can't be read (``busy.calendar``); the note goes under the field.
        """
        super().__init__(parent)
        self._settings = settings
        self._library = library
        self._save = save
        self._applied = applied
        self._quit_app = quit_app
        self._open_practice_form = open_practice_form
        self.add_practice_button: QPushButton | None = None
        self.deleted = False
        self.setObjectName("settingsWindow")
        self.setWindowTitle(self.tr("Reconnect: settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.resize(740, 640)

        self.fields: dict[str, Field] = {}
        self._page_of: dict[str, int] = {}
        self._scrolls: list[QScrollArea] = []
        self.page_chains: list[list[QWidget]] = []
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings groups"))
        self.tabs.setDocumentMode(True)
        groups: dict[str, list[Field]] = {}
        for setting in DECLARATIONS:
            check = (check_paths or {}).get(setting.key)
            field = make_field(setting, library, choose_path, check)
            field.set_value(settings[setting.key])
            self.fields[setting.key] = field
            groups.setdefault(setting.group, []).append(field)
        for group, fields in groups.items():
            title = self.tr(GROUP_TITLES[group]) if group in GROUP_TITLES else group.capitalize()
            page, chain = self._group_page(fields)
            self._add_page(page, chain, title, [f.setting.key for f in fields])
        self.login = LoginPage(autostart)
        self._login_tab = self._add_page(self.login, self.login.chain, self.tr(LOGIN_TITLE))
        self.privacy = PrivacyPage(paths, close_database, open_folder, export_history)
        self.privacy.deleted.connect(self._after_deleting)
        self._add_page(self.privacy, self.privacy.chain, self.tr(PRIVACY_TITLE))

        self.status = quiet_label("", "settingsStatus")
        self.status.setAccessibleName(self.tr("What happened"))
        self.status.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button, name, description in (
            (self.ok_button, self.tr("OK"), self.tr("Save your choices and close")),
            (self.apply_button, self.tr("Apply"), self.tr("Save your choices and use them now")),
            (self.cancel_button, self.tr("Cancel"), self.tr("Close without saving (Escape)")),
        ):
            describe(button, name, description)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [self.tabs]
        for page_chain in self.page_chains:
            order += page_chain
        order += self.buttons_in_order()
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building --------------------------------------------------------------------------

    def _add_page(
        self, page: QWidget, chain: list[QWidget], title: str, keys: Sequence[str] = ()
    ) -> int:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(page)
        index = self.tabs.addTab(scroll, title)
        self._scrolls.append(scroll)
        self.page_chains.append(chain)
        for key in keys:
            self._page_of[key] = index
        return index

    def _group_page(self, fields: list[Field]) -> tuple[QWidget, list[QWidget]]:
        page = QWidget()
        layout = page_layout(page)
        chain: list[QWidget] = []
        days = [f for f in fields if isinstance(f, HoursField)]
        if days:
            week = QVBoxLayout()
            week.setSpacing(6)
            week.addWidget(section(self.tr("Working hours")))
            week.addWidget(quiet_label(self.tr(HOURS_HINT)))
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(4)
            for number, day in enumerate(days):
                day.place(grid, number * 2)
                chain += day.controls
            grid.setColumnStretch(6, 1)
            week.addLayout(grid)
            layout.addLayout(week)
        for field in fields:
            if isinstance(field, HoursField):
                continue
            field.add_to(layout)
            chain += field.controls
            if field.setting.key == "practices.disabled" and self._open_practice_form:
                button = QPushButton(self.tr("Add your own practice…"))
                button.setAutoDefault(False)
                describe(
                    button,
                    self.tr("Add your own practice"),
                    self.tr(
                        "Write a practice of your own: its steps, their seconds and the senses."
                    ),
                )
                button.clicked.connect(self._open_practice_form)
                layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                self.add_practice_button = button
                chain.append(button)
        layout.addStretch(1)
        return page, chain

    def buttons_in_order(self) -> list[QWidget]:
        """The dialog's buttons as the platform lays them out, for the tab order."""
        ordered: list[QWidget] = []
        box_layout = self.buttons.layout()
        for index in range(box_layout.count() if box_layout is not None else 0):
            item = box_layout.itemAt(index) if box_layout is not None else None
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                ordered.append(widget)
        return ordered or [self.ok_button, self.apply_button, self.cancel_button]

    def page_of(self, key: str) -> int:
        """The index of the tab that holds a setting."""
        return self._page_of[key]

    # --- applying ----------------------------------------------------------------------------

    def collect(self) -> tuple[Settings, list[Field]]:
        """The settings the controls hold, each checked; and the fields whose value is refused.

        Every refused value is shown under its control; the others' notes are cleared.
        """
        settings = self._settings
        refused: list[Field] = []
        for field in self.fields.values():
            try:
                settings = with_checked_value(
                    settings, field.setting.key, field.value(), self._library
                )
            except InputError as error:
                field.show_problem(problem_text(field.setting, error))
                refused.append(field)
            else:
                field.clear_problem()
        return settings, refused

    def apply(self) -> bool:
        """Check every value; if all are allowed, save, let the app take them up, and say so.

        Returns:
            True when everything was saved (and start at login changed, if asked).
        """
        if self.deleted:
            return False
        candidate, refused = self.collect()
        if refused:
            self._tell(self.tr(NOT_SAVED))
            self._focus_problem(refused[0])
            return False
        changed = any(candidate[key] != self._settings[key] for key in BY_KEY)
        if changed:
            try:
                self._save(candidate)
            except (OSError, DataFolderError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                self._tell(
                    self.tr(
                        "Your choices could not be saved ({reason}). Nothing has changed."
                    ).format(reason=reason)
                )
                return False
            self._settings = candidate
            self._applied()
            self.saved.emit()
        login_changed = self.login.changing
        if not self.login.apply():
            self.tabs.setCurrentIndex(self._login_tab)
            self.login.box.setFocus(Qt.FocusReason.OtherFocusReason)
            self._tell(
                self.tr(
                    "Start at login could not be changed (see the note there). "
                    "Your other choices are saved."
                )
                if changed
                else self.tr("Start at login could not be changed (see the note there).")
            )
            return False
        self._tell(self.tr(SAVED) if changed or login_changed else self.tr(UNCHANGED))
        return True

    def _ok(self) -> None:
        if self.apply():
            self.accept()

    def _tell(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self.status.show()

    def _focus_problem(self, field: Field) -> None:
        index = self._page_of[field.setting.key]
        self.tabs.setCurrentIndex(index)
        page = self._scrolls[index].widget()
        laid_out = page.layout() if page is not None else None
        if laid_out is not None:
            laid_out.activate()  # the note just shown gets its place before scrolling to it
        field.focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scrolls[index].ensureWidgetVisible(field.problem)

    # --- after deleting everything -------------------------------------------------------------

    def _after_deleting(self) -> None:
        self.deleted = True  # nothing may be written again, not even the settings
        self.reject()
        self._quit_app()
