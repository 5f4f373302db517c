"""``reconnect doctor`` and ``reconnect status --json`` say which desktop adapters were chosen
for the session, and why, from the same ``pick_adapters`` the tray app uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reconnect.core.clock import FakeClock
from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import PauseRequest
from reconnect.desktop.adapters import DesktopAdapters, pick_adapters
from reconnect.desktop.control_server import ControlServer
from reconnect.paths import resolve_data_paths
from tests.conftest import CliResult
from tests.support.desktop import VirtualDesktop


def doctor_lines(out: str) -> dict[str, str]:
    """Each finding's topic and what follows it, from doctor's table."""
    found = {}
    for line in out.splitlines():
        mark, _, rest = line.strip().partition(" ")
        if mark in ("ok", "!!"):
            topic, _, detail = rest.strip().partition("  ")
            found[topic.strip()] = f"{mark} {detail.strip()}"
    return found


@pytest.fixture
def kde_on_x11(desktop: VirtualDesktop, monkeypatch: pytest.MonkeyPatch) -> VirtualDesktop:
    """The test display, described as a KDE Plasma session on X11."""
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    return desktop


@pytest.mark.usefixtures("kde_on_x11")
def test_doctor_names_the_session_and_each_adapter(cli: Any) -> None:
    result: CliResult = cli("doctor")
    lines = doctor_lines(result.out)

    assert lines["desktop session"] == "ok KDE Plasma on X11"
    assert lines["idle detection"].startswith("ok X11 screen saver extension (the first to answer")
    assert "passed over" not in lines["idle detection"]  # on X11 its own counter comes first
    assert lines["busy detection"].startswith("ok ")
    assert lines["sleep and wake"].startswith("ok ")
    for topic in ("system tray", "notifications", "sound", "sound output"):
        assert topic in lines


def test_doctor_without_a_display_says_what_was_not_checked(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONNECT_")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_CURRENT_DESKTOP"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "reconnect", "doctor"],
        env={
            **env,
            "RECONNECT_DATA_DIR": str(tmp_path / "data"),
            "XDG_SESSION_TYPE": "tty",
            # logind would answer for a console session on a machine that has it
            "DBUS_SYSTEM_BUS_ADDRESS": f"unix:path={tmp_path / 'no-system-bus'}",
        },
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    lines = doctor_lines(done.stdout)

    assert done.returncode == 1, done.stderr
    assert lines["display"].startswith("!! no desktop display here")
    assert lines["desktop session"] == "ok no graphical session"
    assert lines["idle detection"].startswith("!! none: ")
    assert "no X display ($DISPLAY is not set)" in lines["idle detection"]
    not_checked = "(not checked: there is no graphical session here)"
    for topic in ("busy detection", "notifications", "sleep and wake"):
        assert lines[topic].endswith(not_checked), lines[topic]


class StillControl:
    """The app's side of the socket, as far as ``status`` needs it."""

    def status(self) -> dict[str, Any]:
        return {"state": "active", "summary": "Active."}

    def break_now(self, practice_id: str | None) -> str:
        raise NotImplementedError

    def snooze(self, minutes: int) -> str:
        raise NotImplementedError

    def skip(self) -> str:
        raise NotImplementedError

    def pause(self, request: PauseRequest) -> str:
        raise NotImplementedError

    def resume(self) -> str:
        raise NotImplementedError

    def quit(self) -> str:
        raise NotImplementedError

    def open_dashboard(self) -> str:
        raise NotImplementedError

    def reload_settings(self) -> str:
        raise NotImplementedError


@pytest.fixture
def adapters(kde_on_x11: VirtualDesktop, clock: FakeClock) -> Iterator[DesktopAdapters]:
    """Picked as the tray app picks them at start."""
    picked = pick_adapters(clock)
    yield picked
    picked.close()


def test_status_json_has_the_desktop_report(
    adapters: DesktopAdapters, data_dir: Path, qtbot: QtBot
) -> None:
    server = ControlServer(server_name(data_dir), StillControl(), desktop=adapters.report)
    assert server.listen()
    try:
        # Its own process, as a person runs it, while this event loop lets the server answer.
        child = subprocess.Popen(
            [sys.executable, "-m", "reconnect", "status", "--json"],
            env={**os.environ, "RECONNECT_DATA_DIR": str(data_dir)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
        out, err = child.communicate()
    finally:
        server.close()

    assert child.returncode == 0, err
    desktop = json.loads(out)["desktop"]
    assert desktop["session"] == {
        "kind": "kde",
        "wayland": False,
        "desktop": "KDE",
        "description": "KDE Plasma on X11",
    }
    assert desktop["probed"] is False
    assert desktop["idle"]["adapter"] == "X11 screen saver extension"
    assert desktop["busy"]["adapter"] == (
        "full-screen windows (X11 window manager); do not disturb (notification server's Inhibited)"
    )
    assert desktop["notifications"]["adapter"] == "the desktop's notification service"
    assert desktop["sound"]["adapter"] == "playsound3"


@pytest.mark.usefixtures("kde_on_x11")
def test_doctor_names_a_broken_calendar_file_and_the_busy_check_still_works(
    cli: Any, data_dir: Path
) -> None:
    broken = data_dir.parent / "work.ics"
    broken.write_text("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", encoding="utf-8")
    settings_file = resolve_data_paths(data_dir, {}).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"busy.calendar": str(broken)}), encoding="utf-8")
    busy = doctor_lines(cli("doctor").out)["busy detection"]

    assert busy.startswith("ok "), busy  # the other checks still answer
    assert "calendar (work.ics can't be read: it holds no calendar" in busy, busy
    assert "; camera;" in busy, busy  # named without a problem: it keeps working
