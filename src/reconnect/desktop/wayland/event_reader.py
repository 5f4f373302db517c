"""Reading a Wayland connection's events as they come, without polling: a socket notifier while
a Qt event loop runs, and a read that never blocks whenever an answer is asked for."""

from __future__ import annotations

import select
from typing import Any

from pywayland.client.display import Display


class WaylandEventReader:
    """The part of a Wayland adapter that reads its connection's events.

    The events are read as soon as they come when a Qt event loop runs (a socket notifier on
    the connection's file descriptor), and in any case whenever a subclass calls
    ``read_pending`` before answering, so the answer is current where no event loop runs
    (``reconnect doctor``). Once the compositor goes away nothing more is read, and
    ``went_away`` says why.

    Args:
        display: the connection, with what it listens to already asked for.
    """

    def __init__(self, display: Display) -> None:
        self._display = display
        self._lost = False
        self._fd = display.get_fd()
        self._notifier: Any = None
        self._watch()

    def _watch(self) -> None:
        from PySide6.QtCore import QCoreApplication, QSocketNotifier

        # A socket notifier needs an event loop's thread; without an application nothing would
        # dispatch it (and Qt warns), and read_pending reads the events itself anyway.
        if QCoreApplication.instance() is None:
            return
        self._notifier = QSocketNotifier(self._fd, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._read_events)

    @property
    def lost(self) -> bool:
        """The compositor went away; nothing more will be read."""
        return self._lost

    def read_pending(self) -> bool:
        """Read the events that have come, without blocking; False once the compositor is gone."""
        if not self._lost and self._readable():
            self._read_events()
        return not self._lost

    def _readable(self) -> bool:
        try:
            readable, _, _ = select.select([self._fd], [], [], 0)
        except (OSError, ValueError):
            return True  # reading will tell what is wrong
        return bool(readable)

    def _read_events(self) -> None:
        if self._lost:
            return
        try:
            self._display.read()  # never blocks: the socket has data, or a hang-up to report
            self._display.dispatch(block=False)
            if self._display.flush() < 0:
                raise RuntimeError("the connection is closed")
        except (RuntimeError, ValueError) as error:
            self._lost = True
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            self.went_away(str(error))

    def went_away(self, why: str) -> None:
        """Called once, when the compositor has gone away (to say so in the log)."""

    def _stop_watching(self) -> None:
        """No more reading as events come (before the connection is closed)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
