"""``reconnect autostart on|off|status`` and doctor's line, against a temporary config folder."""

from __future__ import annotations

import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect import __version__
from reconnect.desktop.autostart import APP_ID, first_exec_argument
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
OFF = "Reconnect does not start at login. Turn it on with: reconnect autostart on\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A config folder of the test's own, and a data folder whose name needs quoting."""
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "RECONNECT_DATA_DIR": str(tmp_path / "my data $HOME 100%"),
    }


def entry(env: dict[str, str]) -> Path:
    return Path(env["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"


def exec_value(file: Path) -> str:
    line = next(x for x in file.read_text(encoding="utf-8").split("\n") if x.startswith("Exec="))
    return line.removeprefix("Exec=")


def test_on_status_off(cli: Cli, env: dict[str, str]) -> None:
    assert cli("autostart", environ=env).out == OFF
    assert cli("autostart", "status", environ=env).out == OFF

    on = cli("autostart", "on", environ=env)
    file = entry(env)
    assert on.code == 0 and on.err == ""
    assert on.out == (
        f"Reconnect will start quietly in the tray when you log in (entry: {file}).\n"
        f"It keeps your data in {env['RECONNECT_DATA_DIR']}.\n"
    )
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    status = cli("autostart", "status", environ=env)
    assert status.out == f"Reconnect starts when you log in (entry: {file}).\n"

    off = cli("autostart", "off", environ=env)
    assert off.code == 0
    assert off.out == f"Reconnect will no longer start at login (removed {file}).\n"
    assert not file.exists()
    assert cli("autostart", environ=env).out == OFF
    again = cli("autostart", "off", environ=env)
    assert (again.code, again.out) == (
        0,
        "Reconnect was not starting at login; nothing to change.\n",
    )


def test_the_entry_passes_desktop_file_validate(cli: Cli, env: dict[str, str]) -> None:
    validator = shutil.which("desktop-file-validate")
    assert validator, "install desktop-file-utils (scripts/setup does)"
    assert cli("autostart", "on", environ=env).code == 0
    result = subprocess.run([validator, entry(env)], capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_entry_starts_this_reconnect_with_the_chosen_data_folder(
    cli: Cli, env: dict[str, str]
) -> None:
    cli("autostart", "on", environ=env)
    value = exec_value(entry(env))
    program = first_exec_argument(value)
    assert program is not None and Path(program).is_absolute()
    # The data folder is one quoted argument, with $ escaped and % doubled.
    assert value.endswith(' --data-dir "' + env["RECONNECT_DATA_DIR"].replace("$", "\\\\$") + '%"')
    run = [program, "-m", "reconnect"] if "-m reconnect" in value else [program]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout == f"reconnect {__version__}\n"


def test_doctor_tells_the_state_and_what_to_do(cli: Cli, env: dict[str, str]) -> None:
    # Doctor's columns are as wide as its longest label: spaces are compared as one.
    off = [
        " ".join(x.split())
        for x in cli("doctor", environ=env).out.splitlines()
        if "start at login" in x
    ]
    assert off == [
        "ok start at login off; to start Reconnect when you log in: reconnect autostart on"
    ]
    cli("autostart", "on", environ=env)
    on = [
        " ".join(x.split())
        for x in cli("doctor", environ=env).out.splitlines()
        if "start at login" in x
    ]
    assert on == [f"ok start at login on ({entry(env)})"]


def test_a_program_that_is_gone_is_flagged(cli: Cli, env: dict[str, str]) -> None:
    file = entry(env)
    file.parent.mkdir(parents=True)
    file.write_text("[Desktop Entry]\nType=Application\nName=Reconnect\nExec=/gone/reconnect\n")
    status = cli("autostart", environ=env)
    assert "the program it starts is gone: /gone/reconnect" in status.out
    assert status.out.endswith("Point it at this Reconnect with: reconnect autostart on\n")
    doctor = cli("doctor", environ=env)
    assert doctor.code == 1
    assert (
        "!! start at login" in " ".join(doctor.out.split())
        and "reconnect autostart on" in doctor.out
    )


def test_bad_input_is_one_line_and_writes_nothing(cli: Cli, env: dict[str, str]) -> None:
    result = cli("autostart", "maybe", environ=env)
    assert result.code == 2 and result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "invalid choice: 'maybe'" in result.err
    assert not Path(env["XDG_CONFIG_HOME"]).exists()


def test_a_config_folder_that_cannot_be_used_is_explained(cli: Cli, env: dict[str, str]) -> None:
    Path(env["XDG_CONFIG_HOME"]).write_text("a file where the config folder should be")
    result = cli("autostart", "on", environ=env)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("reconnect autostart: Could not write the login entry")
    assert len(result.err.strip().splitlines()) == 1
