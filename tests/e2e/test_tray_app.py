"""The installed app in a real tray on a real X display, driven from the command line."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from tests.support.desktop import VirtualDesktop

pytestmark = pytest.mark.slow


class App:
    """One ``reconnect`` process with its own data folder, and its command line."""

    def __init__(self, command: Path, data: Path, desktop: VirtualDesktop) -> None:
        self.command = command
        self.log = data.parent / "app.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECONNECT_"))},
            **desktop.environment(),
            "RECONNECT_DATA_DIR": str(data),
        }
        self.process: subprocess.Popen[str] | None = None
        # Someone who has seen the welcome: these tests are about the tray, not the first run
        # (tests/gui/test_first_run.py has that).
        data.mkdir(parents=True, exist_ok=True)
        (data / FIRST_RUN_MARKER).touch()

    def start(self) -> subprocess.Popen[str]:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [str(self.command)], env=self.env, stdout=log, stderr=subprocess.STDOUT, text=True
            )
        return self.process

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.command), *args], env=self.env, capture_output=True, text=True, timeout=60
        )

    def wait_for(self, check: object, what: str, seconds: float = 20) -> None:
        pause = threading.Event()  # never set: a short wait between polls of another process
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():  # type: ignore[operator]
                return
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"the app ended: {self.log.read_text()}")
            pause.wait(0.2)
        raise AssertionError(f"timed out waiting for {what}")

    def x(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True).stdout


@pytest.fixture
def app(installed: Path, tmp_path: Path, with_tray: VirtualDesktop) -> Iterator[App]:
    app = App(installed, tmp_path / "data", with_tray)
    yield app
    if app.process is not None and app.process.poll() is None:
        app.process.kill()
        app.process.wait()


def embedded_in_tray(app: App) -> bool:
    tree = app.x("xwininfo", "-root", "-tree")
    panel = next(
        (line.split()[0] for line in tree.splitlines() if '("panel" "trayer")' in line), ""
    )
    return bool(panel) and '("reconnect" "Reconnect")' in app.x("xwininfo", "-tree", "-id", panel)


def prompt_shown(app: App) -> bool:
    found = app.x("xdotool", "search", "--onlyvisible", "--name", "^Reconnect: a small pause$")
    return bool(found.strip())


def test_the_app_lives_in_the_tray_and_answers(app: App) -> None:
    process = app.start()
    app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")
    app.wait_for(lambda: embedded_in_tray(app), "the icon in the tray")

    status = json.loads(app.cli("status", "--json").stdout)
    assert set(status) >= {"state", "next_break_at", "suggested_practice", "paused_until"}
    assert status["suggested_practice"]

    shown = app.cli("break-now")
    assert shown.returncode == 0 and shown.stdout.startswith("A break is offered: ")
    app.wait_for(lambda: prompt_shown(app), "the prompt window")

    second = subprocess.run(
        [str(app.command)], env=app.env, capture_output=True, text=True, timeout=60
    )
    assert second.returncode == 0
    assert "already running" in second.stdout
    assert process.poll() is None

    paused = app.cli("pause", "30m")
    assert paused.returncode == 0 and "Paused until" in paused.stdout
    assert json.loads(app.cli("status", "--json").stdout)["state"] == "paused"
    assert app.cli("resume").returncode == 0

    quit_ = app.cli("quit")
    assert quit_.returncode == 0
    assert process.wait(20) == 0
    assert app.cli("status").returncode == 3


def test_without_a_tray_a_small_window_keeps_the_controls(
    installed: Path, tmp_path: Path, desktop: VirtualDesktop
) -> None:
    desktop.stop_tray()
    app = App(installed, tmp_path / "data", desktop)
    process = app.start()
    try:
        app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")
        app.wait_for(
            lambda: app.x("xdotool", "search", "--onlyvisible", "--name", "^Reconnect$").strip(),
            "the control window",
        )
        assert (tmp_path / "data" / ".told-about-missing-tray").exists()
        # Started again (as from the applications menu): the small window comes forward.
        again = app.cli()
        assert again.returncode == 0
        assert again.stdout == "Reconnect is already running. Its small window is in front.\n"
        assert app.cli("quit").returncode == 0
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["logout", "terminal"])
def test_a_logout_or_a_closed_terminal_closes_the_app_as_its_quit_does(
    app: App, stop: signal.Signals
) -> None:
    """Asked to stop by the system, the app ends as its Quit does: the open prompt is
    recorded as missed, and its control socket's file is not left behind."""
    from reconnect.core.control_address import server_name
    from reconnect.desktop.control_socket import socket_path

    process = app.start()
    app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")
    assert app.cli("break-now").returncode == 0
    app.wait_for(lambda: prompt_shown(app), "the prompt window")
    socket_file = socket_path(server_name(Path(app.env["RECONNECT_DATA_DIR"])))
    assert socket_file.exists()

    process.send_signal(stop)
    assert process.wait(20) == 0, app.log.read_text()
    assert not socket_file.exists()
    with sqlite3.connect(Path(app.env["RECONNECT_DATA_DIR"]) / "reconnect.db") as db:
        fates = [fate for (fate,) in db.execute("SELECT fate FROM prompts")]
    assert fates == ["missed"]
    assert app.cli("status").returncode == 3
