"""A break offered as a desktop notification with actions (org.freedesktop.Notifications), where a
new window could take the keyboard: the person's choice comes back with its activation token."""

from __future__ import annotations

import logging
import os
import re

from PySide6.QtCore import SLOT, QObject, QProcess, QTimer, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from reconnect.core.i18n import translate
from reconnect.core.practices import Practice
from reconnect.desktop.session import DesktopSession

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_SIGNALS = ("ActionInvoked", "NotificationClosed", "ActivationToken")
CALL_TIMEOUT_MS = 3000  # a notification server that hangs must not hold the tray longer


def _gvariant_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def use_activation_token(token: str) -> None:
    """Let the next window brought forward use ``token`` (Qt's Wayland backend reads, then
    clears, ``XDG_ACTIVATION_TOKEN`` when a window asks to be activated)."""
    if token:
        os.environ["XDG_ACTIVATION_TOKEN"] = token


def drop_activation_token() -> None:
    """Forget a token no window used: it is for one activation only."""
    os.environ.pop("XDG_ACTIVATION_TOKEN", None)


class BreakNotice(QObject):
    """The waiting break as one notification with Start, Another one, Snooze and Skip.

    It is sent through ``gdbus`` and its answers, broadcast by the server, are heard on the
    app's own bus connection.

    Signals:
        answered(str, str): the action chosen (``services.rhythm_ports.ANSWERS``; "default"
            is a click on the notification itself) and the activation token that came with
            it ("" when the server sent none).
        shown(int): the server showed the offer, under this id.
    """

    answered = Signal(str, str)
    shown = Signal(int)

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._id = 0  # the notification showing, 0 for none
        self._tokens: dict[int, str] = {}
        self._listening = False
        self._running: list[QProcess] = []
        self._wanted = False  # an offer is to show (a reply may come after it was withdrawn)

    def _ask(self, method: str) -> list[object] | None:
        """A plain method call's answer; None when no server answers. Plain messages, not a
        QDBusInterface: a QObject dropped here could be collected on another thread."""
        if not self._bus.isConnected():
            return None
        call = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, method)
        reply = self._bus.call(call, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            return None
        return list(reply.arguments())

    def capabilities(self) -> list[str]:
        """What the server says it can do (``actions``, ``body``...); [] when none answers."""
        answer = self._ask("GetCapabilities")
        return [str(item) for item in answer[0]] if answer else []  # type: ignore[attr-defined]

    def describe(self) -> tuple[str | None, str]:
        """The server's name and whether it shows actions, for doctor and status."""
        answer = self._ask("GetServerInformation")
        if answer is None:
            return None, "no notification service is running"
        name = str(answer[0]) if answer else "a notification service"
        if "actions" in self.capabilities():
            return name, "with actions: a break is offered there, with Start, Snooze and Skip"
        return name, "without actions: a waiting break's choices are in the tray menu"

    def offer(self, practice: Practice) -> bool:
        """Show (or replace) the offer; False when the server shows no actions, or none runs."""
        if "actions" not in self.capabilities():
            return False
        self._listen()
        self._wanted = True
        actions = ", ".join(
            _gvariant_string(text)
            for text in (
                "default", translate("Notice", "Show the break"),
                "start", translate("Notice", "Start"),
                "another", translate("Notice", "Another one"),
                "snooze", translate("Notice", "Snooze 10 minutes"),
                "skip", translate("Notice", "Skip"),
            )
        )  # fmt: skip
        body = translate("Notice", "{title} · {minutes} min. Skipping is fine too.")
        self._gdbus(
            "Notify", _gvariant_string("Reconnect"), f"uint32 {self._id}", "''",
            _gvariant_string(translate("Notice", "A small pause, if you'd like one")),
            _gvariant_string(body.format(title=practice.title, minutes=practice.minutes)),
            f"[{actions}]", "{'category': <'reminder'>, 'resident': <true>}",
            "int32 0",  # stays until answered; the offer's own expiry takes it away
        )  # fmt: skip
        return True

    def calling(self) -> bool:
        """Whether a call to the notification server is still on its way."""
        return bool(self._running)

    def withdraw(self) -> None:
        """Take the offer away (answered elsewhere, expired)."""
        number, self._id = self._id, 0
        self._tokens.pop(number, None)
        self._wanted = False
        if number:
            self._gdbus("CloseNotification", f"uint32 {number}")

    def _gdbus(self, method: str, *arguments: str) -> None:
        """Call the server through gdbus: it wants unsigned ids, which QtDBus can't send from
        Python. Its signals are broadcast, so they still reach this connection."""
        process = QProcess(self)
        process.setProperty("method", method)
        process.finished.connect(self._called)  # gone with this object, unlike a lambda
        process.start(
            "gdbus",
            ["call", "--session", "--dest", _SERVICE, "--object-path", _PATH,
             "--method", f"{_SERVICE}.{method}", *arguments],
        )  # fmt: skip
        self._running.append(process)

    @Slot()
    def _called(self) -> None:
        process = self.sender()
        if not isinstance(process, QProcess) or process not in self._running:
            return
        method = str(process.property("method"))
        self._running.remove(process)
        process.deleteLater()
        if process.exitCode() != 0:
            error = bytes(process.readAllStandardError().data()).decode(errors="replace")
            log.info("the notification server refused %s: %s", method, error.strip())
            return
        if method == "Notify":
            reply = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
            found = re.search(r"uint32 (\d+)", reply)  # "(uint32 7,)"
            if found and not self._wanted:  # withdrawn while it was being sent
                self._gdbus("CloseNotification", f"uint32 {found.group(1)}")
            elif found:
                self._id = int(found.group(1))
                log.info("the break waits in notification %d", self._id)
                self.shown.emit(self._id)

    def _listen(self) -> None:
        if self._listening:
            return
        slot = SLOT("_signal(QDBusMessage)")  # a str, whatever the stubs say
        for name in _SIGNALS:
            self._bus.connect("", _PATH, _SERVICE, name, self, slot)  # type: ignore[call-overload]
        self._listening = True

    @Slot(QDBusMessage)
    def _signal(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if len(arguments) < 2 or not self._id or arguments[0] != self._id:
            return  # another program's notification, or one taken away
        match message.member():
            case "ActivationToken":  # sent just before the action it belongs to
                self._tokens[self._id] = str(arguments[1])
            case "ActionInvoked":
                token, action = self._tokens.pop(self._id, ""), str(arguments[1])
                # After this slot returns: the answer opens windows and calls the server again.
                QTimer.singleShot(0, self, lambda: self.answered.emit(action, token))
            case "NotificationClosed":
                # Dismissed or expired on the server: the break still waits in the tray.
                self._tokens.pop(self._id, None)
                self._id = 0


def prompt_choice(
    session: DesktopSession, bus: QDBusConnection | None, probe: bool = False
) -> tuple[BreakNotice | None, str, str]:
    """How a break is offered in ``session``: a notification with actions where the window
    manager may give a new window the keyboard (any Wayland session), else the prompt window.
    ``probe`` asks the notification server (doctor). Returns the notice, its name and why."""
    if not session.wayland:
        return None, "window", "a window shown without taking the keyboard"
    notice = BreakNotice(bus)
    why = (
        "on Wayland a new window may take the keyboard, so the break waits in a notification "
        "and the tray, and its window opens only when asked"
    )
    if probe:
        server, how = notice.describe()
        why = f"{why}; {server or 'no notification server'}: {how}"
    return notice, "notification", why
