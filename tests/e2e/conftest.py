"""The installed app: a wheel built from this checkout, in a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The ``reconnect`` command of a fresh virtual environment holding only the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", ROOT, cwd=work
    )
    wheel = next((work / "dist").glob("reconnect-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "reconnect/resources/practices/hand-on-heart.toml" in names
    assert any(n.startswith("reconnect/assets/illustrations/") for n in names)
    assert any(n.startswith("reconnect/storage/migrations/versions/") for n in names)
    # the Wayland protocols, and the bindings pywayland's scanner made of them
    assert "reconnect/desktop/wayland/protocols/ext-idle-notify-v1.xml" in names
    assert "reconnect/desktop/wayland/protocols/kde-idle.xml" in names
    assert "reconnect/desktop/wayland/bindings/ext_idle_notify_v1.py" in names
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    run(work / "venv/bin/python", "-m", "pip", "install", "-q", wheel, cwd=work)
    yield work / "venv/bin/reconnect"
