"""The app's control socket answers each command, refuses nonsense and never blocks the GUI."""

from __future__ import annotations

import copy
import gc
import logging
import socket
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import (
    MAX_LINE_BYTES,
    PauseRequest,
    decode_response,
    encode_request,
)
from reconnect.core.errors import InputError
from reconnect.desktop import control_server
from reconnect.desktop.control_server import ControlServer


class FakeControl:
    """Records what it was asked and answers like the app would."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.fail_with: Exception | None = None

    def _called(self, name: str, value: object = None) -> None:
        self.calls.append((name, value))
        if self.fail_with is not None:
            # A copy: raised itself, the stored exception would hold the frames it passed
            # through, the server's among them, in a cycle with this object.
            raise copy.copy(self.fail_with)

    def status(self) -> dict[str, Any]:
        self._called("status")
        return {
            "state": "active",
            "next_break_at": "2026-11-17T14:50:00+01:00",
            "paused_until": None,
            "suggested_practice": {"id": "hand-on-heart", "title": "Hand on heart"},
            "summary": "Active. Next break at 14:50, in 20 min.",
        }

    def break_now(self, practice_id: str | None) -> str:
        self._called("break_now", practice_id)
        if practice_id == "hand-on-hart":
            raise InputError("there is no practice 'hand-on-hart'. Did you mean hand-on-heart?")
        return "Starting Hand on heart."

    def snooze(self, minutes: int) -> str:
        self._called("snooze", minutes)
        return f"The next break comes in {minutes} min."

    def skip(self) -> str:
        self._called("skip")
        return "Skipped."

    def pause(self, request: PauseRequest) -> str:
        self._called("pause", request)
        return "Paused."

    def resume(self) -> str:
        self._called("resume")
        return "Reminders are back."

    def quit(self) -> str:
        self._called("quit")
        return "Reconnect is closing."

    def open_dashboard(self) -> str:
        self._called("open_dashboard")
        return "Opened."

    def reload_settings(self) -> str:
        self._called("reload_settings")
        return "Settings applied."


class Client:
    """A client driven by the event loop, as the server's peer in the same thread."""

    def __init__(self, name: str, qtbot: QtBot) -> None:
        self.socket = QLocalSocket()
        self.received = bytearray()
        self.socket.readyRead.connect(lambda: self.received.extend(self.socket.readAll().data()))
        self.socket.connectToServer(name)
        assert self.socket.waitForConnected(1000)
        self._qtbot = qtbot

    def send_raw(self, data: bytes) -> None:
        self.socket.write(data)
        self.socket.flush()

    def answer(self) -> dict[str, Any]:
        self._qtbot.waitUntil(lambda: b"\n" in self.received)
        line, _, _ = bytes(self.received).partition(b"\n")
        return decode_response(line)

    def wait_disconnected(self) -> None:
        self._qtbot.waitUntil(
            lambda: self.socket.state() == QLocalSocket.LocalSocketState.UnconnectedState
        )


@pytest.fixture
def control() -> FakeControl:
    return FakeControl()


@pytest.fixture(autouse=True)
def servers_deleted_when_done() -> Iterator[None]:
    """Every control server a test made is deleted when the test is over.

    One owned by Python and left in a reference cycle was otherwise deleted whenever the
    collector next ran: once inside Qt's disconnecting of a signal, whose lock the deletion
    needed too, and the test run hung there.
    """
    yield
    for thing in gc.get_objects():
        if isinstance(thing, ControlServer) and shiboken6.isValid(thing):
            thing.close()
            shiboken6.delete(thing)


@pytest.fixture
def name(tmp_path: Path) -> str:
    return server_name(tmp_path / "data")


@pytest.fixture
def server(name: str, control: FakeControl, qtbot: QtBot) -> Iterator[ControlServer]:
    server = ControlServer(name, control)
    assert server.listen()
    yield server
    server.close()


def ask(
    server: ControlServer, qtbot: QtBot, command: str, args: dict[str, Any] | None = None
) -> dict[str, Any]:
    client = Client(server.name, qtbot)
    with qtbot.waitSignal(server.request_handled) as handled:
        client.send_raw(encode_request(command, args))
    assert handled.args == [command]
    answer = client.answer()
    client.wait_disconnected()
    return answer


def test_status_answers_with_the_apps_summary_and_data(
    server: ControlServer, control: FakeControl, qtbot: QtBot
) -> None:
    answer = ask(server, qtbot, "status")
    assert answer["ok"] is True
    assert answer["message"] == "Active. Next break at 14:50, in 20 min."
    assert answer["data"]["state"] == "active"
    assert answer["data"]["suggested_practice"]["id"] == "hand-on-heart"
    assert control.calls == [("status", None)]
    assert "desktop" not in answer["data"]  # no report was given


def test_status_carries_the_desktop_report(name: str, control: FakeControl, qtbot: QtBot) -> None:
    from reconnect.desktop.adapters import Choice, DesktopReport
    from reconnect.desktop.session import DesktopSession, SessionKind

    report = DesktopReport(
        DesktopSession(SessionKind.KDE, wayland=True, desktop="KDE"),
        idle=Choice(None, "a Wayland session"),
        busy=Choice("do not disturb (notification server's Inhibited)", "read when due"),
        notifications=Choice("the desktop's notification service"),
        sleep=Choice("logind's PrepareForSleep, and the clocks"),
        sound=Choice("playsound3", "looked for later"),
    )
    server = ControlServer(name, control, desktop=report)
    assert server.listen()
    try:
        answer = ask(server, qtbot, "status")
    finally:
        server.close()
    assert answer["data"]["state"] == "active"
    assert answer["data"]["desktop"] == report.to_dict()
    assert answer["data"]["desktop"]["session"]["description"] == "KDE Plasma on Wayland"
    assert answer["data"]["desktop"]["idle"] == {"adapter": None, "why": "a Wayland session"}


@pytest.mark.parametrize(
    ("command", "args", "call", "message"),
    [
        ("break-now", {}, ("break_now", None), "Starting Hand on heart."),
        (
            "break-now",
            {"practice_id": "hand-on-heart"},
            ("break_now", "hand-on-heart"),
            "Starting Hand on heart.",
        ),
        ("snooze", {"minutes": 10}, ("snooze", 10), "The next break comes in 10 min."),
        ("skip", {}, ("skip", None), "Skipped."),
        (
            "pause",
            {"spec": "1h30m"},
            ("pause", PauseRequest(timedelta(minutes=90), until_tomorrow=False)),
            "Paused.",
        ),
        ("pause", {"spec": "until-tomorrow"}, ("pause", PauseRequest(None, True)), "Paused."),
        ("resume", {}, ("resume", None), "Reminders are back."),
        ("quit", {}, ("quit", None), "Reconnect is closing."),
        ("open-dashboard", {}, ("open_dashboard", None), "Opened."),
    ],
)
def test_each_command_reaches_the_app_with_its_arguments(
    server: ControlServer,
    control: FakeControl,
    qtbot: QtBot,
    command: str,
    args: dict[str, Any],
    call: tuple[str, object],
    message: str,
) -> None:
    answer = ask(server, qtbot, command, args)
    assert answer == {"ok": True, "message": message, "data": {}}
    assert control.calls == [call]


def test_an_unknown_practice_is_refused_with_the_apps_suggestion(
    server: ControlServer, qtbot: QtBot
) -> None:
    answer = ask(server, qtbot, "break-now", {"practice_id": "hand-on-hart"})
    assert answer == {
        "ok": False,
        "error": "there is no practice 'hand-on-hart'. Did you mean hand-on-heart?",
    }


def test_the_app_checks_minutes_and_pauses_itself(
    server: ControlServer, control: FakeControl, qtbot: QtBot
) -> None:
    too_long = ask(server, qtbot, "snooze", {"minutes": 500})
    assert too_long["ok"] is False
    assert "whole minutes from 1 to 120" in too_long["error"]
    nonsense = ask(server, qtbot, "pause", {"spec": "soon"})
    assert nonsense["ok"] is False
    assert "until-tomorrow" in nonsense["error"]
    assert control.calls == []


def test_a_failure_in_the_app_is_reported_briefly_and_logged(
    server: ControlServer,
    control: FakeControl,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    control.fail_with = RuntimeError("the scheduler fell over")
    with caplog.at_level(logging.ERROR, logger=control_server.__name__):
        answer = ask(server, qtbot, "skip")
    assert answer == {
        "ok": False,
        "error": "Reconnect could not do that: RuntimeError; details are in the log",
    }
    [record] = caplog.records
    assert record.exc_info is not None
    assert "the scheduler fell over" in caplog.text


def test_data_that_is_not_json_is_a_failure_too(
    server: ControlServer, control: FakeControl, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    control.status = lambda: {"state": object()}  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR, logger=control_server.__name__):
        answer = ask(server, qtbot, "status")
    assert answer["ok"] is False
    assert answer["error"].startswith("Reconnect could not do that: TypeError")


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        (b"hello\n", "not a line of UTF-8 JSON"),
        (b'{"command": "dance"}\n', "unknown command 'dance'"),
        (b'{"command": "snooze", "args": {"minutes": "ten"}}\n', "wrong type"),
    ],
)
def test_nonsense_is_refused_and_the_app_is_not_asked(
    server: ControlServer, control: FakeControl, qtbot: QtBot, line: bytes, complaint: str
) -> None:
    client = Client(server.name, qtbot)
    with qtbot.waitSignal(server.request_handled) as handled:
        client.send_raw(line)
    assert handled.args == [""]
    answer = client.answer()
    assert answer["ok"] is False
    assert complaint in answer["error"]
    assert control.calls == []


def test_a_line_longer_than_64_kb_is_refused_without_waiting_for_its_end(
    server: ControlServer, control: FakeControl, qtbot: QtBot
) -> None:
    client = Client(server.name, qtbot)
    with qtbot.waitSignal(server.request_handled):
        client.send_raw(b"x" * (MAX_LINE_BYTES + 10))
    answer = client.answer()
    assert answer["ok"] is False
    assert "longer than" in answer["error"]
    assert control.calls == []


def test_a_request_arriving_in_pieces_is_put_together(
    server: ControlServer, control: FakeControl, qtbot: QtBot
) -> None:
    client = Client(server.name, qtbot)
    line = encode_request("snooze", {"minutes": 5})
    client.send_raw(line[:7])
    qtbot.waitUntil(lambda: client.socket.bytesToWrite() == 0)
    with qtbot.waitSignal(server.request_handled):
        client.send_raw(line[7:])
    assert client.answer()["ok"] is True
    assert control.calls == [("snooze", 5)]


def test_a_silent_client_is_let_go(
    name: str, control: FakeControl, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(control_server, "IDLE_TIMEOUT_MS", 50)
    server = ControlServer(name, control)
    assert server.listen()
    client = Client(name, qtbot)
    client.wait_disconnected()
    assert client.received == b""
    # and the server still answers the next one
    assert ask(server, qtbot, "skip")["ok"] is True
    server.close()


def test_a_client_that_hangs_up_early_does_no_harm(server: ControlServer, qtbot: QtBot) -> None:
    early = Client(server.name, qtbot)
    early.send_raw(b'{"command": ')
    early.socket.abort()
    assert ask(server, qtbot, "resume")["ok"] is True


def test_a_second_app_on_the_same_data_folder_does_not_take_over(
    server: ControlServer, qtbot: QtBot
) -> None:
    other = ControlServer(server.name, FakeControl())
    assert other.listen() is False
    assert ask(server, qtbot, "status")["ok"] is True


def test_two_data_folders_run_side_by_side(tmp_path: Path, qtbot: QtBot) -> None:
    one = ControlServer(server_name(tmp_path / "one"), FakeControl())
    two = ControlServer(server_name(tmp_path / "two"), FakeControl())
    assert one.listen()
    assert two.listen()
    one.close()
    two.close()


def test_a_socket_left_by_a_crashed_app_is_taken_over(
    name: str, control: FakeControl, qtbot: QtBot
) -> None:
    path = Path(QDir.tempPath()) / name
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(path))
    leftover.close()  # the file stays, and nobody accepts connections on it
    assert path.exists()

    server = ControlServer(name, control)
    assert server.listen()
    assert ask(server, qtbot, "status")["ok"] is True
    server.close()


def test_only_this_user_may_connect(server: ControlServer) -> None:
    path = Path(QDir.tempPath()) / server.name
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o077 == 0


def test_after_close_nobody_answers(server: ControlServer) -> None:
    server.close()
    probe = QLocalSocket()
    probe.connectToServer(server.name)
    assert not probe.waitForConnected(200)
    assert not (Path(QDir.tempPath()) / server.name).exists()


def test_debug_is_refused_unless_the_app_was_given_a_test_speed(
    server: ControlServer, control: FakeControl, qtbot: QtBot
) -> None:
    answer = ask(server, qtbot, "debug", {"action": "counts"})

    assert answer == {
        "ok": False,
        "error": "debug is answered only when RECONNECT_TEST_SPEED is set",
    }
    assert control.calls == []


def test_debug_runs_its_action_once_set(server: ControlServer, qtbot: QtBot) -> None:
    asked: list[str] = []

    def debug(action: str) -> tuple[str, dict[str, Any]]:
        asked.append(action)
        return "counted", {"qobjects": 12}

    server.set_debug(debug)
    answer = ask(server, qtbot, "debug", {"action": "counts"})

    assert answer == {"ok": True, "message": "counted", "data": {"qobjects": 12}}
    assert asked == ["counts"]
