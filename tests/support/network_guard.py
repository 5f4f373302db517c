"""Fails the test run if this process touches the network.

Reconnect talks to no one: its only socket is the local control socket (a Unix socket, which
QLocalSocket makes in C++), and its database is a file or, later perhaps, a server on a Unix
socket. So every Internet socket (AF_INET, AF_INET6) made through Python's ``socket`` module is
refused here; Unix, netlink and every other local family pass. Subprocesses are watched with
strace instead (tests/e2e/test_no_network.py).

The attempt is also recorded, so a test fails even when the code under test catches the
exception and carries on.
"""

from __future__ import annotations

import socket
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

INTERNET = (socket.AF_INET, socket.AF_INET6)
GUARDED_METHODS = ("connect", "connect_ex", "bind", "sendto")


class NetworkUseForbidden(RuntimeError):
    """Reconnect, or a test of it, tried to use the network."""


class NetworkGuard:
    """Refuses and records every use of an Internet socket while it is installed.

    Attributes:
        attempts: one description (with where it came from) per refused use.
    """

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def refuse(self, what: str) -> NetworkUseForbidden:
        where = "".join(traceback.format_stack(limit=8)[:-2])
        self.attempts.append(f"{what}\n{where}")
        return NetworkUseForbidden(
            f"{what}: Reconnect must not use the network; only Unix sockets are allowed "
            "(see tests/support/network_guard.py)"
        )

    @contextmanager
    def installed(self) -> Iterator[NetworkGuard]:
        originals: dict[str, Any] = {name: getattr(socket.socket, name) for name in GUARDED_METHODS}
        own = {name for name in GUARDED_METHODS if name in vars(socket.socket)}
        create_connection = socket.create_connection
        for name, original in originals.items():
            setattr(socket.socket, name, self._guarded(name, original))

        def refused_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
            raise self.refuse(f"socket.create_connection({address!r})")

        socket.create_connection = refused_connection  # type: ignore[assignment]
        try:
            yield self
        finally:
            for name, original in originals.items():
                if name in own:
                    setattr(socket.socket, name, original)
                else:  # inherited from _socket.socket: take the stand-in away again
                    delattr(socket.socket, name)
            socket.create_connection = create_connection

    def _guarded(self, name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        guard = self

        def method(sock: socket.socket, *args: Any, **kwargs: Any) -> Any:
            if sock.family in INTERNET:
                address = args[-1] if args else kwargs.get("address")
                raise guard.refuse(f"socket.{name}({sock.family.name}, {address!r})")
            return original(sock, *args, **kwargs)

        method.__name__ = name
        return method
