"""The tray on real Wayland desktops: Reconnect's item registers, the host's left click
(StatusNotifierItem.Activate) opens the dashboard without a word from Qt about popups, and a
panel that starts after Reconnect (on GNOME: the tray extension turned on) takes it from its
small window into the tray."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from tests.support.wayland import (
    GnomeDesktop,
    KdeDesktop,
    SwayDesktop,
    WaylandDesktop,
    wait_until,
)

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

DASHBOARD = "Reconnect: dashboard"
SMALL_WINDOW = "Reconnect"


class Reconnect:
    """``reconnect`` started natively on a Wayland desktop, after its first run."""

    def __init__(self, desktop: WaylandDesktop, folder: Path) -> None:
        self.desktop = desktop
        self.log = folder / "app.log"
        data = folder / "data"
        data.mkdir(parents=True)
        (data / FIRST_RUN_MARKER).touch()
        environ = {k: v for k, v in desktop.app_environ().items() if not k.startswith("RECONNECT_")}
        environ["RECONNECT_DATA_DIR"] = str(data)
        # no system bus on these desktops: logind is not looked for on the machine's own
        environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={folder / 'no-system-bus'}"
        self.environ = environ
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "reconnect"],
                env=environ,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def titles(self) -> list[str]:
        assert self.process.poll() is None, f"Reconnect ended: {self.output()}"
        return [window.title for window in self.desktop.windows()]

    def tray_report(self) -> dict[str, str | None]:
        """``status --json``'s word on the tray: the host in use ("adapter") and why."""
        done = subprocess.run(
            [sys.executable, "-m", "reconnect", "status", "--json"],
            env=self.environ, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr + self.output()
        tray: dict[str, str | None] = json.loads(done.stdout)["desktop"]["tray"]
        return tray

    def tray_item(self) -> tuple[str, str] | None:
        """Reconnect's item in the tray: its bus name and object path; None while not there."""
        for item in self.desktop.tray_items():
            name, path = re.split(r"@?(?=/)", item, maxsplit=1)
            if self.desktop.name_pid(name) == self.process.pid:
                return name, path
        return None

    def click_in_tray(self) -> None:
        """A left click on the item, as the tray host passes it on."""
        item = self.tray_item()
        assert item is not None
        self.desktop.call(item[0], item[1], "org.kde.StatusNotifierItem.Activate", "0", "0")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def reconnect_on(tmp_path: Path) -> Iterator[list[Reconnect]]:
    started: list[Reconnect] = []
    yield started
    for app in started:
        app.stop()


def test_a_left_click_on_the_tray_item_opens_the_dashboard(
    wayland_desktop: WaylandDesktop, tmp_path: Path, reconnect_on: list[Reconnect]
) -> None:
    app = Reconnect(wayland_desktop, tmp_path)
    reconnect_on.append(app)
    wait_until(f"Reconnect's tray item ({app.output()})", app.tray_item, 60)
    assert SMALL_WINDOW not in app.titles()

    app.click_in_tray()

    wait_until(f"the dashboard ({app.output()})", lambda: DASHBOARD in app.titles(), 60)
    wayland_desktop.screenshot(tmp_path / f"dashboard-{wayland_desktop.kind}.png")
    assert "grabbing popup" not in app.output()


LateHost = SwayDesktop | KdeDesktop | GnomeDesktop
LATE_HOSTS: dict[str, type[LateHost]] = {
    "sway": SwayDesktop,
    "kde": KdeDesktop,
    "gnome": GnomeDesktop,
}


@pytest.fixture(scope="module", params=list(LATE_HOSTS))
def desktop_without_tray(request: pytest.FixtureRequest) -> Iterator[LateHost]:
    """A desktop as at a login where Reconnect starts before the panel: on sway no waybar yet, on
    KDE neither kded5 (the StatusNotifierWatcher) nor plasmashell; GNOME with its AppIndicator
    extension turned off, as a person has it before following the app's advice."""
    kind = LATE_HOSTS[request.param]
    reason = kind.unavailable_reason()
    if reason:
        pytest.skip(reason)
    desktop = kind(tray_host=False).start()
    try:
        yield desktop
    finally:
        desktop.stop()


def test_a_panel_that_starts_later_takes_reconnect_into_its_tray(
    desktop_without_tray: LateHost, tmp_path: Path, reconnect_on: list[Reconnect]
) -> None:
    desktop = desktop_without_tray
    assert not desktop.has_owner("org.kde.StatusNotifierWatcher")
    app = Reconnect(desktop, tmp_path)
    reconnect_on.append(app)
    wait_until(f"the small window ({app.output()})", lambda: SMALL_WINDOW in app.titles(), 60)
    desktop.screenshot(tmp_path / f"before-the-panel-{desktop.kind}.png")
    before = app.tray_report()
    assert before["adapter"] is None
    if desktop.kind == "gnome":  # the small window says the same: how to get a tray
        assert "AppIndicator" in str(before["why"])

    desktop.start_tray_host()

    wait_until(f"Reconnect's tray item ({app.output()})", app.tray_item, 60)
    wait_until("the small window to go", lambda: SMALL_WINDOW not in app.titles(), 30)
    desktop.screenshot(tmp_path / f"after-the-panel-{desktop.kind}.png")
    assert app.tray_report()["adapter"] is not None, "status still says there is no tray"
    app.click_in_tray()
    wait_until(f"the dashboard ({app.output()})", lambda: DASHBOARD in app.titles(), 60)
    assert "grabbing popup" not in app.output()
