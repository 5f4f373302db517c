"""``reconnect dashboard`` on X11: an open dashboard behind another window comes to the front,
and the answer says so only when it did; when the desktop keeps it back, the answer says that."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap, bring_forward
from reconnect.app import tray as app_tray
from reconnect.app.bring_forward import BringForward
from reconnect.app.run import greet
from reconnect.core.clock import FakeClock
from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import decode_response, encode_request
from reconnect.desktop.control_server import ControlServer
from reconnect.ui.care.first_run import FIRST_RUN_MARKER, FirstRun
from reconnect.ui.dashboard.dashboard_window import DashboardWindow
from tests.gui.test_control_server import Client, FakeControl


class FakeFront:
    """A front door that brings nothing: what it did, in a sentence."""

    def open_dashboard(self) -> str:
        return "Its dashboard is open."

    def show_controls(self) -> str:
        return "Its small window is in front."


def ask_over_socket(
    qtbot: QtBot, name: str, command: str, token: str | None = None, timeout: int = 5000
) -> dict[str, Any]:
    client = Client(name, qtbot)
    client.send_raw(encode_request(command, activation_token=token))
    qtbot.waitUntil(lambda: b"\n" in client.received, timeout=timeout)
    return client.answer()


def test_the_answer_waits_for_the_window_and_carries_the_token(
    qtbot: QtBot, tmp_path: Path
) -> None:
    asked: list[tuple[str | None, str]] = []
    waiting: list[Callable[[str], None]] = []

    def forward(
        token: str | None, command: str, act: Callable[[], str], answer: Callable[[str], None]
    ) -> None:
        asked.append((token, act()))
        waiting.append(answer)  # answered later, as when the window comes forward

    server = ControlServer(server_name(tmp_path / "data"), FakeControl())
    server.set_front(FakeFront(), forward)
    assert server.listen()
    try:
        client = Client(server.name, qtbot)
        client.send_raw(encode_request("open-dashboard", activation_token="token-42"))
        qtbot.waitUntil(lambda: bool(waiting))
        assert asked == [("token-42", "Its dashboard is open.")]
        assert client.received == b""  # nothing said before it is known
        with qtbot.waitSignal(server.request_handled) as handled:
            waiting[0]("Its dashboard is in front.")
        assert handled.args == ["open-dashboard"]
        assert client.answer() == {"ok": True, "message": "Its dashboard is in front.", "data": {}}
        # Other commands are answered at once, without the forward.
        assert ask_over_socket(qtbot, server.name, "status")["ok"] is True
        assert len(asked) == 1
    finally:
        server.close()


def test_a_window_the_desktop_keeps_back_wants_attention_and_the_answer_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerted: list[QWidget] = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda w, _ms=0: alerted.append(w)))
    never_active = QWidget()  # never shown, so never the active window
    qtbot.addWidget(never_active)
    answers: list[str] = []
    forward = BringForward(lambda _command: ("dashboard", never_active), wait_ms=200)
    forward(None, "open-dashboard", lambda: "Its dashboard is open.", answers.append)
    assert answers == []  # not before the desktop had its moment
    qtbot.waitUntil(lambda: bool(answers), timeout=3000)
    assert answers == [
        "Its dashboard is open, but your desktop kept it in the background: look for "
        "Reconnect in your task bar or window list."
    ]
    assert alerted == [never_active]


@pytest.fixture
def running_app(
    qtbot: QtBot, qapp: QApplication, with_tray: object, data_dir: Path, clock: FakeClock
) -> Iterator[Any]:
    """Reconnect after its first run, in the tray of the test display, its socket listening."""
    data_dir.mkdir(parents=True)
    (data_dir / FIRST_RUN_MARKER).touch()
    context = bootstrap.build(str(data_dir), {}, clock)
    running = app_tray.build_tray_app(context, qapp)
    running.start()
    running.finish_start(io.StringIO(), pytest.fail)
    assert running.server.listen()
    running.front = greet(context, running)
    yield running
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (FirstRun, DashboardWindow)):
            widget.close()
    running.tray_app.poll_timer.stop()
    running.tray_app.scheduler.shutdown()
    running.close()


def test_reconnect_dashboard_brings_the_open_dashboard_in_front_of_another_window(
    qtbot: QtBot, running_app: Any
) -> None:
    name = running_app.server.name
    first = ask_over_socket(qtbot, name, "open-dashboard")
    assert first == {"ok": True, "message": "Its dashboard is open.", "data": {}}
    (dashboard,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DashboardWindow) and w.isVisible()
    ]
    qtbot.waitUntil(dashboard.isActiveWindow)

    other = QLabel("Another program's window")
    qtbot.addWidget(other)
    other.resize(dashboard.size())
    other.show()
    other.raise_()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    assert not dashboard.isActiveWindow()

    order: list[str] = []
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)

    def focus_moved(_window: object) -> None:
        if dashboard.isActiveWindow():
            order.append("in front")

    app.focusWindowChanged.connect(focus_moved)
    running_app.server.request_handled.connect(order.append)
    try:
        again = ask_over_socket(qtbot, name, "open-dashboard", token="startup-id-from-a-launcher")
    finally:
        app.focusWindowChanged.disconnect(focus_moved)
    assert again == {"ok": True, "message": "Its dashboard is open.", "data": {}}
    assert dashboard.isActiveWindow()
    assert order == ["in front", "open-dashboard"]  # said only once it was so
    assert bring_forward.KEPT_BACK["dashboard"] not in again["message"]


def test_an_older_request_without_a_token_is_still_answered(qtbot: QtBot, running_app: Any) -> None:
    line = b'{"command": "open-dashboard", "args": {}}\n'
    client = Client(running_app.server.name, qtbot)
    client.send_raw(line)
    qtbot.waitUntil(lambda: b"\n" in client.received, timeout=5000)
    answer = decode_response(bytes(client.received).partition(b"\n")[0])
    assert answer == {"ok": True, "message": "Its dashboard is open.", "data": {}}
