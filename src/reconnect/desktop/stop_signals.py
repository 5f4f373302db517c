"""The app closes as its Quit does when the system asks it to stop: a logout or shutdown
(SIGTERM), a closed terminal (SIGHUP), Ctrl+C (SIGINT).

Without this, such a signal ended the process at once: an open prompt was not recorded as
missed and the control socket's file was left behind. Python runs its own signal handlers only
between bytecodes, which never come while Qt's event loop waits; the signal's number is written
to a socket that the event loop watches (``signal.set_wakeup_fd``), so nothing polls.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

# What each signal means here, for the log.
STOP_SIGNALS = {
    signal.SIGTERM: "the system asked Reconnect to stop",
    signal.SIGINT: "Ctrl+C",
}
if sys.platform != "win32":
    STOP_SIGNALS[signal.SIGHUP] = "its terminal closed"


def _noted(_number: int, _frame: FrameType | None) -> None:
    """Python's handler: nothing; the event loop hears of it through the wake-up socket."""


class StopSignals(QObject):
    """Calls ``stop`` once when a stop signal comes; ``close`` puts things back as they were.

    Made in the main thread (Python delivers signals there), on Linux and the other Unixes;
    on Windows only Ctrl+C exists and the console ends the process itself.
    """

    def __init__(self, stop: Callable[[], None]) -> None:
        super().__init__()
        self._stop = stop
        self._asked = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._old_handlers = {number: signal.signal(number, _noted) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self, *_: object) -> None:
        numbers = b""
        with contextlib.suppress(BlockingIOError):
            while chunk := self._reader.recv(64):
                numbers += chunk
        known = [signal.Signals(n) for n in numbers if n in STOP_SIGNALS]
        if not known or self._asked:
            return
        self._asked = True
        log.info("Closing: %s (%s)", STOP_SIGNALS[known[0]], known[0].name)
        self._stop()

    def close(self) -> None:
        """Give the signals back to what handled them before."""
        self._notifier.setEnabled(False)
        for number, handler in self._old_handlers.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._reader.close()
        self._writer.close()
