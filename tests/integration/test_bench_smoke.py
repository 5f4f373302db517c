"""The benchmark scripts in bench/ still run, at tiny sizes, so they cannot rot."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.generate_history import generate

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import Moment
from reconnect.services import history

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 11, 20, 18, tzinfo=ZoneInfo("Europe/Berlin"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _export(data_dir: Path) -> str:
    context = bootstrap.build(str(data_dir), environ={}, clock=FakeClock(WHEN))
    try:
        return history.export(context.database().session_factory, "json", Moment.of(WHEN), "x")
    finally:
        context.close()


def test_the_generator_runs_from_the_command_line(tmp_path: Path) -> None:
    result = _run("bench.generate_history", str(tmp_path / "data"), "--years", "0.02")
    assert result.returncode == 0, result.stderr
    assert "sessions" in result.stdout
    assert "with check-ins" in result.stdout
    assert (tmp_path / "data" / "reconnect.db").is_file()


def test_the_benchmark_prints_its_figures(tmp_path: Path) -> None:
    result = _run("bench.bench_history", "--quick", "--workdir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for figure in ("stats query", "import", "check-in save p50", "check-in save p99"):
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith(figure)), None)
        assert line is not None, f"{figure!r} missing from:\n{result.stdout}"
        assert " ms " in line
        assert "PASS" in line or "MISS" in line
        assert "baseline" in line
    for figure in ("dashboard first content", "dashboard memory added"):
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith(figure)), None)
        assert line is not None, f"{figure!r} missing from:\n{result.stdout}"
        assert "PASS" in line or "MISS" in line
        assert "baseline bare window" in line and "once a break was recorded" in line


def test_the_generator_is_deterministic_and_checks_in_about_sixty_percent(
    tmp_path: Path,
) -> None:
    first = generate(tmp_path / "one", years=0.5, seed=7)
    second = generate(tmp_path / "two", years=0.5, seed=7)
    other = generate(tmp_path / "three", years=0.5, seed=8)

    assert (first.sessions, first.checkins) == (second.sessions, second.checkins)
    assert _export(tmp_path / "one") == _export(tmp_path / "two")
    assert _export(tmp_path / "one") != _export(tmp_path / "three")
    assert first.sessions > 1000
    assert 0.55 <= first.checkin_share <= 0.65
    assert 0.55 <= other.checkin_share <= 0.65
