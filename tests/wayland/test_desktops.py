"""The tests' own Wayland desktops are real: a terminal has the keyboard, a Qt app's tray icon
registers with the desktop's tray, and typed keys reach the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.wayland import WaylandDesktop, wait_until

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

# a bare tray icon, natively on Wayland; it says which platform Qt chose
TRAY_APP = """
import sys
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

app = QApplication(sys.argv)
pixmap = QPixmap(32, 32)
pixmap.fill(QColor("#e07a5f"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.setToolTip("Wayland tray test")
tray.show()
print(QGuiApplication.platformName(), flush=True)
sys.exit(app.exec())
"""


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_a_terminal_has_the_keyboard(wayland_desktop: WaylandDesktop) -> None:
    focused = wayland_desktop.focused_window()

    assert focused is not None
    assert focused.app_id == wayland_desktop.terminal


def test_a_qt_tray_icon_registers_with_the_desktops_tray(
    wayland_desktop: WaylandDesktop, tmp_path: Path
) -> None:
    output = tmp_path / "app.log"
    with output.open("wb") as log:
        app = subprocess.Popen(
            [sys.executable, "-c", TRAY_APP],
            env=wayland_desktop.app_environ(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until("the app to start", lambda: output.read_text().strip(), 30)
        assert output.read_text().splitlines()[0] == "wayland", output.read_text()
        wait_until(
            f"the app's tray item ({output.read_text()})",
            lambda: app.pid in wayland_desktop.tray_item_pids(),
            30,
        )
        wayland_desktop.screenshot(tmp_path / f"tray-{wayland_desktop.kind}.png")
        # an icon in the tray takes no keyboard
        focused = wayland_desktop.focused_window()
        assert focused is not None
        assert focused.app_id == wayland_desktop.terminal
    finally:
        app.terminate()
        app.wait(10)


def test_typed_keys_reach_the_terminal(wayland_desktop: WaylandDesktop) -> None:
    typed = wayland_desktop.home / "typed.txt"

    wayland_desktop.type_keys(f"cat > {typed}\n")
    wayland_desktop.type_keys("hello wayland\n")
    wait_until("the typed line in the file", lambda: typed.read_text() == "hello wayland\n", 20)
    wayland_desktop.key("ctrl+d")

    assert typed.read_text() == "hello wayland\n"


def test_a_screenshot_shows_the_whole_screen(
    wayland_desktop: WaylandDesktop, tmp_path: Path
) -> None:
    shot = wayland_desktop.screenshot(tmp_path / f"{wayland_desktop.kind}.png")

    assert png_size(shot) == (wayland_desktop.width, wayland_desktop.height)
