"""The running app's end of the remote control: a local socket named after the data folder
that answers ``reconnect status``, ``reconnect pause 2h`` and the others (``control_client``
is the command line's end).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from reconnect.core.control_protocol import (
    BRINGS_FORWARD,
    MAX_LINE_BYTES,
    PauseRequest,
    ProtocolError,
    Request,
    decode_request,
    encode_response,
    parse_minutes,
    parse_pause,
)
from reconnect.core.errors import InputError
from reconnect.desktop.adapters import DesktopReport

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from reconnect.desktop.control_socket import UnixListener, UnixPeer

log = logging.getLogger(__name__)

# How long a connect may take before a leftover socket file is judged abandoned.
PROBE_TIMEOUT_MS = 500
# A client that connects and never finishes its line is let go after this.
IDLE_TIMEOUT_MS = 5000


class RemoteControl(Protocol):
    """What the app does when asked from the command line.

    Every method returns one line for the person and may raise ``InputError`` with a message
    saying what to do instead; any other exception is logged and reported as a failure.
    """

    def status(self) -> dict[str, Any]:
        """The state: ``state``, ``next_break_at`` (ISO time or None), ``paused_until``,
        ``suggested_practice`` (id and title, or None) and a one-line ``summary``."""
        ...

    def break_now(self, practice_id: str | None) -> str:
        """Start a break now, with this practice or the suggested one.

        Raises:
            InputError: no such practice; the message suggests close ids.
        """
        ...

    def snooze(self, minutes: int) -> str: ...

    def skip(self) -> str: ...

    def pause(self, request: PauseRequest) -> str: ...

    def resume(self) -> str: ...

    def quit(self) -> str:
        """Schedule the app's end and return at once, e.g. ``QTimer.singleShot(0, app.quit)``.

        The answer is sent after this returns, so quitting here would lose it.
        """
        ...

    def open_dashboard(self) -> str: ...

    def reload_settings(self) -> str:
        """Read the settings file again and apply it at once."""
        ...


class FrontDoor(Protocol):
    """What brings Reconnect forward (``reconnect.ui.care.front_door.FrontDoor``): it keeps an
    unread welcome in front of the dashboard and knows whether there is a tray."""

    def open_dashboard(self) -> str: ...

    def show_controls(self) -> str: ...


class Forward(Protocol):
    """Runs a command that brings a window to the front, with the command line's activation
    token, and answers once it is known whether the window came (``app.bring_forward``)."""

    def __call__(
        self,
        token: str | None,
        command: str,
        act: Callable[[], str],
        answer: Callable[[str], None],
    ) -> None:
        """Args:
        token: the command line's activation token, or None.
        command: ``open-dashboard`` or ``show-controls``.
        act: brings the window forward; returns what it did, in a sentence.
        answer: called once with the sentence for the command line.
        """
        ...


class ControlServer(QObject):
    """Listens on a local socket, one request and one answer per connection.

    Reading is driven by ``readyRead``, so a slow or silent client never blocks the GUI.

    Signals:
        request_handled(str): the command name once its answer is written ("" when the
            request could not be read).
    """

    request_handled = Signal(str)

    def __init__(
        self,
        name: str,
        control: RemoteControl,
        parent: QObject | None = None,
        *,
        desktop: DesktopReport | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._control = control
        self._desktop = desktop  # added to ``status`` as "desktop"
        self._server: QLocalServer | None = None  # made by ``listen`` on Windows
        self._unix: UnixListener | None = None  # elsewhere, without Qt's network module
        self._connections: set[_Connection] = set()
        self._front: FrontDoor | None = None
        self._forward: Forward | None = None
        self._debug: Callable[[str], tuple[str, dict[str, Any]]] | None = None

    def set_desktop(self, desktop: DesktopReport) -> None:
        """What ``status`` says of the desktop from now on (a tray host came, say)."""
        self._desktop = desktop

    def set_debug(self, debug: Callable[[str], tuple[str, dict[str, Any]]] | None) -> None:
        """Answer ``debug`` through ``debug`` (an action in, a line and figures out); without
        it, ``debug`` is refused. Set only while RECONNECT_TEST_SPEED is (docs/testing.md)."""
        self._debug = debug

    def set_front(self, front: FrontDoor, forward: Forward | None = None) -> None:
        """Answer ``open-dashboard`` and ``show-controls`` through ``front`` from now on; with
        ``forward``, once it is known whether the window came to the front."""
        self._front = front
        self._forward = forward

    @property
    def name(self) -> str:
        return self._name

    def listen(self) -> bool:
        """Start listening.

        A socket file left by an app that crashed is removed and taken over.

        Returns:
            True when listening; False when another Reconnect already answers on this name
            (or the socket can't be created, which is logged).
        """
        if sys.platform != "win32":
            return self._listen_unix()
        # Imported here: the tray shows itself before Qt's network module is loaded.
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        if self._server is None:
            self._server = QLocalServer(self)
            # Only this user may connect: the socket file is created 0700.
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self._server.newConnection.connect(self._accept)
        server = self._server
        if server.isListening():
            return True
        # Asked first: with UserAccessOption Qt renames its socket file into place, which
        # would silently replace the socket of an app that is running.
        if _someone_answers(self._name):
            return False
        if server.listen(self._name):
            return True
        if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("Cannot listen on %s: %s", self._name, server.errorString())
            return False
        log.info("Removing the abandoned control socket %s", self._name)
        QLocalServer.removeServer(self._name)
        if server.listen(self._name):
            return True
        log.warning("Cannot listen on %s: %s", self._name, server.errorString())
        return False

    def _listen_unix(self) -> bool:
        from reconnect.desktop.control_socket import UnixListener, answers, socket_path

        if self._unix is not None and self._unix.listening():
            return True
        path = socket_path(self._name)
        # Asked first: the socket file is moved into place, which would silently replace the
        # socket of an app that is running.
        if answers(path, PROBE_TIMEOUT_MS):
            return False
        if path.exists():
            log.info("Removing the abandoned control socket %s", self._name)
        self._unix = UnixListener(path, self._take, IDLE_TIMEOUT_MS / 1000)
        try:
            self._unix.listen()
        except OSError as error:
            log.warning("Cannot listen on %s: %s", self._name, error)
            return False
        return True

    def _take(self, peer: UnixPeer) -> None:
        self._connections.add(_Connection(peer, self))

    def close(self) -> None:
        """Stop listening and drop open connections."""
        if self._server is not None:
            self._server.close()
        if self._unix is not None:
            self._unix.close()
        for connection in list(self._connections):
            connection.abort()

    def _accept(self) -> None:
        assert self._server is not None  # connected when it was made
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._connections.add(_Connection(socket, self))

    def _forget(self, connection: _Connection) -> None:
        """Called by a finished connection."""
        self._connections.discard(connection)
        connection.deleteLater()

    def answer(self, line: bytes) -> tuple[str, bytes]:
        """Run one request line against the control.

        Returns:
            The command name ("" if unreadable) and the answer line.
        """
        try:
            request = decode_request(line)
        except ProtocolError as error:
            return "", encode_response(False, error=str(error))
        return request.command, self._answer(request)

    def respond(self, line: bytes, reply: Callable[[str, bytes], None]) -> None:
        """Run one request line and hand ``reply`` the command name and the answer line: at
        once, or, for a command that brings a window forward, once it is known whether the
        window came to the front."""
        forward = self._forward
        try:
            request = decode_request(line)
        except ProtocolError as error:
            reply("", encode_response(False, error=str(error)))
            return
        if forward is None or request.command not in BRINGS_FORWARD:
            reply(request.command, self._answer(request))
            return
        command = request.command

        def act() -> str:
            return self._run(request)[0]

        def answer(message: str) -> None:
            reply(command, encode_response(True, message))

        try:
            forward(request.activation_token, command, act, answer)
        except Exception as error:
            log.exception("The remote command %r failed", command)
            reply(command, _failure(error))

    def _answer(self, request: Request) -> bytes:
        try:
            message, data = self._run(request)
            # Encoded here: data the app can't put into JSON is a failure like any other.
            reply = encode_response(True, message, data)
        except InputError as error:
            return encode_response(False, error=str(error))
        except Exception as error:
            log.exception("The remote command %r failed", request.command)
            return _failure(error)
        return reply

    def _run(self, request: Request) -> tuple[str, dict[str, Any]]:
        control, args = self._control, request.args
        match request.command:
            case "status":
                data = dict(control.status())
                if self._desktop is not None:
                    data["desktop"] = self._desktop.to_dict()
                return str(data.get("summary", "")), data
            case "break-now":
                return control.break_now(args.get("practice_id")), {}
            case "snooze":
                return control.snooze(parse_minutes(args["minutes"])), {}
            case "skip":
                return control.skip(), {}
            case "pause":
                return control.pause(parse_pause(args["spec"])), {}
            case "resume":
                return control.resume(), {}
            case "quit":
                return control.quit(), {}
            case "open-dashboard":
                front = self._front
                return (front.open_dashboard() if front else control.open_dashboard()), {}
            case "show-controls":
                front = self._front
                return (front.show_controls() if front else control.open_dashboard()), {}
            case "reload-settings":
                return control.reload_settings(), {}
            case "debug":
                if self._debug is None:
                    raise InputError("debug is answered only when RECONNECT_TEST_SPEED is set")
                return self._debug(args["action"])
        raise ProtocolError(f"unknown command {request.command!r}")  # decode_request checked


class _Connection(QObject):
    """One client: gathers its line, answers, hangs up, and tells the server it is done."""

    def __init__(self, socket: QLocalSocket | UnixPeer, server: ControlServer) -> None:
        super().__init__(server)
        self._socket = socket
        socket.setParent(self)
        self._server = server
        self._buffer = bytearray()
        self._answered = False
        self._finished = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_TIMEOUT_MS)
        self._idle.timeout.connect(self.abort)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._finish)
        self._idle.start()
        # Bytes may have arrived before the signal was connected.
        if socket.bytesAvailable():
            QTimer.singleShot(0, self._read)

    def _read(self) -> None:
        if self._answered:
            return
        self._buffer += self._socket.readAll().data()
        end = self._buffer.find(b"\n")
        if end < 0 and len(self._buffer) <= MAX_LINE_BYTES:
            return
        if end < 0:
            command = ""
            reply = encode_response(
                False, error=f"the request is longer than {MAX_LINE_BYTES} bytes"
            )
            self._answered = True
            self._reply(command, reply)
            return
        self._answered = True
        self._idle.stop()  # the answer may wait for a window to come forward
        self._server.respond(bytes(self._buffer[:end]), self._reply)

    def _reply(self, command: str, reply: bytes) -> None:
        if self._finished:  # the client hung up while its answer was waited for
            self._server.request_handled.emit(command)
            return
        self._idle.stop()
        self._socket.write(reply)
        # Flushed now, before control events run: after "quit" the loop may not come back.
        self._socket.flush()
        self._socket.disconnectFromServer()
        self._server.request_handled.emit(command)

    def abort(self) -> None:
        self._idle.stop()
        self._socket.abort()
        self._finish()

    def _finish(self) -> None:
        if self._finished or _still_connected(self._socket):
            return
        self._finished = True
        self._idle.stop()
        self._server._forget(self)


def _failure(error: Exception) -> bytes:
    return encode_response(
        False,
        error=f"Reconnect could not do that: {type(error).__name__}; details are in the log",
    )


def _still_connected(socket: QLocalSocket | UnixPeer) -> bool:
    from reconnect.desktop.control_socket import UnixPeer

    if isinstance(socket, UnixPeer):
        return socket.connected
    from PySide6.QtNetwork import QLocalSocket

    return socket.state() != QLocalSocket.LocalSocketState.UnconnectedState


def _someone_answers(name: str) -> bool:
    """Whether another app answers on ``name`` (Windows: a named pipe of Qt's)."""
    from PySide6.QtNetwork import QLocalSocket

    probe = QLocalSocket()
    probe.connectToServer(name)
    answered = probe.waitForConnected(PROBE_TIMEOUT_MS)
    probe.abort()
    return answered
