"""The control socket's listening end on Linux and the other Unixes, made with Python's own
``socket`` module and watched by Qt's event loop, where Qt's local socket would need its
network module (``control_server`` uses Qt's on Windows, where it is a named pipe).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

# Read at most this much at a time; a request is one short line.
CHUNK = 65536


def socket_path(name: str) -> Path:
    """Where Qt's local socket of ``name`` lies: a plain name in Qt's temporary folder."""
    if name.startswith("/"):
        return Path(name)
    from reconnect.paths import socket_folder

    return socket_folder() / name


def answers(path: Path, timeout_ms: int) -> bool:
    """Whether something accepts connections on the socket file ``path``."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(timeout_ms / 1000)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


class UnixPeer(QObject):
    """One client of the control socket, with the few calls of Qt's ``QLocalSocket`` that the
    server makes (``readAll``, ``bytesAvailable``, ``write``, ``flush``,
    ``disconnectFromServer``, ``abort``).

    Signals:
        readyRead(): bytes came.
        disconnected(): the connection is closed, by either end.
    """

    readyRead = Signal()  # noqa: N815 - QLocalSocket's name
    disconnected = Signal()

    def __init__(self, connection: socket.socket, timeout_s: float) -> None:
        super().__init__()
        connection.setblocking(False)
        self._socket: socket.socket | None = connection
        self._timeout_s = timeout_s  # for writing the answer
        self._pending = bytearray()
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    @property
    def connected(self) -> bool:
        return self._socket is not None

    def _readable(self, *_: object) -> None:
        connection = self._socket
        if connection is None:
            return
        ended = False
        while True:
            try:
                chunk = connection.recv(CHUNK)
            except BlockingIOError:
                break
            except OSError:
                ended = True
                break
            if not chunk:
                ended = True
                break
            self._pending += chunk
        if self._pending:
            self.readyRead.emit()
        if ended:
            self.abort()

    def bytesAvailable(self) -> int:  # noqa: N802 - QLocalSocket's name
        return len(self._pending)

    def readAll(self) -> QByteArray:  # noqa: N802
        data = QByteArray(bytes(self._pending))
        self._pending.clear()
        return data

    def write(self, data: bytes) -> None:
        """Write all of ``data``, waiting for the client up to the timeout."""
        connection = self._socket
        if connection is None:
            return
        try:
            connection.settimeout(self._timeout_s)
            connection.sendall(data)
            connection.setblocking(False)
        except OSError as error:
            log.info("A control client went away before its answer: %s", error)

    def flush(self) -> bool:
        return True  # written at once

    def disconnectFromServer(self) -> None:  # noqa: N802
        self.abort()

    def abort(self) -> None:
        """Close the connection; ``disconnected`` is emitted once."""
        connection, self._socket = self._socket, None
        if connection is None:
            return
        self._notifier.setEnabled(False)  # before its descriptor is closed
        connection.close()
        self.disconnected.emit()


class UnixListener(QObject):
    """Listens on a socket file that only this user may use, as Qt's local server with
    ``UserAccessOption`` does; each connection is handed over as a ``UnixPeer``."""

    def __init__(self, path: Path, accepted: Callable[[UnixPeer], None], timeout_s: float) -> None:
        super().__init__()
        self._path = path
        self._accepted = accepted
        self._timeout_s = timeout_s
        self._socket: socket.socket | None = None
        self._inode: int | None = None  # of the file made here: never remove another's
        self._notifier: QSocketNotifier | None = None

    def listening(self) -> bool:
        return self._socket is not None

    def listen(self) -> None:
        """Bind, made private, then moved into place (a file left by a crash is replaced).

        Raises:
            OSError: the socket can't be made there.
        """
        made = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            # Made in a folder only this user can enter, then moved: nobody else can connect
            # in between.
            with tempfile.TemporaryDirectory(dir=self._path.parent) as private:
                staging = Path(private) / "s"
                made.bind(str(staging))
                staging.chmod(0o700)
                made.listen(16)
                staging.replace(self._path)
            self._inode = self._path.stat().st_ino
        except OSError:
            made.close()
            raise
        made.setblocking(False)
        self._socket = made
        self._notifier = QSocketNotifier(made.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self, *_: object) -> None:
        while self._socket is not None:
            try:
                connection, _address = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                log.warning("Cannot accept a control client: %s", error)
                return
            self._accepted(UnixPeer(connection, self._timeout_s))

    def close(self) -> None:
        """Stop listening and remove the socket file, if it is still the one made here."""
        listening, self._socket = self._socket, None
        if listening is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        listening.close()
        with contextlib.suppress(OSError):
            if self._path.stat().st_ino == self._inode:
                self._path.unlink()
