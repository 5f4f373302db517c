"""Busy source: a process of this user holds a video capture device open (``/dev/video*``),
seen in the file descriptors under ``/proc``.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from pathlib import Path

from reconnect.core.busy_sources import CAMERA
from reconnect.desktop.busy import Busy

log = logging.getLogger(__name__)

NOT_BUSY = Busy(False, "")


class CameraSource:
    """Busy while one of this user's processes has a capture device open.

    Only this user's processes are looked at (a process of another user can't be read
    anyway), and only their open files: no device is opened. Holding a device open is what
    can be seen; whether frames are flowing is not (a program that keeps the camera open
    between calls counts as using it). Where there is no ``/proc`` (not Linux) the camera
    can't be seen: never busy.

    Args:
        pattern: the device paths that are cameras, as a shell pattern; tests give a stand-in.
        proc: the process file system.
        uid: whose processes count; this user's when None.
        own_pid: the process that never counts (this one).
    """

    name = "camera"

    def __init__(
        self,
        pattern: str = "/dev/video*",
        proc: Path = Path("/proc"),
        uid: int | None = None,
        own_pid: int | None = None,
    ) -> None:
        self._pattern = pattern
        self._proc = proc
        self._uid = os.getuid() if uid is None else uid
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self.problem: str | None = None

    def check(self) -> Busy:
        """Whether a capture device is open now. Never raises."""
        try:
            return Busy(True, CAMERA) if self.holders() else NOT_BUSY
        except OSError as error:
            if self.problem is None:
                log.info("the camera can't be seen, so it never delays a break: %s", error)
            self.problem = str(error)
            return NOT_BUSY

    def holders(self) -> list[int]:
        """The ids of this user's processes that hold a matching device open.

        Raises:
            OSError: the process file system can't be listed.
        """
        # Plain strings, not pathlib: a Path interns each part of its name, and a scan reads
        # every descriptor of every process (thousands on a desktop), so each check would churn
        # the interpreter's table of interned strings, reallocating it (megabytes) again and
        # again and leaving the heap fragmented over days.
        found = []
        for entry in os.scandir(self._proc):
            if not entry.name.isdigit() or int(entry.name) == self._own_pid:
                continue
            try:
                if entry.stat().st_uid != self._uid:
                    continue
                fds = os.scandir(f"{entry.path}/fd")
            except OSError:  # gone since the listing, or not ours to read
                continue
            with fds:
                if any(self._is_device(fd.path) for fd in fds):
                    found.append(int(entry.name))
        self.problem = None
        return found

    def _is_device(self, link: str) -> bool:
        try:
            target = os.readlink(link)  # noqa: PTH115 (see holders)
        except OSError:  # closed since the listing
            return False
        return fnmatch.fnmatchcase(target, self._pattern)
