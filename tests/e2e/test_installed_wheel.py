"""The wheel, installed into a clean virtual environment, works away from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import run

pytestmark = pytest.mark.slow


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
    doctor = subprocess.run(
        [str(installed), "doctor"], cwd=tmp_path, env=fresh, capture_output=True, text=True
    )
    assert "ok  database" in doctor.stdout and "up to date; 1 session," in doctor.stdout
