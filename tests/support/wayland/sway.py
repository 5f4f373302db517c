"""sway, headless: waybar hosts the tray (StatusNotifierItem), mako shows notifications, foot
holds the keyboard. Keys go through wtype (the virtual-keyboard protocol sway offers every
client), the window list through sway's IPC, screenshots through grim."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, ClassVar

from tests.support.wayland.session import WaylandDesktop, Window, split_combination, wait_until

WAYBAR_CONFIG = {
    "layer": "top",
    "position": "top",
    "height": 34,
    "modules-left": ["sway/workspaces", "sway/window"],
    "modules-right": ["clock", "tray"],
    "clock": {"format": "{:%H:%M:%S}", "interval": 1},
    "tray": {"icon-size": 20, "spacing": 8},
}
WAYBAR_STYLE = """* { font-family: "DejaVu Sans"; font-size: 13px; }
window#waybar { background: #202020; color: #ffffff; }
#tray { background: #505050; padding: 0 10px; }
"""
WTYPE_MODIFIERS = {
    "ctrl": "ctrl", "control": "ctrl", "shift": "shift", "alt": "alt", "altgr": "altgr",
    "super": "logo", "logo": "logo", "win": "logo", "meta": "logo",
}  # fmt: skip


class SwayDesktop(WaylandDesktop):
    """sway 1.7+ on its headless backend, drawn in software (pixman)."""

    kind = "sway"
    terminal = "foot"
    desktop_name = "sway"
    programs: ClassVar[dict[str, str]] = {
        "sway": "sway", "swaybg": "swaybg", "waybar": "waybar", "mako": "mako-notifier",
        "foot": "foot", "wtype": "wtype", "grim": "grim", "swaymsg": "sway",
        "dbus-daemon": "dbus", "gdbus": "libglib2.0-bin", "setpriv": "util-linux",
    }  # fmt: skip

    def __init__(self, width: int = 1280, height: int = 800, tray_host: bool = True) -> None:
        """``tray_host=False``: start without waybar (so without a tray); ``start_tray_host``
        starts it later, as a panel that comes after the apps at login."""
        super().__init__(width, height)
        self.swaysock = ""
        self.with_tray_host = tray_host

    def _start_desktop(self) -> None:
        (self.folder / "waybar.json").write_text(json.dumps(WAYBAR_CONFIG))
        (self.folder / "waybar.css").write_text(WAYBAR_STYLE)
        log = self.folder / "log"
        bar = self._waybar_command() if self.with_tray_host else ""
        # waybar's tray module is the StatusNotifierWatcher and its host; started with exec (as a
        # bar's swaybar_command it did not stay up, waybar 0.9.17)
        (self.folder / "sway.conf").write_text(
            f"""xwayland disable
output HEADLESS-1 resolution {self.width}x{self.height} position 0 0 bg #335577 solid_color
font pango:DejaVu Sans 10
default_border normal
{bar}
exec mako --default-timeout 0 >{log}/mako.log 2>&1
exec foot >{log}/foot.log 2>&1
"""
        )
        self.spawn(
            "compositor",
            ["sway", "-c", str(self.folder / "sway.conf")],
            WLR_BACKENDS="headless",
            WLR_LIBINPUT_NO_DEVICES="1",
            WLR_RENDERER="pixman",
            WLR_HEADLESS_OUTPUTS="1",
            XDG_CURRENT_DESKTOP="sway",
        )
        wait_until("sway's sockets", self._sockets, 30)
        if self.with_tray_host:
            self._wait_for_tray_host()
        wait_until(
            "mako (org.freedesktop.Notifications)",
            lambda: self.has_owner("org.freedesktop.Notifications"),
            30,
        )
        wait_until("foot's window", lambda: any(w.app_id == "foot" for w in self.windows()), 30)
        self.swaymsg("[app_id=foot] focus")
        wait_until("foot to have the keyboard", self._terminal_focused, 10)

    def _waybar_command(self) -> str:
        log = self.folder / "log"
        return (
            f"exec waybar -c {self.folder}/waybar.json -s {self.folder}/waybar.css "
            f">>{log}/waybar.log 2>&1"
        )

    def _wait_for_tray_host(self) -> None:
        wait_until(
            "waybar's tray (org.kde.StatusNotifierWatcher)",
            lambda: self.has_owner("org.kde.StatusNotifierWatcher"),
            30,
        )

    def start_tray_host(self) -> None:
        """Start waybar (the tray) now, when the desktop was started without it."""
        self.swaymsg(self._waybar_command())
        self._wait_for_tray_host()

    def _sockets(self) -> bool:
        displays = [p for p in self.run_dir.glob("wayland-*") if p.is_socket()]
        ipc = list(self.run_dir.glob("sway-ipc.*.sock"))
        if not displays or not ipc:
            return False
        self.wayland_display = str(displays[0])
        self.swaysock = str(ipc[0])
        return True

    def _terminal_focused(self) -> bool:
        focused = self.focused_window()
        return focused is not None and focused.app_id == self.terminal

    def swaymsg(self, *args: str) -> str:
        """Run a sway IPC command (``swaymsg ARGS``); returns its output."""
        done = self.run(["swaymsg", "-s", self.swaysock, *args])
        if done.returncode != 0:
            raise subprocess.CalledProcessError(
                done.returncode, "swaymsg", done.stdout, done.stderr
            )
        return done.stdout

    @property
    def env(self) -> dict[str, str]:
        return {**super().env, "SWAYSOCK": self.swaysock}

    def windows(self) -> list[Window]:
        tree = json.loads(self.swaymsg("-r", "-t", "get_tree"))
        found: list[Window] = []

        def walk(node: dict[str, Any]) -> None:
            if node.get("type") in ("con", "floating_con") and (
                node.get("app_id") is not None or node.get("window_properties")
            ):
                rect = node["rect"]
                app_id = node.get("app_id") or (node.get("window_properties") or {}).get("class")
                found.append(
                    Window(
                        title=node.get("name") or "",
                        app_id=app_id or "",
                        focused=bool(node.get("focused")),
                        x=rect["x"],
                        y=rect["y"],
                        width=rect["width"],
                        height=rect["height"],
                    )
                )
            for child in node.get("nodes", []) + node.get("floating_nodes", []):
                walk(child)

        walk(tree)
        return found

    def _wtype(self, *args: str) -> None:
        # the first 300 ms let the focused client take in wtype's keymap; keys sent sooner are lost
        done = self.run(["wtype", "-s", "300", *args])
        if done.returncode != 0:
            raise RuntimeError(f"wtype failed: {done.stderr.strip()}")

    def type_keys(self, text: str) -> None:
        args: list[str] = []
        lines = text.split("\n")
        for number, line in enumerate(lines):
            if number:
                args += ["-k", "Return"]
            if line.startswith("-") and number < len(lines) - 1:
                # wtype reads everything after "--" as text, so only the last line may use it
                raise ValueError("only the last line may start with '-'")
            if line:
                args += ["--", line] if line.startswith("-") else [line]
        if args:
            self._wtype(*args)

    def key(self, name: str) -> None:
        modifiers, key = split_combination(name)
        unknown = [m for m in modifiers if m not in WTYPE_MODIFIERS]
        if unknown:
            raise ValueError(f"unknown modifier {unknown[0]} in {name}")
        args: list[str] = []
        for modifier in modifiers:
            args += ["-M", WTYPE_MODIFIERS[modifier]]
        args += ["-k", key]
        for modifier in reversed(modifiers):
            args += ["-m", WTYPE_MODIFIERS[modifier]]
        self._wtype(*args)

    def screenshot(self, path: Path) -> Path:
        done = self.run(["grim", str(path)])
        if done.returncode != 0:
            raise RuntimeError(f"grim failed: {done.stderr.strip()}")
        return path
