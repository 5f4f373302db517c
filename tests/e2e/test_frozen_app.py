"""The PyInstaller build (packaging/reconnect.spec): a one-folder app that runs on its own.

It takes a minute or two on this machine, so it is marked slow; CI runs it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from reconnect import __version__
from reconnect.desktop.autostart import APP_ID, first_exec_argument
from tests.e2e.conftest import ROOT, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built program, ``dist/reconnect/reconnect``, in a folder of its own."""
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        work / "dist",
        "--workpath",
        work / "build",
        ROOT / "packaging" / "reconnect.spec",
        cwd=work,
    )
    print(f"PyInstaller build: {time.monotonic() - started:.0f} s")
    program = work / "dist" / "reconnect" / "reconnect"
    assert program.is_file()
    return program


def alone(tmp_path: Path) -> dict[str, str]:
    """No Python of ours and no checkout to lean on: only what the bundle holds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECONNECT_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        RECONNECT_DATA_DIR=str(tmp_path / "data"),
    )
    return env


def test_the_built_app_starts_and_finds_its_practices(frozen: Path, tmp_path: Path) -> None:
    env = alone(tmp_path)
    assert run(frozen, "--version", cwd=tmp_path, env=env) == f"reconnect {__version__}\n"
    practices = json.loads(run(frozen, "practices", "--json", cwd=tmp_path, env=env))
    assert len(practices) >= 16 and "hand-on-heart" in {p["id"] for p in practices}


def test_the_built_app_keeps_a_history(frozen: Path, tmp_path: Path) -> None:
    """The database migrations travel in the bundle, and so does scipy for the statistics."""
    env = alone(tmp_path)
    run(frozen, "log", "hand-on-heart", "--spark", "2", cwd=tmp_path, env=env)
    history = json.loads(run(frozen, "history", "--json", cwd=tmp_path, env=env))
    assert [(h["practice_id"], h["checkin"]["level"]) for h in history] == [("hand-on-heart", 2)]
    assert "Hand on heart" in run(frozen, "stats", cwd=tmp_path, env=env)


def test_the_built_app_starts_itself_at_login(frozen: Path, tmp_path: Path) -> None:
    env = alone(tmp_path)
    run(frozen, "autostart", "on", cwd=tmp_path, env=env)
    entry = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    assert first_exec_argument(exec_line.removeprefix("Exec=")) == str(frozen)
