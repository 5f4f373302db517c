"""How a command line talks to the running app: one JSON line asked, one JSON line answered.

Also reads the arguments a person types for ``snooze`` and ``pause``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from reconnect.core.control_address import MAX_TOKEN_CHARS
from reconnect.core.errors import InputError

# A request is a command and a few short arguments; anything longer is not ours.
MAX_LINE_BYTES = 64 * 1024

MAX_SNOOZE_MINUTES = 120
MIN_PAUSE = timedelta(minutes=1)
MAX_PAUSE = timedelta(hours=24)
UNTIL_TOMORROW = "until-tomorrow"

# Each command and the arguments it takes: name -> (accepted types, required).
_NO_ARGS: dict[str, tuple[tuple[type, ...], bool]] = {}
COMMANDS: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "status": _NO_ARGS,
    "break-now": {"practice_id": ((str, type(None)), False)},
    "snooze": {"minutes": ((int,), True)},
    "skip": _NO_ARGS,
    "pause": {"spec": ((str,), True)},
    "resume": _NO_ARGS,
    "quit": _NO_ARGS,
    "open-dashboard": _NO_ARGS,
    # A second start: the welcome while it is open, else the small window that stands in for
    # a missing tray, else the dashboard.
    "show-controls": _NO_ARGS,
    "reload-settings": _NO_ARGS,
    # Benchmarks and tests only: answered while RECONNECT_TEST_SPEED is set (docs/testing.md).
    "debug": {"action": ((str,), True)},
}

# The commands that bring a window to the front: they may carry the activation token of the
# terminal or launcher they were typed in, and are answered once it is known whether the
# window came forward.
BRINGS_FORWARD = frozenset({"open-dashboard", "show-controls"})

_PAUSE_PATTERN = re.compile(r"(?:(\d{1,4})h)?(?:(\d{1,5})m)?")
_PAUSE_FORMS = "30m, 2h, 1h30m (from 1 minute to 24 hours) or until-tomorrow"


class ProtocolError(ValueError):
    """A line on the control socket is not a valid request or response."""


@dataclass(frozen=True)
class PauseRequest:
    """How long to pause reminders.

    Attributes:
        duration: the length of the pause, or None when pausing until tomorrow.
        until_tomorrow: pause until the start of the next day.
    """

    duration: timedelta | None
    until_tomorrow: bool = False


@dataclass(frozen=True)
class Request:
    """One command for the running app.

    Attributes:
        command: one of ``COMMANDS``.
        args: its arguments, already checked for names and types.
        activation_token: for a command of ``BRINGS_FORWARD``, the token that lets the
            window come to the front (None when the command line had none). Sent beside
            ``args``, so an app from before it simply does not read it.
    """

    command: str
    args: dict[str, Any] = field(default_factory=dict)
    activation_token: str | None = None


def parse_pause(text: str) -> PauseRequest:
    """Read a pause: ``30m``, ``2h``, ``1h30m`` or ``until-tomorrow``.

    Raises:
        InputError: anything else, or a length outside 1 minute to 24 hours.
    """
    value = text.strip().lower()
    if value == UNTIL_TOMORROW:
        return PauseRequest(duration=None, until_tomorrow=True)
    match = _PAUSE_PATTERN.fullmatch(value)
    if not value or match is None:
        raise InputError(f"a pause is written like {_PAUSE_FORMS}; got {text!r}")
    hours, minutes = (int(part) if part else 0 for part in match.groups())
    duration = timedelta(hours=hours, minutes=minutes)
    if not MIN_PAUSE <= duration <= MAX_PAUSE:
        raise InputError(f"a pause lasts from 1 minute to 24 hours, like {_PAUSE_FORMS}")
    return PauseRequest(duration=duration)


def parse_minutes(text: str | int) -> int:
    """Read the minutes of a snooze: a whole number from 1 to 120.

    Raises:
        InputError: anything else.
    """
    if isinstance(text, bool):
        number = -1  # True is an int to Python, not a number of minutes to a person
    elif isinstance(text, int):
        number = text
    else:
        value = text.strip()
        number = int(value) if value.isascii() and value.isdigit() else -1
    if not 1 <= number <= MAX_SNOOZE_MINUTES:
        raise InputError(
            f"snooze takes whole minutes from 1 to {MAX_SNOOZE_MINUTES}, like 10; got {text!r}"
        )
    return number


def encode_request(
    command: str, args: dict[str, Any] | None = None, activation_token: str | None = None
) -> bytes:
    """The line to send for a command (checked the same way the app will check it).

    Args:
        command: one of ``COMMANDS``.
        args: its arguments.
        activation_token: sent only with a command of ``BRINGS_FORWARD``.

    Raises:
        ProtocolError: an unknown command or wrong arguments.
    """
    request = Request(command, dict(args or {}))
    _check_request(request.command, request.args)
    message: dict[str, Any] = {"command": request.command, "args": request.args}
    if activation_token and command in BRINGS_FORWARD:
        _check_token(activation_token)
        message["activation_token"] = activation_token
    return _line(message)


def decode_request(line: bytes) -> Request:
    """Read a request line.

    Raises:
        ProtocolError: the line is too long, not JSON, or not a known command with the
            arguments it takes; the message says which.
    """
    message = _read_object(line, "request")
    command = message.get("command")
    args = message.get("args", {})
    if not isinstance(command, str):
        raise ProtocolError("the request has no command")
    if not isinstance(args, dict):
        raise ProtocolError("the request's args must be an object")
    _check_request(command, args)
    token = message.get("activation_token")
    if token is not None:
        _check_token(token)
    return Request(command, args, token or None)


def encode_response(
    ok: bool, message: str = "", data: dict[str, Any] | None = None, error: str = ""
) -> bytes:
    """The answer line: ``{"ok": true, "message", "data"}`` or ``{"ok": false, "error"}``.

    Dates and times in ``data`` are written in ISO 8601, timedeltas as seconds.
    """
    if ok:
        return _line({"ok": True, "message": message, "data": data or {}})
    return _line({"ok": False, "error": error or "Reconnect could not do that"})


def decode_response(line: bytes) -> dict[str, Any]:
    """Read an answer line into ``{"ok", "message", "data"}`` or ``{"ok", "error"}``.

    Raises:
        ProtocolError: the line is not such an answer.
    """
    answer = _read_object(line, "response")
    ok = answer.get("ok")
    if ok is True:
        message = answer.get("message", "")
        data = answer.get("data", {})
        if not isinstance(message, str) or not isinstance(data, dict):
            raise ProtocolError("the response's message or data has the wrong type")
        return {"ok": True, "message": message, "data": data}
    if ok is False:
        error = answer.get("error")
        if not isinstance(error, str):
            raise ProtocolError("the response says it failed but not why")
        return {"ok": False, "error": error}
    raise ProtocolError("the response has no ok field")


def _check_request(command: str, args: dict[str, Any]) -> None:
    accepted = COMMANDS.get(command)
    if accepted is None:
        raise ProtocolError(
            f"unknown command {command!r}; the commands are {', '.join(sorted(COMMANDS))}"
        )
    for name in args:
        if name not in accepted:
            raise ProtocolError(f"{command} takes no argument {name!r}")
    for name, (types, required) in accepted.items():
        if name not in args:
            if required:
                raise ProtocolError(f"{command} needs the argument {name!r}")
            continue
        value = args[name]
        # bool is a subclass of int, but True is not a number of minutes.
        if isinstance(value, bool) or not isinstance(value, types):
            raise ProtocolError(f"{command}: the argument {name!r} has the wrong type")


def _check_token(token: object) -> None:
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise ProtocolError(
            f"the activation token must be text of at most {MAX_TOKEN_CHARS} characters"
        )


def _read_object(line: bytes, what: str) -> dict[str, Any]:
    if len(line) > MAX_LINE_BYTES:
        raise ProtocolError(f"the {what} is longer than {MAX_LINE_BYTES} bytes")
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ProtocolError(f"the {what} is not a line of UTF-8 JSON") from None
    if not isinstance(value, dict):
        raise ProtocolError(f"the {what} is not a JSON object")
    return value


def _json_default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    raise TypeError(f"{type(value).__name__} can't be sent to the command line")


def _line(value: dict[str, Any]) -> bytes:
    # ensure_ascii keeps the line free of raw newlines and odd bytes whatever the text holds.
    return json.dumps(value, default=_json_default, ensure_ascii=True).encode("ascii") + b"\n"
