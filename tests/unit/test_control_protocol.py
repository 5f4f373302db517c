"""The remote control's wire format and the arguments people type for snooze and pause."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import (
    COMMANDS,
    MAX_LINE_BYTES,
    PauseRequest,
    ProtocolError,
    Request,
    decode_request,
    decode_response,
    encode_request,
    encode_response,
    parse_minutes,
    parse_pause,
)
from reconnect.core.errors import InputError

# --- the socket name ------------------------------------------------------------------------


def test_server_name_is_short_and_stable(tmp_path: Path) -> None:
    name = server_name(tmp_path / "data")
    assert name == server_name(tmp_path / "data")
    assert name.startswith("reconnect-")
    assert len(name) == len("reconnect-") + 16
    assert "/" not in name


def test_two_data_folders_get_two_names(tmp_path: Path) -> None:
    assert server_name(tmp_path / "one") != server_name(tmp_path / "two")


def test_the_same_folder_written_differently_gets_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    expected = server_name(tmp_path / "data")
    assert server_name(Path("data")) == expected
    assert server_name(tmp_path / "other" / ".." / "data") == expected
    assert server_name(tmp_path / "link") == expected


# --- pause ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("90m", timedelta(minutes=90)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        (" 2H ", timedelta(hours=2)),
        ("1m", timedelta(minutes=1)),
        ("24h", timedelta(hours=24)),
        ("1440m", timedelta(hours=24)),
    ],
)
def test_pause_lengths(text: str, duration: timedelta) -> None:
    assert parse_pause(text) == PauseRequest(duration=duration, until_tomorrow=False)


@pytest.mark.parametrize("text", ["until-tomorrow", "Until-Tomorrow", " until-tomorrow\n"])
def test_pause_until_tomorrow(text: str) -> None:
    assert parse_pause(text) == PauseRequest(duration=None, until_tomorrow=True)


@pytest.mark.parametrize(
    "text",
    ["", " ", "30", "h", "m", "hm", "30 m", "1.5h", "-5m", "30min", "2hours", "tomorrow", "m30"],
)
def test_pause_refuses_other_forms_and_lists_the_right_ones(text: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_pause(text)
    message = str(refused.value)
    assert "\n" not in message
    for form in ("30m", "2h", "until-tomorrow"):
        assert form in message


@pytest.mark.parametrize("text", ["0m", "0h", "0h0m", "25h", "24h1m", "1441m", "99999m"])
def test_pause_lasts_one_minute_to_a_day(text: str) -> None:
    with pytest.raises(InputError, match="1 minute to 24 hours"):
        parse_pause(text)


# --- snooze minutes -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "minutes"), [("10", 10), ("1", 1), ("120", 120), (" 5 ", 5)])
def test_snooze_minutes(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


def test_snooze_minutes_may_already_be_a_number() -> None:
    assert parse_minutes(15) == 15


@pytest.mark.parametrize("value", ["0", "121", "abc", "1.5", "-3", "", "10m", "٣", 0, 500, True])
def test_snooze_refuses_anything_but_1_to_120_minutes(value: str | int) -> None:
    with pytest.raises(InputError, match="whole minutes from 1 to 120"):
        parse_minutes(value)


# --- requests -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("status", {}),
        ("break-now", {}),
        ("break-now", {"practice_id": None}),
        ("break-now", {"practice_id": "hand-on-heart"}),
        ("snooze", {"minutes": 10}),
        ("skip", {}),
        ("pause", {"spec": "until-tomorrow"}),
        ("resume", {}),
        ("quit", {}),
        ("open-dashboard", {}),
        ("show-controls", {}),
    ],
)
def test_requests_go_and_come_back_unchanged(command: str, args: dict[str, object]) -> None:
    line = encode_request(command, args)
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert decode_request(line.rstrip(b"\n")) == Request(command, args)


def test_every_command_is_known() -> None:
    assert set(COMMANDS) == {
        "status",
        "break-now",
        "snooze",
        "skip",
        "pause",
        "resume",
        "quit",
        "open-dashboard",
        "show-controls",
        "reload-settings",
        "debug",
    }


def test_a_request_without_args_means_no_args() -> None:
    assert decode_request(b'{"command": "skip"}') == Request("skip", {})


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        (b"not json", "not a line of UTF-8 JSON"),
        (b"\xff\xfe", "not a line of UTF-8 JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b"{}", "no command"),
        (b'{"command": 3}', "no command"),
        (b'{"command": "dance"}', "unknown command 'dance'"),
        (b'{"command": "skip", "args": []}', "args must be an object"),
        (b'{"command": "skip", "args": {"minutes": 3}}', "takes no argument 'minutes'"),
        (b'{"command": "snooze", "args": {}}', "needs the argument 'minutes'"),
        (b'{"command": "snooze", "args": {"minutes": "10"}}', "wrong type"),
        (b'{"command": "snooze", "args": {"minutes": true}}', "wrong type"),
        (b'{"command": "pause", "args": {"spec": 30}}', "wrong type"),
        (b'{"command": "break-now", "args": {"practice_id": 7}}', "wrong type"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(line: bytes, complaint: str) -> None:
    with pytest.raises(ProtocolError, match=complaint):
        decode_request(line)


def test_a_request_line_is_at_most_64_kb() -> None:
    padding = "x" * MAX_LINE_BYTES
    with pytest.raises(ProtocolError, match="longer than"):
        decode_request(json.dumps({"command": "skip", "pad": padding}).encode())


def test_the_client_cannot_encode_what_the_app_would_refuse() -> None:
    with pytest.raises(ProtocolError, match="unknown command"):
        encode_request("dance")
    with pytest.raises(ProtocolError, match="needs the argument"):
        encode_request("pause")


def test_protocol_errors_are_value_errors() -> None:
    assert issubclass(ProtocolError, ValueError)


# --- responses ------------------------------------------------------------------------------


def test_a_successful_response_carries_message_and_data() -> None:
    when = datetime(2026, 11, 17, 14, 50, tzinfo=ZoneInfo("Europe/Berlin"))
    line = encode_response(True, "Active.", {"state": "active", "next_break_at": when})
    assert line.count(b"\n") == 1
    assert decode_response(line.rstrip(b"\n")) == {
        "ok": True,
        "message": "Active.",
        "data": {"state": "active", "next_break_at": "2026-11-17T14:50:00+01:00"},
    }


def test_a_failed_response_carries_the_error() -> None:
    line = encode_response(False, error="there is no practice 'x'")
    assert decode_response(line) == {"ok": False, "error": "there is no practice 'x'"}


def test_newlines_in_the_text_never_split_the_line() -> None:
    line = encode_response(True, "two\nlines", {"note": "é\n"})
    assert line.count(b"\n") == 1
    assert decode_response(line)["message"] == "two\nlines"


@pytest.mark.parametrize(
    "line",
    [
        b"nope",
        b"{}",
        b'{"ok": "yes"}',
        b'{"ok": false}',
        b'{"ok": true, "data": []}',
        b'{"ok": true, "message": 3}',
    ],
)
def test_bad_responses_are_refused(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode_response(line)
