"""Whether the desktop's do-not-disturb is on: the notification server's ``Inhibited`` (KDE
Plasma), GNOME's ``show-banners`` setting, mako's ``do-not-disturb`` mode."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QProcess
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

log = logging.getLogger(__name__)

_NOTIFICATIONS = "org.freedesktop.Notifications"
_NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
_MAKO = "fr.emersion.Mako"  # an interface of mako's org.freedesktop.Notifications
_MAKO_PATH = "/fr/emersion/Mako"
MAKO_DND_MODE = "do-not-disturb"
_CALL_MS = 500
_GSETTINGS_MS = 2000
FRESH_FOR = 90.0
"""Seconds a read of GNOME's setting is taken as current where its changes are not followed."""


def _call(bus: QDBusConnection, message: QDBusMessage) -> list[Any] | None:
    # Asking must not start a service that isn't running.
    message.setAutoStartService(False)
    reply = bus.call(message, QDBus.CallMode.Block, _CALL_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        log.debug("%s can't be read: %s", message.member(), reply.errorName())
        return None
    return [a.variant() if isinstance(a, QDBusVariant) else a for a in reply.arguments()]


def notifications_inhibited(bus: QDBusConnection) -> bool | None:
    """The notification server's ``Inhibited`` property; None where it has none."""
    if not bus.isConnected():
        return None
    question = QDBusMessage.createMethodCall(
        _NOTIFICATIONS, _NOTIFICATIONS_PATH, "org.freedesktop.DBus.Properties", "Get"
    )
    question.setArguments([_NOTIFICATIONS, "Inhibited"])
    answer = _call(bus, question)
    value = answer[0] if answer else None
    return value if isinstance(value, bool) else None


def mako_modes(bus: QDBusConnection) -> list[str] | None:
    """mako's modes (what ``makoctl mode`` lists); None where mako isn't running."""
    if not bus.isConnected():
        return None
    question = QDBusMessage.createMethodCall(_NOTIFICATIONS, _MAKO_PATH, _MAKO, "ListModes")
    answer = _call(bus, question)
    if not answer or not isinstance(answer[0], list):
        return None
    return [str(mode) for mode in answer[0]]


def mako_do_not_disturb(bus: QDBusConnection) -> bool | None:
    modes = mako_modes(bus)
    return None if modes is None else MAKO_DND_MODE in modes


_BANNERS_KEY = ["org.gnome.desktop.notifications", "show-banners"]


def parse_show_banners(output: str) -> bool | None:
    """``gsettings get``'s answer as "banners hidden" (do-not-disturb); None if unclear."""
    return {"false": True, "true": False}.get(output.strip())


class GnomeBanners:
    """GNOME's do-not-disturb (``show-banners`` false), read by ``gsettings`` in the background.

    ``listen`` reads the setting and starts ``gsettings monitor``, whose lines report each
    change through the Qt event loop, until ``stop``; meanwhile ``hidden`` answers from them.
    Otherwise it answers from a read of the last :data:`FRESH_FOR` seconds, and reads (two
    seconds at most) only when there is none, as when a break comes without notice.

    Args:
        environ: the environment ``gsettings`` runs in (its ``PATH`` finds it).
        monotonic: seconds on a clock that never jumps.
    """

    def __init__(
        self, environ: Mapping[str, str], monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._program = shutil.which("gsettings", path=environ.get("PATH"))
        self._environ = dict(environ)
        self._monotonic = monotonic
        self._read: QProcess | None = None
        self._monitor: QProcess | None = None
        self._value: bool | None = None
        self._read_at: float | None = None

    def _start(self, arguments: list[str]) -> QProcess:
        from PySide6.QtCore import QProcessEnvironment

        assert self._program is not None
        process = QProcess()
        environment = QProcessEnvironment()
        for key, value in self._environ.items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.start(self._program, [*arguments, *_BANNERS_KEY])
        return process

    def listen(self) -> None:
        """Read the setting now and follow its changes; nothing when already following."""
        if self._program is None or self._monitor is not None:
            return
        self._monitor = self._start(["monitor"])
        self._monitor.readyReadStandardOutput.connect(self._changed)
        self._refresh()

    def _changed(self) -> None:
        monitor = self._monitor
        if monitor is None:
            return
        changed = False
        while monitor.canReadLine():
            line = bytes(monitor.readLine().data()).decode(errors="replace")
            changed |= line.partition(":")[0].strip() == _BANNERS_KEY[1]
        if changed:
            # The value on the line may be the monitor's stale copy (a long-lived dconf
            # client can miss another process's write); a new read has it right.
            self._refresh()

    def _refresh(self) -> None:
        if self._read is None:
            self._read = self._start(["get"])
            self._read.finished.connect(self._finished)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process, self._read = self._read, None
        if process is None:
            return
        output = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
        self._value = parse_show_banners(output) if code == 0 else None
        self._read_at = self._monotonic()
        process.deleteLater()

    def hidden(self) -> bool | None:
        """Whether banners are hidden; None when it can't be read."""
        if self._program is None:
            return None
        following = (
            self._monitor is not None and self._monitor.state() != QProcess.ProcessState.NotRunning
        )
        fresh = self._read_at is not None and self._monotonic() - self._read_at < FRESH_FOR
        if not (fresh or (following and self._read_at is not None)):
            self._refresh()
            if self._read is not None and not self._read.waitForFinished(_GSETTINGS_MS):
                log.debug("gsettings did not answer in time")
                return None
        elif not following:
            self._refresh()  # for the next check
        return self._value

    def stop(self) -> None:
        """Stop following the setting's changes."""
        for process in (self._monitor, self._read):
            if process is not None:
                process.kill()
                process.waitForFinished(1000)
        self._monitor = self._read = None

    close = stop
