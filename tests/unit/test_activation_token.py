"""The command line's activation token rides beside a request that brings a window forward,
and a request without one (from an older command line) is read as before."""

from __future__ import annotations

import json

import pytest

from reconnect.core.control_address import MAX_TOKEN_CHARS, activation_token
from reconnect.core.control_protocol import ProtocolError, decode_request, encode_request


def test_the_token_is_sent_with_the_commands_that_bring_a_window_forward() -> None:
    for command in ("open-dashboard", "show-controls"):
        line = encode_request(command, activation_token="kwin-1234")
        assert json.loads(line)["activation_token"] == "kwin-1234"
        request = decode_request(line.rstrip(b"\n"))
        assert (request.command, request.activation_token) == (command, "kwin-1234")


def test_other_commands_carry_no_token() -> None:
    line = encode_request("status", activation_token="kwin-1234")
    assert "activation_token" not in json.loads(line)
    assert decode_request(line).activation_token is None


def test_an_older_request_without_a_token_is_still_accepted() -> None:
    request = decode_request(b'{"command": "open-dashboard", "args": {}}')
    assert request.command == "open-dashboard"
    assert request.activation_token is None
    assert decode_request(b'{"command": "show-controls"}').activation_token is None


@pytest.mark.parametrize("token", [42, ["a"], "x" * (MAX_TOKEN_CHARS + 1)])
def test_a_token_that_is_not_one_is_refused(token: object) -> None:
    line = json.dumps({"command": "open-dashboard", "args": {}, "activation_token": token})
    with pytest.raises(ProtocolError, match="activation token"):
        decode_request(line.encode())


def test_the_token_comes_from_wayland_first_then_x11_startup_notification() -> None:
    assert activation_token({}) is None
    assert activation_token({"DESKTOP_STARTUP_ID": "openbox-7_TIME99"}) == "openbox-7_TIME99"
    both = {"XDG_ACTIVATION_TOKEN": "sway-token", "DESKTOP_STARTUP_ID": "x11-id"}
    assert activation_token(both) == "sway-token"
    assert activation_token({"XDG_ACTIVATION_TOKEN": "  "}) is None
