"""On each real Wayland desktop a break offered while a terminal has the keyboard leaves the
keyboard there: it waits in a notification with actions, keys typed next start nothing, and the
notification's Start opens the practice."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from tests.support.wayland import WaylandDesktop, wait_until

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def midday_zone(now: datetime) -> str:
    """A time zone where it is about noon now, so every-day working hours hold."""
    offset = 12 - now.hour
    if offset == 0:
        return "Etc/UTC"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


class RunningApp:
    """``python -m reconnect`` natively on the desktop, with a data folder of its own."""

    def __init__(
        self,
        desktop: WaylandDesktop,
        folder: Path,
        settings: dict[str, object] | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        """``settings`` and ``environ`` are added to the app's own (every day's working
        hours, away after an hour; the desktop's environment)."""
        data = folder / "data"
        data.mkdir(parents=True)
        (data / FIRST_RUN_MARKER).touch()  # about the break, not the welcome
        chosen: dict[str, object] = {f"rhythm.{day}": "00:00-23:59" for day in DAYS}
        chosen["rhythm.idle_minutes"] = 60
        settings = chosen | (settings or {})
        (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        self.env = desktop.app_environ()
        self.env = {k: v for k, v in self.env.items() if not k.startswith("RECONNECT_")}
        self.env.update(
            RECONNECT_DATA_DIR=str(data),
            TZ=midday_zone(datetime.now(UTC)),
            DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={folder / 'no-system-bus'}",
        )
        self.env.update(environ or {})
        self.log = folder / "app.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "reconnect"], env=self.env, stdout=out,
                stderr=subprocess.STDOUT,
            )  # fmt: skip

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reconnect", *args],
            env=self.env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    def status(self) -> dict[str, Any]:
        done = self.cli("status", "--json")
        assert done.returncode == 0, done.stderr + self.log.read_text()
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.cli("quit")
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def app(wayland_desktop: WaylandDesktop, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(wayland_desktop, tmp_path)
    try:
        wait_until("the app to answer", lambda: running.cli("status").returncode == 0, 60)
        yield running
    finally:
        running.stop()


# --- each desktop's notification server, driven as a person's click would ----------------


def invoke(desktop: WaylandDesktop, number: int, action: str) -> None:
    """Choose ``action`` on notification ``number`` through the server itself."""
    if desktop.kind == "sway":
        done = desktop.run(["makoctl", "invoke", "-n", str(number), action])
        assert done.returncode == 0, done.stderr
    elif desktop.kind == "kde":
        desktop.call(
            "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
            "org.kde.NotificationManager.InvokeAction", f"uint32 {number}", f"'{action}'",
        )  # fmt: skip
    else:
        desktop.eval(  # type: ignore[attr-defined]
            "Main.notificationDaemon._fdoNotificationDaemon"
            f"._emitActionInvoked({number}, '{action}')"
        )


def offered_number(app: RunningApp) -> int:
    """The id of the break's notification, as the app logs it when the server shows it; 0
    before then."""
    log = Path(app.env["RECONNECT_DATA_DIR"]) / "logs" / "reconnect.log"
    found = re.findall(r"the break waits in notification (\d+)", log.read_text())
    return int(found[-1]) if found else 0


def test_a_break_leaves_the_keyboard_with_the_terminal_and_waits_for_start(
    wayland_desktop: WaylandDesktop, app: RunningApp, tmp_path: Path
) -> None:
    desktop = wayland_desktop
    terminal = desktop.focused_window()
    assert terminal is not None and terminal.app_id == desktop.terminal
    typed = desktop.home / "typed.txt"
    desktop.type_keys(f"cat > {typed}\n")
    wait_until("cat to start", typed.exists, 20)

    offered = app.cli("break-now")
    assert offered.returncode == 0, offered.stderr
    assert "A break is offered" in offered.stdout
    number = 0

    def notified() -> bool:
        nonlocal number
        number = offered_number(app)
        return number > 0

    wait_until("the break's notification", notified, 20)
    desktop.screenshot(tmp_path / f"offered-{desktop.kind}.png")

    # the keyboard stays with the terminal; Space and Enter go there and start nothing
    focused = desktop.focused_window()
    assert focused is not None and focused.app_id == desktop.terminal, desktop.windows()
    desktop.type_keys(" \n")
    wait_until("the typed keys in the file", lambda: typed.read_text() == " \n", 20)
    status = app.status()
    assert status["in_practice"] is False, status
    assert status["prompt_waiting"] is True, status
    assert not [w for w in desktop.windows() if "Reconnect" in w.title], desktop.windows()

    # the notification's Start opens the practice
    invoke(desktop, number, "start")
    wait_until("the practice to start", lambda: app.status()["in_practice"], 20)
    wait_until(
        "the practice window",
        lambda: any(
            w.app_id in ("reconnect", "python3") or "Reconnect" in w.title
            for w in desktop.windows()
        ),
        20,
    )
    desktop.screenshot(tmp_path / f"started-{desktop.kind}.png")
    desktop.key("ctrl+d")
    if os.environ.get("RECONNECT_KEEP_SHOTS"):
        for shot in tmp_path.glob("*.png"):
            (Path(os.environ["RECONNECT_KEEP_SHOTS"]) / shot.name).write_bytes(shot.read_bytes())
