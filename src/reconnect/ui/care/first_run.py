"""The first run: three short, skippable screens, shown once and never again.

What Reconnect does and does not do, the working hours, and (if wanted) music that gives
chills. A marker file in the data folder remembers that they were seen.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.settings import WEEKDAYS, Settings
from reconnect.paths import DataFolderError, ensure_private_dir
from reconnect.ui.care.first_run_marker import FIRST_RUN_MARKER as FIRST_RUN_MARKER
from reconnect.ui.care.first_run_marker import first_run_done as first_run_done

log = logging.getLogger(__name__)

WORKDAYS = WEEKDAYS[:5]
# In English, marked for the catalogue; shown through translate with the context "FirstRun".
MUSIC_FILTER = QT_TRANSLATE_NOOP(
    "FirstRun", "Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)"
)

WELCOME_HTML = QT_TRANSLATE_NOOP(
    "FirstRun",
    """
<p>Now and then during your working hours, Reconnect offers a tiny practice of a minute
or two: a stretch, a slower breath, some light, a scent, a piece of music. Afterwards it
asks, gently, whether anything stirred. <b>Nothing</b> is always a fine answer.</p>
<p>Every prompt can be skipped, snoozed or paused, and nothing you note leaves this
computer.</p>
""",
)
# The last paragraph names the place where Help is found: the tray's menu, or the small
# window that stands in for the tray on a desktop without one.
CRISIS_IN_TRAY = QT_TRANSLATE_NOOP(
    "FirstRun",
    """
<p>Reconnect is not therapy and not medical advice. If things feel very heavy right now,
<b>Help and crisis support</b>, in the menu of Reconnect's small heart in your system tray,
says where to turn.</p>
""",
)
CRISIS_IN_WINDOW = QT_TRANSLATE_NOOP(
    "FirstRun",
    """
<p>Reconnect is not therapy and not medical advice. If things feel very heavy right now,
<b>Help and crisis support</b>, a button in Reconnect's small window, says where to
turn.</p>
""",
)


def mark_first_run_done(data_root: Path) -> None:
    """Leave the marker (readable only by its owner) so the first run never comes back.

    Raises:
        OSError, DataFolderError: the data folder can't be written.
    """
    ensure_private_dir(data_root)
    fd = os.open(data_root / FIRST_RUN_MARKER, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as marker:
        marker.write("Reconnect's welcome was seen. Delete this file to see it again.\n")


def _ask_for_music(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FirstRun", "Choose music that moves you"),
        str(Path.home()),
        QCoreApplication.translate("FirstRun", MUSIC_FILTER),
    )
    return path or None


class FirstRun(QDialog):
    """Welcome, working hours, music: three screens, each with Skip.

    Skip (or Escape, or closing the window) and Done both leave the marker, so the
    screens never come back. Done saves the hours and music through ``save``; Skip keeps
    only the hours already confirmed with Next. The dialog is then accepted (Done) or
    rejected (Skip), so ``finished`` tells when it is over.
    """

    def __init__(
        self,
        data_root: Path,
        settings: Settings,
        save: Callable[[Settings], None],
        choose_music: Callable[[QWidget], str | None] | None = None,
        open_help: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        *,
        tray_available: bool = True,
    ) -> None:
        """Build the screens.

        Args:
            data_root: the data folder, where the marker goes.
            settings: the current settings; the choices are made on a copy of them.
            save: stores changed settings (``SettingsFile.save``); may raise ``OSError``.
            choose_music: asks for a music file and returns its path, or None; a file
                dialog unless a test gives its own.
            open_help: shows Help on its crisis page; a Help window of this dialog's own
                unless the app gives its own.
            tray_available: whether Reconnect lives in the system tray here; if not, the
                words speak of its small window instead of a tray menu.
        """
        super().__init__(parent)
        self._data_root = data_root
        self._settings = settings
        self._confirmed = settings  # what Skip keeps: only choices confirmed with Next
        self._save = save
        self._choose_music = choose_music or _ask_for_music
        self._open_help = open_help or self._show_help
        self._help: QDialog | None = None
        self._closed = False
        self._tray_available = tray_available
        self.music_path = str(settings["practices.music"])

        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Welcome to Reconnect"))
        self.setAccessibleName(self.tr("Welcome to Reconnect"))
        self.setMinimumWidth(520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._hours_page())
        self.pages.addWidget(self._music_page())

        self.step_label = QLabel()
        self.step_label.setObjectName("firstRunStep")
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip"))
        # Every button with the focus answers Enter as it answers Space (autoDefault);
        # Enter elsewhere goes to Next or Done, the dialog's default button.
        self.skip_button.setAutoDefault(True)
        skip_words = self.tr("Close the welcome. Everything can be set later in Settings.")
        self.skip_button.setAccessibleDescription(skip_words)
        self.skip_button.setToolTip(skip_words)
        self.skip_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("primary")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setObjectName("primary")
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.setAccessibleDescription(self.tr("Save these choices and start"))
        self.done_button.clicked.connect(self.finish)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(0)

    # --- the screens -----------------------------------------------------------------------

    @staticmethod
    def _page(heading: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = QLabel(heading)
        title.setObjectName("firstRunHeading")
        title.setWordWrap(True)
        layout.addWidget(title)
        return page, layout

    @staticmethod
    def _text(text: str, name: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        return label

    def _welcome_page(self) -> QWidget:
        page, layout = self._page(self.tr("Welcome to Reconnect"))
        crisis = CRISIS_IN_TRAY if self._tray_available else CRISIS_IN_WINDOW
        self.welcome_text = self._text(self.tr(WELCOME_HTML) + self.tr(crisis))
        self.welcome_text.setAccessibleName(self.tr("What Reconnect does and does not do"))
        layout.addWidget(self.welcome_text)
        self.help_button = QPushButton(self.tr("Where to turn in a crisis"))
        self.help_button.setAccessibleName(self.tr("Where to turn in a crisis"))
        self.help_button.setAccessibleDescription(self.tr("Open Help on its crisis support page"))
        self.help_button.setAutoDefault(True)
        self.help_button.clicked.connect(lambda: self._open_help())
        row = QHBoxLayout()
        row.addWidget(self.help_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _hours_page(self) -> QWidget:
        page, layout = self._page(self.tr("Your working hours"))
        interval = self._settings["rhythm.interval_minutes"]
        layout.addWidget(
            self._text(
                self.tr(
                    "Reconnect only offers practices within these hours, from Monday to Friday, "
                    "about every {interval} minutes. Each day can be changed later in Settings, "
                    "weekends included."
                ).format(interval=interval)
            )
        )
        start, end = self._current_hours()
        self.start_edit = self._time_edit(start, self.tr("Start of the working day"))
        self.end_edit = self._time_edit(end, self.tr("End of the working day"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 0)
        row.setSpacing(8)
        for text, edit in ((self.tr("&From"), self.start_edit), (self.tr("&to"), self.end_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit)
        row.addStretch(1)
        layout.addLayout(row)
        self.hours_problem = self._text("", "firstRunProblem")
        self.hours_problem.setAccessibleName(self.tr("Problem with the working hours"))
        self.hours_problem.hide()
        layout.addWidget(self.hours_problem)
        layout.addStretch(1)
        return page

    def _music_page(self) -> QWidget:
        page, layout = self._page(self.tr("Music that gives you chills, if you like"))
        layout.addWidget(
            self._text(
                self.tr(
                    "Some practices play a piece of music that moves you, the kind that can "
                    "bring goosebumps. You can choose a file now, or leave this empty and choose "
                    "when such a practice comes."
                )
            )
        )
        self.music_label = self._text("", "firstRunHint")
        self.music_label.setAccessibleName(self.tr("Chosen music"))
        self.choose_button = QPushButton(self.tr("&Choose music…"))
        self.choose_button.setAccessibleName(self.tr("Choose music"))
        self.choose_button.setAutoDefault(True)
        self.choose_button.clicked.connect(self._choose)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Clear the chosen music"))
        self.clear_button.setAutoDefault(True)
        self.clear_button.clicked.connect(lambda: self._set_music(""))
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.music_label)
        self.save_problem = self._text("", "firstRunProblem")
        self.save_problem.setAccessibleName(self.tr("Could not save"))
        self.save_problem.hide()
        layout.addWidget(self.save_problem)
        layout.addStretch(1)
        self._set_music(self.music_path)
        return page

    @staticmethod
    def _time_edit(value: QTime, name: str) -> QTimeEdit:
        edit = QTimeEdit(value)
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        edit.setMinimumWidth(90)
        return edit

    def _current_hours(self) -> tuple[QTime, QTime]:
        """Monday's hours as the starting point (09:00-17:30 unless changed)."""
        text = str(self._settings["rhythm.monday"]) or "09:00-17:30"
        start, end = text.split("-")
        if end == "24:00":
            end = "23:59"
        return QTime.fromString(start, "HH:mm"), QTime.fromString(end, "HH:mm")

    # --- moving between screens -------------------------------------------------------------

    @property
    def page_index(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        self.step_label.setText(
            self.tr("{number} of {count}").format(number=index + 1, count=self.pages.count())
        )
        self.back_button.setVisible(index > 0)
        self.next_button.setVisible(not last)
        self.done_button.setVisible(last)
        (self.done_button if last else self.next_button).setDefault(True)
        first = {0: self.next_button, 1: self.start_edit, 2: self.choose_button}[index]
        first.setFocus()

    def next(self) -> None:
        if self.page_index == 1:
            hours = self._with_hours(self._confirmed)
            if hours is None:
                return
            self._confirmed = hours
        self._show_page(min(self.page_index + 1, self.pages.count() - 1))

    def back(self) -> None:
        self._show_page(max(self.page_index - 1, 0))

    def _with_hours(self, settings: Settings) -> Settings | None:
        """``settings`` with the chosen hours on every workday, or None (said inline)."""
        start, end = self.start_edit.time(), self.end_edit.time()
        first, last = start.toString("HH:mm"), end.toString("HH:mm")
        if end == start:  # an end before the start is a night, into the next morning
            self._hours_problem(
                self.tr(
                    "The day starts and ends at {start}. Choose another end; one before the "
                    "start runs into the next morning."
                ).format(start=first)
            )
            return None
        hours = f"{first}-{last}"
        try:
            for day in WORKDAYS:
                settings = settings.with_value(f"rhythm.{day}", hours)
        except InputError as error:
            self._hours_problem(str(error))
            return None
        self.hours_problem.hide()
        return settings

    def _hours_problem(self, text: str) -> None:
        self.hours_problem.setText(text)
        self.hours_problem.show()
        self.end_edit.setAccessibleDescription(text)
        self.end_edit.setFocus()

    def _choose(self) -> None:
        chosen = self._choose_music(self)
        if chosen:
            self._set_music(chosen)

    def _set_music(self, path: str) -> None:
        self.music_path = path
        # The file's name only: a long path would stretch the window.
        self.music_label.setText(
            self.tr("Chosen: {name}").format(name=Path(path).name)
            if path
            else self.tr("No music chosen; that's fine.")
        )
        self.music_label.setToolTip(path)
        self.clear_button.setEnabled(bool(path))

    def _show_help(self) -> None:
        from reconnect.ui.care.help_dialog import HelpDialog

        if self._help is None or not self._help.isVisible():
            self._help = HelpDialog(parent=self)  # it opens on "If you are in crisis"
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    # --- finishing --------------------------------------------------------------------------

    def finish(self) -> None:
        """Done: save the hours and the music, leave the marker, close."""
        settings = self._with_hours(self._settings)
        if settings is None:
            self._show_page(1)
            return
        try:
            settings = settings.with_value("practices.music", self.music_path)
            self._save(settings)
        except (OSError, InputError) as error:
            detail = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.save_problem.setText(
                self.tr(
                    "Your choices couldn't be saved ({problem}). You can skip for now and set "
                    "them later in Settings."
                ).format(problem=detail)
            )
            self.save_problem.show()
            return
        self._close(accepted=True)

    def reject(self) -> None:
        """Skip, Escape or closing the window: keep what was confirmed, never come back."""
        if self._closed:
            return
        if self._confirmed is not self._settings:
            try:
                self._save(self._confirmed)
            except OSError as error:
                log.warning("the working hours from the first run were not saved: %s", error)
        self._close(accepted=False)

    def _close(self, accepted: bool) -> None:
        self._closed = True
        try:
            mark_first_run_done(self._data_root)
        except (OSError, DataFolderError) as error:  # then it comes once more; no harm done
            log.warning("could not remember that the first run was seen: %s", error)
        if self._help is not None:
            self._help.close()
        if accepted:
            super().accept()
        else:
            super().reject()

    def accept(self) -> None:
        """Enter on the last screen is Done."""
        self.finish()
