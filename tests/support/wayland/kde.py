"""KDE Plasma 5.27, headless: ``kwin_wayland --virtual`` (OpenGL on llvmpipe), kded5 (the
StatusNotifierWatcher), plasmashell (tray host and notifications) and konsole holding the keyboard.

Keys go through kwinput (built from ``kwinput.c`` at start), a small client of KWin's
``org_kde_kwin_fake_input``: KWin offers no virtual-keyboard protocol, so wtype cannot. The window
list comes from KWin scripts, screenshots from spectacle (KWin's ScreenShot2). KWin runs with its
permission checks for those restricted interfaces off. kwin_wayland carries the file capability
cap_sys_resource; where the bounding set lacks it (containers) an ordinary user's exec of it fails
with "Operation not permitted", so a plain copy of the binary runs instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import ClassVar

from tests.support.wayland.session import DesktopUnavailable, WaylandDesktop, Window, wait_until

FAKE_INPUT_XML = Path("/usr/share/plasma-wayland-protocols/fake-input.xml")
KWINPUT_SOURCE = Path(__file__).with_name("kwinput.c")
KDE_ENV = {
    "XDG_CURRENT_DESKTOP": "KDE",
    "XDG_SESSION_DESKTOP": "KDE",
    "KDE_FULL_SESSION": "true",
    "KDE_SESSION_VERSION": "5",
    "QT_QPA_PLATFORM": "wayland",
}
WINDOWS_JS = """const out = workspace.clientList().filter(w => !w.desktopWindow && !w.dock)
  .map(w => { const r = w.frameGeometry;
    return {title: w.caption || "", app_id: w.resourceClass || "", focused: w.active,
            x: r.x, y: r.y, width: r.width, height: r.height}; });"""


class KdeDesktop(WaylandDesktop):
    """KWin on its virtual backend with Plasma's shell, panel and tray."""

    kind = "kde"
    terminal = "org.kde.konsole"
    desktop_name = "KDE"
    programs: ClassVar[dict[str, str]] = {
        "kwin_wayland": "kwin-wayland", "kded5": "kded5", "plasmashell": "plasma-workspace",
        "konsole": "konsole", "spectacle": "kde-spectacle", "gcc": "gcc",
        "wayland-scanner": "libwayland-bin", "dbus-daemon": "dbus", "gdbus": "libglib2.0-bin",
        "setpriv": "util-linux",
    }  # fmt: skip

    def __init__(self, width: int = 1280, height: int = 800, tray_host: bool = True) -> None:
        """``tray_host=False``: start without kded5 and plasmashell (so without a tray and a
        notification server); ``start_tray_host`` starts them later, as at a slow login."""
        super().__init__(width, height)
        self.with_tray_host = tray_host

    @classmethod
    def unavailable_reason(cls) -> str | None:
        reason = super().unavailable_reason()
        needed = {
            FAKE_INPUT_XML: "plasma-wayland-protocols",
            Path("/usr/include/wayland-client.h"): "libwayland-dev",
            Path("/usr/share/plasma/shells/org.kde.plasma.desktop"): "plasma-desktop",
            Path("/usr/share/plasma/plasmoids/org.kde.panel"): "plasma-desktop",
        }
        missing = sorted({package for path, package in needed.items() if not path.exists()})
        if reason is None and missing:
            reason = (
                f"the kde desktop needs packages that are not installed: {' '.join(missing)} "
                "(scripts/setup installs them)"
            )
        if reason is None and not any(Path(p).exists() for p in _qt5_wayland_plugins()):
            reason = (
                "the kde desktop needs Qt 5's Wayland plugin: qtwayland5 "
                "(scripts/setup installs it)"
            )
        return reason

    def _start_desktop(self) -> None:
        self._build_kwinput()
        # a copy carries no file capability (see the module's docstring)
        kwin = self.folder / "bin" / "kwin_wayland"
        shutil.copyfile(shutil.which("kwin_wayland") or "/usr/bin/kwin_wayland", kwin)
        kwin.chmod(0o755)
        config = self.home / ".config"
        config.mkdir()
        # a quiet desktop: no lock screen, no animations
        (config / "kscreenlockerrc").write_text("[Daemon]\nAutolock=false\nLockOnResume=false\n")
        (config / "kdeglobals").write_text("[KDE]\nAnimationDurationFactor=0\n")
        for path in (config, *config.iterdir()):
            shutil.chown(path, self._uid, self._uid)

        self.spawn(
            "compositor",
            [str(kwin), "--virtual", "--width", str(self.width), "--height", str(self.height),
             "--socket", "wayland-0"],
            **KDE_ENV,
            KWIN_WAYLAND_NO_PERMISSION_CHECKS="1",
            KWIN_SCREENSHOT_NO_PERMISSION_CHECKS="1",
            # print() of KWin scripts (the window list) goes to the log
            QT_LOGGING_RULES="kwin_scripting.debug=true",
        )  # fmt: skip
        socket = self.run_dir / "wayland-0"
        wait_until(
            "KWin (its socket and org.kde.KWin)",
            lambda: socket.is_socket() and self.has_owner("org.kde.KWin"),
            60,
        )
        self.wayland_display = str(socket)
        if self.with_tray_host:
            self.start_tray_host()
        self.spawn("konsole", ["konsole"], **KDE_ENV)
        wait_until(
            "konsole to have the keyboard",
            lambda: self.kwin_script("const out = workspace.activeClient ? "
                                     "workspace.activeClient.resourceClass : null;")
            == self.terminal,
            60,
        )  # fmt: skip

    def start_tray_host(self) -> None:
        """Start kded5 (the StatusNotifierWatcher) and plasmashell (the panel with its tray, and
        the notifications), as a login does, and wait for all three."""
        self.spawn("kded", ["kded5"], **KDE_ENV)
        self.spawn("plasmashell", ["plasmashell"], **KDE_ENV)
        wait_until(
            "kded5's org.kde.StatusNotifierWatcher",
            lambda: self.has_owner("org.kde.StatusNotifierWatcher"),
            60,
        )
        wait_until(
            "plasmashell's tray (org.kde.StatusNotifierHost-*)",
            lambda: any(n.startswith("org.kde.StatusNotifierHost-") for n in self.bus_names()),
            90,
        )
        wait_until(
            "plasmashell's notifications (org.freedesktop.Notifications)",
            lambda: self.has_owner("org.freedesktop.Notifications"),
            60,
        )

    def _build_kwinput(self) -> None:
        build = self.folder / "build"
        build.mkdir()
        steps = [
            ["wayland-scanner", "client-header", str(FAKE_INPUT_XML),
             str(build / "fake-input-client-protocol.h")],
            ["wayland-scanner", "private-code", str(FAKE_INPUT_XML),
             str(build / "fake-input-protocol.c")],
            ["gcc", "-O2", "-Wall", f"-I{build}", "-o", str(self.folder / "bin" / "kwinput"),
             str(KWINPUT_SOURCE), str(build / "fake-input-protocol.c"), "-lwayland-client"],
        ]  # fmt: skip
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise DesktopUnavailable(f"could not build kwinput: {done.stderr.strip()}")

    def kwin_script(self, script: str) -> object:
        """Run a KWin script that sets ``out``; returns ``out`` (through JSON, via KWin's log).

        Raises:
            RuntimeError: KWin did not run it.
        """
        tag = f"reconnect{uuid.uuid4().hex[:12]}"
        path = self.run_dir / f"{tag}.js"
        path.write_text(f'{script}\nprint("{tag} " + JSON.stringify(out));\n')
        path.chmod(0o644)
        os.chown(path, self._uid, self._uid)
        try:
            reply = self.call(
                "org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.loadScript", str(path), tag
            )
            script_id = int(reply.strip("(),\n ").split()[-1])
            if script_id < 0:
                raise RuntimeError(f"KWin refused the script {path}")
            try:
                # the script's object: /ID in KWin 5.27, /Scripting/ScriptID in later ones
                self.call("org.kde.KWin", f"/{script_id}", "org.kde.kwin.Script.run")
            except subprocess.CalledProcessError:
                self.call(
                    "org.kde.KWin", f"/Scripting/Script{script_id}", "org.kde.kwin.Script.run"
                )
            found: list[str] = []

            def printed() -> bool:
                found[:] = [
                    line.split(f"{tag} ", 1)[1]
                    for line in self.log("compositor").splitlines()
                    if f"{tag} " in line
                ]
                return bool(found)

            wait_until("KWin's script to answer", printed, 10)
        finally:
            try:
                self.call("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.unloadScript", tag)
            finally:
                path.unlink(missing_ok=True)
        return json.loads(found[0])

    def windows(self) -> list[Window]:
        found = self.kwin_script(WINDOWS_JS)
        assert isinstance(found, list)
        return [Window(**window) for window in found]

    def _kwinput(self, *args: str) -> None:
        # KWin shows its restricted globals only to clients whose /proc/PID/exe it can read
        done = self.run_as_user([str(self.folder / "bin" / "kwinput"), *args])
        if done.returncode != 0:
            raise RuntimeError(f"kwinput failed: {done.stderr.strip()}")

    def type_keys(self, text: str) -> None:
        self._kwinput("type", text)

    def key(self, name: str) -> None:
        self._kwinput("key", name)

    def screenshot(self, path: Path) -> Path:
        shot = self.run_dir / "screenshot.png"  # spectacle writes it, as the desktop's user
        done = self.run_as_user(
            ["spectacle", "--background", "--fullscreen", "--nonotify", "--output", str(shot)],
            timeout=60,
            **KDE_ENV,
        )
        if done.returncode != 0 or not shot.exists():
            raise RuntimeError(f"spectacle failed: {(done.stdout + done.stderr).strip()}")
        shutil.copyfile(shot, path)
        shot.unlink()
        return path


def _qt5_wayland_plugins() -> list[str]:
    return [str(p) for p in Path("/usr/lib").glob("*/qt5/plugins/platforms/libqwayland-*.so")]
