"""The sound players' processes: stopped when asked, killed when they won't stop, and reaped.

playsound3 plays every sound in a child process (aplay, mpg123, gst-play-1.0, ffplay). On a
computer without a sound card such a player can hang, or spin, or shrug off the polite signal to
stop; none of them may outlive its practice, or the app.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

KILL_AFTER_S = 1.0  # how long a player has to stop when asked before it is killed
POLL_S = 0.05  # how often the processes are looked at, only while one is running


class Playing(Protocol):
    """One sound under way in a child process."""

    def stop(self) -> None:
        """Ask the player to stop (SIGTERM); it may take a moment, or ignore it."""

    def kill(self) -> None:
        """End the player now (SIGKILL)."""

    def is_alive(self) -> bool:
        """Whether it still runs; asking collects a finished process, so none is left a zombie."""

    def exit_code(self) -> int | None:
        """How the player ended (negative: by that signal), or None while it runs."""


@dataclass(frozen=True)
class Ending:
    """How a sound's process ended.

    Attributes:
        exit_code: the player's exit status; negative when a signal ended it.
        stopped: it was asked to stop (by us, or because it ran past its time).
        seconds: how long it ran, roughly.
    """

    exit_code: int | None
    stopped: bool
    seconds: float

    @property
    def failed(self) -> bool:
        """It ended by itself, and not well: the player could not play (no sound output, or a
        file it could not read)."""
        return not self.stopped and self.exit_code not in (0, None)


@dataclass(eq=False)
class _Child:
    sound: Playing
    started: float
    deadline: float | None
    on_end: Callable[[Ending], None] | None
    stop_asked: float | None = None
    killed: bool = False


class _AtExit:
    """Stops the children of one :class:`SoundProcesses` when the interpreter exits.

    Holds it weakly, so registering never keeps it alive; compared by identity, so it alone is
    unregistered.
    """

    def __init__(self, processes: SoundProcesses) -> None:
        self._processes = weakref.ref(processes)

    def __call__(self) -> None:
        processes = self._processes()
        if processes is not None:
            processes.stop_all()


class SoundProcesses:
    """Keeps every sound process started through it until it has ended and been reaped.

    A daemon thread looks after them every :data:`POLL_S` seconds while any runs (and not at all
    otherwise): a process asked to stop that still runs :data:`KILL_AFTER_S` later is killed; a
    process past its time limit is asked to stop; an ended one is reaped and reported to its
    ``on_end``. At interpreter exit the ones still running are stopped the same way.

    Args:
        kill_after: seconds between asking a player to stop and killing it.
        poll: seconds between looks.
        monotonic: the clock for the above (tests may move it).
    """

    def __init__(
        self,
        *,
        kill_after: float = KILL_AFTER_S,
        poll: float = POLL_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._kill_after = kill_after
        self._poll = poll
        self._now = monotonic
        self._changed = threading.Condition()  # guards everything below
        self._children: list[_Child] = []
        self._thread: threading.Thread | None = None
        self._at_exit: _AtExit | None = None

    def track(
        self,
        sound: Playing,
        *,
        limit: float | None = None,
        on_end: Callable[[Ending], None] | None = None,
    ) -> None:
        """Look after ``sound`` from now on.

        Args:
            limit: seconds after which it is stopped even if nobody asks (for chimes).
            on_end: told how it ended, on the looking-after thread, once it has been reaped.
        """
        now = self._now()
        child = _Child(sound, now, now + limit if limit is not None else None, on_end)
        with self._changed:
            self._children.append(child)
            if self._at_exit is None:
                self._at_exit = _AtExit(self)
                atexit.register(self._at_exit)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._look_after, name="sound-processes", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def stop(self, sound: Playing) -> None:
        """Ask ``sound`` to stop now; it is killed if it still runs a moment later. Never waits."""
        with self._changed:
            for child in self._children:
                if child.sound is sound:
                    self._ask_to_stop(child, self._now())
            self._changed.notify_all()

    def look(self) -> None:
        """Look at every process once, as the thread does every :data:`POLL_S` seconds: reap
        the ended (telling their ``on_end``), stop the overdue, kill the stubborn."""
        with self._changed:
            ended = self._look_once()
        self._report(ended)

    def running(self) -> list[Playing]:
        """The sounds whose process has not been reaped yet."""
        with self._changed:
            return [child.sound for child in self._children]

    def stop_all(self) -> None:
        """Stop every process and wait until each has ended and been reaped, killing the
        stubborn ones; for when the app quits. Waits about :data:`KILL_AFTER_S` at most."""
        give_up = time.monotonic() + self._kill_after + 1.0  # a real bound, whatever the clock
        ended: list[tuple[_Child, Ending]] = []
        with self._changed:
            now = self._now()
            for child in self._children:
                self._ask_to_stop(child, now)
            # Looked after here too: at interpreter exit the thread may no longer run.
            while True:
                ended += self._look_once()
                left = len(self._children)
                if not left or time.monotonic() >= give_up:
                    break
                self._changed.wait(self._poll / 5)
            if not left and self._at_exit is not None:
                atexit.unregister(self._at_exit)
                self._at_exit = None
        if left:
            log.warning("%d sound player(s) could not be ended", left)
        self._report(ended)

    def _ask_to_stop(self, child: _Child, now: float) -> None:
        if child.stop_asked is None:
            child.stop_asked = now
            child.sound.stop()

    def _look_once(self) -> list[tuple[_Child, Ending]]:
        """One look at every process: reap, stop or kill. Call with the lock held."""
        now = self._now()
        ended = []
        for child in list(self._children):
            if not child.sound.is_alive():
                self._children.remove(child)
                ending = Ending(
                    child.sound.exit_code(), child.stop_asked is not None, now - child.started
                )
                ended.append((child, ending))
            elif child.stop_asked is None:
                if child.deadline is not None and now >= child.deadline:
                    log.info("a sound player ran past its time and is stopped")
                    self._ask_to_stop(child, now)
            elif not child.killed and now - child.stop_asked >= self._kill_after:
                log.info("a sound player did not stop when asked and is killed")
                child.killed = True
                child.sound.kill()
        if ended:
            self._changed.notify_all()
        return ended

    def _look_after(self) -> None:
        while True:
            with self._changed:
                ended = self._look_once()
                if not self._children:
                    self._thread = None  # a later track() starts another
                    idle = True
                else:
                    idle = False
            self._report(ended)
            if idle:
                return
            with self._changed:
                self._changed.wait(self._poll)

    @staticmethod
    def _report(ended: list[tuple[_Child, Ending]]) -> None:
        for child, ending in ended:
            if child.on_end is not None:
                try:
                    child.on_end(ending)
                except Exception:  # one listener's bug must not leave other players unreaped
                    log.exception("handling the end of a sound failed")
