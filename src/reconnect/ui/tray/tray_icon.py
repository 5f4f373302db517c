"""The tray icon: its look follows the state, its menu is built from live state when opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from reconnect.paths import icons_dir
from reconnect.services.rhythm_menu import MenuState, PracticeItem

__all__ = ["MenuState", "PracticeItem", "TrayIcon"]  # the menu's state lives with the rhythm

# The first menu is made this long after the icon shows (it is remade each time it opens).
FIRST_MENU_MS = 2000

SNOOZE_MINUTES = (5, 10, 20)
# Labels in English, marked for the catalogue; the menu shows them through self.tr.
PAUSES = (("30m", QT_TRANSLATE_NOOP("TrayIcon", "For 30 minutes")),
          ("1h", QT_TRANSLATE_NOOP("TrayIcon", "For 1 hour")),
          ("2h", QT_TRANSLATE_NOOP("TrayIcon", "For 2 hours")),
          ("until-tomorrow", QT_TRANSLATE_NOOP("TrayIcon", "Until tomorrow")))  # fmt: skip


def load_icon(name: str) -> QIcon:
    return QIcon(str(icons_dir() / f"{name}.svg"))


class TrayIcon(QObject):
    """Reconnect in the system tray.

    Signals:
        start_practice(str): a practice id chosen from the menu.
        snooze(int), pause(str): minutes; a pause like "30m" or "until-tomorrow".
        skip, resume, open_dashboard, open_settings, open_help, quit_requested.
        answer_waiting(str): a choice for the break waiting unseen ("start", "default" to see
            it, "another", "skip"; ``services.rhythm_ports.ANSWERS``).
        open_requested: a left click on the icon (the waiting break's prompt, or else the
            dashboard, opens).
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
    open_requested = Signal()
    answer_waiting = Signal(str)

    # A waiting break shows as the "due" icon (with its dot), not as the StatusNotifierItem
    # status NeedsAttention: Qt sets that status only inside showMessage, which also sends a
    # notification of its own, and offers no other way to set it (issue 20's note).
    _ICONS: ClassVar[dict[str, str]] = {
        "active": "tray-active",
        "paused": "tray-paused",
        "due": "tray-due",
        "outside_hours": "tray-outside",
        "no_working_days": "tray-outside",
    }

    def __init__(
        self,
        state: Callable[[], MenuState],
        brief: Callable[[], MenuState] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Args:
        state: everything the menu shows (the suggestion included: it takes a moment).
        brief: the icon's state and the tooltip only, cheap enough for every change.
        """
        super().__init__(parent)
        self._state = state
        self._brief = brief or state
        self._icons: dict[str, QIcon] = {}  # each loaded when first shown
        self.icon = QSystemTrayIcon(self._icon("active"), self)
        self.menu = QMenu()  # named when first made (``rebuild_menu``): naming costs the start
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.shown_state = ""

    def show(self) -> None:
        self.refresh()
        self.icon.show()
        # The menu is made when it opens (aboutToShow); a first one a little after start, so
        # that a tray host that reads the menu ahead finds it, without slowing the start.
        QTimer.singleShot(FIRST_MENU_MS, self.rebuild_menu)

    def hide(self) -> None:
        self.icon.hide()

    def geometry(self) -> QRect:
        return self.icon.geometry()

    def refresh(self) -> None:
        """Update the icon and tooltip from the current state."""
        self._show_state(self._brief())

    def _show_state(self, state: MenuState) -> None:
        if state.state != self.shown_state:
            self.icon.setIcon(self._icon(state.state))
            self.shown_state = state.state
        self.icon.setToolTip(self.tr("Reconnect\n{summary}").format(summary=state.summary))

    def _icon(self, state: str) -> QIcon:
        name = self._ICONS.get(state, self._ICONS["active"])
        if name not in self._icons:
            self._icons[name] = load_icon(name)
        return self._icons[name]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens a window: people expect something to happen. Not the menu: on
        # Wayland a menu of ours may only pop up from a click our own window received (Qt:
        # "Failed to create grabbing popup"), and the tray host shows it on a right click.
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def rebuild_menu(self) -> None:
        state = self._state()
        self._show_state(state)
        menu = self.menu
        if not menu.accessibleName():
            menu.setAccessibleName(self.tr("Reconnect menu"))
        menu.clear()
        header = menu.addAction(state.summary)
        header.setEnabled(False)
        menu.addSeparator()
        if state.waiting is not None:
            self._add_waiting(state.waiting)

        start = menu.addMenu(self.tr("Start a practice now"))
        start.setEnabled(not state.in_practice)
        if state.suggested is not None:
            item = state.suggested
            action = start.addAction(self.tr("Suggested: {title}").format(title=item.label))
            action.triggered.connect(
                lambda _=False, p=item.practice_id: self.start_practice.emit(p)
            )
            start.addSeparator()
        for sense, items in state.by_sense:
            sub = start.addMenu(QCoreApplication.translate("Vocabulary", sense).capitalize())
            for item in items:
                action = sub.addAction(item.label)
                action.triggered.connect(
                    lambda _=False, p=item.practice_id: self.start_practice.emit(p)
                )

        snooze = menu.addMenu(self.tr("Snooze"))
        snooze.setEnabled(state.break_planned)
        for minutes in SNOOZE_MINUTES:
            action = snooze.addAction(self.tr("{minutes} minutes").format(minutes=minutes))
            action.triggered.connect(lambda _=False, m=minutes: self.snooze.emit(m))
        skip = menu.addAction(self.tr("Skip the next break"))
        skip.setEnabled(state.break_planned)
        skip.triggered.connect(self.skip.emit)

        if state.state == "paused":
            menu.addAction(self.tr("Resume")).triggered.connect(self.resume.emit)
        else:
            pause = menu.addMenu(self.tr("Pause"))
            for spec, label in PAUSES:
                action = pause.addAction(self.tr(label))
                action.triggered.connect(lambda _=False, s=spec: self.pause.emit(s))

        menu.addSeparator()
        menu.addAction(self.tr("Open dashboard")).triggered.connect(self.open_dashboard.emit)
        menu.addAction(self.tr("Settings")).triggered.connect(self.open_settings.emit)
        menu.addAction(self.tr("Help and crisis support")).triggered.connect(self.open_help.emit)
        menu.addSeparator()
        menu.addAction(self.tr("Quit Reconnect")).triggered.connect(self.quit_requested.emit)

    def _add_waiting(self, waiting: PracticeItem) -> None:
        """The waiting break's choices, first: where no window or notification shows them."""
        menu = self.menu
        for choice, text in (
            ("start", self.tr("Start {title}").format(title=waiting.label)),
            ("default", self.tr("Show the break")),
            ("another", self.tr("Another one")),
            ("skip", self.tr("Let this break go")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, c=choice: self.answer_waiting.emit(c))
        menu.addSeparator()

    def action_texts(self) -> list[str]:
        """The top-level menu entries, as shown (for tests and accessibility checks)."""
        return [a.text() for a in self.menu.actions() if not a.isSeparator()]
