"""The control client: one command sent to a running Reconnect's socket, with timeouts."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import PauseRequest
from reconnect.desktop.control_client import NoAnswer, no_socket_file, send
from reconnect.desktop.control_server import ControlServer


class OpenDashboardOnly:
    """The app's side: only ``open-dashboard`` is expected, and recorded."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def open_dashboard(self) -> str:
        self.calls.append("open_dashboard")
        return "Opened."

    def status(self) -> dict[str, Any]:
        raise AssertionError("not asked in these tests")

    def break_now(self, practice_id: str | None) -> str:
        raise AssertionError("not asked in these tests")

    def snooze(self, minutes: int) -> str:
        raise AssertionError("not asked in these tests")

    def skip(self) -> str:
        raise AssertionError("not asked in these tests")

    def pause(self, request: PauseRequest) -> str:
        raise AssertionError("not asked in these tests")

    def resume(self) -> str:
        raise AssertionError("not asked in these tests")

    def quit(self) -> str:
        raise AssertionError("not asked in these tests")

    def reload_settings(self) -> str:
        raise AssertionError("not asked in these tests")


@pytest.fixture
def control() -> OpenDashboardOnly:
    return OpenDashboardOnly()


@pytest.fixture
def server(data_dir: Path, control: OpenDashboardOnly, qtbot: QtBot) -> Iterator[ControlServer]:
    server = ControlServer(server_name(data_dir), control)
    assert server.listen()
    yield server
    server.close()


def test_send_gives_up_when_the_app_says_nothing(data_dir: Path, qtbot: QtBot) -> None:
    silent = QLocalServer()
    name = server_name(data_dir)
    assert silent.listen(name)
    errors: list[Exception] = []

    def ask() -> None:
        try:
            send(name, "status", timeout_ms=200)
        except NoAnswer as error:
            errors.append(error)

    # A thread is fine here: the silent server runs no Python slot that would need the GIL.
    thread = threading.Thread(target=ask)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    silent.close()
    [error] = errors
    assert "did not answer within 0.2 s" in str(error)


def test_send_returns_none_when_nobody_listens(data_dir: Path) -> None:
    assert send(server_name(data_dir), "status", timeout_ms=200) is None


@pytest.mark.skipif(sys.platform == "win32", reason="a socket file is a Unix thing")
def test_a_socket_file_left_by_an_app_that_was_killed_is_no_answer(data_dir: Path) -> None:
    """An app ended without tidying leaves its socket file: the command line says nobody
    listens, at once, and the file is still seen by the quick look (a start then listens)."""
    import socket

    from reconnect.desktop.control_socket import socket_path

    name = server_name(data_dir)
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(socket_path(name)))
    left.close()  # the file stays, nobody listens
    try:
        assert no_socket_file(name) is False
        assert send(name, "status", timeout_ms=2000) is None
    finally:
        socket_path(name).unlink()


def test_the_quick_look_before_a_start_sees_the_running_app_and_only_it(
    server: ControlServer,
) -> None:
    """A start asks first whether the socket file is there (without Qt's network module): it
    is while an app listens, so that app is asked to come forward, and gone once it closes."""
    assert no_socket_file(server.name) is False
    server.close()
    assert no_socket_file(server.name) is True


@pytest.mark.usefixtures("server")
def test_send_works_in_a_process_without_a_qt_application(
    data_dir: Path, control: OpenDashboardOnly, qtbot: QtBot
) -> None:
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from reconnect.desktop.control_client import send\n"
        "from reconnect.core.control_address import server_name\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "answer = send(server_name(Path(sys.argv[1])), 'open-dashboard')\n"
        "assert QCoreApplication.instance() is None\n"
        "assert sys.platform == 'win32' or 'PySide6.QtNetwork' not in sys.modules\n"
        "print(json.dumps(answer))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
    out, err = child.communicate()
    assert child.returncode == 0, err.decode()
    assert json.loads(out) == {"ok": True, "message": "Opened.", "data": {}}
    assert control.calls == ["open_dashboard"]


class _Front:
    def open_dashboard(self) -> str:
        return "Its dashboard is open."

    def show_controls(self) -> str:
        return "Its small window is in front."


def test_the_client_sends_its_activation_token_beside_the_command(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.gui.test_control_server import FakeControl

    tokens: list[str | None] = []

    def forward(token: str | None, command: str, act: Any, answer: Any) -> None:
        tokens.append(token)
        answer(act())

    server = ControlServer(server_name(tmp_path / "token"), FakeControl())
    server.set_front(_Front(), forward)
    assert server.listen()
    script = (
        "import json, sys\n"
        "from reconnect.desktop.control_client import send\n"
        "print(json.dumps(send(sys.argv[1], 'open-dashboard', activation_token='tok-1')))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, server.name], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
        out, err = child.communicate()
    finally:
        server.close()
    assert child.returncode == 0, err.decode()
    assert tokens == ["tok-1"]
    assert json.loads(out) == {"ok": True, "message": "Its dashboard is open.", "data": {}}


@pytest.mark.skipif(sys.platform == "win32", reason="Qt's local sockets are files on Unix only")
@pytest.mark.parametrize(
    "tmpdir", [None, "", "/tmp/", "/tmp//inner/../", "relative/folder", "/no/such/folder"]
)
def test_the_socket_folder_is_the_one_qt_uses(
    tmpdir: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start looks for the running app's socket where Qt's local socket puts it, without
    making Qt's QDir: the same folder for any TMPDIR, a symbolic link kept as it is."""
    from PySide6.QtCore import QDir

    from reconnect.paths import socket_folder

    monkeypatch.chdir(tmp_path)
    linked = tmp_path / "linked"
    linked.symlink_to(tmp_path)
    for value in (tmpdir, str(linked)):
        if value is None:
            monkeypatch.delenv("TMPDIR", raising=False)
        else:
            monkeypatch.setenv("TMPDIR", value)
        assert socket_folder() == Path(QDir.tempPath())
