"""The wheel, installed into a clean virtual environment, works away from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
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
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    run(work / "venv/bin/python", "-m", "pip", "install", "-q", wheel, cwd=work)
    yield work / "venv/bin/reconnect"


def away_from_checkout(tmp_path: Path, data: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECONNECT_"))}
    env["RECONNECT_DATA_DIR"] = str(tmp_path / data)
    return env


def test_the_installed_app_lists_its_practices(installed: Path, tmp_path: Path) -> None:
    env = away_from_checkout(tmp_path, "data")
    assert run(installed, "--version", cwd=tmp_path, env=env).startswith("reconnect ")
    practices = json.loads(run(installed, "practices", "--json", cwd=tmp_path, env=env))
    assert len(practices) >= 16
    assert "hand-on-heart" in run(installed, "practices", cwd=tmp_path, env=env)


def test_the_installed_app_keeps_and_moves_a_history(installed: Path, tmp_path: Path) -> None:
    env = away_from_checkout(tmp_path, "data")
    run(installed, "log", "music-chills", "--spark", "3", "--body", "arms", cwd=tmp_path, env=env)
    history = json.loads(run(installed, "history", "--json", cwd=tmp_path, env=env))
    assert [h["practice_id"] for h in history] == ["music-chills"]
    run(installed, "export", "-o", tmp_path / "mine.json", cwd=tmp_path, env=env)
    fresh = away_from_checkout(tmp_path, "fresh")
    run(installed, "import", tmp_path / "mine.json", cwd=tmp_path, env=fresh)
    assert json.loads(run(installed, "history", "--json", cwd=tmp_path, env=fresh)) == history
    assert "All well." in run(installed, "doctor", cwd=tmp_path, env=fresh)
