"""Idle time from logind's idle hint on the system bus: a last resort, right only where the
desktop or its idle daemon sets the hint (GNOME, swayidle's ``idlehint``, KDE's power manager)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVariant

log = logging.getLogger(__name__)

LOGIND_SERVICE = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
LOGIND_SESSION = "org.freedesktop.login1.Session"
# logind's name for the caller's own session (or the user's display session).
AUTO_SESSION_PATH = "/org/freedesktop/login1/session/auto"


def hinted_idle_seconds(idle: bool, since_us: int, now: float) -> float:
    """Seconds idle from logind's ``IdleHint`` and ``IdleSinceHintMonotonic``.

    Args:
        idle: the hint.
        since_us: when it last changed, microseconds on the monotonic clock.
        now: seconds on the same clock.
    """
    if not idle or since_us <= 0:
        return 0.0
    return max(0.0, now - since_us / 1_000_000)


class LogindIdleMonitor:
    """Reads ``IdleHint`` and ``IdleSinceHintMonotonic`` of this session from logind.

    Args:
        bus: the system bus.
        session_path: the session's object path.
        monotonic: seconds on CLOCK_MONOTONIC, the clock logind's stamp is on.
        timeout_ms: how long one question may take; it blocks the GUI thread meanwhile.
    """

    name = "logind's idle hint"

    def __init__(
        self,
        bus: QDBusConnection,
        session_path: str,
        monotonic: Callable[[], float] = time.monotonic,
        timeout_ms: int = 1000,
    ) -> None:
        self._bus = bus
        self._path = session_path
        self._monotonic = monotonic
        self._timeout_ms = timeout_ms

    def idle_seconds(self) -> float | None:
        idle = self._property("IdleHint")
        since = self._property("IdleSinceHintMonotonic")
        if not isinstance(idle, bool) or not isinstance(since, int):
            return None
        return hinted_idle_seconds(idle, since, self._monotonic())

    def _property(self, name: str) -> object:
        question = QDBusMessage.createMethodCall(
            LOGIND_SERVICE, self._path, "org.freedesktop.DBus.Properties", "Get"
        )
        question.setArguments([LOGIND_SESSION, name])
        reply = self._bus.call(question, QDBus.CallMode.Block, self._timeout_ms)
        arguments = reply.arguments()
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not arguments:
            log.debug("logind's %s can't be read: %s", name, reply.errorName())
            return None
        value = arguments[0]
        return value.variant() if isinstance(value, QDBusVariant) else value


def session_path(bus: QDBusConnection, environ: Mapping[str, str]) -> str | None:
    """The object path of this process's logind session, or None where logind can't say.

    The session named by ``XDG_SESSION_ID`` when set, else logind's "auto" session.
    """
    session_id = environ.get("XDG_SESSION_ID")
    if not session_id:
        return AUTO_SESSION_PATH
    question = QDBusMessage.createMethodCall(
        LOGIND_SERVICE, LOGIND_PATH, LOGIND_MANAGER, "GetSession"
    )
    question.setArguments([session_id])
    reply = bus.call(question, QDBus.CallMode.Block, 1000)
    arguments = reply.arguments()
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not arguments:
        log.debug("logind has no session %s: %s", session_id, reply.errorName())
        return None
    path = arguments[0]
    return path.path() if isinstance(path, QDBusObjectPath) else str(path)
