"""The guard that fails the test run when anything in it reaches for the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.network_guard import NetworkGuard, NetworkUseForbidden


@pytest.fixture
def guard(network_guard: NetworkGuard) -> Iterator[NetworkGuard]:
    """The run's own guard; what these tests try on purpose is forgotten afterwards."""
    before = len(network_guard.attempts)
    yield network_guard
    del network_guard.attempts[before:]


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_internet_sockets_are_refused_and_recorded(guard: NetworkGuard, family: int) -> None:
    host = "127.0.0.1" if family == socket.AF_INET else "::1"
    before = len(guard.attempts)
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkUseForbidden, match="must not use the network"):
            sock.connect((host, 9))
        assert sock.connect_ex.__name__ == "connect_ex"
        with pytest.raises(NetworkUseForbidden):
            sock.connect_ex((host, 9))
        with pytest.raises(NetworkUseForbidden):
            sock.bind((host, 0))
    with socket.socket(family, socket.SOCK_DGRAM) as sock, pytest.raises(NetworkUseForbidden):
        sock.sendto(b"hello", (host, 53))
    with pytest.raises(NetworkUseForbidden, match="create_connection"):
        socket.create_connection(("example.org", 443))
    tried = guard.attempts[before:]
    assert len(tried) == 5
    assert tried[0].startswith(f"socket.connect({socket.AddressFamily(family).name}, ")
    assert "test_network_guard.py" in tried[0]  # where it came from


def test_unix_sockets_pass(tmp_path: Path) -> None:
    path = str(tmp_path / "control")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            assert client.connect_ex(path) == 0
            client.sendall(b"status\n")
            peer, _ = server.accept()
            with peer:
                assert peer.recv(16) == b"status\n"
    first, second = socket.socketpair()
    with first, second:
        first.sendall(b"x")
        assert second.recv(1) == b"x"


def test_the_sockets_are_as_before_once_the_guard_is_gone() -> None:
    inner = NetworkGuard()
    guarded = {name: getattr(socket.socket, name) for name in ("connect", "bind", "sendto")}
    with inner.installed():
        assert socket.socket.connect is not guarded["connect"]
    assert {name: getattr(socket.socket, name) for name in guarded} == guarded
