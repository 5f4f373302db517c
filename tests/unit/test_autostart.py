"""Start at login on the three platforms, against temporary folders and a fake registry."""

from __future__ import annotations

import plistlib
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect.desktop.autostart import (
    APP_ID,
    RUN_KEY,
    AutostartError,
    autostart_state,
    desktop_entry,
    disable,
    enable,
    entry_file,
    exec_argument,
    first_exec_argument,
    launch_command,
)

COMMAND = ["/opt/reconnect/bin/reconnect"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class FakeRunKey:
    """The Run key as a dictionary."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        del self.values[name]


@pytest.fixture
def environ(tmp_path: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


# --- Linux ----------------------------------------------------------------------------------------


def test_linux_entry_goes_in_the_xdg_autostart_folder(environ: dict[str, str]) -> None:
    file = entry_file(environ, "linux")
    assert file == Path(environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"
    without = {"HOME": environ["HOME"]}
    assert entry_file(without, "linux") == Path(environ["HOME"]) / ".config/autostart" / file.name
    # A relative XDG_CONFIG_HOME is invalid (XDG Base Directory spec) and ignored.
    relative = {**without, "XDG_CONFIG_HOME": "relative/config"}
    assert entry_file(relative, "linux") == entry_file(without, "linux")
    assert entry_file(environ, "freebsd") == file


def test_linux_on_status_off(environ: dict[str, str]) -> None:
    assert not autostart_state(environ, "linux").enabled

    state = enable(environ, "linux", COMMAND)
    file = entry_file(environ, "linux")
    assert file is not None
    assert state.enabled and state.location == str(file)
    assert state.program == COMMAND[0] and state.command == COMMAND[0]
    text = file.read_text(encoding="utf-8")
    assert f"Exec={COMMAND[0]}\n" in text and "[Desktop Entry]\n" in text
    assert mode(file) == 0o600
    assert mode(file.parent) == 0o700 and mode(file.parent.parent) == 0o700
    assert [p.name for p in file.parent.iterdir()] == [file.name]  # no temporary file left

    assert disable(environ, "linux") is True
    assert not file.exists()
    assert not autostart_state(environ, "linux").enabled
    assert disable(environ, "linux") is False


def test_an_existing_config_folder_keeps_its_mode(environ: dict[str, str]) -> None:
    config = Path(environ["XDG_CONFIG_HOME"])
    config.mkdir(mode=0o755)
    config.chmod(0o755)
    enable(environ, "linux", COMMAND)
    assert mode(config) == 0o755
    assert mode(config / "autostart") == 0o700


def test_turning_on_again_replaces_the_entry(environ: dict[str, str]) -> None:
    enable(environ, "linux", ["/old/reconnect"])
    state = enable(environ, "linux", [*COMMAND, "--data-dir", "/data"])
    assert state.program == COMMAND[0]
    assert state.command == f"{COMMAND[0]} --data-dir /data"


@pytest.mark.parametrize("line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_entry_turned_off_by_the_desktop_is_off(environ: dict[str, str], line: str) -> None:
    enable(environ, "linux", COMMAND)
    file = entry_file(environ, "linux")
    assert file is not None
    text = file.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    file.write_text(text + line + "\n", encoding="utf-8")
    state = autostart_state(environ, "linux")
    assert not state.enabled and state.turned_off_elsewhere
    assert enable(environ, "linux", COMMAND).enabled  # "on" turns it back on


def test_a_vanished_program_is_noticed(environ: dict[str, str], tmp_path: Path) -> None:
    program = tmp_path / "bin" / "reconnect"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert not enable(environ, "linux", [str(program)]).program_missing
    program.unlink()
    assert autostart_state(environ, "linux").program_missing


def test_an_unreadable_entry_says_what_to_do(environ: dict[str, str]) -> None:
    file = entry_file(environ, "linux")
    assert file is not None
    file.parent.mkdir(parents=True)
    file.write_bytes(b"\xff\xfe not text")
    with pytest.raises(AutostartError, match=r"Could not read .* reconnect autostart off"):
        autostart_state(environ, "linux")


def test_a_folder_that_cannot_be_made_is_explained(environ: dict[str, str]) -> None:
    Path(environ["XDG_CONFIG_HOME"]).write_text("a file, not a folder")
    with pytest.raises(AutostartError, match="Could not write the login entry"):
        enable(environ, "linux", COMMAND)


# Each example writes a real file (fsync): no deadline, a slow disk is not a failure.
@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0")))
def test_any_program_path_survives_the_exec_key(program: str) -> None:
    entry = desktop_entry([program, "--data-dir", "/data"])
    exec_value = next(line for line in entry.split("\n") if line.startswith("Exec="))[5:]
    assert first_exec_argument(exec_value) == program
    with tempfile.TemporaryDirectory() as folder:
        state = enable({"XDG_CONFIG_HOME": folder}, "linux", [program, "--data-dir", "/data"])
    assert state.enabled and state.program == program


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/usr/bin/reconnect", "/usr/bin/reconnect"),
        ("/home/a b/reconnect", '"/home/a b/reconnect"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("cost $5", '"cost \\$5"'),
        ("100%", "100%%"),
        ("", '""'),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_asks(argument: str, written: str) -> None:
    assert exec_argument(argument) == written


# --- Windows --------------------------------------------------------------------------------------


def test_windows_uses_the_run_key() -> None:
    key = FakeRunKey()
    command = [r"C:\Program Files\Reconnect\reconnect-tray.exe", "--data-dir", r"C:\my data"]
    assert not autostart_state({}, "win32", key).enabled

    state = enable({}, "win32", command, registry=key)
    assert key.values == {"Reconnect": subprocess.list2cmdline(command)}
    assert state.enabled and state.location == RUN_KEY + r"\Reconnect"
    assert state.program == command[0]

    assert disable({}, "win32", registry=key) is True
    assert key.values == {}
    assert disable({}, "win32", registry=key) is False
    assert not autostart_state({}, "win32", key).enabled


def test_a_registry_that_refuses_is_explained() -> None:
    class Refusing(FakeRunKey):
        def set(self, name: str, value: str) -> None:
            raise PermissionError(13, "Access is denied")

    with pytest.raises(AutostartError, match="Access is denied"):
        enable({}, "win32", COMMAND, registry=Refusing())


# --- macOS ----------------------------------------------------------------------------------------


def test_macos_writes_a_launch_agent(environ: dict[str, str]) -> None:
    command = [*COMMAND, "--data-dir", "/Users/a/my data"]
    state = enable(environ, "darwin", command)
    file = Path(environ["HOME"]) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert state.enabled and state.location == str(file) and state.program == COMMAND[0]
    agent = plistlib.loads(file.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert mode(file) == 0o600 and mode(file.parent) == 0o700

    agent["Disabled"] = True
    file.write_bytes(plistlib.dumps(agent))
    turned_off = autostart_state(environ, "darwin")
    assert not turned_off.enabled and turned_off.turned_off_elsewhere

    assert disable(environ, "darwin") is True and not file.exists()


def test_a_broken_launch_agent_says_what_to_do(environ: dict[str, str]) -> None:
    file = Path(environ["HOME"]) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    file.parent.mkdir(parents=True)
    file.write_text("not a plist")
    with pytest.raises(AutostartError, match="not a property list"):
        autostart_state(environ, "darwin")


# --- what is started ------------------------------------------------------------------------------


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_the_running_reconnect_program_is_started(tmp_path: Path) -> None:
    program = executable(tmp_path / "venv" / "bin" / "reconnect")
    python = str(tmp_path / "venv" / "bin" / "python")
    command = launch_command(argv0=str(program), executable=python, frozen=False, platform="linux")
    assert command == [str(program)]


def test_the_reconnect_beside_python_is_next(tmp_path: Path) -> None:
    program = executable(tmp_path / "venv" / "bin" / "reconnect")
    python = str(tmp_path / "venv" / "bin" / "python")
    command = launch_command(argv0="-c", executable=python, frozen=False, platform="linux")
    assert command == [str(program)]


def test_without_a_program_python_runs_the_module(tmp_path: Path) -> None:
    python = str(tmp_path / "python3")
    command = launch_command(
        Path("/data"), argv0="/x/__main__.py", executable=python, frozen=False, platform="linux"
    )
    assert command == [python, "-m", "reconnect", "--data-dir", "/data"]


def test_a_frozen_app_starts_itself(tmp_path: Path) -> None:
    app = str(tmp_path / "reconnect")
    assert launch_command(argv0=app, executable=app, frozen=True, platform="linux") == [app]


def test_on_windows_no_console_window_stays_open(tmp_path: Path) -> None:
    python = tmp_path / "python.exe"
    pythonw = executable(tmp_path / "pythonw.exe")
    command = launch_command(argv0="x", executable=str(python), frozen=False, platform="win32")
    assert command == [str(pythonw), "-m", "reconnect"]
    frozen = tmp_path / "dist" / "reconnect.exe"
    tray = executable(tmp_path / "dist" / "reconnect-tray.exe")
    command = launch_command(argv0="x", executable=str(frozen), frozen=True, platform="win32")
    assert command == [str(tray)]


@pytest.mark.skipif(sys.platform == "win32", reason="the real registry is there")
def test_the_real_registry_is_only_asked_on_windows(environ: dict[str, str]) -> None:
    with pytest.raises(AutostartError, match="only on Windows"):
        autostart_state(environ, "win32")
