"""The break offered as a notification with actions, against a fake notification server on a
private session bus: the offer, its actions, the answers and their activation tokens."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from reconnect.core.practices import Practice
from reconnect.desktop.notifications import BreakNotice
from tests.support.wayland.session import bus_config

# A notification server that writes each call as a JSON line; its capabilities from argv.
SERVER = """
import json, sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Server(QObject):
    last = 0

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return sys.argv[1].split(",") if sys.argv[1] else []

    @Slot(result=str)
    def GetServerInformation(self):
        return "fake-notifications"

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.last += 1
        print(json.dumps({"call": "Notify", "id": self.last, "replaces": replaces,
                          "summary": summary, "body": body, "actions": actions}), flush=True)
        return self.last

    @Slot("uint")
    def CloseNotification(self, number):
        print(json.dumps({"call": "CloseNotification", "id": number}), flush=True)

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
server = Server()
bus.registerObject("/org/freedesktop/Notifications", server,
                   QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.Notifications")
print(json.dumps({"call": "ready"}), flush=True)
app.exec()
"""


class FakeServer:
    def __init__(self, folder: Path, capabilities: str) -> None:
        socket = folder / "bus"
        (folder / "bus.conf").write_text(bus_config(socket, activation=False))
        self.address = f"unix:path={socket}"
        self.bus_daemon = subprocess.Popen(
            ["dbus-daemon", "--nofork", "--nopidfile", f"--config-file={folder / 'bus.conf'}"],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.calls_file = folder / "calls.jsonl"
        env = {"DBUS_SESSION_BUS_ADDRESS": self.address, "QT_QPA_PLATFORM": "offscreen"}
        with self.calls_file.open("wb") as out:
            self.server = subprocess.Popen(
                [sys.executable, "-c", SERVER, capabilities], stdout=out, env=env
            )
        while not self.calls() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.bus = QDBusConnection.connectToBus(self.address, f"fake-notices-{id(self)}")

    def calls(self) -> list[dict[str, object]]:
        lines = self.calls_file.read_text().splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def emit(self, signal: str, *args: str) -> None:
        subprocess.run(
            ["gdbus", "emit", "--session", "--object-path", "/org/freedesktop/Notifications",
             "--signal", f"org.freedesktop.Notifications.{signal}", *args],
            check=True, capture_output=True, env={"DBUS_SESSION_BUS_ADDRESS": self.address},
        )  # fmt: skip

    def stop(self) -> None:
        QDBusConnection.disconnectFromBus(self.bus.name())
        for process in (self.server, self.bus_daemon):
            process.terminate()
            process.wait(10)


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    fake = FakeServer(tmp_path, "actions,body")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", fake.address)  # where gdbus calls
    yield fake
    fake.stop()


@pytest.fixture
def practice() -> Practice:
    from reconnect.core.practice_loader import load_library
    from reconnect.paths import practices_dir

    library = load_library(practices_dir(), illustration_exists=lambda _name: True)
    return next(iter(library))


def offered(qtbot: QtBot, notice: BreakNotice, practice: Practice) -> int:
    with qtbot.waitSignal(notice.shown, timeout=10_000) as shown:
        assert notice.offer(practice)
    return int(shown.args[0])  # type: ignore[index]


def test_the_offer_carries_its_choices(
    qtbot: QtBot, server: FakeServer, practice: Practice
) -> None:
    notice = BreakNotice(server.bus)

    assert offered(qtbot, notice, practice) == 1

    (call,) = [c for c in server.calls() if c["call"] == "Notify"]
    assert call["replaces"] == 0
    assert practice.title in str(call["body"])
    actions = call["actions"]
    assert isinstance(actions, list)
    assert actions[0::2] == ["default", "start", "another", "snooze", "skip"]
    assert actions[3] == "Start"


def test_another_offer_replaces_the_first_and_withdraw_closes_it(
    qtbot: QtBot, server: FakeServer, practice: Practice
) -> None:
    notice = BreakNotice(server.bus)
    offered(qtbot, notice, practice)
    offered(qtbot, notice, practice)
    notice.withdraw()
    qtbot.waitUntil(lambda: server.calls()[-1]["call"] == "CloseNotification", timeout=10_000)
    # The server has the call; the gdbus that made it may not have ended yet.
    qtbot.waitUntil(lambda: not notice.calling(), timeout=10_000)

    calls = server.calls()
    assert [c["call"] for c in calls[1:]] == ["Notify", "Notify", "CloseNotification"]
    assert calls[2]["replaces"] == 1
    assert calls[3]["id"] == 2


def test_an_offer_withdrawn_before_it_shows_is_closed(
    qtbot: QtBot, server: FakeServer, practice: Practice
) -> None:
    notice = BreakNotice(server.bus)
    notice.offer(practice)
    notice.withdraw()  # answered in the tray while the notification was on its way

    qtbot.waitUntil(lambda: server.calls()[-1]["call"] == "CloseNotification", timeout=10_000)
    # The server has the call; the gdbus that made it may not have ended yet.
    qtbot.waitUntil(lambda: not notice.calling(), timeout=10_000)
    assert server.calls()[-1]["id"] == 1


def test_an_action_comes_back_with_its_activation_token(
    qtbot: QtBot, server: FakeServer, practice: Practice
) -> None:
    notice = BreakNotice(server.bus)
    answers: list[tuple[str, str]] = []
    notice.answered.connect(lambda action, token: answers.append((action, token)))
    offered(qtbot, notice, practice)

    server.emit("ActivationToken", "uint32 7", "'not ours'")  # another program's
    server.emit("ActionInvoked", "uint32 7", "'start'")
    server.emit("ActivationToken", "uint32 1", "'token-1'")
    server.emit("ActionInvoked", "uint32 1", "'start'")
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)

    assert answers == [("start", "token-1")]


def test_a_dismissed_offer_answers_nothing(
    qtbot: QtBot, server: FakeServer, practice: Practice
) -> None:
    notice = BreakNotice(server.bus)
    answers: list[tuple[str, str]] = []
    notice.answered.connect(lambda action, token: answers.append((action, token)))
    offered(qtbot, notice, practice)

    server.emit("NotificationClosed", "uint32 1", "uint32 2")
    server.emit("ActionInvoked", "uint32 1", "'skip'")  # a late one, for a closed offer
    qtbot.wait(300)

    assert answers == []


def test_a_server_without_actions_is_not_offered_the_break(
    tmp_path: Path, practice: Practice
) -> None:
    plain = FakeServer(tmp_path, "body")
    try:
        notice = BreakNotice(plain.bus)

        assert not notice.offer(practice)
        assert notice.describe() == (
            "fake-notifications",
            "without actions: a waiting break's choices are in the tray menu",
        )
        assert [c["call"] for c in plain.calls()] == ["ready"]
    finally:
        plain.stop()


def test_no_server_no_offer(tmp_path: Path, practice: Practice) -> None:
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "no-notices")
    notice = BreakNotice(nowhere)

    assert not notice.offer(practice)
    assert notice.describe()[0] is None
