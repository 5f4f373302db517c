"""The log file itself: rotated by the standard library's handler, its files readable only by
their owner. Imported when the first record is written to disk, not at start."""

from __future__ import annotations

import contextlib
import io
import os
from logging.handlers import RotatingFileHandler


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created readable only by their owner (0600).

    Once its folder is gone (the person deleted all their data), it writes nowhere rather than
    making the folder again.
    """

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC
        try:
            fd = os.open(self.baseFilename, flags, 0o600)
        except FileNotFoundError:
            return open(os.devnull, "a", encoding=self.encoding)  # noqa: PTH123
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)  # a file written under another umask, or by an older version
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)
