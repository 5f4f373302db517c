"""Start at login: an XDG autostart entry (Linux), the Run key (Windows) or a LaunchAgent (macOS).

Plain Python with no Qt. Every function takes the environment and the platform name
(``sys.platform``), so tests can point it at temporary folders and a fake registry.
"""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from reconnect.paths import write_private as write_file_privately
from reconnect.services.desktop_ports import AutostartError, AutostartState

APP_ID = "org.reconnect.Reconnect"
RUN_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Reconnect"

# Characters that make an argument of a desktop entry's Exec key need quotes (Desktop Entry
# Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


class RunKey(Protocol):
    """The per-user Run key of the Windows registry, one value per program."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


# --- what to start ----------------------------------------------------------------------------


def launch_command(
    data_dir: Path | None = None,
    *,
    argv0: str | None = None,
    executable: str | None = None,
    frozen: bool | None = None,
    platform: str | None = None,
) -> list[str]:
    """The command that starts this Reconnect in the tray.

    The running ``reconnect`` program when there is one, else the ``reconnect`` beside this
    Python, else ``python -m reconnect``. The keyword arguments default to this process.

    Args:
        data_dir: a data folder the person chose; passed on with ``--data-dir``, because a
            login session does not read the shell's ``RECONNECT_DATA_DIR``.
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    platform = sys.platform if platform is None else platform
    windows = platform == "win32"

    command: list[str]
    if frozen:
        # A PyInstaller build; on Windows its windowed twin starts without a console window.
        tray = Path(executable).with_name("reconnect-tray.exe")
        command = [str(tray) if windows and tray.is_file() else executable]
    elif windows:
        # reconnect.exe would keep a console window open all day: pythonw has none.
        pythonw = Path(executable).with_name("pythonw.exe")
        command = [str(pythonw) if pythonw.is_file() else executable, "-m", "reconnect"]
    else:
        program = None
        if Path(argv0).name == "reconnect":
            program = shutil.which(argv0)
        if program is None:
            program = shutil.which(str(Path(executable).with_name("reconnect")))
        command = [str(Path(program).absolute())] if program else [executable, "-m", "reconnect"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


# --- the three platforms ------------------------------------------------------------------------


def _kind(platform: str) -> str:
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    return "xdg"  # Linux and the BSDs


def _home(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("HOME") or Path("~").expanduser())


def entry_file(environ: Mapping[str, str], platform: str) -> Path | None:
    """The file that holds the login entry (None on Windows, where it is a registry value)."""
    kind = _kind(platform)
    if kind == "windows":
        return None
    if kind == "macos":
        return _home(environ) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = environ.get("XDG_CONFIG_HOME", "")
    # The XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    base = Path(config) if config and Path(config).is_absolute() else _home(environ) / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def entry_location(environ: Mapping[str, str], platform: str) -> str:
    """Where the login entry is, for messages: a file, or the registry value on Windows."""
    file = entry_file(environ, platform)
    return f"{RUN_KEY}\\{RUN_VALUE}" if file is None else str(file)


def autostart_state(
    environ: Mapping[str, str], platform: str, registry: RunKey | None = None
) -> AutostartState:
    """Read whether Reconnect starts at login.

    Args:
        environ: the environment (``HOME``, ``XDG_CONFIG_HOME``).
        platform: ``sys.platform`` of the machine.
        registry: the Run key on Windows (by default the real one).

    Raises:
        AutostartError: an entry exists but cannot be read.
    """
    location = entry_location(environ, platform)
    kind = _kind(platform)
    try:
        if kind == "windows":
            value = (registry or WindowsRunKey()).get(RUN_VALUE)
            if value is None:
                return AutostartState(False, location)
            return AutostartState(True, location, value, _first_windows_argument(value))
        file = entry_file(environ, platform)
        assert file is not None
        if not file.is_file():
            return AutostartState(False, location)
        if kind == "macos":
            return _plist_state(file)
        return _desktop_state(file)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise AutostartError(
            f"Could not read the login entry {location} ({reason}). Turn it off and on again "
            "with: reconnect autostart off; reconnect autostart on"
        ) from error


def enable(
    environ: Mapping[str, str],
    platform: str,
    command: Sequence[str],
    *,
    icon: str = APP_ID,
    registry: RunKey | None = None,
) -> AutostartState:
    """Write the login entry that starts ``command``, replacing an older one of Reconnect's.

    Args:
        command: what to start, usually ``launch_command()``.
        icon: the icon an autostart list shows (an icon name or an absolute file).

    Raises:
        AutostartError: it could not be written.
    """
    kind = _kind(platform)
    location = entry_location(environ, platform)
    try:
        if kind == "windows":
            (registry or WindowsRunKey()).set(RUN_VALUE, subprocess.list2cmdline(command))
        else:
            file = entry_file(environ, platform)
            assert file is not None
            if kind == "macos":
                data = plist_entry(command)
            else:
                data = desktop_entry(command, icon).encode("utf-8")
            write_private(file, data)
    except OSError as error:
        raise AutostartError(
            f"Could not write the login entry {location} ({error.strerror or error}). "
            "Check that the folder is yours and writable."
        ) from error
    return autostart_state(environ, platform, registry)


def disable(environ: Mapping[str, str], platform: str, *, registry: RunKey | None = None) -> bool:
    """Remove Reconnect's login entry.

    Returns:
        Whether there was one to remove.

    Raises:
        AutostartError: it could not be removed.
    """
    location = entry_location(environ, platform)
    try:
        if _kind(platform) == "windows":
            key = registry or WindowsRunKey()
            if key.get(RUN_VALUE) is None:
                return False
            key.delete(RUN_VALUE)
            return True
        file = entry_file(environ, platform)
        assert file is not None
        try:
            file.unlink()
        except FileNotFoundError:
            return False
        return True
    except OSError as error:
        raise AutostartError(
            f"Could not remove the login entry {location} ({error.strerror or error}). "
            "Remove it by hand, or check that it is yours."
        ) from error


# --- Linux: the XDG autostart entry -----------------------------------------------------------


def exec_argument(argument: str) -> str:
    """One argument of an Exec key: quoted where the spec asks, ``%`` doubled."""
    if argument and not _RESERVED.intersection(argument):
        return argument.replace("%", "%%")
    inner = "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in argument)
    return f'"{inner}"'.replace("%", "%%")


def _escape_string(value: str) -> str:
    # The general string escapes apply to the whole value, after the Exec quoting.
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def _unescape_string(value: str) -> str:
    out, chars = [], iter(value)
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            out.append(escapes.get(nxt, "\\" + nxt))
        else:
            out.append(c)
    return "".join(out)


def desktop_entry(command: Sequence[str], icon: str = APP_ID) -> str:
    """The autostart ``.desktop`` file that starts ``command`` in the tray."""
    exec_line = _escape_string(" ".join(exec_argument(a) for a in command))
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        "Name=Reconnect\n"
        "GenericName=Gentle sensory breaks\n"
        "Comment=Starts Reconnect quietly in the tray when you log in\n"
        f"Exec={exec_line}\n"
        f"Icon={_escape_string(icon)}\n"
        "Terminal=false\n"
        "Categories=Utility;Qt;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _desktop_keys(text: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    group = None
    # Only "\n" ends a line, and only spaces and tabs are trimmed: a path may hold any other.
    for raw in text.split("\n"):
        line = raw.strip(" \t\r")
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line
            continue
        if group == "[Desktop Entry]" and "=" in line:
            key, value = line.split("=", 1)
            keys[key.strip(" \t")] = value.strip(" \t")
    return keys


def first_exec_argument(exec_value: str) -> str | None:
    """The program of an Exec key as written in the file (string escapes still in it)."""
    text = _unescape_string(exec_value).lstrip(" \t")
    if not text:
        return None
    if text[0] != '"':
        return re.split("[ \t\n]", text, maxsplit=1)[0].replace("%%", "%")
    out, chars = [], iter(text[1:])
    for c in chars:
        if c == "\\":
            out.append(next(chars, ""))
        elif c == '"':
            break
        else:
            out.append(c)
    return "".join(out).replace("%%", "%")


def _desktop_state(file: Path) -> AutostartState:
    keys = _desktop_keys(file.read_text(encoding="utf-8"))
    off = (
        keys.get("Hidden", "").lower() == "true"
        or keys.get("X-GNOME-Autostart-enabled", "").lower() == "false"
    )
    exec_value = keys.get("Exec")
    command = _unescape_string(exec_value) if exec_value is not None else None
    program = first_exec_argument(exec_value) if exec_value is not None else None
    return AutostartState(not off, str(file), command, program, turned_off_elsewhere=off)


# --- macOS: the LaunchAgent -------------------------------------------------------------------


def plist_entry(command: Sequence[str]) -> bytes:
    """The LaunchAgent that launchd loads at login: run ``command`` once, in the GUI session."""
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
    )


def _plist_state(file: Path) -> AutostartState:
    with file.open("rb") as stream:
        try:
            data = plistlib.load(stream)
        except plistlib.InvalidFileException as error:
            raise ValueError("not a property list") from error
    arguments = data.get("ProgramArguments") or ([data["Program"]] if "Program" in data else [])
    arguments = [str(a) for a in arguments]
    off = bool(data.get("Disabled", False))
    return AutostartState(
        not off,
        str(file),
        subprocess.list2cmdline(arguments) if arguments else None,
        arguments[0] if arguments else None,
        turned_off_elsewhere=off,
    )


# --- Windows: the Run key -------------------------------------------------------------------


def _first_windows_argument(command: str) -> str | None:
    text = command.strip()
    if not text:
        return None
    if text.startswith('"'):
        return text[1:].split('"', 1)[0]
    return text.split()[0]


class WindowsRunKey:
    """``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` through winreg."""

    SUBKEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

    def get(self, name: str) -> str | None:
        if sys.platform != "win32":
            raise OSError("the Windows registry is only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self.SUBKEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry is only on Windows")
        import winreg

        with winreg.CreateKeyEx(
            winreg.HKEY_CURRENT_USER, self.SUBKEY, 0, winreg.KEY_SET_VALUE
        ) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry is only on Windows")
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, self.SUBKEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


# --- private files ------------------------------------------------------------------------------


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents readable only by their owner (0700).

    Folders that exist already (such as ``~/.config``) are left as they are.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


def write_private(file: Path, data: bytes) -> None:
    """Write ``file`` atomically, readable only by you; missing folders are made 0700."""
    make_private_dirs(file.parent)
    write_file_privately(file, data)
