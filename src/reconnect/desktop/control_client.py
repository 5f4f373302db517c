"""The command line's end of the remote control: one command sent to the running app's local
socket (``control_server``), its answer read back within a timeout.
"""

from __future__ import annotations

import sys
import time
from typing import Any

# The protocol itself is imported when a command is sent: a start asks only whether a
# socket file is there (``no_socket_file``) before its tray shows.

DEFAULT_TIMEOUT_MS = 3000


class NoAnswer(Exception):
    """Reconnect is running but did not answer properly; the message says what happened."""


def no_socket_file(name: str) -> bool:
    """Whether surely no app listens on ``name``: its socket file is not there.

    On Linux and the other Unixes, Qt's local socket of a plain name is a file in the
    temporary folder. A start at login asks this first, and needs no network module of Qt
    when no Reconnect runs. Elsewhere (Windows' named pipes) it can't tell: False.
    """
    if sys.platform == "win32":
        return False
    from reconnect.paths import socket_folder

    return not (socket_folder() / name).exists()  # a full path stays whole


def send(
    name: str,
    command: str,
    args: dict[str, Any] | None = None,
    timeout_ms: int = DEFAULT_TIMEOUT_MS,
    activation_token: str | None = None,
) -> dict[str, Any] | None:
    """Send one command to the running app and wait for its answer.

    Blocking socket calls need neither an event loop nor a QApplication, so this works from
    a plain command line.

    Args:
        name: the socket name, ``server_name(paths.root)``.
        command: a command of ``control_protocol.COMMANDS``.
        args: its arguments.
        timeout_ms: how long to wait to connect, and then for the answer.
        activation_token: the token of the terminal or launcher this command line runs in
            (``control_address.activation_token``), for a command that brings a window
            forward.

    Returns:
        The answer (``{"ok": True, "message", "data"}`` or ``{"ok": False, "error"}``), or None
        when no Reconnect is listening on this name.

    Raises:
        NoAnswer: it accepted the connection but sent no readable answer in time.
        ProtocolError: the command or its arguments are not ones the app takes.
    """
    from reconnect.core.control_protocol import MAX_LINE_BYTES, encode_request

    request = encode_request(command, args, activation_token)
    if sys.platform != "win32":
        return _send_unix(name, request, timeout_ms)
    # Imported here so the commands that don't talk to the app start without loading Qt.
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(timeout_ms):
            return None  # no socket, or one left behind by an app that crashed
        socket.write(request)
        socket.flush()
        deadline = time.monotonic() + timeout_ms / 1000
        received = bytearray()
        while b"\n" not in received and len(received) <= MAX_LINE_BYTES:
            left_ms = int((deadline - time.monotonic()) * 1000)
            if socket.bytesToWrite() and left_ms > 0:
                socket.waitForBytesWritten(left_ms)
            ready = left_ms > 0 and socket.waitForReadyRead(left_ms)
            received += socket.readAll().data()
            if not ready:
                break
        return _answer(bytes(received), timeout_ms)
    finally:
        socket.abort()


def _send_unix(name: str, request: bytes, timeout_ms: int) -> dict[str, Any] | None:
    """``send`` on Linux and the other Unixes, with Python's own socket module: the app
    listens there with it too (``control_socket``), and Qt's network module, with the
    libraries it links, stays unloaded in the command line and in a second start."""
    import socket

    from reconnect.core.control_protocol import MAX_LINE_BYTES
    from reconnect.desktop.control_socket import socket_path

    deadline = time.monotonic() + timeout_ms / 1000
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.settimeout(timeout_ms / 1000)
        try:
            connection.connect(str(socket_path(name)))
        except OSError:
            return None  # no socket, or one left behind by an app that crashed
        received = bytearray()
        try:
            connection.sendall(request)
            while b"\n" not in received and len(received) <= MAX_LINE_BYTES:
                left_s = deadline - time.monotonic()
                if left_s <= 0:
                    break
                connection.settimeout(left_s)
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
        except TimeoutError:
            pass
        except OSError as error:
            raise NoAnswer(f"Reconnect is running but the connection broke ({error})") from None
        return _answer(bytes(received), timeout_ms)
    finally:
        connection.close()


def _answer(received: bytes, timeout_ms: int) -> dict[str, Any]:
    """The app's answer, from the bytes read."""
    from reconnect.core.control_protocol import ProtocolError, decode_response

    line, newline, _ = received.partition(b"\n")
    if not newline:
        raise NoAnswer(f"Reconnect is running but did not answer within {timeout_ms / 1000:g} s")
    try:
        return decode_response(line)
    except ProtocolError as error:
        raise NoAnswer(f"Reconnect's answer could not be read ({error})") from None
