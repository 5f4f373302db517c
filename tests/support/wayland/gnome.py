"""GNOME Shell, headless (``--headless --virtual-monitor``), with the AppIndicator extension as
the tray (StatusNotifierWatcher and host), its own notifications, and foot holding the keyboard.

The shell runs in its unsafe mode (turned on by a tiny extension; it shows a warning in the
panel), so that ``org.gnome.Shell.Eval`` and ``.Screenshot`` answer the tests: the window list,
keys (Clutter virtual devices inside the shell; Mutter offers clients no virtual keyboard) and
screenshots go through them. gnome-shell ends at start when the system bus offers a logind that
cannot run (no systemd), so it gets a private, empty system bus, where a missing login1 is
tolerated.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

from tests.support.wayland.session import (
    DesktopUnavailable,
    WaylandDesktop,
    Window,
    bus_config,
    gvariant_string,
    parse_eval_reply,
    split_combination,
    wait_until,
)

UNSAFE_UUID = "reconnect-tests-unsafe-mode@local"
EXTENSIONS = Path("/usr/share/gnome-shell/extensions")
# a quiet desktop: no welcome tour, hot corner, animations, blanking or lock
QUIET_SETTINGS = [
    ("org.gnome.shell", "disable-user-extensions", "false"),
    ("org.gnome.shell", "welcome-dialog-last-shown-version", "'999'"),
    ("org.gnome.desktop.interface", "enable-hot-corners", "false"),
    ("org.gnome.desktop.interface", "enable-animations", "false"),
    ("org.gnome.desktop.session", "idle-delay", "uint32 0"),
    ("org.gnome.desktop.screensaver", "lock-enabled", "false"),
]
CLUTTER_MODIFIERS = {
    "ctrl": "Control_L", "control": "Control_L", "shift": "Shift_L", "alt": "Alt_L",
    "super": "Super_L", "logo": "Super_L", "win": "Super_L", "meta": "Super_L",
    "altgr": "ISO_Level3_Shift",
}  # fmt: skip
# one virtual keyboard kept in the shell; keys are keysyms, by name or by character
KEYBOARD_JS = """const C = imports.gi.Clutter, T = C.CURRENT_TIME;
globalThis._reconnectKeyboard ??= C.get_default_backend().get_default_seat()
  .create_virtual_device(C.InputDeviceType.KEYBOARD_DEVICE);
const kb = globalThis._reconnectKeyboard;
const sym = n => C["KEY_" + n]
  ?? (n.length === 1 ? C.unicode_to_keysym(n.codePointAt(0)) : undefined);
const press = s => kb.notify_keyval(T, s, C.KeyState.PRESSED);
const release = s => kb.notify_keyval(T, s, C.KeyState.RELEASED);
const tap = s => { press(s); release(s); };
"""
WINDOWS_JS = """(() => { const M = imports.gi.Meta;
  return global.get_window_actors().map(a => a.meta_window).filter(w => !w.is_override_redirect())
    .map(w => { const r = w.get_frame_rect();
      return {title: w.get_title() ?? "", app_id: w.get_wm_class() ?? "", focused: w.has_focus(),
              x: r.x, y: r.y, width: r.width, height: r.height}; }); })()"""


class GnomeDesktop(WaylandDesktop):
    """GNOME Shell 43+ with a virtual monitor, the AppIndicator extension enabled."""

    kind = "gnome"
    terminal = "foot"
    desktop_name = "GNOME"
    programs: ClassVar[dict[str, str]] = {
        "gnome-shell": "gnome-shell", "gjs": "gjs", "gsettings": "libglib2.0-bin",
        "foot": "foot", "dbus-daemon": "dbus", "gdbus": "libglib2.0-bin", "setpriv": "util-linux",
    }  # fmt: skip

    def __init__(self, width: int = 1280, height: int = 800, tray_host: bool = True) -> None:
        """``tray_host=False``: start with the AppIndicator extension turned off (so without a
        tray); ``start_tray_host`` turns it on, as a person who follows the app's advice."""
        super().__init__(width, height)
        self.with_tray_host = tray_host

    @classmethod
    def unavailable_reason(cls) -> str | None:
        reason = super().unavailable_reason()
        if reason is None and not list(EXTENSIONS.glob("*appindicator*")):
            reason = "the AppIndicator extension: gnome-shell-extension-appindicator"
        # without dconf's backend, gsettings forgets the enabled extensions at once
        if reason is None and not list(Path("/usr/lib").glob("*/gio/modules/libdconfsettings.so")):
            reason = "dconf's settings backend: dconf-gsettings-backend"
        if reason is not None and not reason.startswith("the gnome desktop"):
            reason = f"the gnome desktop needs {reason} (scripts/setup installs it)"
        return reason

    def _start_desktop(self) -> None:
        version = subprocess.run(
            ["gnome-shell", "--version"], capture_output=True, text=True, check=False
        ).stdout
        major = int(re.findall(r"\d+", version)[0])
        self._install_unsafe_mode_extension(major)
        self._enable_extensions(tray=self.with_tray_host)
        for schema, key, value in QUIET_SETTINGS:
            self._gsettings(schema, key, value)

        system_bus = self.run_dir / "system_bus"
        (self.folder / "system-bus.conf").write_text(bus_config(system_bus, activation=False))
        self.spawn(
            "system-bus",
            [
                "dbus-daemon",
                "--nofork",
                "--nopidfile",
                f"--config-file={self.folder}/system-bus.conf",
            ],
        )
        wait_until("the private system bus", system_bus.is_socket, 10)
        self.spawn(
            "compositor",
            ["gnome-shell", "--headless", "--wayland", "--virtual-monitor",
             f"{self.width}x{self.height}"],
            DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={system_bus}",
            XDG_CURRENT_DESKTOP="GNOME",
            XDG_SESSION_DESKTOP="gnome",
        )  # fmt: skip
        wait_until(
            "GNOME Shell to start (in its unsafe mode)",
            lambda: self.eval("!Main.layoutManager._startingUp && global.context.unsafe_mode"),
            90,
        )
        # no overview, and no "unsafe mode" banner over the screenshots
        self.eval(
            "Main.overview.hide(); Main.messageTray.getSources()"
            ".forEach(s => s.notifications.slice().forEach(n => n.destroy())); true"
        )
        displays = [p for p in self.run_dir.glob("wayland-*") if p.is_socket()]
        if not displays:
            raise DesktopUnavailable("GNOME Shell made no Wayland socket")
        self.wayland_display = str(displays[0])
        if self.with_tray_host:
            self._wait_for_tray_host()
        # the virtual keyboard, made now: keys sent right after it is made are lost
        self._keys("")
        self.spawn("foot", ["foot"], XDG_CURRENT_DESKTOP="GNOME")
        wait_until(
            "foot to have the keyboard",
            lambda: self.eval("global.display.focus_window?.get_wm_class() ?? null") == "foot",
            30,
        )

    def _enable_extensions(self, tray: bool) -> None:
        """The extensions GNOME Shell runs: the tests' unsafe mode, and the tray if ``tray``."""
        enabled = [UNSAFE_UUID]
        if tray:
            enabled.insert(0, sorted(EXTENSIONS.glob("*appindicator*"))[0].name)
        self._gsettings("org.gnome.shell", "enabled-extensions", repr(enabled))

    def _wait_for_tray_host(self) -> None:
        wait_until(
            "the AppIndicator extension's tray (org.kde.StatusNotifierWatcher)",
            lambda: self.has_owner("org.kde.StatusNotifierWatcher"),
            30,
        )

    def start_tray_host(self) -> None:
        """Turn the AppIndicator extension on (the shell follows its settings at once), when the
        desktop was started without it."""
        self._enable_extensions(tray=True)
        self._wait_for_tray_host()

    def _install_unsafe_mode_extension(self, major: int) -> None:
        folder = self.home / ".local/share/gnome-shell/extensions" / UNSAFE_UUID
        metadata = {
            "uuid": UNSAFE_UUID,
            "name": "Reconnect tests: unsafe mode",
            "description": "Lets the tests use org.gnome.Shell.Eval and .Screenshot",
            "shell-version": [str(major)],
        }
        if major >= 45:
            code = (
                "export default class { enable() { global.context.unsafe_mode = true; } "
                "disable() { global.context.unsafe_mode = false; } }"
            )
        else:
            code = (
                "function init() {} function enable() { global.context.unsafe_mode = true; } "
                "function disable() { global.context.unsafe_mode = false; }"
            )
        folder.mkdir(parents=True)
        (folder / "metadata.json").write_text(json.dumps(metadata))
        (folder / "extension.js").write_text(code)
        for path in [folder, *folder.parents]:
            if path == self.home:
                break
            shutil.chown(path, self._uid, self._uid)
        for path in folder.iterdir():
            shutil.chown(path, self._uid, self._uid)

    def _gsettings(self, schema: str, key: str, value: str) -> None:
        done = self.run_as_user(["gsettings", "set", schema, key, value])
        if done.returncode != 0:
            raise DesktopUnavailable(f"gsettings set {schema} {key} failed: {done.stderr.strip()}")

    def eval(self, script: str) -> object:
        """Run JavaScript in GNOME Shell; returns its value (through JSON).

        Raises:
            ValueError: the script threw.
        """
        reply = self.call(
            "org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell.Eval", gvariant_string(script)
        )
        return parse_eval_reply(reply)

    def windows(self) -> list[Window]:
        found = self.eval(WINDOWS_JS)
        assert isinstance(found, list)
        return [Window(**window) for window in found]

    def _keys(self, script: str) -> None:
        self.eval(f"(() => {{ {KEYBOARD_JS} {script}; return true; }})()")

    def type_keys(self, text: str) -> None:
        self._keys(
            f"for (const ch of {json.dumps(text)}) "
            'tap(ch === "\\n" ? C.KEY_Return : C.unicode_to_keysym(ch.codePointAt(0)))'
        )

    def key(self, name: str) -> None:
        modifiers, key = split_combination(name)
        unknown = [m for m in modifiers if m not in CLUTTER_MODIFIERS]
        if unknown:
            raise ValueError(f"unknown modifier {unknown[0]} in {name}")
        held = json.dumps([CLUTTER_MODIFIERS[m] for m in modifiers])
        # every name is checked before the first press, so that no modifier stays down
        self._keys(
            f"const held = {held}, k = {json.dumps(key)};"
            "[...held, k].forEach(n => {"
            ' if (sym(n) === undefined) throw new Error("unknown key " + n); });'
            "held.forEach(n => press(sym(n))); tap(sym(k));"
            "held.slice().reverse().forEach(n => release(sym(n)))"
        )

    def screenshot(self, path: Path) -> Path:
        # the shell writes the file, as the desktop's user
        shot = self.run_dir / "screenshot.png"
        self.call(
            "org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot",
            "org.gnome.Shell.Screenshot.Screenshot", "false", "false", str(shot),
        )  # fmt: skip
        shutil.copyfile(shot, path)
        shot.unlink()
        return path
