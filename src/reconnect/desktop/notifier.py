"""Quiet desktop notifications through the freedesktop notification service.

The call goes through ``gdbus`` (GLib's command-line D-Bus client): the service wants an
unsigned id and a typed empty list, which PySide6's QtDBus cannot express.
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
# What sends the notifications, as reports name it.
NAME = "the desktop's notification service"


def _gvariant_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Notifier(QObject):
    """Sends notifications without blocking; says so where the desktop has none."""

    def __init__(self, app_name: str = "Reconnect", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._running: list[QProcess] = []

    def available(self) -> tuple[bool, str]:
        """Whether notifications can be shown here, and what to do if not."""
        # Imported here: the tray shows itself and arms its first break without Qt's D-Bus.
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False, "no desktop session bus; notifications can't be shown"
        reply = bus.interface().isServiceRegistered(_SERVICE)
        if not (reply.isValid() and reply.value()):
            return False, "no notification service is running; start your desktop's (or dunst)"
        if shutil.which("gdbus") is None:
            return False, "gdbus is missing; install the libglib2.0-bin package"
        return True, NAME

    def notify(self, summary: str, body: str) -> bool:
        """Show one quiet notification. Returns False when it could not be sent."""
        ok, why = self.available()
        if not ok:
            log.info("notification not shown: %s", why)
            return False
        from PySide6.QtCore import QProcess  # its type is made when first sent, not at start

        process = QProcess(self)
        # A bound method: a closure holding this object and the process would keep them alive
        # past their owner, and delete the process twice (``desktop.stats_process``).
        process.finished.connect(self._done)
        process.start(
            "gdbus",
            [
                "call", "--session", "--dest", _SERVICE, "--object-path", _PATH,
                "--method", f"{_SERVICE}.Notify",
                _gvariant_string(self._app_name), "uint32 0", "''",
                _gvariant_string(summary), _gvariant_string(body), "@as []",
                "{'category': <'reminder'>, 'urgency': <byte 0>}", "int32 15000",
            ],
        )  # fmt: skip
        self._running.append(process)
        return True

    def _done(self, *_: object) -> None:
        process = cast("QProcess", self.sender())
        if process not in self._running:
            return
        if process.exitCode() != 0:
            error = bytes(process.readAllStandardError().data()).decode(errors="replace")
            log.info("notification refused: %s", error.strip())
        self._running.remove(process)
        process.deleteLater()
