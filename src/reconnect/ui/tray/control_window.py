"""The small window that stands in for the tray on desktops that have none."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.ui.tray.tray_icon import PAUSES, SNOOZE_MINUTES, MenuState

NO_TRAY_HINT = QT_TRANSLATE_NOOP(
    "ControlWindow",
    "This desktop shows no system tray, so Reconnect lives in this small window instead and "
    "keeps planning your breaks. To get a tray: on GNOME, add the extension "
    '"AppIndicator and KStatusNotifierItem Support"; on other desktops, add a system tray '
    "(notification area) to your panel. Reconnect moves into the tray as soon as there is one.",
)
GNOME_HINT = QT_TRANSLATE_NOOP(
    "ControlWindow",
    "GNOME shows no system tray by itself, so Reconnect lives in this small window instead "
    "and keeps planning your breaks. To get a tray, install and turn on the extension "
    '"AppIndicator and KStatusNotifierItem Support" (on Debian and Ubuntu, the package '
    "gnome-shell-extension-appindicator), for example in the Extensions app. Reconnect moves "
    "into the tray as soon as it is there.",
)
LIVES_HERE = QT_TRANSLATE_NOOP(
    "ControlWindow",
    "Reconnect lives in this small window. Breaks will come on their own; the buttons here "
    "have everything else.",
)
CLOSE_NOTICE = QT_TRANSLATE_NOOP(
    "ControlWindow",
    "This window steps out of the way, and Reconnect keeps running, so your breaks still "
    "come. To bring it back, start Reconnect again from your applications menu (or type "
    "reconnect in a terminal). To stop Reconnect, choose Quit in this window.",
)


class ControlWindow(QWidget):
    """The tray menu's controls as buttons, with the state in words.

    Closing it by hand only minimises it (the first time, it says how to bring it back), so
    the controls and Quit stay within reach.

    Signals: the same as ``TrayIcon``'s, so the app connects either the same way, and
        close_explained: the note on closing was shown (the app remembers, so it is said
            once).
    """

    start_practice = Signal(str)
    snooze = Signal(int)
    skip = Signal()
    pause = Signal(str)
    resume = Signal()
    open_dashboard = Signal()
    open_settings = Signal()
    open_help = Signal()
    quit_requested = Signal()
    close_explained = Signal()
    answer_waiting = Signal(str)

    def __init__(
        self,
        show_hint: bool,
        explain_close: bool = False,
        parent: QWidget | None = None,
        *,
        gnome_without_tray: bool = False,
    ) -> None:
        """Args:
        show_hint: say how to get a system tray (the first time there is none).
        explain_close: on the first close by hand, say how to bring the window back.
        gnome_without_tray: GNOME without its tray extension: say (always) how to add it.
        """
        super().__init__(parent)
        self.setObjectName("controlWindow")
        self.setWindowTitle(self.tr("Reconnect"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Reconnect status"))
        self.hint = QLabel(self.tr(GNOME_HINT if gnome_without_tray else NO_TRAY_HINT))
        self.hint.setObjectName("noTrayHint")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(show_hint or gnome_without_tray)
        self.lives_here = QLabel(self.tr(LIVES_HERE))
        self.lives_here.setObjectName("controlLivesHere")
        self.lives_here.setWordWrap(True)
        self.lives_here.hide()
        self._explain_close = explain_close
        self.close_notice: QMessageBox | None = None
        self._suggested: str | None = None

        self.start_button = self._button(self.tr("&Start a practice now"), self._start)
        self.snooze_button = self._button(self.tr("S&nooze"))
        snooze_menu = QMenu(self.snooze_button)
        for minutes in SNOOZE_MINUTES:
            snooze_menu.addAction(
                self.tr("{minutes} minutes").format(minutes=minutes)
            ).triggered.connect(lambda _=False, m=minutes: self.snooze.emit(m))
        self.snooze_button.setMenu(snooze_menu)
        self.skip_button = self._button(self.tr("S&kip the next break"), self.skip.emit)
        self.pause_button = self._button(self.tr("&Pause"))
        pause_menu = QMenu(self.pause_button)
        for spec, label in PAUSES:
            pause_menu.addAction(QCoreApplication.translate("TrayIcon", label)).triggered.connect(
                lambda _=False, s=spec: self.pause.emit(s)
            )
        self.pause_button.setMenu(pause_menu)
        self.resume_button = self._button(self.tr("&Resume"), self.resume.emit)

        row1 = QHBoxLayout()
        for button in (self.start_button, self.snooze_button, self.skip_button,
                       self.pause_button, self.resume_button):  # fmt: skip
            row1.addWidget(button)
        row2 = QHBoxLayout()
        row2.addWidget(self._button(self.tr("&Dashboard"), self.open_dashboard.emit))
        row2.addWidget(self._button(self.tr("Se&ttings"), self.open_settings.emit))
        row2.addWidget(self._button(self.tr("&Help and crisis support"), self.open_help.emit))
        row2.addStretch(1)
        row2.addWidget(self._button(self.tr("&Quit"), self.quit_requested.emit))

        # The break waiting unseen (offered as a notification): its choices, while it waits.
        self.waiting_row = QWidget()
        waiting = QHBoxLayout(self.waiting_row)
        waiting.setContentsMargins(0, 0, 0, 0)
        for choice, text in (("start", self.tr("St&art it")), ("default", self.tr("Sho&w it")),
                             ("another", self.tr("An&other one")),
                             ("skip", self.tr("&Let it go"))):  # fmt: skip
            waiting.addWidget(
                self._button(text, lambda _=False, c=choice: self.answer_waiting.emit(c))
            )
        waiting.addStretch(1)
        self.waiting_row.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.lives_here)
        layout.addWidget(self.status)
        layout.addWidget(self.waiting_row)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.hint)

    def _button(self, text: str, slot: object = None) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _start(self) -> None:
        if self._suggested:
            self.start_practice.emit(self._suggested)

    def show_state(self, state: MenuState) -> None:
        self.status.setText(state.summary)
        self._suggested = state.suggested.practice_id if state.suggested else None
        self.start_button.setEnabled(self._suggested is not None and not state.in_practice)
        if state.suggested:
            self.start_button.setToolTip(
                self.tr("Start {title}").format(title=state.suggested.label)
            )
        self.snooze_button.setEnabled(state.break_planned)
        self.skip_button.setEnabled(state.break_planned)
        self.waiting_row.setVisible(state.waiting is not None)
        paused = state.state == "paused"
        self.pause_button.setVisible(not paused)
        self.resume_button.setVisible(paused)

    def bring_forward(self) -> None:
        """Show the window again, out of the taskbar if it was minimised, and in front."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def say_where_it_lives(self) -> None:
        """After the welcome: one line saying that Reconnect lives here, the window in front."""
        self.lives_here.show()
        # Taller by that line: a shown window does not grow by itself, and would clip the rest.
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
        self.bring_forward()

    def step_aside(self) -> None:
        """A tray has come and takes over: close for good, with a note being read."""
        if self.close_notice is not None:
            self.close_notice.done(0)
        self.close()  # not spontaneous: it goes
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Closing it by hand would leave no way back to Reconnect: minimise instead. Quitting
        # the app closes it too, and that close (not spontaneous) must go through.
        if not event.spontaneous():
            event.accept()
            return
        event.ignore()
        if self.close_notice is not None:  # already saying it
            return
        if not self._explain_close:
            self.showMinimized()
            return
        self._explain_close = False
        # Said once, before the window steps aside; it steps aside when the note is read.
        notice = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Reconnect keeps running"),
            self.tr(CLOSE_NOTICE),
            QMessageBox.StandardButton.Ok,
            self,
        )
        notice.setObjectName("closeNotice")
        notice.setAccessibleName(self.tr("Reconnect keeps running"))
        notice.finished.connect(self._notice_read)
        self.close_notice = notice
        self.close_explained.emit()
        notice.open()

    def _notice_read(self, _result: int) -> None:
        if self.close_notice is not None:
            self.close_notice.deleteLater()
            self.close_notice = None
        self.showMinimized()
