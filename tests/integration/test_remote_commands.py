"""``reconnect status``, ``pause`` and the others against a control server in this process.

The command runs as a child process while the test's event loop lets the server answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot

from reconnect.cli.remote_commands import describe_status
from reconnect.core.clock import FakeClock
from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import PauseRequest
from reconnect.core.errors import InputError
from reconnect.desktop.control_client import send
from reconnect.desktop.control_server import ControlServer
from tests.conftest import CliResult

NOT_RUNNING = "Reconnect is not running. Start it with 'reconnect'."


class FakeControl:
    """The app's side, recording what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.summary = "Active. Next break at 14:50, in 20 min. Suggested: Hand on heart."
        self.fail = False

    def status(self) -> dict[str, Any]:
        self.calls.append(("status", None))
        return {
            "state": "active",
            "next_break_at": "2026-11-17T14:50:00+01:00",
            "paused_until": None,
            "suggested_practice": {"id": "hand-on-heart", "title": "Hand on heart"},
            "summary": self.summary,
            "breaks_today": 3,
        }

    def break_now(self, practice_id: str | None) -> str:
        self.calls.append(("break_now", practice_id))
        if practice_id == "hand-on-hart":
            raise InputError("there is no practice 'hand-on-hart'. Did you mean hand-on-heart?")
        return "Starting Hand on heart."

    def snooze(self, minutes: int) -> str:
        self.calls.append(("snooze", minutes))
        return f"The next break comes in {minutes} min."

    def skip(self) -> str:
        self.calls.append(("skip", None))
        if self.fail:
            raise RuntimeError("boom")
        return "The next break is skipped."

    def pause(self, request: PauseRequest) -> str:
        self.calls.append(("pause", request))
        return "Paused for 2 hours."

    def resume(self) -> str:
        self.calls.append(("resume", None))
        return "Reminders are back."

    def quit(self) -> str:
        self.calls.append(("quit", None))
        return "Reconnect is closing."

    def open_dashboard(self) -> str:
        self.calls.append(("open_dashboard", None))
        return "Opened."

    def reload_settings(self) -> str:
        self.calls.append(("reload_settings", None))
        return "Settings applied."


@pytest.fixture
def control() -> FakeControl:
    return FakeControl()


@pytest.fixture
def server(data_dir: Path, control: FakeControl, qtbot: QtBot) -> Iterator[ControlServer]:
    server = ControlServer(server_name(data_dir), control)
    assert server.listen()
    yield server
    server.close()


Run = Callable[..., CliResult]


@pytest.fixture
def run(data_dir: Path, qtbot: QtBot) -> Run:
    """Run ``reconnect ...`` as its own process, as a person would, while this process's
    event loop lets the server answer.

    Not a thread: PySide6 keeps the GIL during a blocking ``waitForReadyRead``, so a client
    thread would starve the server's slots in this process.
    """

    def run_process(*args: str, environ: dict[str, str] | None = None) -> CliResult:
        env = {**os.environ, "RECONNECT_DATA_DIR": str(data_dir), **(environ or {})}
        child = subprocess.Popen(
            [sys.executable, "-m", "reconnect", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
        out, err = child.communicate()
        return CliResult(child.returncode, out, err)

    return run_process


@pytest.mark.usefixtures("server")
def test_status_prints_the_apps_summary(run: Run, control: FakeControl) -> None:
    result = run("status")
    assert result == CliResult(0, control.summary + "\n", "")


@pytest.mark.usefixtures("server")
def test_status_builds_a_summary_when_the_app_sends_none(run: Run, control: FakeControl) -> None:
    control.summary = ""
    result = run("status")
    assert result.code == 0
    # The child reads the real clock, so only the shape is certain here; see below.
    assert result.out.startswith("Active. Next break at ")
    assert result.out.endswith(" min. Suggested: Hand on heart (hand-on-heart).\n")


def test_describe_status_when_active(control: FakeControl, clock: FakeClock) -> None:
    assert describe_status(control.status(), clock.now()) == (
        "Active. Next break at 14:50, in 20 min. Suggested: Hand on heart (hand-on-heart)."
    )


@pytest.mark.usefixtures("server")
def test_status_json_has_the_documented_keys(run: Run) -> None:
    result = run("status", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert {"state", "next_break_at", "suggested_practice", "paused_until"} <= set(data)
    assert data["state"] == "active"
    assert data["next_break_at"] == "2026-11-17T14:50:00+01:00"
    assert data["paused_until"] is None
    assert data["suggested_practice"] == {"id": "hand-on-heart", "title": "Hand on heart"}
    assert data["breaks_today"] == 3


@pytest.mark.usefixtures("server")
@pytest.mark.parametrize(
    ("argv", "call", "out"),
    [
        (["break-now"], ("break_now", None), "Starting Hand on heart."),
        (["break-now", "hand-on-heart"], ("break_now", "hand-on-heart"), "Starting Hand on heart."),
        (["snooze", "10"], ("snooze", 10), "The next break comes in 10 min."),
        (["skip"], ("skip", None), "The next break is skipped."),
        (["pause", "2h"], ("pause", PauseRequest(timedelta(hours=2))), "Paused for 2 hours."),
        (["pause", "until-tomorrow"], ("pause", PauseRequest(None, True)), "Paused for 2 hours."),
        (["resume"], ("resume", None), "Reminders are back."),
        (["quit"], ("quit", None), "Reconnect is closing."),
    ],
)
def test_commands_reach_the_running_app(
    run: Run, control: FakeControl, argv: list[str], call: tuple[str, object], out: str
) -> None:
    result = run(*argv)
    assert result == CliResult(0, out + "\n", "")
    assert control.calls == [call]


@pytest.mark.usefixtures("server")
def test_an_unknown_practice_is_refused_with_the_apps_suggestion(run: Run) -> None:
    result = run("break-now", "hand-on-hart")
    assert result.code == 2
    assert result.err == (
        "reconnect break-now: there is no practice 'hand-on-hart'. Did you mean hand-on-heart?\n"
    )
    assert result.out == ""


@pytest.mark.usefixtures("server")
def test_a_failure_in_the_app_says_where_to_look(
    run: Run, control: FakeControl, caplog: pytest.LogCaptureFixture
) -> None:
    control.fail = True
    result = run("skip")
    assert result.code == 2
    assert result.err == (
        "reconnect skip: Reconnect could not do that: RuntimeError; details are in the log\n"
    )


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["snooze", "0"], "whole minutes from 1 to 120"),
        (["snooze", "ten"], "whole minutes from 1 to 120"),
        (["pause", "soon"], "30m, 2h, 1h30m (from 1 minute to 24 hours) or until-tomorrow"),
        (["pause", "25h"], "from 1 minute to 24 hours"),
    ],
)
def test_bad_arguments_are_refused_before_asking_the_app(
    cli: Callable[..., CliResult], argv: list[str], complaint: str
) -> None:
    # No server at all: the answer must not be "not running".
    result = cli(*argv)
    assert result.code == 2
    assert result.err.startswith(f"reconnect {argv[0]}: ")
    assert complaint in result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["status", "--json"],
        ["break-now"],
        ["snooze", "5"],
        ["skip"],
        ["pause", "30m"],
        ["resume"],
        ["quit"],
    ],
)
def test_without_a_running_app_each_command_says_so(
    cli: Callable[..., CliResult], argv: list[str]
) -> None:
    result = cli(*argv)
    assert result == CliResult(3, "", f"reconnect {argv[0]}: {NOT_RUNNING}\n")


@pytest.mark.usefixtures("server")
def test_another_data_folder_has_its_own_app(run: Run, tmp_path: Path) -> None:
    result = run("status", environ={"RECONNECT_DATA_DIR": str(tmp_path / "elsewhere")})
    assert result == CliResult(3, "", f"reconnect status: {NOT_RUNNING}\n")
    result = run("status", "--data-dir", str(tmp_path / "elsewhere"))
    assert result.code == 3


def test_a_garbled_answer_is_a_failure(run: Run, data_dir: Path, qtbot: QtBot) -> None:
    impostor = QLocalServer()
    assert impostor.listen(server_name(data_dir))
    sockets: list[QLocalSocket] = []

    def garble() -> None:
        peer = impostor.nextPendingConnection()
        sockets.append(peer)
        peer.write(b"hello\n")
        peer.flush()

    impostor.newConnection.connect(garble)
    result = run("skip")
    impostor.close()
    assert result.code == 1
    assert result.err.startswith("reconnect skip: Reconnect's answer could not be read")


def test_describe_status_when_paused(clock: FakeClock) -> None:
    data = {
        "state": "paused",
        "next_break_at": None,
        "paused_until": "2026-11-18T08:00:00+01:00",
        "suggested_practice": None,
    }
    assert describe_status(data, clock.now()) == "Paused. Paused until Wed 08:00."


APP_THAT_QUITS = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from reconnect.desktop.control_server import ControlServer

app = QCoreApplication([])


class Control:
    def quit(self):
        QTimer.singleShot(0, app.quit)
        return "Reconnect is closing."


server = ControlServer(sys.argv[1], Control())
assert server.listen()
print("listening", flush=True)
app.exec()
server.close()
"""


def test_quit_is_answered_before_the_app_ends(data_dir: Path) -> None:
    name = server_name(data_dir)
    app = subprocess.Popen(
        [sys.executable, "-c", APP_THAT_QUITS, name], stdout=subprocess.PIPE, text=True
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline() == "listening\n"
        answer = send(name, "quit")
        assert answer == {"ok": True, "message": "Reconnect is closing.", "data": {}}
        assert app.wait(timeout=10) == 0
    finally:
        if app.poll() is None:
            app.kill()
        app.communicate()
    assert send(name, "status", timeout_ms=200) is None


@pytest.mark.usefixtures("server")
def test_a_changed_setting_reaches_the_running_app(
    run: Run, control: FakeControl, data_dir: Path
) -> None:
    result = run("settings", "set", "rhythm.interval_minutes", "45")
    assert result.code == 0, result.err
    assert result.out == (
        "rhythm.interval_minutes is now 45.\nThe running Reconnect has taken it up.\n"
    )
    assert control.calls == [("reload_settings", None)]
    assert json.loads((data_dir / "settings.json").read_text()) == {"rhythm.interval_minutes": 45}
